#!/usr/bin/env python3
"""Turn a markup file (markup/NN-slug.mk) into NN-slug.txt and NN-slug.gold.json.

Header lines, then a line '---', then the text with inline markup:
  published YYYY-MM-DD
  E key LABEL Canonical Name
  V key type | location or - | VALUE RELATION or - | what:qual:value[:max], ...
  T evkey-or-- | cuekey-or-- | VALUE RELATION or - (defaults to the event's time) | summary
Text markup (nestable):
  [span]{key}    entity name mention     [span]{key.n} nominal    [span]{key.p} pronoun
  <span>{ev}     event trigger           <span>{@c} attribution cue    <span>{ev@c} both
"""
import json, sys, re, os

def parse(path):
    raw = open(path, encoding='utf-8').read()
    head, body = raw.split('\n---\n', 1)
    body = body.strip('\n') + '\n'
    published = None; ents = {}; eorder = []; evs = {}; vorder = []; tls = []
    for line in head.splitlines():
        line = line.strip()
        if not line or line.startswith('#'): continue
        if line.startswith('published '):
            published = line.split()[1]
        elif line.startswith('E '):
            _, key, label, name = line.split(' ', 3)
            assert key not in ents, key
            ents[key] = {'name': name, 'label': label, 'mentions': []}; eorder.append(key)
        elif line.startswith('V '):
            parts = [p.strip() for p in line[2:].split('|')]
            key, typ = parts[0].split()
            loc = None if parts[1] == '-' else parts[1]
            time = None
            if parts[2] != '-':
                v, r = parts[2].split(); time = {'value': v, 'relation': r}
            counts = []
            if len(parts) > 3 and parts[3]:
                for c in parts[3].split(','):
                    f = c.strip().split(':')
                    d = {'what': f[0], 'value': int(f[2]), 'qualifier': f[1]}
                    if f[1] == 'range': d['max'] = int(f[3])
                    counts.append(d)
            assert key not in evs, key
            evs[key] = {'type': typ, 'triggers': [], 'location': loc, 'time': time, 'counts': counts}; vorder.append(key)
        elif line.startswith('T '):
            parts = [p.strip() for p in line[2:].split('|')]
            tls.append(parts)
        else:
            raise SystemExit(f'bad header line: {line}')
    # inline markup
    out = []; stack = []; cues = {}; i = 0; n = len(body)
    pos = 0
    while i < n:
        ch = body[i]
        if ch in '[<':
            stack.append((ch, pos)); i += 1; continue
        if ch in ']>':
            op, start = stack.pop()
            assert (op, ch) in (('[', ']'), ('<', '>')), (path, i)
            assert body[i+1] == '{', (path, body[max(0,i-30):i+10])
            j = body.index('}', i)
            lab = body[i+2:j]
            text = ''.join(out)[start:pos]
            span = {'start': start, 'end': pos, 'text': text}
            if op == '[':
                if '.' in lab: key, k = lab.split('.')
                else: key, k = lab, 'name'
                kind = {'name': 'name', 'n': 'nominal', 'p': 'pronoun'}[k]
                assert key in ents, (path, key)
                ents[key]['mentions'].append(dict(span, kind=kind))
            else:
                ev, _, cue = lab.partition('@')
                if ev:
                    assert ev in evs, (path, ev)
                    evs[ev]['triggers'].append(dict(span))
                if cue:
                    assert cue not in cues, (path, cue)
                    cues[cue] = dict(span)
            i = j + 1; continue
        out.append(ch); pos += 1; i += 1
    assert not stack, (path, stack)
    content = ''.join(out)
    for e in ents.values(): e['mentions'].sort(key=lambda m: (m['start'], m['end']))
    vidx = {k: n for n, k in enumerate(vorder)}
    timeline = []
    for parts in tls:
        evk, cuek, tm, summ = parts
        ev = None if evk == '-' else vidx[evk]
        cue = None if cuek == '-' else cues[cuek]
        if tm == '-':
            t = evs[evk]['time']; v, r = t['value'], t['relation']
        else:
            v, r = tm.split()
        timeline.append({'value': v, 'relation': r, 'event': ev, 'attribution_cue': cue, 'summary': summ})
    unused = set(cues) - {p[1] for p in tls}
    assert not unused, (path, 'unused cues', unused)
    gold = {'published': published, 'entities': [ents[k] for k in eorder],
            'events': [evs[k] for k in vorder], 'timeline': timeline}
    return content, gold

if __name__ == '__main__':
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    files = sys.argv[1:] or sorted(os.listdir(os.path.join(root, 'markup')))
    for f in files:
        p = f if os.path.exists(f) else os.path.join(root, 'markup', f)
        slug = os.path.basename(p)[:-3]
        content, gold = parse(p)
        open(os.path.join(root, slug + '.txt'), 'w', encoding='utf-8').write(content)
        with open(os.path.join(root, slug + '.gold.json'), 'w', encoding='utf-8') as fh:
            json.dump(gold, fh, ensure_ascii=False, indent=2); fh.write('\n')
        print('built', slug)
