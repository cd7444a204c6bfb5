"""Reading articles from text, Markdown, HTML, JSON, JSON Lines, directories and stdin.

Every sentence below is written for these tests; none quotes a real article.
"""

from __future__ import annotations

import io
import json
import os
import tracemalloc
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.errors import InputError
from graphbuild.ids import content_id
from graphbuild.models import Article
from graphbuild.readers import DEFAULT_MAX_BYTES, read_articles

MiB = 1024 * 1024

STORY = (
    "The city council approved the new budget on Tuesday.\n"
    "Spending on public transport will rise by 4 percent next year."
)


def read(
    *paths: str | Path, stdin: io.StringIO | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Article | InputError]:
    return list(read_articles(paths, stdin=stdin, max_bytes=max_bytes))


def only_article(items: list[Article | InputError]) -> Article:
    assert len(items) == 1, items
    (item,) = items
    assert isinstance(item, Article), str(item)
    return item


def only_error(items: list[Article | InputError]) -> InputError:
    assert len(items) == 1, items
    (item,) = items
    assert isinstance(item, InputError), item
    return item


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def jsonl(*records: object) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


def kinds(items: Iterable[Article | InputError]) -> list[str]:
    return ["article" if isinstance(item, Article) else "error" for item in items]


# --- plain text -------------------------------------------------------------------------


def test_plain_text_short_first_line_then_blank_line_is_the_title(tmp_path: Path) -> None:
    path = write(tmp_path / "budget.txt", "Council approves budget\n\n" + STORY + "\n")

    article = only_article(read(path))

    assert article.title == "Council approves budget"
    assert article.text == STORY
    assert article.path == str(path)
    assert article.line is None


@pytest.mark.parametrize(
    "first_line",
    [
        "The council met on Tuesday.",  # ends like a sentence
        "Did the council approve the budget?",
        "x" * 201,  # too long for a headline
    ],
)
def test_plain_text_first_line_that_is_no_headline_stays_in_the_text(
    tmp_path: Path, first_line: str
) -> None:
    content = first_line + "\n\n" + STORY
    article = only_article(read(write(tmp_path / "note.txt", content)))

    assert article.title is None
    assert article.text == content


def test_plain_text_first_line_without_blank_line_after_is_not_a_title(tmp_path: Path) -> None:
    content = "Council approves budget\n" + STORY
    article = only_article(read(write(tmp_path / "note.txt", content)))

    assert article.title is None
    assert article.text == content


def test_explicitly_named_file_with_unknown_extension_is_plain_text(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "story.eml", STORY)))

    assert article.text == STORY


def test_text_is_normalised_only_in_newlines_bom_and_outer_whitespace(tmp_path: Path) -> None:
    raw = "\ufeff  \r\n  The  port  reopened.\r\nShips  queued.\rTrade resumed.  \t\n\n"
    article = only_article(read(write(tmp_path / "port.txt", raw)))

    # Inner spacing is kept: offsets computed on this text must point into it.
    assert article.text == "The  port  reopened.\nShips  queued.\nTrade resumed."


# --- Markdown ---------------------------------------------------------------------------


MARKDOWN = """\
# Regulator fines **Northwind Bank**

The regulator fined [Northwind Bank](https://example.com/wiki/Bank_(company)) 5 million
euros on *Monday*, saying its checks were __too weak__.

![A chart of the fines](chart.png)

```python
print("this code is not prose")
```

- The bank has 30 days to appeal.
* It said it would review the decision.
1. Shareholders meet in May.

> The decision is final,
> a spokesperson said.

## Background

The fine follows a review of `client_records` and the file_name_checks\\* process.
"""


def test_markdown_heading_is_the_title_and_markup_is_removed(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "fine.md", MARKDOWN)))

    assert article.title == "Regulator fines Northwind Bank"
    assert article.text == (
        "The regulator fined Northwind Bank 5 million euros on Monday, saying its checks "
        "were too weak.\n\n"
        "The bank has 30 days to appeal.\n\n"
        "It said it would review the decision.\n\n"
        "Shareholders meet in May.\n\n"
        "The decision is final, a spokesperson said.\n\n"
        "Background\n\n"
        "The fine follows a review of client_records and the file_name_checks* process."
    )


def test_markdown_without_leading_heading_has_no_title(tmp_path: Path) -> None:
    content = "The port reopened on Friday.\n\n## Later\n\nShips queued outside."
    article = only_article(read(write(tmp_path / "port.markdown", content)))

    assert article.title is None
    assert article.text == "The port reopened on Friday.\n\nLater\n\nShips queued outside."


