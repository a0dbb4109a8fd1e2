#!/usr/bin/env python3
"""Writes the synthetic news pages the benchmark runs on (benches/pages/*.html, ~80 KB each).

Every sentence is assembled from the word lists below (written for this project), so the pages can be
committed. The layout imitates a real news site: navigation, cookie banner, JSON-LD, inline scripts and
styles, an article with byline, dateline, quote, list and figure, a share bar, a newsletter box, related
links, comments and a footer. Re-run to regenerate: python3 crates/html/benches/gen_pages.py
"""
import os
import random

SUBJECTS = ["The council", "A spokesperson for the ministry", "Local residents", "The harbour authority",
            "Two independent analysts", "The regional governor", "Emergency crews", "The opposition leader",
            "A coalition of farmers", "The transport union", "Officials in the capital", "The city treasurer"]
VERBS = ["said", "warned", "confirmed", "denied", "suggested", "argued", "announced", "reported"]
CLAUSES = ["the flood barrier would be finished before the winter storms",
           "the budget for rural bus lines had been cut by a third",
           "no decision on the bridge tender had been taken yet",
           "the water supply in the northern district was safe to drink",
           "the new ferry schedule would start in the second week of May",
           "inspectors had found cracks in two of the older school buildings",
           "the strike could spread to the rail depots by the weekend",
           "grain prices at the port had risen for the fourth month in a row",
           "the evacuation order for the valley villages had been lifted",
           "a review of the hospital waiting lists was already under way"]
TAILS = ["according to figures released on Tuesday", "in a statement late on Monday",
         "during a heated session of the assembly", "without giving further details",
         "citing an internal report seen by reporters", "after weeks of negotiations"]
TOPICS = ["Flood defences", "Rail strike", "Harbour expansion", "School repairs", "Grain exports",
          "Hospital queues", "Ferry timetable", "Bridge tender"]
NAMES = ["Mara Lindqvist", "Tomas Okafor", "Ines Carvalho", "Pavel Horak", "Aiko Brandt", "Luca Ferreira"]


def sentence(r):
    return f"{r.choice(SUBJECTS)} {r.choice(VERBS)} that {r.choice(CLAUSES)}, {r.choice(TAILS)}."


def paragraph(r, n):
    return " ".join(sentence(r) for _ in range(n))


def links(r, n, cls):
    items = "".join(f'<li class="{cls}-item"><a href="/section/{i}/{r.choice(TOPICS).lower().replace(" ", "-")}">'
                    f'{r.choice(TOPICS)} {i}</a></li>' for i in range(n))
    return f'<ul class="{cls}">{items}</ul>'


def script(r, kb):
    body = []
    while sum(len(x) for x in body) < kb * 1024:
        i = len(body)
        body.append(f"function track{i}(e){{var d=window.dataLayer||[];d.push({{event:'view{i}',id:{r.randint(1, 99999)},"
                    f"tag:'<div class=\"x\">'+e+'</div>'}});return d.length>{i}?1:0}}\n")
    return "<script>" + "".join(body) + "</script>"


def page(seed):
    r = random.Random(seed)
    topic = r.choice(TOPICS)
    author = r.choice(NAMES)
    y, m, d = 2024, r.randint(1, 12), r.randint(1, 28)
    title = f"{topic}: {r.choice(SUBJECTS)} {r.choice(VERBS)} new plan"
    paras = "\n".join(f"<p>{paragraph(r, r.randint(3, 6))}</p>" + (
        f'<blockquote><p>\u201c{r.choice(CLAUSES).capitalize()}.\u201d</p></blockquote>' if i == 4 else "") + (
        "<ul>" + "".join(f"<li>{r.choice(CLAUSES)}</li>" for _ in range(4)) + "</ul>" if i == 8 else "") + (
        f'<figure><img src="/img/{i}.jpg" alt=""><figcaption>{r.choice(TOPICS)} near the harbour. '
        f'Photo: {r.choice(NAMES)}</figcaption></figure>' if i == 6 else "")
        for i in range(r.randint(14, 20)))
    comments = "".join(f'<li class="comment"><span class="comment-author">{r.choice(NAMES)}</span>'
                       f'<p>{paragraph(r, 2)}</p></li>' for _ in range(25))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | The Harbour Courier</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Harbour Courier">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{y}-{m:02}-{d:02}T08:30:00Z">
<link rel="canonical" href="https://courier.example/news/{y}/{m:02}/{d:02}/{topic.lower().replace(' ', '-')}">
<style>{'.c{margin:0;padding:0}' * 300}</style>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}",
"datePublished":"{y}-{m:02}-{d:02}T08:30:00Z","author":{{"@type":"Person","name":"{author}"}},
"publisher":{{"@type":"Organization","name":"The Harbour Courier"}}}}</script>
{script(r, 14)}
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.</p><button>Accept</button></div>
<header class="site-header"><nav class="main-nav">{links(r, 60, "nav")}</nav></header>
<div class="ad ad-top"><iframe src="/ads/top"></iframe></div>
<main><article class="story">
<h1>{title}</h1>
<div class="byline">By <a rel="author" href="/authors/1">{author}</a></div>
<time datetime="{y}-{m:02}-{d:02}T08:30:00Z" class="published">{d} March {y}</time>
<div class="share-bar"><a href="#">Share on social</a><a href="#">Email</a><a href="#">Print</a></div>
<div class="story-body">
{paras}
</div>
<div class="newsletter-box"><h3>Get the morning briefing</h3><p>Sign up for our newsletter.</p><form><input type="email"><button>Subscribe</button></form></div>
</article>
<aside class="related"><h2>Related stories</h2>{links(r, 12, "related-list")}</aside>
<section id="comments" class="comments"><h2>Comments</h2><ol>{comments}</ol></section>
</main>
<footer class="site-footer">{links(r, 80, "footer-links")}<p>&copy; The Harbour Courier</p></footer>
{script(r, 18)}
</body></html>
"""


def main():
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pages")
    os.makedirs(out, exist_ok=True)
    for i in range(4):
        html = page(1000 + i)
        with open(os.path.join(out, f"news-{i + 1}.html"), "w", encoding="utf-8") as f:
            f.write(html)
        print(f"news-{i + 1}.html", len(html.encode()))


if __name__ == "__main__":
    main()
