"""The whole library as tables a notebook or an engine reads directly: one file per table in a folder.

``jsonl`` (one object per line), ``csv`` (a header row; lists as JSON text) or ``parquet`` (typed
columns, lists as list<string>; needs pyarrow: ``pip install 'reader[parquet]'``). Rows are streamed
from SQLite in batches, so a library larger than memory exports too. Offsets are Python string
indices into ``articles.text`` (end exclusive), as everywhere in Reader. Ids join the tables:
``entities.library_entity_id`` -> ``library_entities.id``, ``quotes.speaker_library_entity_id`` the same.
"""

from __future__ import annotations

import csv
import importlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from reader.store import Database

FORMATS = ("jsonl", "csv", "parquet")
BATCH_ROWS = 5_000


class ExportError(Exception):
    """The export cannot be made (a missing optional library); the message says what to do."""


# table -> (SQL, [(column, type)]); types: int, float, str, list (a JSON array of strings in the database)
TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "articles": ("SELECT id, source, title, date, site, content_hash, model, model_version, added_at, analysed_at, text"
                 " FROM articles ORDER BY id",
                 [("id", "int"), ("source", "str"), ("title", "str"), ("date", "str"), ("site", "str"),
                  ("content_hash", "str"), ("model", "str"), ("model_version", "str"), ("added_at", "str"),
                  ("analysed_at", "str"), ("text", "str")]),
    "library_entities": ("SELECT id, name, label, aliases, article_count, mention_count, quote_count,"
                         " quote_article_count FROM library_entities ORDER BY id",
                         [("id", "int"), ("name", "str"), ("label", "str"), ("aliases", "list"),
                          ("article_count", "int"), ("mention_count", "int"), ("quote_count", "int"),
                          ("quote_article_count", "int")]),
    "entities": ("SELECT id, article_id, key, name, label, aliases, library_entity_id, mention_count"
                 " FROM entities ORDER BY id",
                 [("id", "int"), ("article_id", "int"), ("key", "str"), ("name", "str"), ("label", "str"),
                  ("aliases", "list"), ("library_entity_id", "int"), ("mention_count", "int")]),
    "mentions": ("SELECT m.id, m.article_id, m.entity_id, e.library_entity_id, m.start_offset, m.end_offset, m.text,"
                 " e.label FROM mentions m JOIN entities e ON e.id = m.entity_id ORDER BY m.id",
                 [("id", "int"), ("article_id", "int"), ("entity_id", "int"), ("library_entity_id", "int"),
                  ("start", "int"), ("end", "int"), ("text", "str"), ("label", "str")]),
    "quotes": ("SELECT q.id, q.article_id, q.start_offset, q.end_offset, q.text, q.kind, q.cue, q.confidence,"
               " q.speaker_text, q.speaker_entity_id, e.library_entity_id FROM quotes q"
               " LEFT JOIN entities e ON e.id = q.speaker_entity_id ORDER BY q.id",
               [("id", "int"), ("article_id", "int"), ("start", "int"), ("end", "int"), ("text", "str"),
                ("kind", "str"), ("cue", "str"), ("confidence", "float"), ("speaker_text", "str"),
                ("speaker_entity_id", "int"), ("speaker_library_entity_id", "int")]),
    "links": ("SELECT id, article_id, start_offset, end_offset, text, href, url, domain, warnings, policy"
              " FROM links ORDER BY id",
              [("id", "int"), ("article_id", "int"), ("start", "int"), ("end", "int"), ("text", "str"),
               ("href", "str"), ("url", "str"), ("domain", "str"), ("warnings", "list"), ("policy", "str")]),
}


def export_library(db: Database, out: str | Path, fmt: str) -> dict[str, int]:
    """Write every table to ``out/<table>.<fmt>`` (the folder is created); returns rows per table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    writer = _parquet if fmt == "parquet" else _jsonl if fmt == "jsonl" else _csv
    pyarrow = _pyarrow() if fmt == "parquet" else None  # before anything is written: all tables or a clear error
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, (sql, columns) in TABLES.items():
        path = folder / f"{table}.{fmt}"
        counts[table] = writer(_batches(db, sql, columns), columns, path, pyarrow)
    return counts


def _batches(db: Database, sql: str, columns: Sequence[tuple[str, str]]) -> Iterator[list[list[Any]]]:
    lists = [index for index, (_, kind) in enumerate(columns) if kind == "list"]
    cursor = db.connection.execute(sql)
    while True:
        rows = cursor.fetchmany(BATCH_ROWS)
        if not rows:
            return
        batch = [list(row) for row in rows]
        for row in batch:
            for index in lists:
                row[index] = json.loads(row[index]) if row[index] else []
        yield batch


def _jsonl(batches: Iterator[list[list[Any]]], columns: Sequence[tuple[str, str]], path: Path, _: Any) -> int:
    names = [name for name, _ in columns]
    count = 0
    with path.open("w", encoding="utf-8") as file:
        for batch in batches:
            for row in batch:
                file.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n")
            count += len(batch)
    return count


def _csv(batches: Iterator[list[list[Any]]], columns: Sequence[tuple[str, str]], path: Path, _: Any) -> int:
    lists = [index for index, (_, kind) in enumerate(columns) if kind == "list"]
    count = 0
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow([name for name, _ in columns])
        for batch in batches:
            for row in batch:
                for index in lists:
                    row[index] = json.dumps(row[index], ensure_ascii=False)
                writer.writerow(row)
            count += len(batch)
    return count


def _parquet(batches: Iterator[list[list[Any]]], columns: Sequence[tuple[str, str]], path: Path, pa: Any) -> int:
    parquet = importlib.import_module("pyarrow.parquet")
    types = {"int": pa.int64(), "float": pa.float64(), "str": pa.string(), "list": pa.list_(pa.string())}
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    count = 0
    with parquet.ParquetWriter(str(path), schema) as writer:
        for batch in batches:
            arrays = [pa.array([row[index] for row in batch], type=types[kind])
                      for index, (_, kind) in enumerate(columns)]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def _pyarrow() -> Any:
    try:
        return importlib.import_module("pyarrow")
    except ImportError:
        raise ExportError("Parquet export needs pyarrow, which is not installed: "
                          "pip install 'reader[parquet]' (or pyarrow), or export --format jsonl or csv.") from None
