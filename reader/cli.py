"""Command line: ``python -m reader analyze FILE... [--format json|jsonl]`` and ``python -m reader library ...``.

Errors are one line on stderr, never a traceback. With several files the model loads once.
The user's stored corrections (the database of ``--db``, ``READER_LIBRARY`` or the user data
folder) apply to ``analyze`` unless ``--no-corrections``; the library commands live in cli_library.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import cli_library, terminal
from .core import Analyzer, ReaderError, load_path
from .core.corrections import Correction
from .core.export import to_dict
from .store import StoreError, load_corrections


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reader",
                                     description="Analyse news articles: entities, quotes, links.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="analyse one or more saved articles and print JSON")
    analyze.add_argument("files", nargs="+", metavar="FILE", help="HTML, Markdown or plain-text article")
    analyze.add_argument("--format", choices=("json", "jsonl"), default=None,
                         help="json: one object (one file) or an array; "
                              "jsonl: one object per line (default for several files)")
    analyze.add_argument("--model", default=None,
                         help="spaCy model package to use, or 'rules' for the model-free recogniser")
    analyze.add_argument("--all-languages", action="store_true",
                         help="recognise entities even in articles that are not in English (unreliable)")
    analyze.add_argument("--compact", action="store_true", help="no indentation in json output")
    analyze.add_argument("--db", metavar="FILE", default=None,
                         help="the database holding your corrections "
                              "(default: READER_LIBRARY, else the user data folder)")
    analyze.add_argument("--no-corrections", action="store_true", help="ignore your stored corrections")
    cli_library.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:  # a closed pipe, a full disk: one line on stderr, status 1 (terminal.guarded)
        if args.command == "library":
            return terminal.guarded(lambda: cli_library.run(args))
        return terminal.guarded(lambda: _analyze(args))
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130


def _analyze(args: argparse.Namespace) -> int:
    fmt = args.format or ("json" if len(args.files) == 1 else "jsonl")
    corrections = () if args.no_corrections else _stored_corrections(args.db)
    analyzer = Analyzer(model=args.model, all_languages=args.all_languages)
    for notice in analyzer.notices:
        print(f"reader: {terminal.display(notice)}", file=sys.stderr)  # may hold the --model text as given
    failures = 0
    results = []
    for path in args.files:
        try:
            result = to_dict(analyzer.analyze(load_path(path, source=path), corrections=corrections))
        except ReaderError as error:
            failures += 1
            result = {"source": path, "error": str(error)}
            print(f"reader: {terminal.display(str(error))}", file=sys.stderr)
        except Exception as error:  # noqa: BLE001 - a bug must not lose the other files' results
            failures += 1
            result = {"source": path, "error": f"internal error: {type(error).__name__}: {error}"}
            print(terminal.display(f"reader: {path}: internal error: {type(error).__name__}: {error}"), file=sys.stderr)
        if fmt == "jsonl":
            sys.stdout.write(terminal.json_text(result) + "\n")
            sys.stdout.flush()
        else:
            results.append(result)
    if fmt == "json":
        payload = results[0] if len(results) == 1 else results
        sys.stdout.write(terminal.json_text(payload, indent=None if args.compact else 2) + "\n")
    return 1 if failures else 0


def _stored_corrections(db: str | None) -> Sequence[Correction]:
    """The user's corrections; a database that cannot be read costs them, not the run (one line says so)."""
    try:
        return load_corrections(db)
    except StoreError as error:
        print(f"reader: {terminal.display(str(error))} Corrections are not applied.", file=sys.stderr)
        return ()
