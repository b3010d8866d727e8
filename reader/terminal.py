"""Terminal-safe, UTF-8-valid output for the command line, whatever the file names (issue 12).

A file name is bytes to the system: on Linux it may hold a byte that is not UTF-8 (Python shows it as a
lone surrogate, "surrogateescape"), a newline, an ANSI escape that recolours or retitles the terminal,
or a bidi control that shows the name's end first. None of it reaches the terminal raw, and none of it
makes the JSON invalid:

* ``display`` escapes such characters for a line on the terminal (``\\n``, ``\\x1b``, ``\\u202e``, and a
  non-UTF-8 byte as ``\\xff``, the way Python and GNU tools write them);
* ``json_text`` dumps JSON whose every string is valid UTF-8 (a non-UTF-8 byte of a file name becomes the
  text ``\\xff``) with control and bidi characters written as JSON escapes: the data is kept, a terminal
  shows them inert;
* ``guarded`` turns an output error (a closed pipe, a full disk, an I/O error, no stdout at all) into one
  line on stderr and exit status 1, never a traceback.
"""

from __future__ import annotations

import errno
import json
import os
import re
import sys
from collections.abc import Callable

# C0 and C1 controls, DEL, and the bidi controls (embeddings, overrides, isolates, marks).
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_UNSAFE_IN_JSON = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")  # json escapes C0
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
OUTPUT_ERRORS = frozenset({errno.EPIPE, errno.ENOSPC, errno.EIO, errno.EBADF, errno.EDQUOT, errno.EFBIG,
                           errno.EROFS})


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _surrogate(char: str) -> str:
    """A lone surrogate: a non-UTF-8 byte of a file name (U+DC80-U+DCFF) as ``\\xNN``, any other as U+FFFD."""
    code = ord(char)
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def display(text: str) -> str:
    """``text`` (a file name, an error sentence holding one) safe to print on a terminal, on one line."""
    text = _SURROGATE.sub(lambda m: _surrogate(m.group(0)), text)
    return _UNSAFE.sub(lambda m: _escape(m.group(0)), text)


def clean_string(text: str) -> str:
    """``text`` with lone surrogates replaced (a non-UTF-8 byte as the text ``\\xNN``): encodable as UTF-8."""
    return _SURROGATE.sub(lambda m: _surrogate(m.group(0)), text) if _SURROGATE.search(text) else text


def json_text(value: object, indent: int | None = None) -> str:
    """JSON for stdout: valid UTF-8 whatever the strings hold; control and bidi characters as JSON escapes."""
    dumped = json.dumps(value, ensure_ascii=False, indent=indent)
    if _SURROGATE.search(dumped):  # only from file names (surrogateescape); JSON escapes them as ``\\xNN`` text
        dumped = _SURROGATE.sub(lambda m: _surrogate(m.group(0)).replace("\\", "\\\\"), dumped)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", dumped)


def guarded(run: Callable[[], int]) -> int:
    """``run()``'s exit status; an output error instead is one line on stderr and status 1 (see the module)."""
    if sys.stdout is None:  # started with stdout closed (``>&-``)
        _say("reader: cannot write the output: standard output is closed")
        return 1
    try:
        status = run()
        sys.stdout.flush()  # a full disk shows here, not at exit where Python would print a traceback
        return status
    except OSError as error:
        if error.errno not in OUTPUT_ERRORS and not isinstance(error, BrokenPipeError):
            raise
        _silence_stdout()
        reason = "the reading end was closed" if error.errno == errno.EPIPE else (error.strerror or str(error))
        _say(f"reader: cannot write the output: {reason}")
        return 1


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's final flush cannot fail (and print) again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _say(line: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(display(line) + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass  # no stderr either: the exit status says it
