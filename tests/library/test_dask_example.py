"""docs/examples/dask_map.py runs: analyze --format jsonl as the map step on Dask's local scheduler, quotes per
speaker as the reduce step; and the library's parquet export reads into a Dask dataframe."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

pytest.importorskip("dask.dataframe")
pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parents[2]
NEWS = ROOT / "tests" / "data" / "news"


def example():
    spec = importlib.util.spec_from_file_location("dask_map", ROOT / "docs" / "examples" / "dask_map.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_dask_example_maps_analyze_jsonl_and_counts_quotes_per_speaker(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("pol-01", "bus-01", "spt-01", "crt-01"):
        shutil.copy(NEWS / f"{name}.txt", folder / f"{name}.txt")
    counts = example().run(folder, tmp_path / "out", shards=2, model="rules", scheduler="processes")
    parts = sorted((tmp_path / "out").glob("part-*.jsonl"))
    assert len(parts) == 2 and sum(len(p.read_text().splitlines()) for p in parts) == 4
    assert counts.sum() >= 4 and list(counts) == sorted(counts, reverse=True)
    assert "Ellery" in counts.index  # pol-01: Margaret Ellery is quoted twice, named "Ellery" at the quotes


@pytest.mark.slow
def test_the_library_export_reads_into_a_dask_dataframe(tmp_path):
    import dask.dataframe as dd

    from reader import cli

    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("pol-01", "pol-02"):
        shutil.copy(NEWS / f"{name}.txt", folder / f"{name}.txt")
    db = str(tmp_path / "library.sqlite3")
    assert cli.main(["library", "add", str(folder), "--db", db, "--model", "rules", "--workers", "0"]) == 0
    assert cli.main(["library", "export", "--db", db, "--format", "parquet", str(tmp_path / "export")]) == 0
    quotes = dd.read_parquet(str(tmp_path / "export" / "quotes.parquet"))
    entities = dd.read_parquet(str(tmp_path / "export" / "library_entities.parquet"))
    joined = quotes.merge(entities, left_on="speaker_library_entity_id", right_on="id").compute()
    assert "Margaret Ellery" in set(joined["name"])
