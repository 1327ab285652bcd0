#!/usr/bin/env python3
"""Builds src/main/resources/referentiedata/gemeenten-2023-01-01.csv from the municipality list in
minvws/nl-covid19-data-dashboard (packages/common/src/data/gm.ts, commit 5d711c75b, 2023-07-12; CBS indeling
1 januari 2023, CC BY 4.0). Run once; a later merger is a new migration, not a rerun (docs/referentiedata.md).

Usage: gemeenten_uit_bron.py gm.ts > gemeenten-2023-01-01.csv
"""
import re
import sys
import unicodedata

# Nicknames in the source's search terms that are no spelling of the name.
GEEN_SPELLING = {"Damsco", "Agga", "Roffa", "Tilly", "Chillburg", "Utca"}
# Common spellings the source does not list.
EXTRA = {"GM0518": ["Den Haag"], "GM0796": ["Den Bosch"], "GM0363": [], "GM1900": ["Sudwest Friesland"]}


def slug(tekst):
    t = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode().lower()
    t = t.replace("'", "")
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t


def main(pad):
    bron = open(pad, encoding="utf-8").read()
    rijen = []
    for blok in re.findall(r"\{([^{}]*gemcode: '[^{}]*)\}", bron):
        naam = re.search(r"\bname: (['\"])(.*?)\1,", blok).group(2)
        weergave = re.search(r"displayName: (['\"])(.*?)\1,", blok)
        code = re.search(r"gemcode: '(GM\d{4})'", blok).group(1)
        vr = re.search(r"vrCode: '(VR\d\d)'", blok).group(1)
        termen = re.search(r"searchTerms: \[([^\]]*)\]", blok)
        spellingen = [t for t in re.findall(r"'([^']*)'", termen.group(1))] if termen else []
        if naam.startswith("s-"):
            naam = "'" + naam  # the source drops the apostrophe of 's-Gravenhage in name
        rijen.append([code, naam, vr, [s for s in spellingen if s not in GEEN_SPELLING] + EXTRA.get(code, [])])
    basis = {}
    for code, naam, _, _ in rijen:
        kort = re.sub(r"\s*\(.*\)$", "", naam)
        basis.setdefault(slug(kort), []).append(code)
    print("gemeentecode;naam;slug;andere_spellingen;veiligheidsregio;geldig_vanaf;geldig_tot")
    for code, naam, vr, spellingen in sorted(rijen):
        eigen = slug(naam)
        anders = []
        kort = slug(re.sub(r"\s*\(.*\)$", "", naam))
        if kort != eigen and basis[kort] == [code]:
            anders.append(kort)  # "hengelo" for Hengelo (O.): unique without the province
        for s in spellingen:
            if slug(s) != eigen and slug(s) not in anders:
                anders.append(slug(s))
        print(";".join([code, naam, eigen, "|".join(anders), vr, "2023-01-01", ""]))


if __name__ == "__main__":
    main(sys.argv[1])
