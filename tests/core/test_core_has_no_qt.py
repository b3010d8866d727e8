"""The core must stay importable and usable without Qt."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_modules_do_not_import_qt():
    offenders = [path.name for path in (ROOT / "reader" / "core").glob("*.py")
                 if "PySide6" in path.read_text(encoding="utf-8") or "PyQt" in path.read_text(encoding="utf-8")]
    assert offenders == []


def test_analysing_loads_no_qt_module():
    code = ("import sys; from reader.core import Analyzer, load_path; "
            "a = Analyzer(model='rules').analyze(load_path(sys.argv[1])); "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide', 'PyQt', 'shiboken'))))")
    result = subprocess.run([sys.executable, "-c", code, str(ROOT / "reader/data/samples/hama.html")],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_the_core_exports_exactly_what_it_loads_lazily():
    import reader.core as core

    assert sorted(core.__all__) == sorted(core._EXPORTS)
    assert all(getattr(core, name) is not None for name in core.__all__)
