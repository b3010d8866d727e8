import pytest

from reader.core import LoadError, load_bytes, load_path
from reader.core.language import is_english


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


# --- encodings -------------------------------------------------------------------------------

RUSSIAN = "Правительство объявило в понедельник о повышении налогов для крупных компаний."
ARABIC = "أعلنت الحكومة يوم الاثنين عن زيادة الضرائب على الشركات الكبيرة في البلاد."
JAPANESE = "政府は月曜日、大企業に対する増税を発表した。財務大臣は予算のために必要だと述べた。"
CHINESE = "政府周一宣布对大公司增税。财政部长表示这对预算是必要的。"


@pytest.mark.parametrize("text, encoding", [
    (RUSSIAN, "cp1251"), (RUSSIAN, "koi8_r"), (ARABIC, "cp1256"), (JAPANESE, "shift_jis"), (JAPANESE, "euc_jp"),
    (JAPANESE, "iso2022_jp"), (CHINESE, "gb2312"), (CHINESE, "gbk"),
    ("Die Regierung hat am Montag höhere Steuern angekündigt, sagte der Minister.", "cp1252"),
    ("Vláda v pondělí oznámila, že daně vzrostou. Ministr financí řekl, že je to nutné.", "cp1250"),
])
def test_undeclared_legacy_encodings(text, encoding):
    article = load_bytes(text.encode(encoding), filename="a.txt")
    assert article.text == text


@pytest.mark.parametrize("declaration", [
    '<meta charset="{}">', '<meta http-equiv="Content-Type" content="text/html; charset={}">',
    "<meta content='text/html;charset={}' http-equiv='content-type'>",
])
@pytest.mark.parametrize("text, label, codec", [
    (RUSSIAN, "windows-1251", "cp1251"), (RUSSIAN, "KOI8-R", "koi8_r"), (ARABIC, "windows-1256", "cp1256"),
    (JAPANESE, "Shift_JIS", "cp932"), (CHINESE, "gb2312", "gbk"), ("Grüße, “quoted” — naïve", "iso-8859-1", "cp1252"),
])
def test_declared_encodings(declaration, text, label, codec):
    markup = f"<html><head>{declaration.format(label)}</head><body><p>{text}</p></body></html>"
    assert load_bytes(markup.encode(codec)).text == text


def test_xml_declaration_and_xhtml():
    markup = ('<?xml version="1.0" encoding="windows-1251"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
              '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
              '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ru">'
              f'<head><title>T</title></head><body><p>{RUSSIAN}</p><br/>'
              '<p><a href="x.html">ссылка</a></p></body></html>')
    article = load_bytes(markup.encode("cp1251"), filename="page.xhtml")
    assert article.format == "html" and article.text == RUSSIAN + "\n\nссылка"
    assert article.links[0].href == "x.html" and article.metadata.language == "ru"


@pytest.mark.parametrize("bom, codec", [
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
])
def test_byte_order_marks_win_over_declarations(bom, codec):
    markup = f'<meta charset="iso-8859-1"><p>{ARABIC}</p>'
    assert load_bytes(bom + markup.encode(codec)).text == ARABIC


def test_utf8_declared_as_latin1_is_read_as_utf8():
    article = load_bytes('<meta charset="iso-8859-1"><p>Incêndio “dominado” em Monchique</p>'.encode())
    assert article.text == "Incêndio “dominado” em Monchique"
    assert any("declares" in notice for notice in article.notices)


def test_http_charset_beats_the_page():
    markup = f'<meta charset="koi8-r"><p>{RUSSIAN}</p>'.encode("cp1251")
    assert load_bytes(markup, charset="windows-1251").text == RUSSIAN


def test_right_to_left_text_keeps_its_characters():
    hebrew = "הממשלה הודיעה ביום שני על העלאת מסים לחברות גדולות, אמר השר."
    article = load_bytes(f'<html lang="he" dir="rtl"><body><p dir="rtl">{hebrew}</p></body></html>'.encode())
    assert article.text == hebrew and article.metadata.language == "he"
    assert not is_english(article)


# --- formats by content ------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["article", "article.dat", "article.txt", "article.htm", "article.md"])
def test_full_html_is_html_whatever_the_name(name):
    assert load_bytes(b"<!DOCTYPE html><html><body><p>Hello</p></body></html>", filename=name).format == "html"


@pytest.mark.parametrize("name", ["notes", "notes.dat", "notes.markdown", "README.md"])
def test_markdown_is_recognised_by_content(name):
    source = b"# Heading\n\nSome text with a [link](https://example.org/) and **bold**.\n\n- one\n- two\n"
    article = load_bytes(source, filename=name)
    assert article.format == "markdown" and article.text.startswith("Heading\n\nSome text with a link and bold.")


@pytest.mark.parametrize("name, fmt", [("notes.txt", "text"), ("notes", "text"), ("notes.html", "html"),
                                       ("notes.md", "markdown")])
def test_plain_prose_without_markup_follows_the_extension(name, fmt):
    article = load_bytes(b"Just a note. Nothing special here.\n\nSecond paragraph.\n", filename=name)
    assert article.format == fmt
    expected = "Just a note. Nothing special here.\n\nSecond paragraph."
    assert article.text.rstrip() == (expected.replace("\n\n", " ") if fmt == "html" else expected)


def test_txt_with_markdown_looking_lines_stays_text():
    article = load_bytes(b"Shopping:\n- milk\n- eggs\n\n# not a heading to me\n", filename="list.txt")
    assert article.format == "text" and "- milk" in article.text


