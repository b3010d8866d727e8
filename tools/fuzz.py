"""Fuzz load + analysis for a bounded time (issue 12): no exception may escape but the one clear LoadError,
and every span of the result must lie within the text and equal its slice.

Coverage-guided with atheris (libFuzzer) when it is installed (``pip install atheris``, the ``fuzz`` extra);
otherwise a large-budget hypothesis run over the same target. The analysis uses the rules recogniser (the
spaCy model's own robustness is the guard's and the hostile set's to show; the fuzzer wants executions).

    .venv/bin/python tools/fuzz.py --seconds 300                 # atheris if available
    .venv/bin/python tools/fuzz.py --seconds 120 --engine hypothesis
    .venv/bin/python tools/fuzz.py --seconds 60 --findings /tmp/fuzz-findings

Prints executions, seconds and findings at the end; exits 1 when anything was found. Findings (inputs that
raised, broke an offset or took longer than --input-timeout) are written to --findings.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SUFFIXES = (".html", ".txt", ".md", ".htm", "", ".xhtml")


class Finding(Exception):  # noqa: N818 - a finding, not an error of the tool
    """An escaping exception or a broken invariant (raised so that libFuzzer records the input)."""


def make_target():  # type: ignore[no-untyped-def]
    from reader.core import Analyzer, ReaderError, load_bytes

    analyzer = Analyzer(model="rules")

    def target(data: bytes) -> None:
        suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ""
        try:
            article = load_bytes(data[1:], source="fuzz", filename="fuzz" + suffix)
        except ReaderError as error:
            if "\n" in str(error) or not str(error).strip():
                raise Finding(f"an error that is not one clear sentence: {error!r}") from None
            return
        text = article.text
        if any(ch < " " and ch not in "\n\t" for ch in text) or any("\ud800" <= ch <= "\udfff" for ch in text):
            raise Finding("control character or lone surrogate in the text")
        analysis = analyzer.analyze(article)
        spans = [(m.start, m.end, m.text) for entity in analysis.entities for m in entity.mentions]
        spans += [(link.start, link.end, link.text) for link in analysis.links]
        for start, end, shown in spans:
            if not (0 <= start < end <= len(text)) or text[start:end] != shown:
                raise Finding(f"span {start}:{end} {shown!r} does not match the text")
        for quote in analysis.quotes:
            if not (0 <= quote.start < quote.end <= len(text)) or quote.text not in text[quote.start:quote.end]:
                raise Finding(f"quote {quote.start}:{quote.end} does not match the text")
        for block in article.blocks:
            if not (0 <= block.start < block.end <= len(text)):
                raise Finding(f"block {block.start}:{block.end} outside the text")

    return target


def seeds(folder: Path) -> None:
    """A small seed corpus: the bundled sample, a Markdown and a text file, mixed encodings, small hostile runs."""
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_files import PROSE

    samples = {
        "hama.html": b"\x00" + (ROOT / "tests/data/hama.html").read_bytes()[:60_000],
        "story.md": b"\x02" + f"# Title\n\n{PROSE}\n\n> “Quoted,” she said.\n\n- [a link](http://x.org)\n".encode(),
        "story.txt": b"\x01" + PROSE.encode(),
        "mixed.html": b"\x00" + "<p>“UTF-8”</p>".encode() + "<p>“cp1252”</p>".encode("cp1252"),
        "runs.txt": b"\x01" + ("“" * 300 + " Mr. " * 50 + "<" * 200).encode(),
        "table.html": b"\x00<html><body><p>" + PROSE.encode() + b"</p>" + b"<table>" * 50,
        "meta.html": b'\x00<meta charset="utf-7"><p>+ADw-b+AD4-x</p>',
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in samples.items():
        (folder / name).write_bytes(data)


def run_atheris(seconds: int, findings: Path, input_timeout: int) -> int:
    import atheris

    with atheris.instrument_imports(include=["reader"]):
        target = make_target()
    corpus = Path(tempfile.mkdtemp(prefix="reader-fuzz-corpus-"))
    seeds(corpus)
    findings.mkdir(parents=True, exist_ok=True)
    argv = [sys.argv[0], str(corpus), f"-max_total_time={seconds}", f"-timeout={input_timeout}",
            "-rss_limit_mb=3072", "-max_len=200000", f"-artifact_prefix={findings}/", "-print_final_stats=1"]
    atheris.Setup(argv, target)
    # libFuzzer ends the process itself (no atexit): its last lines say 'Done N runs in S second(s)' and the
    # statistics; a finding is a crash-* / timeout-* / oom-* file in --findings and a non-zero exit status.
    atheris.Fuzz()  # exits the process when the time is up or on a finding
    return 0


def run_hypothesis(seconds: int, findings: Path, input_timeout: int) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    target = make_target()
    executions = 0
    found: list[str] = []
    started = time.monotonic()
    fragments = st.sampled_from(["<p>", "</p>", "<table>", "<a href='javascript:x'>", "</a>", "<div ", "a=\"",
                                 "“", "”", "Mr. ", " said ", "*", "_", "> ", "# ", "<meta charset=utf-7>",
                                 "<meta charset=idna>", "\xe9", "<br>", "&amp;", "`", "[", "](", "\n\n",
                                 "Angela Merkel"])
    text = st.lists(st.one_of(fragments, st.text(max_size=20)), max_size=200).map("".join)
    data = st.one_of(st.binary(max_size=2000), text.map(lambda s: b"\x00" + s.encode("utf-8", "surrogatepass")),
                     text.map(lambda s: b"\x02" + s.encode("cp1252", "replace")))

    @settings(max_examples=500, deadline=input_timeout * 1000, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(data)
    def fuzz(blob: bytes) -> None:
        nonlocal executions
        if time.monotonic() - started > seconds:
            return
        executions += 1
        try:
            target(blob)
        except Exception as error:  # noqa: BLE001 - every escaping exception is a finding
            path = findings / f"finding-{len(found)}.bin"
            findings.mkdir(parents=True, exist_ok=True)
            path.write_bytes(blob)
            found.append(f"{type(error).__name__}: {error} ({path})")

    while time.monotonic() - started < seconds:  # rounds of 500 examples, each round with fresh randomness
        fuzz()
    print(f"fuzz: hypothesis, {executions} executions in {time.monotonic() - started:.0f} s; findings: {len(found)}")
    for line in found[:20]:
        print("  " + line)
    return 1 if found else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=300, help="how long to fuzz (default 300)")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--findings", type=Path, default=Path(tempfile.gettempdir()) / "reader-fuzz-findings")
    parser.add_argument("--input-timeout", type=int, default=10, help="seconds one input may take")
    args, _ = parser.parse_known_args()
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401
        except ImportError:
            engine = "hypothesis"
        else:
            engine = "atheris"
    if engine == "atheris":
        return run_atheris(args.seconds, args.findings, args.input_timeout)
    return run_hypothesis(args.seconds, args.findings, args.input_timeout)


if __name__ == "__main__":
    sys.exit(main())
