"""Desktop app entry point. (Placeholder until the window lands: prints the analysis.)"""

from __future__ import annotations

from collections.abc import Sequence

from . import resources
from .cli import main as cli_main


def main(argv: Sequence[str]) -> int:
    files = list(argv) or [str(resources.SAMPLE_ARTICLE)]
    return cli_main(["analyze", *files])
