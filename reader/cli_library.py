"""``python -m reader library add|entities|quotes|speakers|search|export|relink``: the library from a terminal.

The contract a script can rely on: ``--format json`` prints one JSON document on stdout (the
fields below stay; fields may be added); otherwise a table for people. Errors are one line on
stderr; the exit code is 1 when anything failed, 2 for a usage error. What comes from the user or the data
(file names, titles, the database's path) reaches the terminal escaped (``terminal.display``): a control,
ANSI or bidi character of a name is shown as ``\\x1b``, ``\\u202e``, never acted on; the JSON is valid UTF-8
whatever the file names hold (``terminal.json_text``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from . import terminal
from .core.corrections import Correction
from .library import FORMATS, ExportError, add_paths, export_library, queries, relink
from .store import CorrectionStore, Database, StoreError, database_path, open_database


def add_parser(commands: Any) -> None:
    library = commands.add_parser("library", help="your library of articles: add, entities, quotes, speakers, "
                                                  "search, export")
    sub = library.add_subparsers(dest="library_command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str, json_format: bool = True) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
        parser.add_argument("--db", metavar="FILE", default=None,
                            help="the library database (default: READER_LIBRARY, else the user data folder)")
        if json_format:
            parser.add_argument("--format", choices=("table", "json"), default="table",
                                help="json: one JSON document (for scripts); table: for people (default)")
        return parser

    add = command("add", "analyse articles (files, or folders recursively) and add them to the library")
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.add_argument("--model", default=None, help="spaCy model package, or 'rules'")
    add.add_argument("--all-languages", action="store_true", help="recognise entities in any language (unreliable)")
    add.add_argument("--workers", type=int, default=None,
                     help="2 or more: analysing processes, a model each; 1: two threads sharing one model; "
                          "0: one file at a time (default: processes for 400+ files, else 1)")
    add.add_argument("--reanalyse", action="store_true", help="analyse again articles already in the library")
    add.add_argument("--no-corrections", action="store_true", help="ignore your stored corrections")

    entities = command("entities", "people, organisations, places... across the library, most mentioned first")
    entities.add_argument("--label", default=None, help="only this label (PERSON, ORG, GPE, DATE...; ALL: every label; "
                                                        "default: names, not dates or amounts)")
    entities.add_argument("--limit", type=int, default=50, help="at most N (0: all; default 50)")

    quotes = command("quotes", "quotations across the library, with their speakers")
    quotes.add_argument("--speaker", default=None, help="only those said by NAME (any of its names)")
    quotes.add_argument("--limit", type=int, default=0, help="at most N (default: all)")

    speakers = command("speakers", "who is quoted how often, and people vs organisations")
    speakers.add_argument("--limit", type=int, default=0, help="at most N speakers (default: all)")

    search = command("search", "articles whose title or text contain every word (\"quotes\" for a phrase)")
    search.add_argument("text", nargs="+", metavar="TEXT")
    search.add_argument("--limit", type=int, default=20, help="at most N (default 20)")

    export = command("export", "the whole library as tables (one file per table) in folder OUT", json_format=False)
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("out", metavar="OUT")

    command("relink", "link entities across articles again, with your current corrections")


def run(args: argparse.Namespace) -> int:
    handler: Callable[[Database, argparse.Namespace], int] = _COMMANDS[args.library_command]
    try:
        with ExitStack() as stack:
            db = stack.enter_context(_open(args))
            return handler(db, args)
    except (StoreError, ExportError) as error:
        print(f"reader: {terminal.display(str(error))}", file=sys.stderr)
        return 1


def _open(args: argparse.Namespace) -> Database:
    """The library; for a question asked before anything was added, an empty one (no file is created)."""
    if args.library_command not in ("add", "relink") and not database_path(args.db, create_folder=False).exists():
        return open_database(":memory:")
    return open_database(args.db)


# ------------------------------------------------------------------ add


def _add(db: Database, args: argparse.Namespace) -> int:
    corrections: Sequence[Correction] = () if args.no_corrections else CorrectionStore(db).corrections()
    progress, close = _progress_bar()
    try:
        report = add_paths(db, args.paths, model=args.model, all_languages=args.all_languages,
                           corrections=corrections, workers=args.workers, reanalyse=args.reanalyse,
                           progress=progress)
    finally:
        close()
    for _path, reason in report.failed:
        print(f"reader: {terminal.display(reason)}", file=sys.stderr)
    total = int(db.query("SELECT count(*) FROM articles")[0][0])
    if args.format == "json":
        _print_json({"added": report.added, "updated": report.updated, "skipped": report.skipped,
                     "failed": [{"path": path, "error": reason} for path, reason in report.failed],
                     "articles_in_library": total})
    else:
        updated = f", re-analysed {report.updated}" if report.updated else ""
        print(f"Added {report.added}{updated}, skipped {report.skipped} (already in the library), "
              f"failed {len(report.failed)}. The library holds {total} articles.")
    return 1 if report.failed else 0


def _progress_bar() -> tuple[Callable[[int, int], None] | None, Callable[[], None]]:
    """A tqdm bar on stderr when it is a terminal; nothing when piped or redirected."""
    if not sys.stderr.isatty():
        return None, lambda: None
    from tqdm import tqdm  # noqa: PLC0415 - only a terminal needs it

    bar: list[Any] = []

    def progress(done: int, total: int) -> None:
        if not bar:
            bar.append(tqdm(total=total, unit="article", file=sys.stderr, dynamic_ncols=True))
        bar[0].update(done - bar[0].n)

    return progress, lambda: bar[0].close() if bar else None


# ------------------------------------------------------------------ questions


def _entities(db: Database, args: argparse.Namespace) -> int:
    rows = queries.entities(db, label=args.label, limit=args.limit)
    if args.format == "json":
        _print_json({"entities": [row.to_dict() for row in rows]})
    else:
        _print_table(["name", "label", "articles", "mentions", "quotes", "aliases"],
                     [[r.name, r.label, r.articles, r.mentions, r.quotes,
                       ", ".join(alias for alias in r.aliases if alias != r.name)] for r in rows])
    return 0


def _quotes(db: Database, args: argparse.Namespace) -> int:
    rows = queries.quotes(db, speaker=args.speaker, limit=args.limit)
    if args.format == "json":
        _print_json({"speaker": args.speaker, "quotes": [row.to_dict() for row in rows]})
    else:
        _print_table(["quote", "speaker", "entity", "article"],
                     [[row.text, row.speaker or "", row.speaker_entity or "", row.title or Path(row.source).name]
                      for row in rows], widths=[70, 20, 22, 34])
    return 0


def _speakers(db: Database, args: argparse.Namespace) -> int:
    result = queries.speakers(db, limit=args.limit)
    if args.format == "json":
        _print_json(result.to_dict())
        return 0
    _print_table(["speaker", "label", "quotes", "articles"],
                 [[row.name, row.label, row.quotes, row.articles] for row in result.speakers])
    attributed = sum(result.quotes_by_label.values())
    print(f"\n{attributed} attributed quotes: people {result.people_share:.0%}, "
          f"organisations {result.organisations_share:.0%}; {result.unattributed} with no named speaker.")
    return 0


def _search(db: Database, args: argparse.Namespace) -> int:
    text = " ".join(args.text)
    hits = queries.search(db, text, limit=args.limit)
    if args.format == "json":
        _print_json({"query": text, "articles": [hit.to_dict() for hit in hits]})
    else:
        _print_table(["title", "date", "snippet"],
                     [[hit.title or Path(hit.source).name, hit.date or "", hit.snippet] for hit in hits],
                     widths=[40, 10, 90])
    return 0


def _export(db: Database, args: argparse.Namespace) -> int:
    try:
        counts = export_library(db, args.out, args.format)
    except OSError as error:  # OUT under a file, not writable, a full disk: one line, not a traceback
        print(f"reader: cannot write the export to {terminal.display(args.out)} "
              f"({terminal.display(error.strerror or str(error))})", file=sys.stderr)
        return 1
    print(", ".join(f"{table}: {count}" for table, count in counts.items())
          + f" rows written to {terminal.display(args.out)}")
    return 0


def _relink(db: Database, args: argparse.Namespace) -> int:
    corrections = CorrectionStore(db).corrections()
    with db.transaction() as connection:
        count = relink(connection, corrections)
    if args.format == "json":
        _print_json({"library_entities": count})
    else:
        print(f"{count} library entities.")
    return 0


_COMMANDS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "add": _add, "entities": _entities, "quotes": _quotes, "speakers": _speakers, "search": _search,
    "export": _export, "relink": _relink,
}
__all__ = ["add_parser", "run"]


# ------------------------------------------------------------------ output


def _print_json(document: dict[str, Any]) -> None:
    sys.stdout.write(terminal.json_text(document, indent=2) + "\n")


def _print_table(headers: list[str], rows: list[list[Any]], widths: list[int] | None = None) -> None:
    if not rows:
        print("(none)")
        return
    cells = [[terminal.display(" ".join(str(cell).split())) for cell in row] for row in rows]
    limits = widths or [60] * len(headers)
    sizes = [min(limits[i], max(len(headers[i]), *(len(row[i]) for row in cells))) for i in range(len(headers))]

    def line(values: list[str]) -> str:
        return "  ".join(_fit(value, size).ljust(size) for value, size in zip(values, sizes, strict=True)).rstrip()

    print(line(headers))
    print(line(["-" * size for size in sizes]))
    for row in cells:
        print(line(row))


def _fit(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"
