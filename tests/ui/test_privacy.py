"""The window never loads an article's remote images, style sheets, fonts, scripts or frames.

The "remote" server is a local one on 127.0.0.1 that records every request: the window
must ask it for nothing, and no document or browser in the window may even be asked for
a remote resource.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QToolTip

from reader.ui import privacy
from reader.ui.privacy import LocalOnlyDocument, is_local_resource, plain_tip

from .helpers import SAMPLE_TIMEOUT_MS


def tracking_page(base: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><title>Harbour council approves the new sea wall</title>
<link rel="stylesheet" href="{base}/style.css">
<link rel="preload" href="{base}/font.woff2" as="font">
<link rel="icon" href="{base}/favicon.ico">
<style>@font-face {{ font-family: Spy; src: url({base}/spy.woff); }} body {{ background: url({base}/bg.png); }}</style>
<script src="{base}/tracker.js"></script>
</head><body>
<article>
<h1>Harbour council approves the new sea wall</h1>
<p><img src="{base}/photo.jpg" srcset="{base}/photo-2x.jpg 2x" alt="The harbour at dusk">
The council of Portsmouth voted on Monday to build a new sea wall, said Mayor Helen Price.
Read <a href="{base}/report.html">the full report</a> or the <a href="{base}/minutes.pdf">minutes</a>.</p>
<p>“The sea does not wait for us,” Price said. Engineers from Marine Works Ltd will begin in June.</p>
<p><picture><source srcset="{base}/wide.webp"><img src="{base}/narrow.jpg" alt=""></picture>
<video poster="{base}/poster.jpg" src="{base}/clip.mp4"></video><audio src="{base}/sound.mp3"></audio>
<iframe src="{base}/frame.html"></iframe><object data="{base}/object.swf"></object>
<embed src="{base}/embed.swf"><svg><image href="{base}/svg.png"/></svg>
A page written as text: &lt;img src="{base}/in-text.png"&gt; must stay text.</p>
<p style="background-image: url({base}/inline-bg.png)">The vote was 31 to 4.</p>
</article>
<img src="{base}/pixel.gif" width="1" height="1">
</body></html>"""


def remote(urls: list[str]) -> list[str]:
    return [u for u in urls if not is_local_resource(QUrl(u))]


def test_an_article_full_of_remote_resources_makes_no_request(window, qtbot, tmp_path, local_server):
    page = tmp_path / "harbour.html"
    page.write_text(tracking_page(local_server.url), encoding="utf-8")
    asked_before = len(privacy.asked)
    with qtbot.waitSignal(window.analysisShown, timeout=SAMPLE_TIMEOUT_MS) as shown:
        window.open_path(page)
    analysis = shown.args[0]
    text = window.view.toPlainText()
    assert "Mayor Helen Price" in text and f'<img src="{local_server.url}/in-text.png">' in text
    # use everything that shows article content: entity card, quotes, every link's detail, tooltips, zoom
    person = next(e for e in analysis.entities if e.label == "PERSON")
    window.select_entity(person.id)
    window.entity_card.next_mention()
    for link in analysis.links:
        window.link_inspector.select_link_at(link.start)
        window.view.select_span(link.start, link.end)
    assert len(analysis.links) >= 2
    window.view.zoom_in()
    for widget in (window.view, window.entity_card, window.quote_panel, window.link_inspector):
        widget.grab()  # paint: lays out and renders every document
    QApplication.processEvents()
    assert local_server.requests() == []  # nothing asked the "remote" server for anything
    assert remote(privacy.asked[asked_before:]) == []  # no document was even asked for a remote resource
    assert window.view.toHtml().count("<img") == 0


def test_the_view_refuses_a_remote_resource_when_asked(window, qtbot, tmp_path, local_server):
    refused_before = len(privacy.refused)
    for url in (f"{local_server.url}/direct.png", "https://127.0.0.1:1/x.css", "file://127.0.0.1/share/x.png",
                "ftp://127.0.0.1/x.png"):
        assert window.view.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(url)) is None
    assert privacy.refused[refused_before:] == [f"{local_server.url}/direct.png", "https://127.0.0.1:1/x.css",
                                                "file://127.0.0.1/share/x.png", "ftp://127.0.0.1/x.png"]
    # a remote image put into the shown document is asked for when painted, and refused
    cursor = QTextCursor(window.view.document())
    cursor.insertImage(f"{local_server.url}/inserted.png")
    window.view.grab()
    assert f"{local_server.url}/inserted.png" in privacy.refused
    assert local_server.requests() == []
    # local resources still work: the guard refuses what is remote, not everything
    picture = tmp_path / "local.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\nlocal")
    data = window.view.loadResource(QTextDocument.ResourceType.ImageResource, QUrl.fromLocalFile(str(picture)))
    assert bytes(data).startswith(b"\x89PNG")


def test_every_text_browser_and_document_is_guarded(shown):
    from PySide6.QtWidgets import QTextBrowser, QTextEdit

    browsers = shown.findChildren(QTextEdit)
    assert browsers and all(isinstance(b, privacy.LocalOnlyBrowser) for b in browsers
                            if isinstance(b, QTextBrowser))
    assert isinstance(shown.view.document(), LocalOnlyDocument)
    assert shown.entity_card.mentions in browsers and shown.link_inspector.detail in browsers


def test_article_text_in_tooltips_is_never_rendered_as_html(local_server):
    sneaky = f'<img src="{local_server.url}/tip.png"> Helen Price'
    tip = plain_tip(sneaky)
    assert "&lt;img" in tip and "<img" not in tip
    assert plain_tip("Helen Price (PERSON), 3 mentions") == "Helen Price (PERSON), 3 mentions"  # plain stays plain
    QToolTip.showText(QApplication.primaryScreen().geometry().center(), tip)
    QApplication.processEvents()
    QToolTip.hideText()
    assert local_server.requests() == []
