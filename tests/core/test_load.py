import pytest

from reader.core import LoadError, load_bytes, load_path


def test_plain_text_paragraphs_keep_offsets():
    article = load_bytes(b"First para line.\nSame para.\n\n  Second para.\n", filename="a.txt")
    assert article.format == "text"
    assert [article.text[b.start:b.end] for b in article.blocks] == ["First para line.\nSame para.", "Second para."]


def test_html_is_recognised_by_content_not_extension():
    article = load_bytes(b"<p>Hello <a href='https://a.example/'>there</a></p>", filename="notes.txt")
    assert article.format == "html"
    assert article.text == "Hello there"


def test_declared_charset_is_honoured():
    markup = '<meta charset="windows-1252"><p>caf\xe9 \u201cquoted\u201d</p>'.encode("cp1252")
    assert load_bytes(markup).text == "caf\xe9 \u201cquoted\u201d"


def test_undeclared_legacy_encoding_is_detected():
    text = "Le gouvernement français a annoncé une réforme élémentaire et très contestée à Paris. " * 5
    article = load_bytes(text.encode("cp1252"), filename="a.txt")
    assert "français" in article.text and "élémentaire" in article.text


@pytest.mark.parametrize("data, words", [
    (b"", "empty"), (b"   \n", "empty"), (b"%PDF-1.7\n...", "PDF"), (b"\x89PNG\r\n\x1a\n....", "PNG"),
    (b"PK\x03\x04rest", "ZIP"), (bytes(range(256)) * 10, "binary"),
])
def test_bad_input_gives_a_clear_error(data, words):
    with pytest.raises(LoadError, match=words):
        load_bytes(data, source="f")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_path(tmp_path / "missing.html")
    with pytest.raises(LoadError, match="folder"):
        load_path(tmp_path)


def test_loading_never_modifies_the_file(tmp_path):
    path = tmp_path / "a.html"
    path.write_bytes(b"<p>x &amp; y</p>")
    before = path.stat().st_mtime_ns
    load_path(path)
    assert path.read_bytes() == b"<p>x &amp; y</p>" and path.stat().st_mtime_ns == before


def test_markdown_becomes_structured_text():
    article = load_bytes(b"# Title\n\nSome *text* with [a link](https://example.org/x).\n", filename="a.md")
    assert article.format == "markdown"
    assert article.text == "Title\n\nSome text with a link."
    assert article.links[0].href == "https://example.org/x"
