"""The benchmark's scenarios. Each runs in its own fresh process (see run.py) and returns a dict.

Nothing here asserts a target: run.py compares the numbers with the targets of issue 5.
"""

from __future__ import annotations

import gc
import itertools
import os
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from .corpus import SAMPLE, article_of_size, long_article_html


def _peak_rss_mb() -> float:
    """This process's peak resident set size (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _write_page(html: str, name: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    path = folder / name
    path.write_text(html, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- core: throughput, stages


def bare_ner_pipeline(recogniser: Any) -> Any:
    """The statistical model alone: the same spaCy package, loaded anew with only the components NER needs."""
    from reader.core.ner import load_ner_pipeline

    return load_ner_pipeline(recogniser.model)


def run_bare_ner(nlp: Any, texts: list[str]) -> tuple[float, float, int]:
    """(wall s, CPU s, entities) for nlp.pipe over the paragraphs; nothing but the model's own work."""
    wall, cpu = time.perf_counter(), time.process_time()
    count = 0
    for doc in nlp.pipe(texts):
        count += len(doc.ents)
    return time.perf_counter() - wall, time.process_time() - cpu, count


def core(words: int, repeats: int) -> dict[str, Any]:
    """Load + analyse a long article with the reader, next to bare NER on the same paragraphs."""
    from reader.core import Analyzer, export, load_path

    page = _write_page(long_article_html(words), "long.html")
    result: dict[str, Any] = {"words_requested": words, "page_bytes": page.stat().st_size}

    started = time.perf_counter()
    analyzer = Analyzer()
    recogniser = analyzer.recogniser
    result["model_load_s"] = time.perf_counter() - started
    result["recogniser"] = recogniser.name
    result["ner_in_helper_process"] = bool(getattr(recogniser, "runs_in_helper", False))

    # One-time costs of the first analysis (gazetteers, link tables), measured on the sample.
    sample = load_path(SAMPLE)
    started = time.perf_counter()
    first: dict[str, float] = {}
    analyzer.analyze(sample, timings=first)
    result["first_analysis_s"] = time.perf_counter() - started
    result["first_analysis_stages"] = first
    again: dict[str, float] = {}
    started = time.perf_counter()
    analyzer.analyze(sample, timings=again)
    result["sample_analysis_s"] = time.perf_counter() - started
    result["sample_words"] = len(sample.text.split())

    loads = []
    for _ in range(repeats):
        started = time.perf_counter()
        article = load_path(page)
        loads.append(time.perf_counter() - started)
    result["load_s"] = min(loads)
    text = article.text
    result["words"] = len(text.split())
    result["chars"] = len(text)
    result["paragraphs"] = len(article.blocks)
    texts = [text[block.start:block.end] for block in article.blocks] or [text]

    nlp = bare_ner_pipeline(recogniser)
    result["bare_components"] = list(nlp.pipe_names)
    list(nlp.pipe(texts[:10]))  # warm
    processes = getattr(recogniser, "processes", 1)
    from reader.core.ner.scheduler import PARALLEL_MIN_CHARS

    long_enough = sum(len(t) for t in texts) >= PARALLEL_MIN_CHARS
    result["parallel_processes"] = processes if long_enough else 1
    bare, single, parallel = [], [], []
    for _ in range(repeats):  # interleaved, so a noisy neighbour hurts all three alike
        gc.collect()
        bare.append(run_bare_ner(nlp, texts))
        gc.collect()
        if hasattr(recogniser, "processes"):
            recogniser.processes = 1
        stages: dict[str, float] = {}
        cpu = time.process_time()
        started = time.perf_counter()
        analysis = analyzer.analyze(article, timings=stages)
        stages["ner_model"] = getattr(recogniser, "last_run", {}).get("model_s", stages.get("ner", 0.0))
        single.append((time.perf_counter() - started, time.process_time() - cpu, stages))
        if processes > 1 and long_enough:
            recogniser.processes = processes
            gc.collect()
            stages = {}
            started = time.perf_counter()
            analysis = analyzer.analyze(article, timings=stages)
            stages.update({f"ner_{key}": value for key, value in getattr(recogniser, "last_run", {}).items()})
            parallel.append((time.perf_counter() - started, stages))
    del nlp
    best_bare = min(bare)
    best_single = min(single, key=lambda run: run[0])
    result["bare_ner_s"], result["bare_ner_cpu_s"], result["bare_entities"] = best_bare
    result["bare_ner_runs_s"] = [run[0] for run in bare]
    result["analyze_s"], result["analyze_cpu_s"], result["stages_of_best_run"] = best_single
    result["analyze_runs_s"] = [run[0] for run in single]
    # Each stage's best time over the repetitions: a noisy neighbour inflates some runs, never shortens one.
    result["stages"] = {name: min(run[2].get(name, 0.0) for run in single) for name in best_single[2]}
    # What the recogniser adds to the model's own time (chunking, the helper's IPC and waits), per run:
    # measured inside the same run, so a noisy neighbour slows both sides alike.
    result["recogniser_overhead_s"] = min(max(0.0, run[2]["ner"] - run[2]["ner_model"]) for run in single)
    result["stage_runs"] = [run[2] for run in single]
    if parallel:
        best = min(parallel, key=lambda run: run[0])
        result["analyze_parallel_s"], result["stages_parallel"] = best
        result["analyze_parallel_runs_s"] = [run[0] for run in parallel]
    result["processes"] = processes

    exports = []
    for _ in range(repeats):
        started = time.perf_counter()
        exported = export.to_json(analysis)
        exports.append(time.perf_counter() - started)
    result["export_json_s"] = min(exports)
    result["export_bytes"] = len(exported.encode("utf-8"))
    result["entities"] = len(analysis.entities)
    result["mentions"] = sum(len(entity.mentions) for entity in analysis.entities)
    result["quotes"] = len(analysis.quotes)
    result["links"] = len(analysis.links)
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def memory(which: str, words: int) -> dict[str, Any]:
    """Peak memory of one run as a user would do it: load, analyse (default settings), export JSON."""
    from reader.core import Analyzer, export, load_path

    path = SAMPLE if which == "sample" else _write_page(long_article_html(words), "long.html")
    baseline = _peak_rss_mb()
    started = time.perf_counter()
    article = load_path(path)
    analysis = Analyzer().analyze(article)
    exported = export.to_json(analysis)
    return {"which": which, "words": len(article.text.split()), "seconds": time.perf_counter() - started,
            "export_bytes": len(exported), "interpreter_rss_mb": baseline, "peak_rss_mb": _peak_rss_mb()}


