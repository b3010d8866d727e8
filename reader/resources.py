"""The one place that knows where bundled resources live."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "resources"
SAMPLES = ROOT / "samples"
GAZETTEERS = ROOT / "gazetteers"
SAMPLE_ARTICLE = SAMPLES / "hama.html"


def gazetteer(name: str) -> Path:
    return GAZETTEERS / name
