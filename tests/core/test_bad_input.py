"""Hostile and broken input: a clear LoadError or a sensible Article, in bounded time, never a write.

Every input is generated here in tmp_path; nothing big is committed.
"""

from __future__ import annotations

import gzip
import io
import itertools
import os
import stat
import zipfile
from pathlib import Path

import pytest
from checks import check_article

from reader.core import Analyzer, LoadError, load_bytes, load_path, load_text
from reader.core.html import MAX_TEXT_CHARS, html_to_text

SENTENCE = "The minister said the budget would protect families, while officials in Brussels disagreed. "


@pytest.fixture(scope="module")
def rules():
    return Analyzer(model="rules")


def load_file(tmp_path: Path, name: str, data: bytes):
    """Load through the real file path and prove the file was neither changed nor touched."""
    path = tmp_path / name
    path.write_bytes(data)
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)  # read-only, as a user's file may well be
    before = (path.stat().st_mtime_ns, path.stat().st_size)
    try:
        return load_path(path)
    finally:
        assert (path.stat().st_mtime_ns, path.stat().st_size) == before
        assert path.read_bytes() == data
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize("name, data, words", [
    ("empty.html", b"", "is empty"),
    ("blank.txt", b" \n\t\r\n  ", "is empty"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "is a PDF document"),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100), "is a PNG image"),
    ("photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "is a JPEG image"),
    ("archive.zip", zip_bytes({"a.txt": b"hello"}), "is a ZIP archive"),
    ("letter.docx", zip_bytes({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<w/>"}), "is a Word document"),
    ("book.epub", zip_bytes({"mimetype": b"application/epub+zip"}), "is an EPUB e-book"),
    ("page.html.gz", gzip.compress(b"<p>hello</p>"), "gzip-compressed"),
    ("clip.mp4", b"\x00\x00\x00\x18ftypmp42" + bytes(100), "is a video file"),
    ("program", b"\x7fELF\x02\x01\x01" + bytes(100), "is a program"),
    ("noise.bin", os.urandom(1) * 0 + bytes(range(256)) * 40, "binary"),
    ("nuls.txt", b"\x00" * 5000, "binary"),
    ("mostly-nul.html", b"<p>" + b"a\x00\x00\x00" * 2000 + b"</p>", "binary"),
    ("comment-only.html", b"<!-- everything is a comment <p>hidden</p>", "no readable text"),
    ("script-only.html", b"<html><head><script>var x = '<p>not text</p>';</script></head><body></body></html>",
     "no readable text"),
    ("webarchive", b"bplist00\x00\x01garbage", "damaged web archive"),
])
def test_unreadable_files_give_one_clear_sentence(tmp_path, name, data, words):
    with pytest.raises(LoadError, match=words) as caught:
        load_file(tmp_path, name, data)
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300 and name in message


def test_random_bytes_never_crash(tmp_path):
    for seed in range(20):
        data = os.urandom(2000 + seed * 100)
        try:
            check_article(load_bytes(data, source="random"))
        except LoadError as error:
            assert "\n" not in str(error)


@pytest.mark.timeout(30)  # hang guards like this one stand for "never hangs"; speed is the benchmark's
def test_special_files_are_refused_without_reading():
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    with pytest.raises(LoadError, match="special file"):
        load_path("/dev/zero")  # reading it would never end: the hang guard below would fire


def test_fifo_does_not_hang(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="special file"):
        load_path(fifo)


def test_truncated_utf8_keeps_the_text(tmp_path):
    data = "<p>Le gouvernement a annoncé une réforme à Paris, dit-on — “déjà”</p>".encode()[:-6]  # cut inside “
    article = load_file(tmp_path, "cut.html", data)
    assert article.text.startswith("Le gouvernement a annoncé une réforme à Paris")
    check_article(article)
    cut_text = "Café crème à Paris, « déjà »".encode()[:-1]  # the last byte of » is missing
    article = load_file(tmp_path, "cut.txt", cut_text)
    assert article.text.startswith("Café crème à Paris") and article.encoding == "utf-8"
    assert any("cut short" in notice for notice in article.notices)


def test_a_few_stray_bytes_in_utf8_are_replaced_not_misdecoded():
    data = ("<p>" + "Zürich and Genève are Swiss cities. " * 20 + "</p>").encode() + b"<p>bad \xff byte</p>"
    article = load_bytes(data)
    assert "Zürich" in article.text and "Genève" in article.text and "bad \ufffd byte" in article.text


def test_control_characters_and_nuls_are_dropped(tmp_path, rules):
    controls = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\r")
    filler = "<p>" + SENTENCE * 10 + "</p>"
    html = f"{filler}<p>Bob{controls}said “hi\x00there” to\x7f Alice.</p><p>x\x0by</p>{filler}".encode()
    article = load_file(tmp_path, "controls.html", html)
    check_article(article)
    assert "Bob" in article.text and "Alice" in article.text and "hithere" in article.text
    text = load_file(tmp_path, "controls.txt",
                     f"{SENTENCE * 10}Bob{controls}said hi.\x00\n\nNext\x1b[31m para.".encode())
    check_article(text)
    rules.analyze(article)
    rules.analyze(text)


def test_lone_surrogates_from_a_caller_are_replaced():
    for article in (load_text("<p>a\ud800b \udfff c</p>"), load_text("plain a\ud800b text", filename="a.txt")):
        check_article(article)
        assert "\ufffd" in article.text


def test_utf16_without_bom(tmp_path):
    article = load_file(tmp_path, "wide.html",
                        "<html><body><p>Grüße aus Köln, sagte Anna.</p></body></html>".encode("utf-16-le"))
    assert article.text == "Grüße aus Köln, sagte Anna."


def test_wrong_or_unknown_declarations_are_survived():
    cp1252 = ('<meta charset="utf-8"><p>Caf\xe9 \u201cna\xefve\u201d r\xe9sum\xe9 \u2014 d\xe9j\xe0 vu, '
              'cr\xe8me br\xfbl\xe9e.</p>')
    assert load_bytes(cp1252.encode("cp1252")).text == "Café “naïve” résumé — déjà vu, crème brûlée."
    unknown = '<meta charset="x-no-such-charset"><p>plain words</p>'
    assert load_bytes(unknown.encode()).text == "plain words"
    wide = '<meta charset="utf-16"><p>ASCII bytes that claim UTF-16: café</p>'
    assert load_bytes(wide.encode()).text == "ASCII bytes that claim UTF-16: café"


@pytest.mark.timeout(120)
def test_ten_thousand_nested_elements_keep_their_text(tmp_path):
    for tag in ("div", "span", "blockquote", "b"):
        markup = f"<p>before</p>{f'<{tag}>' * 10_000}deep <a href='/x'>link</a>{f'</{tag}>' * 10_000}<p>after</p>"
        article = load_file(tmp_path, f"deep-{tag}.html", markup.encode())
        assert "before" in article.text and "deep link" in article.text and "after" in article.text, tag
        check_article(article)
    unclosed = "<div><p>para " * 10_000 + "end"
    article = load_bytes(unclosed.encode())
    assert article.text.count("para") == 10_000 and article.text.endswith("end")


@pytest.mark.timeout(120)
def test_hundred_thousand_nested_elements_keep_their_text():
    markup = "<div>" * 100_000 + "deep" + "</div>" * 100_000
    assert html_to_text(markup).text == "deep"


@pytest.mark.timeout(180)
def test_hundred_thousand_links(tmp_path, rules):
    markup = "<p>" + "".join(f'<a href="https://site{i % 97}.example/p/{i}">#{i}</a> ' for i in range(100_000)) + "</p>"
    article = load_file(tmp_path, "links.html", markup.encode())
    assert len(article.links) == 100_000
    assert article.text[article.links[-1].start:article.links[-1].end] == "#99999"
    check_article(article)
    analysis = rules.analyze(article)
    assert len(analysis.links) == 100_000


def test_one_giant_quote_and_unbalanced_quotes(rules):
    giant = load_bytes(("<p>“" + SENTENCE * 3000 + "”</p>").encode())
    analysis = rules.analyze(giant)
    assert len(analysis.quotes) >= 1
    unclosed = load_bytes(("<p>" + ("“He said “that " + SENTENCE) * 1000 + "</p>").encode())
    straight = load_bytes(("<p>" + ("\"He said 'that " + SENTENCE + "' \" ") * 700 + " \" ' “ ‘ »</p>").encode())
    for article in (unclosed, straight):
        check_article(article)
        quotes = rules.analyze(article).quotes
        for first, second in itertools.pairwise(quotes):
            assert first.end <= second.start


def test_long_single_line_text_file(tmp_path):
    article = load_file(tmp_path, "line.txt", (SENTENCE * 100_000).encode())  # ~9 MB, no newline at all
    assert len(article.text) <= MAX_TEXT_CHARS
    assert any("very long" in notice for notice in article.notices)
    check_article(article)


def test_huge_attributes_and_data_urls(tmp_path):
    blob = "A" * 5_000_000
    markup = (f'<p>Before <img src="data:image/png;base64,{blob}"> after '
              f'<a href="data:text/html;base64,{blob[:1000]}">x</a>.</p>')
    article = load_file(tmp_path, "singlefile.html", markup.encode())
    assert article.text == "Before after x."
    assert article.links[0].href.startswith("data:text/html")


def test_unterminated_constructs():
    for markup in ("<p>text <a href='x", "<p>a <!-- open comment", "<p>x <script>never closed", "<p>x</p><style>p{",
                   "<p>tag <b <i <u>soup</p>", "<<<>>><p>ok</p>", "<p>&#xFFFFFFFF; &#0; &#xD800; &bogus; ok</p>",
                   "<![CDATA[ x ]]><p>ok</p>", "<?php echo 1; ?><p>ok</p>"):
        try:
            check_article(load_bytes(markup.encode(), filename="x.html"))
        except LoadError as error:
            assert "no readable text" in str(error)


def test_markdown_with_html_and_bad_links():
    article = load_bytes(b"# T\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](<> \"t\") ![i](data:x)\n\n"
                         b"> quote\n> > nested \xe2\x80\x9cunclosed\n", filename="evil.md")
    check_article(article)
    assert "<script>" in article.text  # raw HTML in Markdown stays inert text


def test_cli_error_is_one_line(tmp_path, capsys):
    from reader.cli import main

    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4 ...")
    assert main(["analyze", str(path), "--model", "rules"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"reader: {path} is a PDF document, not an article Reader can open"]


@pytest.mark.slow
@pytest.mark.timeout(180)  # a hang guard only (loads in ~2 s); speed is the benchmark's to measure
def test_fifty_megabyte_page(tmp_path):
    paragraph = ('<p>The minister said on Tuesday that the <a href="https://example.com/x/{}">new budget</a> would '
                 '"protect families" while cutting <b>defence</b> spending, officials in Brussels said.</p>\n')
    count = 50 * 1024 * 1024 // len(paragraph)
    path = tmp_path / "big.html"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("<!DOCTYPE html><html><head><title>Big</title></head>"
                     "<body><nav><a href='/'>Home</a></nav><article>")
        for start in range(0, count, 10_000):
            handle.write("".join(paragraph.format(i) for i in range(start, min(count, start + 10_000))))
        handle.write("</article><footer>end</footer></body></html>")
    assert path.stat().st_size >= 50 * 1024 * 1024
    before = path.stat().st_mtime_ns
    article = load_path(path)
    assert path.stat().st_mtime_ns == before
    assert len(article.text) <= MAX_TEXT_CHARS and article.text.startswith("The minister said")
    assert any("very long" in notice for notice in article.notices)
    check_article(article)


@pytest.mark.timeout(180)
def test_huge_saved_page_with_inline_assets_keeps_its_article(tmp_path):
    """SingleFile-style pages: megabytes of inline scripts, styles and images before the article."""
    script = "<script>var bundle = '" + "x" * 12_000_000 + "';</script>"
    style = "<style>" + ".a{color:red}" * 500_000 + "</style>"
    image = '<img src="data:image/png;base64,' + "A" * 6_000_000 + '">'
    markup = (f"<!DOCTYPE html><html><head>{script}{style}</head><body><nav><a href='/'>Home</a></nav><article>"
              f"{image}<p>The article starts here and has <a href='/x'>a link</a>.</p></article></body></html>")
    article = load_file(tmp_path, "singlefile-big.html", markup.encode())
    assert article.text.endswith("The article starts here and has a link.")
    assert [link.href for link in article.links][-1] == "/x"
