"""Background work: the text first, progress, and no stale result over a newer document."""

from __future__ import annotations

import threading

from reader.core.model import Analysis

from .helpers import SAMPLE_TIMEOUT_MS


class GatedAnalyzer:
    """Holds the analysis of any article whose file name starts with "slow" until ``gate`` opens.

    It ignores the ``cancelled`` callback on purpose, so the slow result does arrive, late.
    """

    model_loaded = True

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.cancel_seen: list[bool] = []

    def analyze(self, article, progress=None, cancelled=None) -> Analysis:
        if progress:
            progress("sentences", 0.0)
        if article.source.rsplit("/", 1)[-1].startswith("slow"):
            self.gate.wait(20)
            self.cancel_seen.append(bool(cancelled and cancelled()))
        if progress:
            progress("done", 1.0)
        return Analysis(article, (), (), (), (), "gated")


def test_a_stale_analysis_result_is_discarded(make_window, qtbot, tmp_path):
    slow, fast = tmp_path / "slow.txt", tmp_path / "fast.txt"
    slow.write_text("The first article, analysed slowly.", encoding="utf-8")
    fast.write_text("The second article, analysed at once.", encoding="utf-8")
    analyzer = GatedAnalyzer()
    window = make_window(analyzer_=analyzer)
    with qtbot.waitSignal(window.analyst.progress, timeout=10_000):  # the slow analysis is under way
        window.open_path(slow)
    with qtbot.waitSignal(window.analysisShown, timeout=10_000):
        window.open_path(fast)
    assert window.analysis.article.source == str(fast)
    with qtbot.waitSignal(window.analyst.analysed, timeout=10_000,
                          check_params_cb=lambda _request, analysis: analysis.article.source == str(slow)):
        analyzer.gate.set()
    assert analyzer.cancel_seen == [True]  # the analyzer was told the old request is stale
    assert window.analysis.article.source == str(fast)
    assert "second article" in window.view.toPlainText()
    assert window.stale_results == 1


def test_a_failed_open_does_not_cancel_the_running_analysis(make_window, qtbot, tmp_path):
    slow = tmp_path / "slow.txt"
    slow.write_text("An article whose analysis is still running.", encoding="utf-8")
    analyzer = GatedAnalyzer()
    window = make_window(analyzer_=analyzer)
    with qtbot.waitSignal(window.analyst.progress, timeout=10_000):
        window.open_path(slow)
    with qtbot.waitSignal(window.openFailed, timeout=10_000):
        window.open_path(tmp_path / "missing.txt")
    with qtbot.waitSignal(window.analysisShown, timeout=10_000):
        analyzer.gate.set()
    assert analyzer.cancel_seen == [False]
    assert window.analysis.article.source == str(slow)


def test_progress_is_reported_while_analysing(window, qtbot, data_dir):
    seen = []
    window.analyst.progress.connect(lambda _request, stage, fraction: seen.append((stage, fraction)))
    with qtbot.waitSignal(window.analysisShown, timeout=SAMPLE_TIMEOUT_MS):
        window.open_path(data_dir / "hama.html")
    stages = [stage for stage, _ in seen]
    assert "entities" in stages and stages[-1] == "done"
    assert all(0.0 <= f <= 1.0 for _, f in seen)
    assert not window.progress.isVisible()


def test_analysis_errors_keep_the_text(make_window, qtbot, tmp_path):
    class Broken:
        model_loaded = True

        def analyze(self, article, progress=None, cancelled=None):
            raise RuntimeError("model exploded")

    note = tmp_path / "note.txt"
    note.write_text("Some text that cannot be analysed.", encoding="utf-8")
    window = make_window(analyzer_=Broken())
    with qtbot.waitSignal(window.articleShown, timeout=10_000):
        window.open_path(note)
    qtbot.waitUntil(window.message_bar.isVisible, timeout=10_000)
    assert "model exploded" in window.message_bar.messages("error")[0]
    assert "without highlights" in window.message_bar.rows[0].detail.text()
    assert "cannot be analysed" in window.view.toPlainText()


