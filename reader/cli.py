"""Command line: ``python -m reader analyze FILE... [--format json|jsonl]``.

Errors are one line on stderr, never a traceback. With several files the model loads once.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .core import Analyzer, ReaderError, load_path
from .core.export import to_dict


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m reader", description="Analyse news articles: entities, quotes, links.")
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="analyse one or more saved articles and print JSON")
    analyze.add_argument("files", nargs="+", metavar="FILE", help="HTML, Markdown or plain-text article")
    analyze.add_argument("--format", choices=("json", "jsonl"), default=None,
                         help="json: one object (one file) or an array; jsonl: one object per line (default for several files)")
    analyze.add_argument("--model", default=None,
                         help="spaCy model package to use, or 'rules' for the model-free recogniser")
    analyze.add_argument("--all-languages", action="store_true",
                         help="recognise entities even in articles that are not in English (unreliable)")
    analyze.add_argument("--compact", action="store_true", help="no indentation in json output")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _analyze(args)
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _analyze(args: argparse.Namespace) -> int:
    fmt = args.format or ("json" if len(args.files) == 1 else "jsonl")
    analyzer = Analyzer(model=args.model, all_languages=args.all_languages)
    for notice in analyzer.notices:
        print(f"reader: {notice}", file=sys.stderr)
    failures = 0
    results = []
    for path in args.files:
        try:
            result = to_dict(analyzer.analyze(load_path(path, source=path)))
        except ReaderError as error:
            failures += 1
            result = {"source": path, "error": str(error)}
            print(f"reader: {error}", file=sys.stderr)
        except Exception as error:  # a bug must not lose the other files' results
            failures += 1
            result = {"source": path, "error": f"internal error: {type(error).__name__}: {error}"}
            print(f"reader: {path}: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            results.append(result)
    if fmt == "json":
        payload = results[0] if len(results) == 1 else results
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
        sys.stdout.write("\n")
    return 1 if failures else 0