def test_markdown_setext_heading_is_the_title(tmp_path: Path) -> None:
    content = "Port reopens\n============\n\nShips queued outside."
    article = only_article(read(write(tmp_path / "port.md", content)))

    assert article.title == "Port reopens"
    assert article.text == "Ships queued outside."


def test_markdown_with_only_a_title_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "stub.md", "# Port reopens\n\n```\ncode\n```\n")

    error = only_error(read(path))

    assert error.source == str(path)
    assert "no article text" in error.message


# --- HTML -------------------------------------------------------------------------------

PAGE = """\
<!doctype html>
<html lang="en">
<head>
  <title>Port reopens | The Harbour Times</title>
  <meta property="og:title" content="Port reopens after storm">
  <meta property="og:site_name" content="The Harbour Times">
  <meta property="og:url" content="https://example.com/og-url">
  <meta property="article:published_time" content="2024-03-05T09:30:00Z">
  <link rel="canonical" href="https://example.com/news/port-reopens">
  <style>p { color: red; }</style>
  <script>window.tracking = "not text";</script>
</head>
<body>
  <header><h1>The Harbour Times</h1><nav><a href="/">Home</a> <a href="/n">News</a></nav></header>
  <article>
    <header>
      <h1>Port <em>reopens</em> after storm</h1>
      <time datetime="2024-03-05">5 March</time>
    </header>
    <p>The port reopened on Tuesday after a <b>three-day</b> closure.</p>
    <p>Share this article</p>
    <h2>Ships queue</h2>
    <p>About forty ships waited
       outside the harbour.</p>
    <ul><li>Ferries run again.</li><li>Cargo resumes on Wednesday.</li></ul>
    <blockquote>We expect normal traffic by Friday, the harbour master said.</blockquote>
    <div class="ad">Advertisement</div>
    <p>Subscribers to the port bulletin were told first.</p>
    <p hidden>Draft note for editors.</p>
    <aside>Related stories: Storm closes port</aside>
    <form><p>Post Comment</p></form>
    <p>Read more</p>
    <noscript>Enable JavaScript</noscript>
    <iframe src="https://example.com/video"></iframe>
  </article>
  <article><p>Teaser for another story.</p></article>
  <footer><p>Sign up for our newsletter</p><p>Copyright notice</p></footer>
</body>
</html>
"""


def test_html_main_text_metadata_and_no_boilerplate(tmp_path: Path) -> None:
    article = only_article(read(write(tmp_path / "port.html", PAGE)))

    assert article.title == "Port reopens after storm"
    assert article.url == "https://example.com/news/port-reopens"
    assert article.published == "2024-03-05T09:30:00Z"
    assert article.source == "The Harbour Times"
    assert article.text == (
        "The port reopened on Tuesday after a three-day closure.\n\n"
        "Ships queue\n\n"
        "About forty ships waited outside the harbour.\n\n"
        "Ferries run again.\n\n"
        "Cargo resumes on Wednesday.\n\n"
        "We expect normal traffic by Friday, the harbour master said.\n\n"
        "Subscribers to the port bulletin were told first."
    )


def test_html_falls_back_to_main_og_title_og_url_and_time(tmp_path: Path) -> None:
    page = """<html><head><title>Page title</title>
      <meta property="og:title" content="Open Graph title">
      <meta property="og:url" content="https://example.com/a"></head>
      <body><nav>Menu <time datetime="2023-12-31">Yesterday</time></nav>
      <main><p>Markets closed higher.</p>
      <p>Published <time datetime="2024-01-02">2 January</time></p></main>
      <p>Outside main.</p></body></html>"""
    article = only_article(read(write(tmp_path / "markets.htm", page)))

    assert article.title == "Open Graph title"
    assert article.url == "https://example.com/a"
    assert article.published == "2024-01-02"
    assert article.source is None
    assert article.text == "Markets closed higher.\n\nPublished 2 January"


def test_html_body_and_title_element_when_nothing_better(tmp_path: Path) -> None:
    page = (
        "<html><head><title> Rail strike ends </title></head>"
        "<body><p>Trains ran on time again.</p><br>Unions accepted the offer.</body></html>"
    )
    article = only_article(read(write(tmp_path / "rail.html", page)))

    assert article.title == "Rail strike ends"
    assert article.text == "Trains ran on time again.\n\nUnions accepted the offer."


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.html", "<html><body><nav>Home</nav><script>x()</script></body>")

    error = only_error(read(path))

    assert error.source == str(path)
    assert "no article text" in error.message


