"""Nothing the window shows may reach the network.

The reading view builds its document from the article's plain text and offsets, so an
article's remote images, style sheets, fonts and scripts are never part of it. These
guards make sure of it wherever Qt could still be asked to load a resource:

* ``LocalOnlyBrowser`` / ``LocalOnlyDocument``: every ``QTextBrowser`` and document in the
  app refuses any resource that is not local (http, https, ftp, ... and ``file://host/...``,
  which on Windows is a network share). Every request is logged in ``asked`` so tests can
  check that none was remote.
* ``plain_tip``: text taken from an article shown in a tooltip is escaped, so a link or a
  name that looks like ``<img src=...>`` is shown as text, never rendered.

Qt's widgets have no network code of their own; the point is that even a local-looking
resource (a UNC path) or a future change to how documents are built cannot load anything.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import Qt, QTextDocument
from PySide6.QtWidgets import QTextBrowser

LOCAL_SCHEMES = frozenset({"", "file", "qrc", "data"})
asked: list[str] = []  # every resource any guarded document was asked for, in order
refused: list[str] = []  # those refused


def is_local_resource(url: QUrl) -> bool:
    """Data, Qt resources and files on this machine; never a host (http://…, file://server/share)."""
    return url.scheme().lower() in LOCAL_SCHEMES and not url.host()


def _check(url: QUrl) -> bool:
    text = url.toString()
    asked.append(text)
    if is_local_resource(url):
        return True
    refused.append(text)
    return False


class LocalOnlyBrowser(QTextBrowser):
    """A ``QTextBrowser`` that loads only local resources."""

    def loadResource(self, type_: int, name: QUrl) -> Any:
        return super().loadResource(type_, name) if _check(name) else None


class LocalOnlyDocument(QTextDocument):
    """A ``QTextDocument`` that loads only local resources (whatever its parent would do)."""

    def loadResource(self, type_: int, name: QUrl) -> Any:
        return super().loadResource(type_, name) if _check(name) else None


def plain_tip(text: str) -> str:
    """``text`` made safe for a tooltip or a message box's informative text.

    Qt renders such text as HTML when it looks like HTML (``<img src=...>`` on its first
    line); then it is escaped inside ``<qt>``, so it shows literally. Other text is unchanged.
    """
    if not Qt.mightBeRichText(text):
        return text
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