def test_markdown_file_with_some_inline_html_is_markdown():
    source = b"# Title\n\nText with <br> a break and a [link](https://example.org/).\n\n* item\n"
    assert load_bytes(source, filename="a.md").format == "markdown"


def test_a_text_mentioning_tags_is_not_html():
    assert load_bytes(b"I <3 this. 2 < 3 and 5 > 4.", filename="a.txt").format == "text"


# --- browser archives ------------------------------------------------------------------------

MHTML = b"""From: <Saved by Blink>
Snapshot-Content-Location: https://news.example.com/world/story.html
Subject: Story
Date: Tue, 5 Nov 2024 10:00:00 -0000
MIME-Version: 1.0
Content-Type: multipart/related;
\ttype="text/html";
\tboundary="----MultipartBoundary--abc----"


------MultipartBoundary--abc----
Content-Type: text/html
Content-ID: <frame-1@mhtml.blink>
Content-Transfer-Encoding: quoted-printable
Content-Location: https://news.example.com/world/story.html

<!DOCTYPE html><html><head><meta http-equiv=3D"Content-Type" content=3D"text/=
html; charset=3DUTF-8"><title>Story</title></head><body><p>Caf=C3=A9 owners <a href=3D=
"../local/cafes.html">protest</a> new rules.</p></body></html>
------MultipartBoundary--abc----
Content-Type: image/png
Content-Transfer-Encoding: base64
Content-Location: https://news.example.com/logo.png

iVBORw0KGgo=
------MultipartBoundary--abc------
"""


def test_mhtml_single_file_page():
    article = load_bytes(MHTML, filename="story.mhtml")
    assert article.text == "Café owners protest new rules."
    assert article.links[0].href == "../local/cafes.html"
    assert article.base_url == "https://news.example.com/world/story.html"
    assert any("MHTML" in notice for notice in article.notices)


def test_safari_webarchive():
    import plistlib

    archive = plistlib.dumps({"WebMainResource": {
        "WebResourceData": "<html><body><p>Grüße aus <a href='/koeln'>Köln</a></p></body></html>".encode("cp1252"),
        "WebResourceTextEncodingName": "windows-1252", "WebResourceURL": "https://example.de/a/b.html",
        "WebResourceMIMEType": "text/html"}}, fmt=plistlib.FMT_BINARY)
    article = load_bytes(archive, filename="page.webarchive")
    assert article.text == "Grüße aus Köln" and article.base_url == "https://example.de/a/b.html"


def test_language_of_plain_text_is_detected():
    article = load_bytes("Le gouvernement a annoncé lundi une hausse des impôts pour les grandes entreprises.".encode(),
                         filename="a.txt")
    assert article.metadata.language == "fr"
    assert not is_english(article)


@pytest.mark.parametrize("charset", ["punycode", "undefined", "idna", "base64"])
def test_a_declared_charset_that_is_no_text_encoding_is_ignored(charset):
    """Python knows these codecs, but they raise UnicodeError (not UnicodeDecodeError) or are not for text."""
    page = f'<html><head><meta charset="{charset}"></head><body><p>The council met on Tuesday.</p></body></html>'
    assert load_bytes(page.encode()).text == "The council met on Tuesday."


# --- the WHATWG Encoding Standard's labels (issue 12) ------------------------------------------


@pytest.mark.parametrize("label, codec", [
    ("utf-7", None), ("UTF-7", None), ("idna", None), ("punycode", None), ("undefined", None), ("rot13", None),
    ("utf-32", None), ("base64", None), ("iso-2022-kr", None), ("hz-gb-2312", None), ("replacement", None),
    ("latin1", "cp1252"), ("US-ASCII", "cp1252"), ("x-user-defined", "cp1252"), (" \tutf8\n", "utf-8"),
    ("unicode-1-1-utf-8", "utf-8"), ("utf-16", "utf-8"), ("koi8-ru", "koi8_u"), ("gbk", "gb18030"),
    ("ks_c_5601-1987", "cp949"), ("big5", "big5hkscs"), ("windows-31j", "cp932"), ("tis-620", "cp874"),
    ("iso-8859-8-i", "iso8859_8"), ("x-mac-cyrillic", "mac_cyrillic"), ("iso_8859-9:1989", "cp1254"),
])
def test_charset_labels_follow_the_whatwg_table(label, codec):
    from reader.core.load import _codec

    assert _codec(label) == codec


def test_every_whatwg_codec_exists():
    import codecs

    from reader.core.load import _LABELS, WEB_CODECS

    assert len(_LABELS) > 200
    for codec in WEB_CODECS:
        codecs.lookup(codec)


def test_utf7_is_never_decoded():
    page = b'<meta charset="utf-7"><p>Hello +ADw-a href+AD0AIg-javascript:x+ACI-+AD4-click+ADw-/a+AD4- world.</p>'
    article = load_bytes(page)
    assert "+ADw-a" in article.text and not article.links


def test_a_windows_1252_sentence_in_a_utf8_page_is_repaired_in_place():
    data = "<p>“Fine,” she said. Café.</p>".encode() + "<p>Il a dit « très bien » à l’été.</p>".encode("cp1252")
    article = load_bytes(data)
    assert article.text == "“Fine,” she said. Café.\n\nIl a dit « très bien » à l’été."
    assert article.encoding == "utf-8"


def test_a_whole_legacy_page_is_not_mistaken_for_mixed_utf8():
    text = "Правительство объявило о новых налогах для крупных компаний в понедельник."
    assert load_bytes(text.encode("cp1251"), filename="a.txt").text == text
