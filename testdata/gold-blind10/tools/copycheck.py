#!/usr/bin/env python3
"""Print every 8-word run a gold-blind10 text shares with another testdata/**/*.txt or the seed article (matches only)."""
import os, re, glob
here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
repo = os.path.dirname(os.path.dirname(here))
def grams(t):
    w = re.findall(r"[a-z0-9]+", t.lower())
    return {' '.join(w[i:i+8]) for i in range(len(w) - 7)}
mine = {f: grams(open(f, encoding='utf-8').read()) for f in sorted(glob.glob(os.path.join(here, '*.txt')))}
others = [f for f in glob.glob(os.path.join(repo, 'testdata', '**', '*.txt'), recursive=True) if not f.startswith(here)]
others += glob.glob('/work/shared/seed/*')
n = 0
for o in others:
    og = grams(open(o, encoding='utf-8', errors='replace').read())
    for f, g in mine.items():
        for m in sorted(g & og):
            n += 1; print(os.path.basename(f), '~', os.path.relpath(o, repo), ':', m)
fs = list(mine)
for i in range(len(fs)):
    for j in range(i+1, len(fs)):
        for m in sorted(mine[fs[i]] & mine[fs[j]]):
            n += 1; print(os.path.basename(fs[i]), '~', os.path.basename(fs[j]), ':', m)
print('shared 8-word runs:', n, 'against', len(others), 'files')