# --------------------------------------------------------------------------- GUI


class _Heartbeat:
    """A 10 ms QTimer; the gaps between its ticks are how long the event loop was unavailable."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def start(self) -> None:
        self.ticks = [time.perf_counter()]
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.ticks.append(time.perf_counter())

    def gaps(self, start: float = 0.0, end: float = float("inf")) -> list[tuple[float, float]]:
        """(gap seconds, time the gap ended) for gaps ending within [start, end]."""
        return [(b - a, b) for a, b in itertools.pairwise(self.ticks) if start <= b <= end]


def _app_and_window(settings_dir: str) -> tuple[Any, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.ui import theme
    from reader.ui.settings import Settings
    from reader.ui.window import MainWindow
    from reader.ui.worker import Analyst

    app = QApplication.instance() or QApplication([sys.argv[0]])
    theme.apply(app)
    window = MainWindow(Analyst(), Settings.at(Path(settings_dir) / "settings.ini"))
    window.show()
    app.processEvents()
    return app, window


def _settle(app: Any, quiet_ms: float = 30.0, limit_s: float = 5.0) -> float:
    """Run the event loop until nothing happens for ``quiet_ms``; returns the time it stayed busy."""
    from PySide6.QtCore import QEventLoop

    started = time.perf_counter()
    busy = 0.0
    while time.perf_counter() - started < limit_s:
        tick = time.perf_counter()
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        spent = time.perf_counter() - tick
        if spent < 0.002:
            quiet = time.perf_counter()
            time.sleep(quiet_ms / 1000)
            app.processEvents()
            if time.perf_counter() - quiet < quiet_ms / 1000 + 0.002:
                break
        else:
            busy += spent
    return busy


def gui_display(size: int, model: str | None) -> dict[str, Any]:
    """GUI-thread time to show a ~1 MB article and then apply its highlights (analysis precomputed)."""
    from reader.core import Analyzer, load_path

    page = _write_page(article_of_size(size), "megabyte.html")
    article = load_path(page)
    started = time.perf_counter()
    analysis = Analyzer(model=model).analyze(article)
    analysed_in = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as scratch:
        app, window = _app_and_window(scratch)
        _settle(app)

        def timed(work) -> tuple[float, float, float]:
            cpu = time.thread_time()
            started = time.perf_counter()
            work()
            call = time.perf_counter() - started
            deferred = _settle(app)  # layout, paint and anything queued by the call
            return call, deferred, time.thread_time() - cpu

        show = timed(lambda: window.show_article(article))
        highlight = timed(lambda: window.show_analysis(analysis))
        heartbeat = _Heartbeat()
        heartbeat.start()
        scroll = window.view.verticalScrollBar()
        for fraction in (0.25, 0.5, 0.75, 1.0):  # scrolling through it: lazy layout and painting
            scroll.setValue(int(scroll.maximum() * fraction))
            _settle(app)
        heartbeat.stop()
        scroll_stall = max((gap for gap, _ in heartbeat.gaps()), default=0.0)
        mentions = sum(len(entity.mentions) for entity in analysis.entities)
        window.close()
        app.processEvents()
    return {"chars": len(article.text), "words": len(article.text.split()), "mentions": mentions,
            "links": len(article.links), "recogniser": analysis.recogniser, "analysis_s": analysed_in,
            "show_text_call_s": show[0], "show_text_deferred_s": show[1], "show_text_cpu_s": show[2],
            "highlights_call_s": highlight[0], "highlights_deferred_s": highlight[1],
            "highlights_cpu_s": highlight[2],
            "gui_thread_s": show[0] + show[1] + highlight[0] + highlight[1],
            "scroll_max_stall_s": scroll_stall, "peak_rss_mb": _peak_rss_mb()}


def gui_stall(words: int, switch_interval: float | None = None) -> dict[str, Any]:
    """The app analyses a long article in the background; a 10 ms heartbeat measures event-loop stalls."""
    from PySide6.QtCore import QEventLoop, QTimer

    if switch_interval:
        sys.setswitchinterval(switch_interval)

    page = _write_page(long_article_html(words), "long.html")
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as scratch:
        app, window = _app_and_window(scratch)
        _settle(app)
        marks: dict[str, float] = {}
        calls: dict[str, float] = {}

        def timed_method(name: str) -> None:  # wrap the window's slot to learn what the GUI thread did when
            original = getattr(window, name)

            def wrapper(*args, **kwargs):
                started = time.perf_counter()
                try:
                    return original(*args, **kwargs)
                finally:
                    calls[name] = time.perf_counter() - started
                    marks[name] = time.perf_counter()

            setattr(window, name, wrapper)

        timed_method("show_article")
        timed_method("show_analysis")
        loop = QEventLoop()
        heartbeat = _Heartbeat()

        # 1. The model loads in a background thread (as at start-up, where the first analysis loads it).
        heartbeat.start()
        model_started = time.perf_counter()
        loader = threading.Thread(target=lambda: window.analyst.analyzer.recogniser, daemon=True)
        loader.start()
        poll = QTimer()
        poll.timeout.connect(lambda: None if loader.is_alive() else loop.quit())
        poll.start(5)
        loop.exec()
        poll.stop()
        model_s = time.perf_counter() - model_started
        model_gaps = heartbeat.gaps(model_started)

        # 2. A long article is opened: its text is shown, then it is analysed in the background.
        collections: list[tuple[float, float, int]] = []  # (start, seconds, generation) of each GC run
        gc_started = [0.0]

        def on_gc(phase: str, info: dict) -> None:
            if phase == "start":
                gc_started[0] = time.perf_counter()
            else:
                collections.append((gc_started[0], time.perf_counter() - gc_started[0], info["generation"]))

        gc.callbacks.append(on_gc)
        stages: list[tuple[float, str, float]] = []
        window.analyst.progress.connect(
            lambda _request, stage, fraction: stages.append((time.perf_counter(), stage, fraction)))
        opened = time.perf_counter()
        window.analysisShown.connect(lambda _analysis: QTimer.singleShot(50, loop.quit))
        window.openFailed.connect(lambda _message: loop.quit())
        window.open_path(page)
        QTimer.singleShot(600_000, loop.quit)
        loop.exec()
        heartbeat.stop()
        shown_text = marks.get("show_article", float("nan"))
        shown_analysis = marks.get("show_analysis", float("nan"))
        analysis = window.analysis
        text_call = calls.get("show_article", 0.0)
        analysis_call = calls.get("show_analysis", 0.0)
        # The stall measured while the analysis runs in the background: after the text is on
        # screen (and its first layout done) until the analysis arrives.
        # The part of each gap that lies between the text shown and the analysis arriving (a gap
        # that runs into show_analysis is cut where that call began: the call is counted apart).
        started_analysis = shown_analysis - analysis_call
        background = [(min(ended, started_analysis) - max(ended - gap, shown_text), ended)
                      for gap, ended in heartbeat.gaps(shown_text)
                      if ended - gap < started_analysis and ended > shown_text]
        all_gaps = heartbeat.gaps(opened)
        window.close()
        app.processEvents()
        gc.callbacks.remove(on_gc)
    top = sorted(all_gaps, reverse=True)[:8]

    def doing(ended: float, gap: float) -> str:
        """What the app was at when a stall began: a GUI slot, or the analysis stage last reported."""
        began = ended - gap
        for name in ("show_article", "show_analysis"):
            if name in marks and marks[name] - calls[name] - 0.005 <= began <= marks[name]:
                return f"GUI: {name}"
        if "show_analysis" in marks and began >= marks["show_analysis"]:
            return "GUI: after show_analysis (queued work)"
        last = [f"{stage} {fraction:.0%}" for at, stage, fraction in stages if at <= began]
        where = f"analysis: {last[-1]}" if last else "before the first progress report"
        collected = sum(seconds for at, seconds, _ in collections if began <= at <= ended)
        return where + (f" (garbage collection {collected * 1000:.0f} ms)" if collected > 0.01 else "")
    return {
        "words": len(analysis.text.split()) if analysis else None,
        "model_load_s": model_s, "model_load_max_stall_s": max((g for g, _ in model_gaps), default=0.0),
        "text_shown_s": shown_text - opened, "show_text_call_s": text_call,
        "analysis_shown_s": shown_analysis - opened, "show_analysis_call_s": analysis_call,
        "analysis_background_s": (shown_analysis - analysis_call) - shown_text,
        "max_stall_background_s": max((g for g, _ in background), default=0.0),
        "stalls_over_100ms_background": sum(1 for g, _ in background if g > 0.1),
        "max_stall_overall_s": max((g for g, _ in all_gaps), default=0.0),
        "top_stalls": [{"gap_s": round(g, 4), "at_s": round(t - opened, 3), "during": doing(t, g),
                        "epoch": t - time.perf_counter() + time.time()} for g, t in top],
        "heartbeats": len(heartbeat.ticks), "peak_rss_mb": _peak_rss_mb(),
        "gc_gen2_runs": sum(1 for _, _, generation in collections if generation == 2),
        "gc_longest_s": max((seconds for _, seconds, _ in collections), default=0.0),
    }


SCENARIOS = {"core": core, "memory": memory, "gui_display": gui_display, "gui_stall": gui_stall}


def html_front(size: int, analyse: bool = True, path: str | None = None) -> dict[str, Any]:
    """bs4 as the HTML front end, next to lxml alone, on one news page of ``size`` characters (bench/html_front.py)."""
    from .html_front import measure

    return measure(size, analyse, path)


SCENARIOS["html_front"] = html_front