# --- JSON and JSON Lines ----------------------------------------------------------------


def test_json_lines_fields_and_unknown_fields_into_meta(tmp_path: Path) -> None:
    path = write(
        tmp_path / "batch.jsonl",
        jsonl(
            {
                "id": "wire-001",
                "text": "  The port reopened on Tuesday.\r\n",
                "title": "Port reopens",
                "url": "https://example.com/port",
                "published": "2024-03-05",
                "outlet": "Harbour Wire",
                "language": "en",
                "tags": ["shipping", "weather"],
                "extra": {"desk": "business"},
            },
            {
                "id": 42,
                "text": "Markets closed higher.",
                "source": "Market Daily",
                "published": 2024,
            },
        ),
    )

    first, second = read(path)

    assert isinstance(first, Article)
    assert first.id == "wire-001"
    assert first.text == "The port reopened on Tuesday."
    assert first.title == "Port reopens"
    assert first.url == "https://example.com/port"
    assert first.published == "2024-03-05"
    assert first.source == "Harbour Wire"
    assert first.meta == {
        "language": "en",
        "tags": ["shipping", "weather"],
        "extra": {"desk": "business"},
    }
    assert (first.path, first.line) == (str(path), 1)
    assert isinstance(second, Article)
    assert second.id == "42"
    assert second.source == "Market Daily"
    assert second.published == "2024"
    assert second.line == 2


def test_source_wins_over_outlet_and_outlet_is_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.ndjson", jsonl({"text": "Ships queued.", "source": "Wire", "outlet": "Desk"})
    )

    article = only_article(read(path))

    assert article.source == "Wire"
    assert article.meta == {"outlet": "Desk"}


def test_json_lines_skips_blank_lines_and_keeps_line_numbers(tmp_path: Path) -> None:
    content = '\ufeff{"text": "First."}\r\n\r\n   \n{"text": "Fourth."}\n\n'
    items = read(write(tmp_path / "gaps.jsonl", content))

    assert [(a.text, a.line) for a in items if isinstance(a, Article)] == [
        ("First.", 1),
        ("Fourth.", 4),
    ]
    assert kinds(items) == ["article", "article"]


def test_json_single_object(tmp_path: Path) -> None:
    record = {"text": "The port reopened.", "title": "Port reopens", "desk": "business"}
    article = only_article(read(write(tmp_path / "one.json", json.dumps(record, indent=2))))

    assert article.text == "The port reopened."
    assert article.title == "Port reopens"
    assert article.meta == {"desk": "business"}
    assert article.line is None


def test_json_list_items_carry_their_line(tmp_path: Path) -> None:
    content = '[\n  {"text": "First."},\n\n  {\n    "text": "Second."\n  }, {"text": "Third."}\n]\n'
    items = read(write(tmp_path / "list.json", content))

    assert [(a.text, a.line) for a in items if isinstance(a, Article)] == [
        ("First.", 2),
        ("Second.", 4),
        ("Third.", 6),
    ]


def test_json_list_item_that_is_not_an_object_is_reported_with_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.json", '[\n{"text": "First."},\n"oops",\n{"text": "Third."}\n]')

    first, error, third = read(path)

    assert isinstance(first, Article)
    assert isinstance(third, Article)
    assert isinstance(error, InputError)
    assert (error.source, error.line) == (str(path), 3)
    assert "expected a JSON object" in error.message


@pytest.mark.parametrize(
    ("content", "expected"),
    [("42", "got a number"), ("[]", "empty JSON list")],
)
def test_json_that_holds_no_articles_is_an_error(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = write(tmp_path / "odd.json", content)

    error = only_error(read(path))

    assert error.source == str(path)
    assert expected in error.message


def test_malformed_json_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "broken.json", '[\n  {"text": "First."},\n  {"text": "Second."\n]\n')

    error = only_error(read(path))

    assert (error.source, error.line) == (str(path), 4)
    assert "malformed JSON" in error.message
    assert str(error).startswith(f"{path}:4: ")


def test_malformed_json_line_counts_leading_blank_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "late.json", '\n\n{"text": "Ships queued.",}\n')

    error = only_error(read(path))

    assert error.line == 3


