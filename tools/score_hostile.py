"""Score the hostile-file set (tests/hostile_files.py): per group, cases, max CPU seconds, peak memory, outcomes.

Each case runs in a fresh process (load + full analysis with the default model, in that process so its
CPU time is all counted), under a CPU-time cap; the figures are that process's CPU time (user + system)
and peak resident memory.

    .venv/bin/python tools/score_hostile.py                 # every case, default cap 60 CPU seconds each
    .venv/bin/python tools/score_hostile.py --cap 20 --model rules --only mister_250k
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def run_one(name: str, model: str | None, folder: str) -> dict[str, object]:
    """In the child: load and analyse one case, report outcome and figures as JSON."""
    from hostile_files import BY_NAME

    from reader.core import Analyzer, ReaderError, load_path

    case = BY_NAME[name]
    path = Path(folder) / f"{name}-{case.filename}"
    path.write_bytes(case.make())
    analyzer = Analyzer(model=model)
    started = time.process_time()
    outcome: str
    try:
        analysis = analyzer.analyze(load_path(path, source=case.filename))
        text = analysis.article.text
        ok = case.expect_text is None or case.expect_text in text
        if case.also_absent and case.also_absent in text:
            ok = False
        outcome = f"result ({len(text):,} chars, {len(analysis.entities)} entities)" + ("" if ok else " WRONG")
    except ReaderError as error:
        ok = (case.expect_error is not None and case.expect_error in str(error)) or case.expect_text is None
        outcome = f"error: {error}"[:100]
    except Exception as error:  # noqa: BLE001 - the scorer reports it
        ok = False
        outcome = f"INTERNAL {type(error).__name__}: {error}"[:100]
    cpu = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"name": name, "group": case.group, "cpu": cpu, "peak_mb": peak, "outcome": outcome, "ok": ok}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cap", type=float, default=60.0, help="CPU seconds per case before it counts as a hang")
    parser.add_argument("--model", default=None, help="spaCy model package or 'rules' (default: the default model)")
    parser.add_argument("--only", nargs="*", default=None, help="case names")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--folder", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the per-case rows as JSON too")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.model, args.folder)))
        return 0
    from hostile_files import CASES

    cases = [case for case in CASES if not args.only or case.name in args.only]
    rows = []
    env = dict(os.environ, READER_NER_IN_PROCESS="1")
    with tempfile.TemporaryDirectory() as folder:
        for case in cases:
            command = [sys.executable, __file__, "--child", case.name, "--folder", folder]
            if args.model:
                command += ["--model", args.model]

            def limit(cap: float = args.cap) -> None:
                resource.setrlimit(resource.RLIMIT_CPU, (int(cap) + 1, int(cap) + 2))

            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            done = subprocess.run(command, capture_output=True, text=True, env=env, preexec_fn=limit, check=False)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            try:
                row = json.loads(done.stdout.strip().splitlines()[-1])
            except (IndexError, ValueError):
                total = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
                row = {"name": case.name, "group": case.group, "cpu": total, "peak_mb": after.ru_maxrss / 1024,
                       "outcome": f"HANG (> {args.cap:g} CPU s)" if total >= args.cap
                       else f"CRASH: {done.stderr.strip().splitlines()[-1:] }"[:100], "ok": False}
            rows.append(row)
            print(f"  {row['name']:<22} {row['cpu']:7.2f} s {row['peak_mb']:7.0f} MB  {row['outcome']}", flush=True)
    print()
    print(f"{'group':<18} {'cases':>5} {'max CPU s':>10} {'peak MB':>8} {'sensible':>9}")
    for group in dict.fromkeys(row["group"] for row in rows):
        mine = [row for row in rows if row["group"] == group]
        print(f"{group:<18} {len(mine):>5} {max(float(r['cpu']) for r in mine):>10.2f} "
              f"{max(float(r['peak_mb']) for r in mine):>8.0f} {sum(bool(r['ok']) for r in mine):>5}/{len(mine)}")
    if args.json:
        print(json.dumps(rows, indent=1))
    return 0 if all(row["ok"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