def test_model_loading_is_announced_only_when_the_model_is_not_loaded(qtbot, tmp_path):
    from reader.ui.worker import Analyst

    class Fake:
        def __init__(self, loaded):
            self.model_loaded = loaded

        def analyze(self, article, progress=None, cancelled=None):
            self.model_loaded = True  # the public property: the worker reads nothing private
            progress("done", 1.0)
            return Analysis(article, (), (), (), (), "fake")

    note = tmp_path / "note.txt"
    note.write_text("A short note.", encoding="utf-8")
    from reader.core import load_path

    article = load_path(note)
    for loaded, expected in ((False, ["model", "done"]), (True, ["done"])):
        analyst = Analyst(Fake(loaded))
        stages = []
        analyst.progress.connect(lambda _request, stage, _fraction, seen=stages: seen.append(stage))
        with qtbot.waitSignal(analyst.analysed, timeout=10_000):
            analyst.analyse(article)
        assert stages == expected
        analyst.shutdown()


def test_the_session_drops_analyses_of_an_article_no_longer_shown():
    from reader.ui.session import Session

    first, second = object(), object()
    session = Session()
    session.article_shown(first)
    assert session.needs_analysis(first) and not session.needs_analysis(second)
    session.analysis_started(3)
    session.analysis_asked(3, None)
    assert not session.needs_analysis(first) and session.is_current_analysis(3)
    session.article_shown(second)  # another article: the analysis under way is not for it
    assert not session.is_current_analysis(3)
    assert session.accept_analysis(3) is False and session.stale_results == 1
    session.analysis_started(5)
    session.analysis_asked(5, "rules")
    assert session.analysis_superseded(3) and not session.analysis_superseded(5)  # the worker may stop 3
    assert session.accept_analysis(5) is True and session.stale_results == 1
    session.close()
    assert session.analysis_superseded(5)


def test_the_session_knows_which_open_is_current_and_what_is_on_screen():
    from reader.core.model import Analysis, Article
    from reader.ui.session import Session

    session = Session()
    session.open_started(1)
    session.want_open(1, "/tmp/a.html")
    session.open_started(2)
    session.want_open(2, "https://example.org/b")
    session.fetching = 2
    assert session.open_superseded(1) and not session.open_superseded(2)
    assert not session.is_current_open(1) and session.is_current_open(2)
    assert session.open_arrived(2, "fallback") == "https://example.org/b"
    assert session.source == "https://example.org/b" and session.path is None  # a web page has no path
    session.open_started(3)
    session.want_open(3, "https://example.org/c")
    session.fetching = 3
    assert session.cancel_fetch() == 3 and not session.is_current_open(3) and 3 not in session.paths
    session.cancel_open(3)
    assert session.open_superseded(3)
    article = Article(source="a.txt", text="x")
    session.article_shown(article)
    session.analysis_asked(7, "en_core_web_lg")  # the wish...
    session.analysis_shown(Analysis(article, (), (), (), (), "rules (no statistical model)", model="rules"))
    assert session.model_on_screen("en_core_web_lg") == "rules"  # ...and the truth, when it fell back
    assert session.model_on_screen("en_core_web_sm") is None  # another model chosen since


def test_the_window_and_its_worker_share_one_session(window):
    assert window.session is window.analyst.session
    window.session.stale_results = 4
    assert window.stale_results == 4


def test_files_are_read_by_the_loader_the_app_gives(qtbot, tmp_path):
    """reader.app hands the worker the launch child's reading (reader/launch.py); errors keep the worker's path."""
    from reader.core import LoadError, load_path
    from reader.ui.worker import Analyst

    story = tmp_path / "story.txt"
    story.write_text("Read by the worker's loader.", encoding="utf-8")
    asked: list[str] = []

    def loader(path):
        asked.append(str(path))
        if str(path).endswith("broken.txt"):
            raise LoadError("broken.txt is not an article")
        return load_path(story)

    analyst = Analyst(GatedAnalyzer(), loader=loader)
    with qtbot.waitSignal(analyst.loaded, timeout=10_000) as loaded:
        analyst.open_path(tmp_path / "elsewhere.txt")  # no such file: only the given loader can have read it
    assert loaded.args[1].text == "Read by the worker's loader."
    with qtbot.waitSignal(analyst.failed, timeout=10_000) as failed:
        analyst.open_path(tmp_path / "broken.txt")
    assert failed.args[1:] == ["broken.txt is not an article", True]
    assert asked == [str(tmp_path / "elsewhere.txt"), str(tmp_path / "broken.txt")]
    analyst.shutdown()
