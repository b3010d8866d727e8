"""What the link inspector's corpus tests share: the scorer (tools/score_links.py) and two questions asked of a link."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from reader.core.links import OPEN, inspect_href

TOOL = Path(__file__).resolve().parents[1] / "tools" / "score_links.py"
BASE = "https://news.example.org/world/story.html"  # the page the links are read on


def score_links() -> ModuleType:
    """tools/score_links.py as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("score_links", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_links"] = module
    spec.loader.exec_module(module)
    return module


def codes(href: str, text: str = "here") -> set[str]:
    """The inspector's warning codes for a link."""
    return {warning.code for warning in inspect_href(href, text, BASE).warnings}


def caught(href: str, text: str = "here") -> bool:
    """Not opened without asking, and said why with a warning or a danger (as the scorer counts a catch)."""
    link = inspect_href(href, text, BASE)
    return link.policy != OPEN and any(warning.severity in ("warning", "danger") for warning in link.warnings)
