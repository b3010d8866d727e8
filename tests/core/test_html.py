from reader.core.html import html_to_text


def test_sample_links_have_exact_text_and_href(gold, data_dir):
    result = html_to_text((data_dir / "hama.html").read_text(encoding="utf-8"))
    found = [(result.text[link.start:link.end], link.href) for link in result.links]
    assert found == [(link["text"], link["href"]) for link in gold["links"]]


def test_whitespace_collapses_and_blocks_break():
    result = html_to_text("<h1>Title</h1><p>Hello <b>big</b>\n   world<br>next</p><ul><li>one</li></ul>")
    assert result.text == "Title\n\nHello big world\nnext\n\none"
    assert [(b.kind, result.text[b.start:b.end]) for b in result.blocks] == [
        ("h1", "Title"), ("p", "Hello big world\nnext"), ("li", "one")]


def test_entities_are_decoded_and_scripts_dropped():
    result = html_to_text("<p>Fish &amp; chips&nbsp;&mdash; <script>alert(1)</script>cheap</p><style>p{}</style>")
    assert result.text == "Fish & chips — cheap"


def test_space_between_link_and_text_is_not_doubled():
    result = html_to_text("<p>two <a href='x'> link </a> after</p>")
    assert result.text == "two link after"
    (link,) = result.links
    assert result.text[link.start:link.end] == "link "


def test_deep_nesting_does_not_exhaust_the_stack():
    markup = "<div>" * 2000 + "deep" + "</div>" * 2000
    assert html_to_text(markup).text == "deep"


def test_base_href_and_title_are_read():
    result = html_to_text("<html><head><title> A  title </title><base href='https://ex.com/a/'></head>"
                          "<body><p>x</p></body></html>")
    assert result.base_href == "https://ex.com/a/"
    assert result.title == "A title"
