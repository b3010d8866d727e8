"""The store is pure Python like the core: a CLI run or a test loads no Qt through it."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_using_the_store_loads_no_qt_module(tmp_path):
    code = ("import sys; from reader.store import CorrectionStore, Library, open_database; "
            "from reader.core.corrections import NewEntity; "
            "db = open_database(sys.argv[1]); CorrectionStore(db).add(NewEntity('Hama', 'GPE')); db.close(); "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide', 'PyQt', 'shiboken'))))")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "db.sqlite3")],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
