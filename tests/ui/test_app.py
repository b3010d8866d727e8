"""The entry point: arguments, and --screenshot rendering the analysed window to a PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from reader.app import parse_args

ROOT = Path(__file__).resolve().parents[2]


def test_arguments():
    args = parse_args(["article.html", "--screenshot", "out.png"])
    assert (args.file, args.screenshot) == ("article.html", "out.png")
    assert parse_args([]).file is None


def test_screenshot_renders_the_analysed_sample(tmp_path):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(out)], env=env,
                            capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    image = QImage(str(out))
    assert image.width() >= 1000 and image.height() >= 700


def test_a_web_address_on_the_command_line_is_fetched(tmp_path, local_server):
    out = tmp_path / "page.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), no_proxy="127.0.0.1,localhost")
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(out),
                             local_server.url + "/notes.txt"], env=env, capture_output=True, text=True, timeout=180,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert local_server.requests() == ["/notes.txt"]
    assert QImage(str(out)).width() >= 1000
