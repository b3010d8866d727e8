"""Run the loader over a folder of saved pages and report what happened.

    python tools/corpus_report.py FOLDER [FOLDER...] [--analyze] [--jsonl OUT] [--show 10]

Prints, for every page: time, size, format, encoding, words extracted, links found, title,
and whether the main article was extracted; then the totals: pages tried, failures (with
their one-sentence messages), time per page (median, mean, 95th percentile, max) and the
peak memory of the process. With ``--analyze`` each article also goes through the
model-free analysis (entities, quotes, links) so crashes there show up too.

When a page has a sidecar ``NAME.expect.json`` (as in tests/data/pages/), its expectations
are checked as well and mismatches are listed. Not a test: meant for running the reader on
real pages (hundreds of them) before a release.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.core import LoadError, load_path  # noqa: E402
from reader.core.extract import EXTRACTED_NOTICE  # noqa: E402

SUFFIXES = {".html", ".htm", ".xhtml", ".shtml", ".mhtml", ".mht", ".webarchive", ".txt", ".md", ".markdown", ""}


def pages_in(folders: list[Path]) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        if folder.is_file():
            found.append(folder)
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.endswith(".expect.json") \
                    and not path.name.startswith("."):
                found.append(path)
    return found


def check_expectations(path: Path, article) -> list[str]:
    sidecar = path.with_name(path.name + ".expect.json")
    if not sidecar.exists():
        return []
    expect = json.loads(sidecar.read_text(encoding="utf-8"))
    text = " ".join(article.text.split())
    problems = [f"missing: {snippet!r}" for snippet in expect.get("contains", []) if snippet not in text]
    problems += [f"boilerplate kept: {snippet!r}" for snippet in expect.get("excludes", []) if snippet in text]
    found = {(" ".join(article.text[link.start:link.end].split()), link.href) for link in article.links}
    problems += [f"link not found: {link['text']!r} -> {link['href']}" for link in expect.get("links", [])
                 if (link["text"], link["href"]) not in found]
    for key in ("title", "date", "site_name", "canonical_url"):
        if key in expect and getattr(article.metadata, key) != expect[key]:
            problems.append(f"{key}: {getattr(article.metadata, key)!r}, expected {expect[key]!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--analyze", action="store_true", help="also run the model-free analysis on each article")
    parser.add_argument("--jsonl", type=Path, help="write one JSON line per page to this file")
    parser.add_argument("--show", type=int, default=10, help="how many of the slowest pages to list")
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args(argv)

    analyzer = None
    if args.analyze:
        from reader.core import Analyzer

        analyzer = Analyzer(model="rules")
    pages = pages_in(args.folders)
    if not pages:
        print("no pages found", file=sys.stderr)
        return 2
    times: list[tuple[float, Path]] = []
    failures: list[tuple[Path, str]] = []
    crashes: list[tuple[Path, str]] = []
    mismatches: list[tuple[Path, list[str]]] = []
    extracted = 0
    out = args.jsonl.open("w", encoding="utf-8") if args.jsonl else None
    for path in pages:
        started = time.perf_counter()
        record: dict[str, object] = {"path": str(path), "bytes": path.stat().st_size}
        try:
            article = load_path(path)
            if analyzer is not None:
                analysis = analyzer.analyze(article)
                record.update(entities=len(analysis.entities), quotes=len(analysis.quotes))
        except LoadError as error:
            elapsed = time.perf_counter() - started
            failures.append((path, str(error)))
            record.update(error=str(error))
            line = f"FAIL  {elapsed * 1000:7.0f} ms  {path.name}: {error}"
        except Exception as error:  # noqa: BLE001 - a crash is what this tool is looking for
            elapsed = time.perf_counter() - started
            crashes.append((path, f"{type(error).__name__}: {error}"))
            record.update(crash=traceback.format_exc())
            line = f"CRASH {elapsed * 1000:7.0f} ms  {path.name}: {type(error).__name__}: {error}"
        else:
            elapsed = time.perf_counter() - started
            is_extracted = EXTRACTED_NOTICE in article.notices
            extracted += is_extracted
            problems = check_expectations(path, article)
            if problems:
                mismatches.append((path, problems))
            meta = article.metadata
            record.update(format=article.format, encoding=article.encoding, chars=len(article.text),
                          words=len(article.text.split()), links=len(article.links), title=meta.title,
                          byline=meta.byline, date=meta.date, site_name=meta.site_name, language=meta.language,
                          base_url=article.base_url, extracted=is_extracted, notices=list(article.notices),
                          problems=problems)
            line = (f"{'ok' if not problems else 'DIFF':5} {elapsed * 1000:7.0f} ms  {path.name}: {article.format}, "
                    f"{article.encoding}, {len(article.text.split())} words, {len(article.links)} links, "
                    f"{'extracted' if is_extracted else 'whole'}, lang={meta.language}, title={meta.title!r}")
        record["ms"] = round(elapsed * 1000, 1)
        times.append((elapsed, path))
        if out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        if not args.quiet:
            print(line, flush=True)
    if out:
        out.close()

    durations = sorted(elapsed for elapsed, _ in times)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print()
    print(f"pages tried:     {len(pages)}")
    print(f"opened:          {len(pages) - len(failures) - len(crashes)} ({extracted} with the main article extracted)")
    print(f"clear failures:  {len(failures)}")
    print(f"crashes:         {len(crashes)}")
    if mismatches:
        print(f"expectation misses: {len(mismatches)} pages")
    print(f"time per page:   median {statistics.median(durations) * 1000:.0f} ms, "
          f"mean {statistics.fmean(durations) * 1000:.0f} ms, "
          f"p95 {durations[min(len(durations) - 1, int(len(durations) * 0.95))] * 1000:.0f} ms, "
          f"max {durations[-1] * 1000:.0f} ms, total {sum(durations):.1f} s")
    print(f"peak memory:     {peak:.0f} MB")
    for path, message in failures:
        print(f"  failed: {path}: {message}")
    for path, message in crashes:
        print(f"  CRASHED: {path}: {message}")
    for path, problems in mismatches:
        for problem in problems:
            print(f"  {path.name}: {problem}")
    if args.show:
        print(f"slowest {min(args.show, len(times))}:")
        for elapsed, path in sorted(times, key=lambda item: item[0], reverse=True)[:args.show]:
            print(f"  {elapsed * 1000:7.0f} ms  {path}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