def test_broken_json_lines_line_in_the_middle_keeps_the_rest(tmp_path: Path) -> None:
    content = (
        jsonl({"text": "Before the break."})
        + '{"text": "Cut off in the mid\n'
        + jsonl({"text": "After the break."})
    )
    path = write(tmp_path / "batch.jsonl", content)

    before, error, after = read(path)

    assert isinstance(before, Article)
    assert before.text == "Before the break."
    assert isinstance(error, InputError)
    assert (error.source, error.line) == (str(path), 2)
    assert "malformed JSON line" in error.message
    assert isinstance(after, Article)
    assert (after.text, after.line) == ("After the break.", 3)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"title": "No text here"}, "no 'text' field"),
        ({"text": "  \n "}, "'text' is empty"),
        ({"text": ["A", "list"]}, "'text' must be a string"),
        ({"text": "Fine.", "title": {"nested": True}}, "'title' must be a string"),
        ({"text": "Fine.", "id": [1, 2]}, "'id' must be a string or an integer"),
        (["not", "an", "object"], "expected a JSON object"),
    ],
)
def test_bad_record_is_reported_with_file_and_line(
    tmp_path: Path, record: object, expected: str
) -> None:
    path = write(
        tmp_path / "records.jsonl", jsonl({"text": "Good."}, record, {"text": "Also good."})
    )

    items = read(path)

    assert kinds(items) == ["article", "error", "article"]
    error = items[1]
    assert isinstance(error, InputError)
    assert (error.source, error.line) == (str(path), 2)
    assert expected in error.message


def test_lone_surrogate_escape_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path / "escape.jsonl", '{"text": "bad \\ud800 escape"}\n{"text": "Fine."}\n')

    error, fine = read(path)

    assert isinstance(error, InputError)
    assert error.line == 1
    assert isinstance(fine, Article)


# --- ids --------------------------------------------------------------------------------


def test_id_from_input_is_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", jsonl({"id": "reuters-123", "text": "Ships queued."}))

    assert only_article(read(path)).id == "reuters-123"


def test_id_without_input_id_is_the_content_hash_stable_across_files_and_reads(
    tmp_path: Path,
) -> None:
    text_file = write(tmp_path / "a.txt", STORY)
    json_file = write(tmp_path / "b.jsonl", jsonl({"text": STORY, "title": "Another title"}))

    first = only_article(read(text_file))
    again = only_article(read(text_file))
    from_json = only_article(read(json_file))
    other = only_article(read(write(tmp_path / "c.txt", "A different story.")))

    assert first.id == content_id(STORY)
    assert first.id.startswith("sha256:")
    assert first.id == again.id == from_json.id
    assert other.id != first.id


