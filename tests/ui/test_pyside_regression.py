"""DESIGN.md's trap: PySide6 6.12.0 aborts after a few thousand calls of a method returning None."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_fifty_thousand_calls_of_a_method_returning_none_do_not_abort():
    script = textwrap.dedent("""
        import os
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication, QWidget
        app = QApplication([])
        widget = QWidget()
        for _ in range(50_000):
            widget.setEnabled(True)
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
