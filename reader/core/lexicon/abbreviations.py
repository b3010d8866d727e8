"""Abbreviations whose full stop does not end a sentence ("Mr.", "Sept.", "Inc.", "e.g.")."""

from __future__ import annotations

from .time import MONTH_ABBREVIATIONS, WEEKDAY_ABBREVIATIONS

# Titles and forms of address: "Gen.", "Messrs.", "Mme.".
TITLE_ABBREVIATIONS = frozenset(
    """mr mrs ms mx dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt rep sen gov
    pres supt insp det rev fr hon messrs mme mlle""".split())
# Companies and institutions: "Inc.", "Bros.", "Univ.".
ORGANISATION_ABBREVIATIONS = frozenset("inc ltd co corp bros plc llc dept univ assn".split())
# References and Latin: "No. 10", "pp.", "etc.", "vs.", "e.g.".
REFERENCE_ABBREVIATIONS = frozenset(
    """no nos vol vols fig figs pp ed eds est approx etc vs al cf ie eg ca
    u.s u.k u.n e.u a.m p.m i.e e.g""".split())

SENTENCE_ABBREVIATIONS = (TITLE_ABBREVIATIONS | MONTH_ABBREVIATIONS | WEEKDAY_ABBREVIATIONS
                          | ORGANISATION_ABBREVIATIONS | REFERENCE_ABBREVIATIONS)
