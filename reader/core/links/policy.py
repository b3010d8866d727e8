"""Severity and policy: the single place that decides how loud a link is and whether it may be opened.

The inspector, the JSON export and the link table all read these two answers, so the
table can never paint a link orange while its detail pane says "Danger".
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Link, LinkWarning

DANGER, WARNING, INFO = "danger", "warning", "info"
SEVERITY_RANK = {DANGER: 0, WARNING: 1, INFO: 2}
OPEN, CONFIRM, NEVER = "open", "confirm", "never"
WEB_SCHEMES = frozenset({"http", "https"})


def sort_warnings(warnings: Iterable[LinkWarning]) -> tuple[LinkWarning, ...]:
    """Most severe first; the order within a severity is the order they were found."""
    return tuple(sorted(warnings, key=lambda w: SEVERITY_RANK.get(w.severity, 3)))


def worst_severity(warnings: Iterable[LinkWarning]) -> str | None:
    """The most severe of the warnings ("danger", "warning", "info"), None when there are none."""
    ranked = [SEVERITY_RANK.get(w.severity, 3) for w in warnings]
    if not ranked:
        return None
    return {rank: name for name, rank in SEVERITY_RANK.items()}.get(min(ranked), WARNING)


# Notes that only describe a link, and so are no reason to ask before opening it: a web server on another port
# (8080, 8443) is where a browser goes without a word; the ports browsers refuse carry a warning instead.
QUIET_NOTES = frozenset({"non-standard-port"})


def decide_policy(refused: bool, scheme: str | None, warnings: Iterable[LinkWarning]) -> str:
    """"never" for what Reader refuses outright (scripts, files, malformed, in-page), "confirm" for anything
    that is not a plain web link or carries any note (bar a quiet one), "open" for the rest."""
    if refused:
        return NEVER
    if scheme not in WEB_SCHEMES or any(not (w.severity == INFO and w.code in QUIET_NOTES) for w in warnings):
        return CONFIRM
    return OPEN


def link_severity(link: Link) -> str | None:
    """How loud a link is where it is listed: the worst of its warnings, as the detail pane shows them."""
    return worst_severity(link.warnings)
