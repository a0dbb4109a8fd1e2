#!/usr/bin/env python3
"""Check every NN-slug.gold.json of gold-blind10 against its .txt and the conventions of testdata/gold/README.md."""
import json, os, re, sys, collections
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = {'PER', 'ORG', 'LOC', 'MISC'}
KINDS = {'name', 'nominal', 'pronoun'}
TYPES = {'attack', 'disaster', 'death', 'injury', 'arrest', 'warning', 'statement', 'report', 'election',
         'claim_responsibility', 'denial', 'meeting', 'protest'}
WHATS = {'killed', 'injured', 'arrested', 'missing', 'evacuated', 'displaced', 'rescued', 'detained', 'affected'}
QUALS = {'exact', 'at_least', 'at_most', 'about', 'range'}
RELS = {'on', 'before', 'after', 'during'}
PRON = {'he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'its', 'their'}
DAY = re.compile(r'^\d{4}-\d{2}-\d{2}$')
COARSE = re.compile(r'^(\d{4}|\d{4}-\d{2}|\d{4}-W\d{2})$')
bad = 0
def err(f, msg):
    global bad; bad += 1; print(f'{f}: {msg}')
def isw(c): return c.isalnum() or c in "'’-" and False
tot = collections.Counter()
for fn in sorted(os.listdir(root)):
    if not fn.endswith('.gold.json'): continue
    slug = fn[:-10]
    text = open(os.path.join(root, slug + '.txt'), encoding='utf-8').read()
    g = json.load(open(os.path.join(root, fn), encoding='utf-8'))
    assert set(g) == {'published', 'entities', 'events', 'timeline'}, g.keys()
    if not DAY.match(g['published']) or not g['published'].startswith(('2025', '2026')): err(fn, 'published')
    words = len(text.split())
    if not 350 <= words <= 550: err(fn, f'{words} words')
    def span(s, what):
        if text[s['start']:s['end']] != s['text']: err(fn, f'{what} span mismatch {s}')
        if s['text'] != s['text'].strip() or not s['text']: err(fn, f'{what} span whitespace {s}')
        a, b = s['start'], s['end']
        if a > 0 and text[a-1].isalnum(): err(fn, f'{what} cuts a word at start {s} ({text[a-5:b+5]!r})')
        if b < len(text) and text[b].isalnum(): err(fn, f'{what} cuts a word at end {s} ({text[a-5:b+5]!r})')
    seen = {}
    names = set()
    for e in g['entities']:
        if e['label'] not in LABELS: err(fn, f'label {e}')
        if e['name'] in names: err(fn, f'duplicate entity {e["name"]}')
        names.add(e['name'])
        if e['name'].lower().startswith('the '): err(fn, f'entity name with the: {e["name"]}')
        if not e['mentions']: err(fn, f'no mentions {e["name"]}')
        if not any(m['kind'] == 'name' for m in e['mentions']): err(fn, f'no name mention {e["name"]}')
        for m in e['mentions']:
            span(m, 'mention'); tot['mentions'] += 1; tot[m['kind']] += 1
            k = (m['start'], m['end'])
            if k in seen: err(fn, f'mention twice {m} {e["name"]} / {seen[k]}')
            seen[k] = e['name']
            if m['kind'] not in KINDS: err(fn, f'kind {m}')
            if m['kind'] == 'name' and m['text'].lower().startswith('the '): err(fn, f'name with "the": {m}')
            if m['kind'] == 'name' and m['text'].endswith("'s"): err(fn, f'name with possessive: {m}')
            if m['kind'] == 'pronoun' and m['text'].lower() not in PRON: err(fn, f'pronoun form {m}')
            if m['kind'] == 'nominal' and m['text'].lower() in PRON: err(fn, f'nominal is pronoun {m}')
        tot['entities'] += 1
    trig = {}
    dated = {}
    for i, ev in enumerate(g['events']):
        tot['events'] += 1
        if ev['type'] not in TYPES: err(fn, f'type {ev}')
        if not ev['triggers']: err(fn, f'event {i} without triggers')
        for t in ev['triggers']:
            span(t, 'trigger')
            for (a, b), j in trig.items():
                if a < t['end'] and t['start'] < b: err(fn, f'trigger overlap {t} events {j},{i}')
            trig[(t['start'], t['end'])] = i
        if ev['location'] is not None and ev['location'] not in text: err(fn, f'location not in text {ev["location"]}')
        if ev['location'] is not None and ev['location'].lower().startswith(('in ', 'at ', 'near ')): err(fn, f'location with preposition? {ev["location"]}')
        tm = ev['time']
        if tm is not None:
            if tm['relation'] not in RELS: err(fn, f'relation {tm}')
            if COARSE.match(tm['value']) and tm['relation'] != 'during': err(fn, f'coarse value not during {i} {tm}')
            if not (COARSE.match(tm['value']) or DAY.match(tm['value'])): err(fn, f'value form {tm}')
            dated[i] = tm
        for c in ev['counts']:
            tot['counts'] += 1
            if c['what'] not in WHATS: err(fn, f'what {c}')
            if c['qualifier'] not in QUALS: err(fn, f'qual {c}')
            if not isinstance(c['value'], int): err(fn, f'value {c}')
            if (c['qualifier'] == 'range') != ('max' in c): err(fn, f'range/max {c}')
            if c['qualifier'] == 'range' and c['max'] <= c['value']: err(fn, f'range order {c}')
        whats = [c['what'] for c in ev['counts']]
        if len(whats) != len(set(whats)): err(fn, f'two counts of one what on event {i}')
    ontl = collections.Counter()
    cues = set()
    for t in g['timeline']:
        tot['timeline'] += 1
        if t['relation'] not in RELS: err(fn, f'tl relation {t}')
        if COARSE.match(t['value']) and t['relation'] != 'during': err(fn, f'tl coarse not during {t}')
        if t['event'] is not None:
            if not 0 <= t['event'] < len(g['events']): err(fn, f'tl index {t}'); continue
            ontl[t['event']] += 1
            tm = g['events'][t['event']]['time']
            if tm is None or tm['value'] != t['value'] or tm['relation'] != t['relation']: err(fn, f'tl time differs from event {t}')
        if t['attribution_cue'] is not None:
            span(t['attribution_cue'], 'cue')
            k = (t['attribution_cue']['start'], t['attribution_cue']['end'])
            if k in cues: err(fn, f'cue twice {t}')
            cues.add(k)
        else:
            tot['tl_noattr'] += 0
        if t['event'] is None and t['attribution_cue'] is None: err(fn, f'tl entry with neither {t}')
        if t['event'] is None: tot['tl_attr_only'] += 1
    for i in dated:
        if ontl[i] != 1: err(fn, f'dated event {i} on timeline {ontl[i]} times')
    for i in ontl:
        if i not in dated: err(fn, f'undated event {i} on timeline')
    tot['articles'] += 1; tot['words'] += words; tot['chars'] += len(text)
print(dict(tot))
print('errors:', bad)
sys.exit(1 if bad else 0)
