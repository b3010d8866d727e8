"""The hostile-file set (issue 12; tests/hostile_files.py): every file answers with a sensible result or one clear
sentence, with valid offsets, and leaves the file untouched. Each case is generated in tmp_path at test time.

No wall-clock asserts: a hang shows as a pytest-timeout failure. The bound itself is stated and measured by
tools/score_hostile.py and bench/hostile.py (CPU seconds per MB).
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from checks import check_article
from hostile_files import CASES, HOSTILE_NAMES, PROSE, Case

from reader.core import LoadError, load_path
from reader.core.ner.guard import harmless

ROOT = Path(__file__).resolve().parents[2]


def check_offsets(analysis) -> None:
    """Every span lies within the text and its text is the slice it names."""
    text = analysis.article.text
    for entity in analysis.entities:
        for mention in entity.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
            assert text[mention.start:mention.end] == mention.text
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.text in text[quote.start:quote.end]
        if quote.speaker is not None and quote.speaker.start is not None and quote.speaker.end is not None:
            assert text[quote.speaker.start:quote.speaker.end] == quote.speaker.text
    for link in analysis.links:
        assert 0 <= link.start < link.end <= len(text)
        assert text[link.start:link.end] == link.text
    for sentence in analysis.sentences:
        assert 0 <= sentence.start <= sentence.end <= len(text)


def run_case(case: Case, tmp_path: Path, analyzer):
    path = tmp_path / case.filename
    data = case.make()
    path.write_bytes(data)
    path.chmod(stat.S_IRUSR)
    before = (path.stat().st_mtime_ns, path.stat().st_size)
    try:
        if case.expect_text is None and case.expect_error is not None:
            with pytest.raises(LoadError, match=case.expect_error):
                load_path(path)
            return
        article = load_path(path)
        check_article(article)
        if case.expect_text is not None:
            assert case.expect_text in article.text
        if case.also_absent is not None:
            assert case.also_absent not in article.text
        assert not any(link.href.lower().lstrip().startswith("javascript") for link in article.links)
        analysis = analyzer.analyze(article)
        check_offsets(analysis)
    finally:
        assert (path.stat().st_mtime_ns, path.stat().st_size) == before
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def _param(case: Case):
    marks = [pytest.mark.slow] if case.heavy else []
    if case.open_issue:
        marks.append(pytest.mark.xfail(run=False, reason=case.open_issue))
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_hostile_file_answers_sensibly(case: Case, tmp_path: Path, analyzer):
    run_case(case, tmp_path, analyzer)


def test_the_mixed_page_keeps_utf8_and_repairs_the_windows_1252_sentence(tmp_path: Path):
    case = next(case for case in CASES if case.name == "mixed_utf8_cp1252")
    path = tmp_path / case.filename
    path.write_bytes(case.make())
    article = load_path(path)
    assert article.text.startswith("“Fine,” said Ann.")
    assert "Il a dit « très bien » à l’été, “quoted”." in article.text
    assert "Café “ok”." in article.text
    assert article.encoding == "utf-8" and any("windows-1252" in notice for notice in article.notices)


# ------------------------------------------------------------------ the guard before spaCy


@pytest.mark.parametrize("run", ["“" * 5000, "Mr. " * 3000, '"a," said ' * 2000, "<[" * 4000, "x" * 3000,
                                 "ab\n" * 500, "日本語の文章" * 200])
def test_the_guard_keeps_length_and_offsets(run: str):
    text = PROSE + run + PROSE
    out = harmless(text)
    assert len(out) == len(text)
    assert all(a == b or b == " " for a, b in zip(text, out, strict=True))
    assert out[:len(PROSE)] == PROSE and out[-len(PROSE):] == PROSE
    assert max(len(word) for word in out.split()) <= 64
    assert out.count("\n") == text.count("\n")


def test_the_guard_leaves_prose_alone():
    assert harmless(PROSE * 50) == PROSE * 50
    assert harmless("Ha ha ha, she said -- ----- yes.") == "Ha ha ha, she said -- ----- yes."


# ------------------------------------------------------------------ file names and output (the CLI)


def _cli(*args: str, stdout=subprocess.PIPE, **kwargs) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, READER_NER_IN_PROCESS="1")
    return subprocess.run([sys.executable, "-m", "reader", "analyze", "--model", "rules", "--no-corrections", *args],
                          stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT, env=env, timeout=120, check=False,
                          **kwargs)


@pytest.mark.timeout(240)
def test_hostile_file_names_give_valid_utf8_json_and_inert_terminal_lines(tmp_path: Path):
    folder = os.fsencode(tmp_path)
    names = []
    for raw in HOSTILE_NAMES:
        path = os.path.join(folder, raw)
        with open(path, "wb") as handle:
            handle.write(PROSE.encode())
        names.append(os.fsdecode(path))
    missing = os.fsdecode(os.path.join(folder, b"gone\x1b]0;title\x07\n\xfe.txt"))
    done = _cli("--format", "jsonl", *names, missing)
    assert done.returncode == 1  # the missing file
    lines = done.stdout.decode("utf-8").splitlines()  # strict: valid UTF-8
    assert len(lines) == len(names) + 1
    for line in lines:
        assert "\x1b" not in line and "\u202e" not in line and "\x07" not in line
        json.loads(line)["source"].encode("utf-8")  # strict: no lone surrogate
    assert json.loads(lines[0])["source"].endswith("bad\\xffbyte.txt")
    assert "Macron" in json.dumps(json.loads(lines[0]), ensure_ascii=False)
    error = done.stderr.decode("utf-8")
    assert error.count("\n") == 1 and "\x1b" not in error and "\x07" not in error and "no such file" in error
    assert "\\x1b]0;title\\x07\\n\\xfe.txt" in error


@pytest.mark.timeout(240)
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_errors_are_one_line_and_a_failure_status(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text(PROSE)
    with open("/dev/full", "wb") as full:
        done = _cli(str(article), stdout=full)
    assert done.returncode == 1
    assert done.stderr.decode().strip() == "reader: cannot write the output: No space left on device"
    closed = _cli(str(article), stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert closed.returncode == 1 and "Traceback" not in closed.stderr.decode()
    assert closed.stderr.decode().startswith("reader: cannot write the output")
