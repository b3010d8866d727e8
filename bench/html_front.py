"""What BeautifulSoup costs as the HTML front end (issue 8, item 2), next to lxml alone.

    .venv/bin/python -m bench.html_front            # 180 KB to 100 MB pages; ~3 min on 2 cores
    .venv/bin/python -m bench.html_front --sizes 180000 --no-analysis

Each page size runs in a fresh process (``bench/run.py --scenario html_front``): its peak memory is its own.
For each it reports lxml's parse of the raw markup (what loading cost before bs4), bs4's parse of the same
markup and of the markup after ``drop_invisible`` (what bs4 is actually given), the whole front end
(``page.read_page``: strip, parse, clean-up, head, JSON-LD, serialise), the whole load and the analysis,
and the front end's share of load + analysis. The pages are realistic news pages (``news_page``): inline
scripts and styles about half the bytes, a mega-menu, the article, a hidden copy of it, related links,
comments, a footer.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .corpus import ROOT, SAMPLE, long_article_html

SIZES = (180_000, 500_000, 1_000_000, 2_500_000, 10_000_000, 100_000_000)  # 2.5 MB: just under page.BS4_MAX_CHARS
ANALYSED_UP_TO = 2_000_000  # the 100 MB page is loaded, not analysed (its text is capped at 1M characters)
RESULT_PREFIX = "BENCH-RESULT "


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries the high-water mark of the
    forked parent across exec into ru_maxrss, so a child of a process that built a 100 MB page would
    start at the parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _paragraphs(words: int) -> list[str]:
    page = long_article_html(words)
    body = page.partition("<h1>A long report</h1>\n")[2].partition("\n</article>")[0]
    return body.split("\n")


def _script(rng: random.Random, size: int) -> str:
    """An inline script of ``size`` characters: app state as JSON, like a server-rendered news site's."""
    items = []
    total = 0
    while total < size:
        items.append(json.dumps({"id": rng.randrange(10**9), "slug": f"story-{rng.randrange(10**6)}",
                                 "headline": "Lorem ipsum dolor sit amet " * 2, "tags": ["world", "politics"],
                                 "image": {"src": f"/img/{rng.randrange(10**6)}.jpg", "w": 1200, "h": 800}}))
        total += len(items[-1])
    return f"<script>window.__STATE__ = [{','.join(items)}];</script>\n"


def _links(prefix: str, count: int) -> str:
    return "".join(f'<li><a href="/{prefix}/{i}" class="menu__link">{prefix.title()} section {i}</a></li>'
                   for i in range(count))


