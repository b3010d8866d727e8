"""A collection too large for one machine: ``analyze --format jsonl`` as the map step, on Dask.

    pip install 'reader[dask]'
    python docs/examples/dask_map.py ARTICLES_FOLDER OUT_FOLDER [--shards 8] [--model rules]

1. Map: the files are cut into shards; each shard is one ``python -m reader analyze ... --format jsonl``
   process (the model loads once per shard), run by Dask's local scheduler here, or by a cluster's
   workers unchanged (``dask.distributed.Client(...)``: every worker needs Reader installed).
2. Reduce: the JSON lines are read back as a Dask dataframe of quotes and counted per speaker.

The same engine reads the library of the desktop app: ``python -m reader library export --format
parquet OUT`` writes its tables, which ``dask.dataframe.read_parquet`` reads directly.
tests/library/test_dask_example.py runs this file on a few articles.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import dask
import dask.bag
import pandas as pd

QUOTE_COLUMNS = {"source": "string", "text": "string", "speaker": "string", "kind": "string"}


def analyse_shard(job: tuple[int, list[str], str, str | None]) -> str:
    """The map step for one shard: a Reader CLI process writing one JSON object per article."""
    number, paths, out, model = job
    target = Path(out) / f"part-{number:05d}.jsonl"
    command = [sys.executable, "-m", "reader", "analyze", *paths, "--format", "jsonl"]
    if model:
        command += ["--model", model]
    with target.open("w", encoding="utf-8") as stdout:
        # Exit code 1 means some file failed: its line carries "error", the others are fine.
        subprocess.run(command, stdout=stdout, check=False)
    return str(target)


def quote_rows(line: str) -> list[dict[str, Any]]:
    """One analysed article (a JSON line) -> its speech quotes, one row each."""
    article = json.loads(line)
    if "error" in article:
        return []
    return [{"source": article["source"], "text": quote["text"],
             "speaker": (quote["speaker"] or {}).get("text"), "kind": quote["kind"]}
            for quote in article["quotes"] if quote["kind"] in ("full", "partial")]


def run(folder: Path, out: Path, shards: int = 8, model: str | None = None,
        scheduler: str = "processes") -> pd.Series:
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(str(path) for path in folder.rglob("*") if path.suffix in (".txt", ".html", ".htm", ".md"))
    jobs = [(number, files[number::shards], str(out), model) for number in range(shards) if files[number::shards]]
    with dask.config.set(scheduler=scheduler):
        parts = dask.bag.from_sequence(jobs, npartitions=len(jobs)).map(analyse_shard).compute()
        quotes = dask.bag.read_text(parts).map(quote_rows).flatten().to_dataframe(meta=QUOTE_COLUMNS)
        per_speaker: pd.Series = quotes.dropna(subset=["speaker"]).groupby("speaker")["text"].count().compute()
    return per_speaker.sort_values(ascending=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    print(run(args.folder, args.out, args.shards, args.model).head(20).to_string())


if __name__ == "__main__":
    main()
