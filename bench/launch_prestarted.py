"""``main.py`` with one line more: ``prestart()`` before anything else (what bench/run.py's
"cold start, model prestarted" measures). The model starts loading in a helper process on
another core while the window is built; proposed for reader/app.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.core.recognisers import prestart  # noqa: E402

prestart()

from reader.app import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