def news_page(size: int, seed: int = 8) -> str:
    """A saved news page of about ``size`` characters; about half of it scripts and styles."""
    rng = random.Random(seed)
    words = max(800, size // 40)  # ~15% of a real page's bytes are the article's text
    paragraphs = _paragraphs(words)
    article = "\n".join(paragraphs)
    head = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Talks resume in Geneva | The Bench Post'
            '</title>' + "".join(f'<meta name="x-meta-{i}" content="value {i}">' for i in range(40))
            + '<meta property="og:title" content="Talks resume in Geneva | The Bench Post">'
              '<meta property="og:site_name" content="The Bench Post">'
              '<link rel="canonical" href="https://www.benchpost.example/world/2024/talks-resume">'
              '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",'
              '"headline":"Talks resume in Geneva","author":[{"@id":"#p1"},'
              '{"@type":"Organization","name":"Bench Media"}],'
              '"datePublished":"2024-05-02T08:00:00Z","publisher":{"@id":"#org"}},{"@id":"#p1","@type":"Person",'
              '"name":"Ada Quill"},{"@id":"#org","@type":"NewsMediaOrganization","name":"The Bench Post"}]}</script>'
            + "<style>" + ".c{color:#123;margin:0 auto;padding:4px}" * (size // 400) + "</style></head>\n")
    body = (f'<body><div class="cookie-banner" role="dialog">We use cookies. <a href="/privacy">Privacy</a></div>'
            f'<header class="site-header"><nav><ul>{_links("news", 60)}{_links("sport", 40)}{_links("culture", 40)}'
            f'</ul></nav><svg class="icons">{"<symbol><path d=M0,0L10,10/></symbol>" * 80}</svg></header>\n'
            f'<main><article><h1>Talks resume in Geneva</h1><p class="byline">By Ada Quill, Senior Correspondent</p>\n'
            f'{article}\n</article>\n'
            f'<div class="amp-copy" hidden><article>{article[:len(article) // 3]}</article></div>\n'
            f'<aside class="related"><h2>Related</h2><ul>{_links("related", 30)}</ul></aside></main>\n'
            f'<section class="comments"><h2>Comments</h2>'
            + "".join(f'<div class="comment"><p>Comment {i}: I could not agree more.</p></div>' for i in range(40))
            + f'</section><footer><ul>{_links("about", 80)}</ul><p>All rights reserved</p></footer>\n')
    page = head + body
    while len(page) < size - 100:  # scripts and, on huge pages, more article fill the rest
        gap = size - 100 - len(page)
        if gap > 200_000 and rng.random() < 0.5:
            page += "<div class='more'>" + "\n".join(paragraphs) + "</div>\n"
        else:
            page += _script(rng, min(gap, 150_000))
    return page + "</body></html>\n"


def _best(work: Any, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


@functools.cache
def page_file(size: int) -> Path:
    """The page of ``size`` characters, written once per run, by a helper process: building a 100 MB
    string here would make this launcher big, and what it launches is measured."""
    code = f"from bench.html_front import _page_file; print(_page_file({size}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          check=True)
    return Path(done.stdout.strip().splitlines()[-1])


def _page_file(size: int) -> Path:
    """The page written to a temporary file; the string is not kept, so it does not count in the load's peak memory."""
    path = Path(tempfile.mkdtemp(prefix="reader-bench-")) / "page.html"
    path.write_text(news_page(size), encoding="utf-8")
    gc.collect()
    return path


def load_only(size: int, path: str | None = None) -> dict[str, Any]:
    """Load time and peak memory alone; also runs against an older checkout of ``reader`` (``--baseline``).

    ``load_s`` is the best of three loads (one beyond 2 MB): the first also pays for imports.
    """
    from reader.core import load_path

    page_path = Path(path) if path else _page_file(size)
    result = _first_load(page_path, size)
    if size <= 2_000_000:
        result["load_s"] = min(result["load_s"], _best(lambda: load_path(page_path), 2))
    return result


def _first_load(path: Path, size: int) -> dict[str, Any]:
    from reader.core import load_path

    baseline = _peak_rss_mb()
    started = time.perf_counter()
    article = load_path(path)
    return {"size": size, "load_s": time.perf_counter() - started, "interpreter_rss_mb": baseline,
            "load_peak_rss_mb": _peak_rss_mb(), "text_chars": len(article.text), "title": article.metadata.title,
            "byline": article.metadata.byline}


def measure(size: int, analyse: bool = True, path: str | None = None) -> dict[str, Any]:
    """One page size, in this (fresh) process. Peak memory is read right after the first load, before anything else.

    ``path``: the page, written by the caller; otherwise it is written here, and building a 100 MB string
    raises this process's peak memory above what the load alone needs.
    """
    from bs4 import BeautifulSoup

    from reader.core import load_path
    from reader.core.html import parse_html, shrink
    from reader.core.page import read_page

    page_path = Path(path) if path else _page_file(size)
    result = _first_load(page_path, size)
    result["first_load_s"] = result.pop("load_s")
    markup = page_path.read_text(encoding="utf-8")
    result["markup_chars"] = len(markup)
    repeats = 3 if size <= 2_000_000 else 1
    lean = shrink(markup)[0]  # what bs4 is given: no scripts, styles, comments; at most 20M characters
    result["lean_chars"] = len(lean)
    # lxml as the loader used it before bs4: on the raw markup (cut down first only beyond 20M characters).
    before = lean if len(markup) > 20_000_000 else markup
    result["lxml_parse_s"] = _best(lambda: parse_html(before), repeats)
    if len(lean) <= 5_000_000:  # beyond page.BS4_MAX_CHARS bs4 is given the head only; past 5M, not even timed
        result["bs4_parse_raw_s"] = _best(lambda: BeautifulSoup(markup, "lxml"), repeats)
        result["bs4_parse_lean_s"] = _best(lambda: BeautifulSoup(lean, "lxml"), repeats)
    result["front_end_s"] = _best(lambda: read_page(markup), repeats)
    page = read_page(markup)
    result["bs4_read_whole_page"] = page.whole
    result["lxml_parse_cleaned_s"] = _best(lambda: parse_html(page.markup), repeats)
    later = [_best(lambda: load_path(page_path), repeats - 1)] if repeats > 1 else []
    result["load_s"] = min([result["first_load_s"], *later])  # the first load also pays for imports
    if analyse and size <= ANALYSED_UP_TO:
        from reader.core import Analyzer

        article = load_path(page_path)
        analyzer = Analyzer()
        analyzer.analyze(load_path(SAMPLE))  # model load and first-use tables, not the page's cost
        result["recogniser"] = analyzer.recogniser.name
        result["analysis_s"] = _best(lambda: analyzer.analyze(article), 1)
        whole = result["load_s"] + result["analysis_s"]
        result["front_end_share_of_load_and_analysis"] = result["front_end_s"] / whole
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def run(sizes: tuple[int, ...] = SIZES, analyse: bool = True) -> list[dict[str, Any]]:
    """Each size in a fresh interpreter, through run.py's scenario entry point."""
    results = []
    for size in sizes:
        command = [sys.executable, str(ROOT / "bench" / "run.py"), "--scenario", "html_front",
                   "--params", json.dumps({"size": size, "analyse": analyse, "path": str(page_file(size))})]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=1800)
        lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
        if not lines:
            raise RuntimeError(f"size {size}: no result\n{done.stderr[-3000:]}")
        results.append(json.loads(lines[-1][len(RESULT_PREFIX):]))
        print(_row(results[-1]), flush=True)
    return results


def _row(result: dict[str, Any]) -> str:
    def ms(key: str) -> str:
        return f"{result[key] * 1000:8.0f}" if key in result else "       -"

    share = result.get("front_end_share_of_load_and_analysis")
    return (f"{result['markup_chars'] / 1e6:7.2f} MB  lean {result['lean_chars'] / 1e6:6.2f} MB"
            f"  lxml {ms('lxml_parse_s')} ms"
            f"  bs4 raw {ms('bs4_parse_raw_s')}  bs4 lean {ms('bs4_parse_lean_s')}  front end {ms('front_end_s')}"
            f"  load {ms('load_s')}  analysis {ms('analysis_s')}"
            f"  share {'-' if share is None else f'{share:.1%}'}  peak(load) {result['load_peak_rss_mb']:.0f} MB")


def baseline(folder: Path, sizes: tuple[int, ...]) -> list[dict[str, Any]]:
    """Load time and peak memory with the ``reader`` package in ``folder`` (e.g. ``git archive`` of an older commit)."""
    results = []
    for size in sizes:
        code = (f"import json, sys; sys.path[:0] = [{str(folder)!r}, {str(ROOT)!r}]; "
                f"from bench.html_front import load_only; "
                f"print({RESULT_PREFIX!r} + json.dumps(load_only({size}, {str(page_file(size))!r})))")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=folder, timeout=1800)
        lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
        if not lines:
            raise RuntimeError(f"baseline, size {size}: no result\n{done.stderr[-3000:]}")
        results.append(json.loads(lines[-1][len(RESULT_PREFIX):]))
        print(f"baseline {size / 1e6:7.2f} MB  load {results[-1]['load_s'] * 1000:8.0f} ms  "
              f"peak(load) {results[-1]['load_peak_rss_mb']:.0f} MB", flush=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--no-analysis", action="store_true")
    parser.add_argument("--baseline", type=Path, help="also load each page with the reader package in this folder")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    try:
        results: dict[str, Any] = {"now": run(tuple(args.sizes), analyse=not args.no_analysis)}
        if args.baseline:
            results["baseline"] = baseline(args.baseline, tuple(args.sizes))
    finally:
        for size in args.sizes:  # up to 100 MB each: not left in /tmp
            shutil.rmtree(page_file(size).parent, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
