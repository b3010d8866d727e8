import pytest

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


def test_ten_thousand_nested_elements_keep_their_text():
    """libxml2 stops at depth 2048 and returns an empty tree; the text must survive."""
    markup = "<p>first</p>" + "<div>" * 10_000 + "deep <a href='/d'>link</a>" + "</div>" * 10_000 + "<p>after</p>"
    result = html_to_text(markup)
    assert result.text == "first\n\ndeep link\n\nafter"
    assert [(result.text[link.start:link.end], link.href) for link in result.links] == [("link", "/d")]


def test_flatten_keeps_words_and_order():
    markup = "<div>" * 3000 + "a<p>b</p>c<script>var s = '<div>';</script>d" + "</div>" * 3000
    assert html_to_text(markup).text.split() == ["a", "b", "cd"]  # as a browser shows it: the script is nothing


def test_void_elements_do_not_swallow_what_follows():
    markup = ("<p>a <embed src=x> b</p><picture><source srcset=s1><source srcset=s2><img src=i></picture>"
              "<p>after <wbr>word <a href='/l'>link</a></p><video><source src=v><track src=t></video><p>end</p>")
    result = html_to_text(markup)
    assert result.text == "a b\n\nafter word link\n\nend"
    assert [result.text[link.start:link.end] for link in result.links] == ["link"]


def test_nul_controls_and_surrogates_are_removed():
    result = html_to_text("<p>a\x00b\x01c \ud800 d\x0be</p>")
    assert result.text == "abc \ufffd de"


def test_xml_declaration_does_not_break_parsing():
    result = html_to_text('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>')
    assert result.text == "x"


def test_page_wrapped_in_a_form_keeps_its_paragraphs():
    result = html_to_text("<form id='aspnetForm'><input type='hidden' value='x'><p>Story text.</p></form>"
                          "<form><label>Email</label><input name='e'></form>")
    assert result.text == "Story text."


def test_text_is_capped_with_blocks_and_links_inside():
    markup = "".join(f"<p>para {i} <a href='/{i}'>link</a></p>" for i in range(2000))
    result = html_to_text(markup, max_chars=1000)
    assert result.truncated and len(result.text) <= 1000
    assert all(block.end <= len(result.text) for block in result.blocks)
    assert all(link.end <= len(result.text) for link in result.links)
    assert not html_to_text(markup).truncated


def test_hidden_elements_are_skipped():
    result = html_to_text("<p>shown</p><p hidden>no</p><div style='display: none'>no</div>"
                          "<span aria-hidden='true'>no</span>")
    assert result.text == "shown"


# --- bounded markup (issue 12) ------------------------------------------------------------------


def test_a_tag_with_tens_of_thousands_of_attributes_keeps_only_its_name():
    from reader.core.html import cap_tags

    attributes = " ".join(f'a{i}="v>"' for i in range(20_000))  # ">" inside values does not end the tag
    markup = f"<p>before</p><div {attributes}>inside</div><p>after</p>"
    assert cap_tags(markup) == "<p>before</p><div>inside</div><p>after</p>"


def test_a_thirty_megabyte_attribute_does_not_hide_the_article():
    from reader.core.html import cap_tags

    markup = '<head><meta name="x" content="' + "x" * 30_000_000 + '"></head><body><p>The article.</p></body>'
    assert cap_tags(markup) == "<head><meta></head><body><p>The article.</p></body>"


@pytest.mark.parametrize("markup", ['<p class="x">a</p>' * 20_000, '<a "' * 500 + "<p>y</p>" * 10_000,
                                    '<a x="' + "<b " * 500 + '">z' + "<p>y</p>" * 5_000])
def test_ordinary_and_odd_markup_passes_cap_tags_unchanged(markup):
    from reader.core.html import cap_tags

    assert cap_tags(markup) == markup


def test_a_tag_whose_attribute_names_start_with_a_bracket_keeps_only_its_name():
    from reader.core.html import cap_tags

    names = " ".join(f"<a{i}" for i in range(20_000))  # one tag to HTML's tokenizer; 1 s + 3 s of parsing
    markup = f"<p>before</p><div {names}>inside</div><p>after</p>"
    assert cap_tags(markup) == "<p>before</p><div>inside</div><p>after</p>"


def test_a_long_run_of_brackets_without_a_closing_one_is_text():
    from reader.core.html import cap_tags

    assert cap_tags("<p>x</p>" + "<a" * 100_000) == "<p>x</p><a>"  # one tag start, the rest its (capped) names
    assert cap_tags('<a "' * 50_000) == "<a>"
    value = '<a x="' + "<b " * 50_000 + '">z'  # brackets in a quoted value mean the same as "&lt;" there
    assert cap_tags(value) == "<a>z"


def test_brackets_in_a_script_are_its_text_and_stay():
    from reader.core.html import cap_tags

    script = '<script type="application/ld+json">{"headline": "' + "a<b" * 5_000 + '"}</script>'
    names = " ".join(f"<a{i}" for i in range(20_000))
    markup = f"<head>{script}</head><body><div {names}>inside</div><p>after</p></body>"
    assert cap_tags(markup) == f"<head>{script}</head><body><div>inside</div><p>after</p></body>"
    assert cap_tags("<p>x</p>" * 10_000 + "<script>" + "<a" * 5_000) == "<p>x</p>" * 10_000 + "<script>" + "<a" * 5_000


def test_at_most_ten_thousand_paragraphs():
    from reader.core.html import MAX_BLOCKS

    result = html_to_text("<p>a</p>" * (MAX_BLOCKS + 5_000))
    assert len(result.blocks) == MAX_BLOCKS and result.truncated
    assert result.text == "\n\n".join(["a"] * MAX_BLOCKS)
