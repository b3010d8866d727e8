"""The child forked at launch (reader/launch.py): it reads the file as the worker would, then serves the model.

Forking is refused in a process that has imported Qt (this test process has), so each case
runs a small script in a fresh interpreter, as the app's first lines would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader import launch

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "reader" / "data" / "samples" / "hama.html"


def _run(script: str, *args: str, timeout: float = 120) -> dict:
    """Run ``script`` in a fresh interpreter (no Qt imported); it prints one JSON object last."""
    env = dict(os.environ, READER_HELPER_NICE="0")
    env.pop(launch.EARLY_READ_ENV, None)
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(script), *args], capture_output=True, text=True,
                            timeout=timeout, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _same_article_script() -> str:
    return """
        import json, sys
        from reader import launch
        early = launch.start(sys.argv[1])
        forked = early is not None and early.pid != 0
        early.send_model("rules")  # no helper wanted: the child ends after the article
        got = early.load_path(sys.argv[1])
        via_child = "reader.core.load" not in sys.modules  # this process has not read the file itself
        from reader.core import load_path
        here = load_path(sys.argv[1])
        print(json.dumps({"forked": forked and via_child, "same": got == here, "text": len(got.text),
                          "title": got.metadata.title, "links": len(got.links)}))
    """


def test_the_child_reads_the_same_article_as_the_worker_would(tmp_path):
    page = tmp_path / "story.html"
    page.write_text("<html><head><title>Harbour plan - The Courier</title></head><body><article>"
                    "<h1>Harbour plan</h1><p>The council said on Monday that the harbour would reopen.</p>"
                    "<p>“We are ready,” said Mara Quill, <a href='https://example.org/x'>the harbour master</a>.</p>"
                    "</article></body></html>", encoding="utf-8")
    for path in (SAMPLE, page):
        outcome = _run(_same_article_script(), str(path))
        assert outcome["forked"] and outcome["same"], outcome
        assert outcome["text"] > 50 and outcome["links"] >= 1


def test_a_file_that_cannot_be_read_fails_with_the_loaders_own_message(tmp_path):
    binary = tmp_path / "picture.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    script = """
        import json, sys
        from reader import launch
        from reader.core.errors import LoadError
        messages = []
        for path in sys.argv[1:]:
            early = launch.start(path)
            early.send_model("rules")
            try:
                early.load_path(path)
                messages.append(None)
            except LoadError as error:
                assert messages or "reader.core.load" not in sys.modules  # raised as the child raised it
                from reader.core import load_path
                try:
                    load_path(path)
                except LoadError as direct:
                    messages.append([str(error), str(direct)])
        print(json.dumps(messages))
    """
    outcome = _run(script, str(binary), str(tmp_path / "missing.html"))
    assert outcome[0] is not None and outcome[1] is not None
    for early_message, direct_message in outcome:
        assert early_message == direct_message and early_message


def test_another_file_asked_for_first_is_read_here_and_the_pipe_stays_in_step(tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Mara Quill, the harbour master, said the boats were back.\n", encoding="utf-8")
    script = """
        import json, sys
        from reader import launch
        early = launch.start(sys.argv[1])
        early.send_model("rules")
        first = early.load_path(sys.argv[2])  # another file: the child's article is taken off the pipe unused
        again = early.load_path(sys.argv[1])  # the child's file, asked for later: read here
        print(json.dumps({"first": first.text, "again": len(again.text), "helper": early.helper_process() is not None}))
    """
    outcome = _run(script, str(SAMPLE), str(other))
    assert outcome["first"].startswith("Mara Quill") and outcome["again"] > 1000 and outcome["helper"]


def test_no_fork_in_a_process_that_has_imported_qt(monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6", sys.modules.get("PySide6", object()))
    assert launch.start(str(SAMPLE)) is None


def test_no_fork_when_turned_off(monkeypatch):
    monkeypatch.setattr(launch, "_fork_is_safe", lambda: True)
    monkeypatch.setenv(launch.EARLY_READ_ENV, "0")
    assert launch.start(str(SAMPLE)) is None


def _spacy_model() -> str | None:
    from reader.core.ner.helpers import helper_model

    return helper_model(None)


@pytest.mark.slow
def test_the_child_becomes_the_model_helper_the_recogniser_adopts():
    if _spacy_model() is None:
        pytest.fail("no spaCy model installed: scripts/setup.sh installs one")
    script = """
        import json, sys
        from reader import launch
        early = launch.start(sys.argv[1])
        early.send_model(None)
        early.load_path(sys.argv[1])
        from reader.core.ner import helpers, load_recogniser
        from reader.core.ner.helpers import helper_model
        model = helper_model(None)
        helpers.prestart(None, running=early.helper_process())
        started = []
        original = helpers.subprocess.Popen
        helpers.subprocess.Popen = lambda *a, **k: started.append(a) or original(*a, **k)
        recogniser, _notices = load_recogniser(None)
        from reader.core.model import Span
        text = "Mara Quill flew from Lisbon to Oslo with Nordic Air on Monday."
        found = recogniser.recognise(text, [Span(0, len(text))])
        import os
        alive = os.waitpid(early.pid, os.WNOHANG) == (0, 0)
        print(json.dumps({"model": model, "name": recogniser.name, "new_processes": len(started), "child_alive": alive,
                          "labels": sorted({mention.label for mention in found})}))
    """
    outcome = _run(script, str(SAMPLE), timeout=240)
    assert outcome["new_processes"] == 0  # the launch child serves: no other process was started
    assert outcome["child_alive"] and outcome["model"] in outcome["name"]
    assert "GPE" in outcome["labels"]


@pytest.mark.slow
def test_the_child_goes_with_the_app():
    if _spacy_model() is None:
        pytest.fail("no spaCy model installed: scripts/setup.sh installs one")
    script = """
        import json, os, sys
        from reader import launch
        early = launch.start(sys.argv[1])
        early.send_model(None)  # the child goes on to load the model: a second or more
        early.load_path(sys.argv[1])
        print(json.dumps({"child": early.pid}), flush=True)
        os._exit(0)  # the app ends (or is killed) while the child loads the model
    """
    child = _run(script, str(SAMPLE))["child"]
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.05)
    assert not _running(child)


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"