# --- directories ------------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "Second story.")
    write(root / "a" / "z.md", "Third story.")
    write(root / "a" / "b" / "c.json", '{"text": "First story."}')
    write(root / "c.html", "<p>Fourth story.</p>")
    write(root / "d.jsonl", jsonl({"text": "Fifth story."}))
    write(root / ".draft.txt", "Hidden file.")
    write(root / ".git" / "notes.txt", "Hidden directory.")
    write(root / "notes.csv", "not,an,article")
    write(root / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")

    items = read(root)

    assert [(a.path, a.text) for a in items if isinstance(a, Article)] == [
        (str(root / "a" / "b" / "c.json"), "First story."),
        (str(root / "a" / "z.md"), "Third story."),
        (str(root / "b.txt"), "Second story."),
        (str(root / "c.html"), "Fourth story."),
        (str(root / "d.jsonl"), "Fifth story."),
    ]
    assert kinds(items) == ["article"] * 5


def test_directory_reports_a_broken_link_and_reads_the_rest(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "Ships queued.")
    (root / "a.txt").symlink_to(root / "deleted.txt")

    error, article = read(root)

    assert isinstance(error, InputError)
    assert error.source == str(root / "a.txt")
    assert "no such file or directory" in error.message
    assert isinstance(article, Article)


def test_directory_without_article_files_is_an_error(tmp_path: Path) -> None:
    root = tmp_path / "empty"
    write(root / ".hidden.txt", "Hidden.")

    error = only_error(read(root))

    assert error.source == str(root)
    assert "no article files" in error.message


def test_a_single_path_string_is_one_path(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", STORY)

    items = list(read_articles(str(path)))

    assert kinds(items) == ["article"]


# --- stdin ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stdin", "texts", "lines"),
    [
        (jsonl({"text": "One."}, {"text": "Two."}), ["One.", "Two."], [1, 2]),
        ('{"text": "Only one."}', ["Only one."], [1]),
        ('{\n  "text": "Pretty printed."\n}\n', ["Pretty printed."], [None]),
        ('[{"text": "One."},\n {"text": "Two."}]', ["One.", "Two."], [1, 2]),
        ("<html><body><p>From a page.</p></body></html>", ["From a page."], [None]),
        ("\ufeff\n  Just some text.\r\n", ["Just some text."], [None]),
    ],
)
def test_stdin_format_is_sniffed(stdin: str, texts: list[str], lines: list[int | None]) -> None:
    items = read("-", stdin=io.StringIO(stdin))

    assert all(isinstance(item, Article) for item in items), items
    assert [item.text for item in items if isinstance(item, Article)] == texts
    assert [item.line for item in items if isinstance(item, Article)] == lines
    assert {item.path for item in items if isinstance(item, Article)} == {"<stdin>"}


def test_stdin_json_lines_with_a_broken_line_keeps_the_rest() -> None:
    stdin = io.StringIO('{"text": "One."}\n{"text": \n{"text": "Three."}\n')

    one, error, three = read("-", stdin=stdin)

    assert isinstance(one, Article)
    assert isinstance(three, Article)
    assert isinstance(error, InputError)
    assert (error.source, error.line) == ("<stdin>", 2)


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [("  \n\n", "empty file"), ("a\x00b", "binary file"), ("x" * 200, "over the limit")],
)
def test_bad_stdin_is_reported(stdin: str, expected: str) -> None:
    error = only_error(read("-", stdin=io.StringIO(stdin), max_bytes=100))

    assert error.source == "<stdin>"
    assert expected in error.message


# --- bad input --------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf\n"])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json", ".jsonl"])
def test_empty_file(tmp_path: Path, content: bytes, suffix: str) -> None:
    path = write(tmp_path / f"empty{suffix}", content)

    error = only_error(read(path))

    assert error.source == str(path)
    assert error.message.startswith("empty file")


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json", ".jsonl", ".bin"])
def test_binary_file(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path / f"photo{suffix}", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))

    error = only_error(read(path))

    assert error.source == str(path)
    assert error.message == (
        "binary file, not text; give a .txt, .md, .html, .json or .jsonl article"
    )


def test_non_utf8_text_names_the_byte_offset(tmp_path: Path) -> None:
    path = write(tmp_path / "latin1.txt", "Caf\u00e9 owners\nmet the mayor.".encode("latin-1"))

    error = only_error(read(path))

    assert (error.source, error.line) == (str(path), 1)
    assert "not UTF-8" in error.message
    assert "byte offset 3" in error.message
    assert "re-encode it as UTF-8" in error.message


def test_non_utf8_json_lines_line_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    content = b'{"text": "One."}\n{"text": "Caf\xe9."}\n{"text": "Three."}\n'
    path = write(tmp_path / "mixed.jsonl", content)

    one, error, three = read(path)

    assert isinstance(one, Article)
    assert isinstance(three, Article)
    assert isinstance(error, InputError)
    assert error.line == 2
    assert f"byte offset {content.index(0xE9)}" in error.message


def test_utf16_file_is_asked_to_be_re_encoded(tmp_path: Path) -> None:
    path = write(tmp_path / "wide.txt", STORY.encode("utf-16"))

    error = only_error(read(path))

    assert "UTF-16" in error.message
    assert "re-encode it as UTF-8" in error.message


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".json"])
def test_file_over_max_bytes_is_refused(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path / f"big{suffix}", "x" * 2000)

    error = only_error(read(path, max_bytes=1000))

    assert error.source == str(path)
    assert "2000 bytes" in error.message.replace(",", "")
    assert "1000 bytes" in error.message
    assert "JSON Lines" in error.message


def test_real_50_mb_file_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * MiB)  # sparse: costs no disk and no time

    tracemalloc.start()
    try:
        error = only_error(read(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert error.source == str(path)
    assert "50.0 MiB" in error.message
    assert "10.0 MiB" in error.message  # the default limit
    assert "JSON Lines" in error.message
    assert peak < MiB


def test_json_lines_larger_than_the_limit_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "large.jsonl"
    sentence = "The council approved the budget after a long debate. "
    line = json.dumps({"text": sentence * 110}) + "\n"
    count = 11 * MiB // len(line) + 1
    path.write_text(line * count, encoding="utf-8")
    assert path.stat().st_size > DEFAULT_MAX_BYTES

    tracemalloc.start()
    try:
        seen = 0
        for item in read_articles([path]):
            assert isinstance(item, Article), str(item)
            seen += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert seen == count
    assert peak < 2 * MiB  # a line at a time, never the whole file


def test_json_lines_line_over_max_bytes_is_refused_with_its_line(tmp_path: Path) -> None:
    long_line = json.dumps({"text": "word " * 500})
    content = jsonl({"text": "Short one."}) + long_line + "\n" + jsonl({"text": "Short two."})
    path = write(tmp_path / "mixed.jsonl", content)

    first, error, last = read(path, max_bytes=1000)

    assert isinstance(first, Article)
    assert isinstance(last, Article)
    assert (last.text, last.line) == ("Short two.", 3)
    assert isinstance(error, InputError)
    assert (error.source, error.line) == (str(path), 2)
    assert "over the limit" in error.message


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"

    error = only_error(read(missing))

    assert error.source == str(missing)
    assert "no such file or directory" in error.message


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", STORY)
    path.chmod(0)

    error = only_error(read(path))

    assert "permission denied" in error.message


def test_a_batch_reports_every_bad_input_and_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", STORY)
    empty = write(tmp_path / "empty.txt", "")
    binary = write(tmp_path / "photo.txt", b"\x00\x01\x02")
    latin = write(tmp_path / "latin.md", b"caf\xe9")
    broken = write(tmp_path / "broken.json", '{"text": ')
    missing = tmp_path / "missing.html"
    last = write(tmp_path / "last.jsonl", jsonl({"text": "Last one."}))

    items = read(good, empty, binary, latin, broken, missing, "-", last, stdin=io.StringIO("Hi."))

    assert kinds(items) == ["article", *["error"] * 5, "article", "article"]
    assert [item.source for item in items if isinstance(item, InputError)] == [
        str(empty),
        str(binary),
        str(latin),
        str(broken),
        str(missing),
    ]


def test_max_bytes_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_bytes"):
        read_articles([], max_bytes=0)


# --- properties -------------------------------------------------------------------------

# Text as a writer would give it: no carriage returns and no leading byte order mark, which
# are the two things the reader normalises besides the outer whitespace.
article_text = st.text(st.characters(codec="utf-8", exclude_characters="\r"), min_size=1).filter(
    lambda text: text.strip() and not text.startswith("\ufeff")
)


@settings(max_examples=200, deadline=None)
@given(text=article_text)
def test_property_json_lines_text_reads_back_stripped(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    path = tmp_path_factory.mktemp("prop") / "one.jsonl"
    path.write_text(jsonl({"text": text}), encoding="utf-8")

    article = only_article(read(path))

    assert article.text == text.strip()
    assert article.id == content_id(text.strip())


@settings(max_examples=100, deadline=None)
@given(text=article_text.filter(lambda text: "\x00" not in text))  # NUL makes a file binary
def test_property_same_text_same_id_from_any_format(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    text = " ".join(text.split())  # one line: no title can be read off a text file
    directory = tmp_path_factory.mktemp("prop")
    from_text = only_article(read(write(directory / "a.txt", text)))
    from_json = only_article(read(write(directory / "b.json", json.dumps({"text": text}))))

    assert from_text.text == from_json.text == text
    assert from_text.id == from_json.id


# Bytes that look a little like each format, to reach past the first checks.
markup = st.lists(
    st.sampled_from([*'<>/="{}[],:#*_`!-\\ \n\rpa1é\x00\ufeff', "<p>", "</p>", '"text"', "<h1>"])
).map("".join)


@settings(max_examples=150, deadline=None)
@given(
    data=st.one_of(st.binary(max_size=300), markup.map(lambda text: text.encode("utf-8"))),
    suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]),
)
def test_property_any_bytes_give_articles_or_input_errors(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = write(tmp_path_factory.mktemp("fuzz") / f"input{suffix}", data)

    items = read(path, "-", stdin=io.StringIO(data.decode("utf-8", errors="replace")))

    assert items
    for item in items:
        assert isinstance(item, Article | InputError)
        if isinstance(item, Article):
            assert item.text == item.text.strip() != ""
            assert "\r" not in item.text
