"""Files, HTML, JSON and JSON Lines → :class:`~graphbuild.models.Article`.

:func:`read_articles` is the first stage of the pipeline. It reads every input
it is given and yields one :class:`Article` per article, or an
:class:`~graphbuild.errors.InputError` for an input it cannot read, so that the
caller reports it and goes on with the rest of the batch.

Formats, by file extension:

* ``.txt`` (and any explicitly named file with another extension): plain text;
  a short first line followed by a blank line is the title.
* ``.md``, ``.markdown``: Markdown; a leading ``# Heading`` is the title and the
  markup is removed from the text.
* ``.html``, ``.htm``: the main text of the page, without navigation and
  boilerplate; title, url, date and outlet from the page's metadata.
* ``.json``: one object or a list of objects; ``.jsonl``, ``.ndjson``: one
  object a line, streamed. ``text`` is required; ``id``, ``title``, ``url``,
  ``published`` and ``outlet``/``source`` are read; every other field goes into
  :attr:`Article.meta`.

The article text is kept as it will be analysed, because offsets point into
it: newlines become ``\\n``, a byte order mark and the surrounding whitespace
are removed, nothing else.
"""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning
from bs4.element import NavigableString, PageElement, PreformattedString, Tag
from bs4.exceptions import ParserRejectedMarkup

from graphbuild.errors import InputError
from graphbuild.ids import content_id
from graphbuild.models import Article

__all__ = ["ARTICLE_SUFFIXES", "DEFAULT_MAX_BYTES", "STDIN", "STDIN_SOURCE", "read_articles"]

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
"""Largest file read whole (text, Markdown, HTML, JSON) and largest JSON Lines line."""

STDIN = "-"
"""The path that stands for standard input."""

STDIN_SOURCE = "<stdin>"
"""How standard input is named in articles' ``path`` and in errors' ``source``."""

_TEXT = frozenset({".txt"})
_MARKDOWN = frozenset({".md", ".markdown"})
_HTML = frozenset({".html", ".htm"})
_JSON = frozenset({".json"})
_JSON_LINES = frozenset({".jsonl", ".ndjson"})

ARTICLE_SUFFIXES = _TEXT | _MARKDOWN | _HTML | _JSON | _JSON_LINES
"""File extensions read from directories; an explicitly named file may have any."""

# Enough to tell text from binary; git looks at its first 8000 bytes for the same purpose.
_SNIFF_BYTES = 8192
_STREAM_CHUNK = 64 * 1024

_MAX_TITLE_CHARS = 200
# A first line ending like a sentence is the start of the text, not a headline.
_SENTENCE_END = frozenset(".!?…:;,")
_CLOSING_QUOTES = "\"'\u201d\u2019\u00bb)]"

_UTF8_BOM = b"\xef\xbb\xbf"
# UTF-32 first: its little-endian mark starts with the UTF-16 one.
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)

_KNOWN_FORMATS = ".txt, .md, .html, .json or .jsonl"
_BINARY = f"binary file, not text; give a {_KNOWN_FORMATS} article"

_Item = Article | InputError
_Line = tuple[int, str | InputError]


def read_articles(
    paths: Iterable[str | Path],
    *,
    stdin: TextIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | InputError]:
    """Yield the articles in ``paths``, and an :class:`InputError` for each input that fails.

    Each path is a file, a directory (read recursively in sorted order, taking
    the files with an extension in :data:`ARTICLE_SUFFIXES` and skipping hidden
    names) or ``-`` for ``stdin`` (default :data:`sys.stdin`). The format of
    standard input is sniffed from its first character: ``{`` is JSON Lines
    when the first line is a whole object and one JSON document otherwise,
    ``[`` is JSON, ``<`` is HTML, anything else plain text.

    Text, Markdown, HTML and JSON inputs over ``max_bytes`` are refused without
    being read; JSON Lines of any size are streamed, and only a line over
    ``max_bytes`` is refused. (On a text stream such as ``stdin`` the limit
    counts characters.)

    Errors are yielded, not raised: each names its file (``source``) and, for
    JSON Lines and JSON list items, its 1-based ``line``. Only a ``max_bytes``
    below 1 raises, as :class:`ValueError`.

    >>> for item in read_articles(["news/"]):  # doctest: +SKIP
    ...     if isinstance(item, InputError):
    ...         print(item)
    ...     else:
    ...         analyse(item)
    """
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    # A lone path is an easy slip, and iterating a str would read each character.
    if isinstance(paths, str | Path):
        paths = [paths]
    return _read_all(paths, sys.stdin if stdin is None else stdin, max_bytes)


def _read_all(paths: Iterable[str | Path], stdin: TextIO, max_bytes: int) -> Iterator[_Item]:
    for given in paths:
        name = str(given)
        if name == STDIN:
            yield from _read_stdin(stdin, max_bytes)
        else:
            yield from _read_path(name, max_bytes)


# --- files and directories -------------------------------------------------------------


def _read_path(name: str, max_bytes: int) -> Iterator[_Item]:
    try:
        st = os.stat(name)
    except OSError as exc:
        yield _os_error(exc, name)
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _read_directory(name, max_bytes)
        return
    suffix = os.path.splitext(name)[1].lower()
    if suffix in _JSON_LINES:
        yield from _read_json_lines_file(name, max_bytes)
        return
    data = _read_whole(name, st.st_size, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    text = _decode(data, name)
    if isinstance(text, InputError):
        yield text
        return
    parse = _WHOLE_PARSERS.get(suffix, _parse_plain_text)
    yield from parse(text, name)


def _read_directory(root: str, max_bytes: int) -> Iterator[_Item]:
    found = False
    for item in _walk(root):
        if isinstance(item, InputError):
            yield item
            continue
        found = True
        yield from _read_path(item, max_bytes)
    if not found:
        yield InputError(
            f"no article files in this directory; give {_KNOWN_FORMATS} files", source=root
        )


def _walk(directory: str) -> Iterator[str | InputError]:
    """Article files under ``directory``, depth first in name order, hidden names skipped."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield _os_error(exc, directory)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            # Symlinked directories are not followed: a link to a parent would never end.
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path)
                continue
            is_file = entry.is_file()
        except OSError as exc:
            yield _os_error(exc, entry.path)
            continue
        wanted = os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES
        if wanted and (is_file or (entry.is_symlink() and not os.path.exists(entry.path))):
            # A broken link is yielded too, so that reading it reports it.
            yield entry.path
        else:
            logger.debug("skipping %s: not an article file", entry.path)


def _read_whole(name: str, size: int, max_bytes: int) -> bytes | InputError:
    if size > max_bytes:
        return _too_large(name, size, max_bytes)
    try:
        with open(name, "rb") as handle:
            # Bounded even when stat lied: a pipe, a device, a file still growing.
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return _os_error(exc, name)
    if len(data) > max_bytes:
        return _too_large(name, None, max_bytes)
    return data


def _read_json_lines_file(name: str, max_bytes: int) -> Iterator[_Item]:
    try:
        with open(name, "rb") as handle:
            problem = _not_text(_peek(handle), name)
            if problem is not None:
                yield problem
                return
            yield from _parse_json_lines(_binary_lines(handle, name, max_bytes), name)
    except OSError as exc:
        yield _os_error(exc, name)


def _peek(handle: BinaryIO) -> bytes:
    if handle.seekable():
        head = handle.read(_SNIFF_BYTES)
        handle.seek(0)
        return head
    peek = getattr(handle, "peek", None)
    return bytes(peek(_SNIFF_BYTES)[:_SNIFF_BYTES]) if peek is not None else b""


def _binary_lines(handle: BinaryIO, name: str, max_bytes: int) -> Iterator[_Line]:
    """Numbered, decoded lines of a byte stream; a line is never held beyond ``max_bytes``."""
    offset = 0
    number = 0
    while True:
        raw = handle.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        start = offset
        offset += len(raw)
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            offset += _skip_line(handle)
            yield number, _line_too_long(name, number, offset - start, max_bytes)
            continue
        if number == 1 and raw.startswith(_UTF8_BOM):
            raw = raw[len(_UTF8_BOM) :]
            start += len(_UTF8_BOM)
        try:
            line: str | InputError = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = _not_utf8(name, raw[exc.start], start + exc.start, number)
        yield number, line


def _skip_line(handle: BinaryIO) -> int:
    skipped = 0
    while chunk := handle.readline(_STREAM_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


# --- standard input ----------------------------------------------------------------------


class _Pushback:
    """A text stream with characters put back in front of it, so its start can be sniffed."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.buffer = ""

    def read(self, size: int) -> str:
        out, self.buffer = self.buffer[:size], self.buffer[size:]
        if len(out) < size:
            out += self.stream.read(size - len(out))
        return out

    def readline(self, size: int) -> str:
        end = self.buffer.find("\n", 0, size)
        if end >= 0 or len(self.buffer) >= size:
            cut = end + 1 if end >= 0 else size
            out, self.buffer = self.buffer[:cut], self.buffer[cut:]
            return out
        out, self.buffer = self.buffer, ""
        return out + self.stream.readline(size - len(out))

    def unread(self, text: str) -> None:
        self.buffer = text + self.buffer


def _read_stdin(stream: TextIO, max_bytes: int) -> Iterator[_Item]:
    source = STDIN_SOURCE
    reader = _Pushback(stream)
    try:
        head = _sniff_start(reader, max_bytes)
    except UnicodeDecodeError:
        yield _stdin_not_utf8()
        return
    body = head.lstrip()
    if not body:
        yield _empty(source)
        return
    if "\x00" in head[:_SNIFF_BYTES]:
        yield InputError(_BINARY, source=source)
        return
    reader.unread(head)
    if body.startswith("{") and _first_line_is_object(reader, max_bytes):
        yield from _parse_json_lines(_text_lines(reader, max_bytes), source)
        return
    try:
        text = reader.read(max_bytes + 1)
    except UnicodeDecodeError:
        yield _stdin_not_utf8()
        return
    if len(text) > max_bytes:
        yield _too_large(source, None, max_bytes)
        return
    text = _unify_newlines(text)
    start = text.lstrip()[:1]
    if not start:
        yield _empty(source)
    elif start in "{[":
        yield from _parse_json(text, source)
    elif start == "<":
        yield from _parse_html(text, source)
    else:
        yield from _parse_plain_text(text, source)


def _sniff_start(reader: _Pushback, max_bytes: int) -> str:
    """Read up to the first non-blank character (and a little after), byte order mark removed."""
    head = ""
    while len(head) <= max_bytes:
        chunk = reader.read(_SNIFF_BYTES)
        if not chunk:
            break
        head += chunk
        if head.strip():
            break
    return head.removeprefix("\ufeff")


def _first_line_is_object(reader: _Pushback, max_bytes: int) -> bool:
    """Whether the first non-blank line is a whole JSON object: JSON Lines, not a JSON document."""
    consumed: list[str] = []
    try:
        while line := reader.readline(max_bytes + 1):
            consumed.append(line)
            if line.strip():
                break
    finally:
        reader.unread("".join(consumed))
    if not consumed or len(consumed[-1]) > max_bytes:
        # Too long to be one line of JSON Lines; it is refused as one document instead.
        return False
    try:
        return isinstance(json.loads(consumed[-1]), dict)
    except (ValueError, RecursionError):
        return False


def _text_lines(reader: _Pushback, max_bytes: int) -> Iterator[_Line]:
    number = 0
    while True:
        try:
            raw = reader.readline(max_bytes + 1)
        except UnicodeDecodeError:
            # A text stream cannot be resynchronised after a decoding error.
            yield number + 1, _stdin_not_utf8(number + 1)
            return
        if not raw:
            return
        number += 1
        if len(raw) > max_bytes and not raw.endswith("\n"):
            size = len(raw)
            while rest := reader.readline(_STREAM_CHUNK):
                size += len(rest)
                if rest.endswith("\n"):
                    break
            yield number, _line_too_long(STDIN_SOURCE, number, size, max_bytes)
            continue
        yield number, raw


def _stdin_not_utf8(line: int | None = None) -> InputError:
    return InputError("not UTF-8 text; re-encode it as UTF-8", source=STDIN_SOURCE, line=line)


# --- bytes to text -----------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str | InputError:
    """The text of a whole file with ``\\n`` newlines, or why it is not readable text.

    It is not stripped: JSON error lines must count the file's own leading blank lines.
    """
    if not data.strip():
        return _empty(name)
    problem = _not_text(data[:_SNIFF_BYTES], name)
    if problem is not None:
        return problem
    skip = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        return _not_utf8(name, data[offset], offset, data.count(b"\n", 0, offset) + 1)
    text = _unify_newlines(text)
    return text if text.strip() else _empty(name)


def _not_text(head: bytes, name: str) -> InputError | None:
    for bom, encoding in _OTHER_BOMS:
        if head.startswith(bom):
            return InputError(
                f"{encoding} text (it starts with a {encoding} byte order mark), not UTF-8; "
                "re-encode it as UTF-8",
                source=name,
            )
    if b"\x00" in head:
        return InputError(_BINARY, source=name)
    return None


def _normalise(text: str) -> str:
    """The text as it will be analysed: ``\\n`` newlines, no byte order mark, stripped."""
    return _unify_newlines(text).strip()


def _unify_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


# --- plain text ----------------------------------------------------------------------------

_TITLE_THEN_BLANK = re.compile(r"([^\n]*)\n[^\S\n]*\n(.*)", re.DOTALL)


def _parse_plain_text(text: str, name: str) -> Iterator[_Item]:
    text = _normalise(text)
    if not text:
        # Only whitespace and byte order marks.
        yield _empty(name)
        return
    title = None
    match = _TITLE_THEN_BLANK.fullmatch(text)
    if match and _looks_like_title(match[1]) and match[2].strip():
        title = match[1].strip()
        text = match[2].strip()
    yield _article(text, name, title=title)


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > _MAX_TITLE_CHARS:
        return False
    bare = line.rstrip(_CLOSING_QUOTES)
    return bool(bare) and bare[-1] not in _SENTENCE_END


# --- Markdown ------------------------------------------------------------------------------

_FENCE = re.compile(r"^[^\S\n]{0,3}(`{3,}|~{3,})")
_ATX_HEADING = re.compile(r"^[^\S\n]{0,3}(#{1,6})(?:[^\S\n]+(.*))?$")
_SETEXT_UNDERLINE = re.compile(r"^[^\S\n]{0,3}(=+|-+)[^\S\n]*$")
_THEMATIC_BREAK = re.compile(r"^[^\S\n]{0,3}([-*_])(?:[^\S\n]*\1){2,}[^\S\n]*$")
_BLOCKQUOTE = re.compile(r"^[^\S\n]*>[^\S\n]?")
_BULLET = re.compile(r"^[^\S\n]*(?:[-*+]|\d{1,9}[.)])[^\S\n]+(?:\[[ xX]\][^\S\n]+)?")
_REFERENCE_DEFINITION = re.compile(r"^[^\S\n]{0,3}\[[^\]]+\]:")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_PLACEHOLDER = 0xE000  # private use area: escaped punctuation hides there from the rules
_CODE_SPAN = re.compile(r"(`+)([^`]+)\1")
# Link targets may hold one level of parentheses, as Wikipedia addresses do.
_TARGET = r"\((?:[^()\s]|\([^()]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"
_IMAGE = re.compile(r"!\[[^\]]*\](?:" + _TARGET + r"|\[[^\]]*\])")
_INLINE_LINK = re.compile(r"\[([^\]]*)\]" + _TARGET)
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_FOOTNOTE_REFERENCE = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# The emphasised text may not hold its own marker: that keeps matching linear on long
# lines, where a lazy ".+?" would rescan the line from every unmatched marker.
_EMPHASIS = (
    re.compile(r"(\*\*\*|___)(?=\S)([^*_]+?)(?<=\S)\1"),
    re.compile(r"(\*\*|__)(?=\S)([^*_]+?)(?<=\S)\1"),
    re.compile(r"(~~)(?=\S)([^~]+?)(?<=\S)\1"),
    re.compile(r"(\*)(?=\S)([^*]+?)(?<=\S)\1"),
    # Underscores inside words (snake_case, file_names) are not emphasis.
    re.compile(r"(?<!\w)(_)(?=\S)([^_]+?)(?<=\S)\1(?!\w)"),
)


def _parse_markdown(text: str, name: str) -> Iterator[_Item]:
    blocks = _markdown_blocks(_HTML_COMMENT.sub("", text))
    title = None
    if blocks and blocks[0][0] == 1:
        title = blocks.pop(0)[1]
    body = "\n\n".join(block for _, block in blocks)
    if not body:
        yield InputError(
            "no article text once the Markdown markup is removed; give the prose of the article",
            source=name,
        )
        return
    yield _article(body, name, title=title or None)


def _markdown_blocks(text: str) -> list[tuple[int, str]]:
    """Paragraphs of a Markdown text as (heading level or 0, plain text), code left out."""
    blocks: list[tuple[int, str]] = []
    lines: list[str] = []
    fence: str | None = None

    def flush(level: int = 0) -> None:
        plain = " ".join(part for part in (_markdown_inline(line) for line in lines) if part)
        if plain:
            blocks.append((level, plain))
        lines.clear()

    for line in text.split("\n"):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        if opening := _FENCE.match(line):
            flush()
            fence = opening[1]
            continue
        if not line.strip() or _REFERENCE_DEFINITION.match(line):
            flush()
            continue
        if lines and (underline := _SETEXT_UNDERLINE.match(line)):
            flush(1 if underline[1].startswith("=") else 2)
            continue
        if _THEMATIC_BREAK.match(line):
            flush()
            continue
        if heading := _ATX_HEADING.match(line):
            flush()
            lines.append(_without_closing_hashes(heading[2] or ""))
            flush(len(heading[1]))
            continue
        quoted = False
        while quote := _BLOCKQUOTE.match(line):
            line = line[quote.end() :]
            quoted = True
        if quoted and not line.strip():
            flush()
            continue
        if bullet := _BULLET.match(line):
            flush()
            line = line[bullet.end() :]
        lines.append(line.strip())
    flush()
    return blocks


def _without_closing_hashes(heading: str) -> str:
    heading = heading.rstrip()
    bare = heading.rstrip("#")
    return bare if bare != heading and (not bare or bare[-1] in " \t") else heading


def _markdown_inline(text: str) -> str:
    text = _ESCAPE.sub(lambda m: chr(_PLACEHOLDER + ord(m[1])), text)
    parts = _CODE_SPAN.split(text)
    # split() with two groups gives: prose, fence, code, prose, fence, code, ..., prose.
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            out.append(_strip_inline_markup(part))
        elif kind == 2:
            out.append(part.strip())
    plain = "".join(out)
    plain = re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m[0]) - _PLACEHOLDER), plain)
    return " ".join(plain.split())


def _strip_inline_markup(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _INLINE_LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _FOOTNOTE_REFERENCE.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    # Twice, so that one kind of emphasis nested in another comes off too.
    for _ in range(2):
        for pattern in _EMPHASIS:
            text = pattern.sub(r"\2", text)
    return text


# --- HTML ----------------------------------------------------------------------------------

# Page furniture and things that are not prose; <header> goes after its <h1> and <time> are read.
# fmt: off
_DROPPED_TAGS = frozenset({
    "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "canvas",
    "nav", "header", "footer", "aside", "form", "button", "select", "textarea", "dialog",
    "head", "title",
})
_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "html", "li", "main",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
    "ul",
})
# fmt: on
_BREAK_TAGS = frozenset({"br", "hr"})
# Page furniture that survives the tag filter; matched against whole short paragraphs only,
# so a sentence that mentions subscribers is kept.
_BOILERPLATE_LINES = (
    r"post (?:a )?comments?",
    r"leave a (?:comment|reply)",
    r"\d* ?comments?",
    r"share(?: this| the)?(?: article| story| post| page)?(?: on \w+)?",
    r"(?:subscribe|sign up|register)(?: now| today| here)?",
    r"(?:sign up for|subscribe to) (?:our|the) (?:\w+ )?newsletters?",
    r"advert(?:isement)?",
    r"sponsored(?: content)?",
    r"read more|continue reading|read next",
    r"related(?: articles| stories| posts)?",
    r"skip to (?:main )?content|back to top",
    r"follow us(?: on \w+)?",
    r"print(?: this)?(?: article| page)?",
    r"email(?: this)?(?: article)?",
)
_BOILERPLATE = re.compile(
    "(?:" + "|".join(_BOILERPLATE_LINES) + r")[\s.:!…»\u203a→>|-]*", re.IGNORECASE
)
_BOILERPLATE_MAX_CHARS = 60


def _parse_html(text: str, name: str) -> Iterator[_Item]:
    try:
        with warnings.catch_warnings():
            # Both are about how bs4 was called, not about the article; our tests turn
            # warnings into errors.
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(text, "html.parser")
        main = _main_element(soup)
        fields = _html_metadata(soup, main)
        heading = _title_heading(main)
        if heading is not None:
            fields["title"] = _collapse(heading.get_text()) or fields["title"]
        paragraphs = _html_paragraphs(main, heading)
    except (ParserRejectedMarkup, RecursionError) as exc:
        yield InputError(f"cannot parse the HTML ({exc.__class__.__name__})", source=name)
        return
    if not paragraphs:
        yield InputError(
            "no article text in the HTML (looked in <article>, <main> and <body>)", source=name
        )
        return
    yield _article(
        "\n\n".join(paragraphs),
        name,
        title=fields["title"],
        url=fields["url"],
        published=fields["published"],
        source=fields["source"],
    )


def _html_metadata(soup: BeautifulSoup, main: Tag) -> dict[str, str | None]:
    title_tag = soup.find("title")
    published = _meta(soup, "article:published_time")
    # The story's own <time> before any in teasers or the page furniture.
    for scope in (main, soup):
        if published is None:
            published = _attribute(scope.find("time", attrs={"datetime": True}), "datetime")
    return {
        "title": _meta(soup, "og:title")
        or (_collapse(title_tag.get_text()) if title_tag else None),
        "url": _attribute(soup.find("link", rel="canonical"), "href") or _meta(soup, "og:url"),
        "published": published,
        "source": _meta(soup, "og:site_name"),
    }


def _meta(soup: BeautifulSoup, key: str) -> str | None:
    # Open Graph says property=, but many pages write name=.
    for attribute in ("property", "name"):
        value = _attribute(soup.find("meta", attrs={attribute: key}), "content")
        if value:
            return value
    return None


def _attribute(tag: object, name: str) -> str | None:
    if not isinstance(tag, Tag):
        return None
    value = tag.get(name)
    if isinstance(value, list):
        value = " ".join(value)
    return _collapse(value) if isinstance(value, str) and value.strip() else None


def _main_element(soup: BeautifulSoup) -> Tag:
    articles = _outermost(soup, "article")
    if articles:
        # Teasers for other stories are <article>s too; the story is the longest.
        return max(articles, key=lambda tag: len(tag.get_text()))
    for found in (soup.find("main"), soup.find("body")):
        if isinstance(found, Tag):
            return found
    return soup


def _outermost(root: Tag, name: str) -> list[Tag]:
    """The ``name`` elements under ``root`` that are not inside another one, in document order."""
    found: list[Tag] = []
    stack = [root]
    while stack:
        tag = stack.pop()
        if tag.name == name and tag is not root:
            found.append(tag)
        else:
            stack.extend(reversed(_child_tags(tag)))
    return found


def _title_heading(main: Tag) -> Tag | None:
    """The first <h1> of ``main`` that is not in its navigation or other furniture."""
    furniture = set(_DROPPED_TAGS)
    if main.name in {"article", "main"}:
        # Inside <article> or <main> the header holds the headline; outside, the site's name.
        furniture.discard("header")
    stack = [main]
    while stack:
        tag = stack.pop()
        if tag.name == "h1":
            return tag
        if tag is main or tag.name not in furniture:
            stack.extend(reversed(_child_tags(tag)))
    return None


def _child_tags(tag: Tag) -> list[Tag]:
    return [child for child in tag.contents if isinstance(child, Tag)]


def _is_hidden(tag: Tag) -> bool:
    return tag.has_attr("hidden") or tag.get("aria-hidden") == "true"


def _html_paragraphs(main: Tag, title: Tag | None) -> list[str]:
    """Text of ``main`` as paragraphs, one per block element, without furniture or boilerplate.

    ``title`` is the heading already read as the title, left out of the text.
    """
    paragraphs: list[str] = []
    parts: list[str] = []
    current: Tag | None = None

    def flush() -> None:
        paragraph = _collapse("".join(parts))
        parts.clear()
        if paragraph and not _is_boilerplate(paragraph):
            paragraphs.append(paragraph)

    # Each node with its nearest enclosing block; a change of block starts a paragraph.
    # Iterative, because pages nest deeper than Python recursion goes.
    stack: list[tuple[PageElement, Tag]] = [(main, main)]
    while stack:
        node, block = stack.pop()
        if isinstance(node, Tag):
            if node is not main and (
                node is title or node.name in _DROPPED_TAGS or _is_hidden(node)
            ):
                continue
            if node.name in _BREAK_TAGS:
                flush()
                current = None
                continue
            inner = node if node.name in _BLOCK_TAGS else block
            stack.extend((child, inner) for child in reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            if block is not current:
                flush()
                current = block
            parts.append(str(node))
    flush()
    return paragraphs


def _is_boilerplate(paragraph: str) -> bool:
    return len(paragraph) <= _BOILERPLATE_MAX_CHARS and bool(_BOILERPLATE.fullmatch(paragraph))


def _collapse(text: str) -> str:
    return " ".join(text.split())


# --- JSON and JSON Lines -------------------------------------------------------------------

_JSON_WHITESPACE = " \t\n\r"
# Valid UTF-8 cannot hold a lone surrogate, but a JSON escape can, and it cannot be written out.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _parse_json(text: str, name: str) -> Iterator[_Item]:
    try:
        # Parsed whole first, so a broken document yields one error and no partial batch.
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        yield _malformed_json(name, exc.lineno, exc)
        return
    except (ValueError, RecursionError) as exc:
        yield InputError(f"unreadable JSON: {_describe(exc)}", source=name)
        return
    escapes = bool(_SURROGATE_ESCAPE.search(text))
    if isinstance(document, dict):
        yield _record(document, name, None, escapes=escapes)
    elif isinstance(document, list):
        if not document:
            yield InputError("empty JSON list; give a list of article objects", source=name)
            return
        for line, item in zip(_item_lines(text), document, strict=True):
            yield _record(item, name, line, escapes=escapes)
    else:
        yield InputError(
            f"expected a JSON object or a list of objects, got {_json_type(document)}",
            source=name,
        )


def _item_lines(text: str) -> Iterator[int]:
    """The 1-based line on which each item of a valid top-level JSON list starts."""
    decoder = json.JSONDecoder()
    index = _skip_json_whitespace(text, text.index("[") + 1)
    newlines = 0
    counted_to = 0
    while text[index] != "]":
        newlines += text.count("\n", counted_to, index)
        counted_to = index
        yield newlines + 1
        _, index = decoder.raw_decode(text, index)
        index = _skip_json_whitespace(text, index)
        if text[index] == ",":
            index = _skip_json_whitespace(text, index + 1)


def _skip_json_whitespace(text: str, index: int) -> int:
    while index < len(text) and text[index] in _JSON_WHITESPACE:
        index += 1
    return index


def _parse_json_lines(lines: Iterable[_Line], name: str) -> Iterator[_Item]:
    seen = False
    for number, line in lines:
        if isinstance(line, InputError):
            seen = True
            yield line
            continue
        if not line.strip():
            continue
        seen = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _malformed_json(name, number, exc, one_line=True)
            continue
        except (ValueError, RecursionError) as exc:
            yield InputError(
                f"unreadable JSON: {_describe(exc)}; fix or remove this line",
                source=name,
                line=number,
            )
            continue
        yield _record(record, name, number, escapes=bool(_SURROGATE_ESCAPE.search(line)))
    if not seen:
        yield _empty(name)


def _record(record: object, name: str, line: int | None, *, escapes: bool) -> _Item:
    """One JSON object as an article: known fields mapped, every other one kept in meta.

    ``escapes`` says whether the JSON text had surrogate escapes that need checking.
    """
    if not isinstance(record, dict):
        return InputError(
            f"expected a JSON object for an article, got {_json_type(record)}",
            source=name,
            line=line,
        )
    if escapes and _has_lone_surrogate(record):
        return InputError(
            "a \\u escape in this record is half of a UTF-16 surrogate pair; "
            "fix the escape or write the character itself",
            source=name,
            line=line,
        )
    fields = dict(record)
    if "text" not in fields:
        return InputError(
            "no 'text' field; each article needs its text in 'text'", source=name, line=line
        )
    raw_text = fields.pop("text")
    if not isinstance(raw_text, str):
        return InputError(
            f"'text' must be a string, got {_json_type(raw_text)}", source=name, line=line
        )
    text = _normalise(raw_text)
    if not text:
        return InputError(
            "'text' is empty; give the article text or leave the record out",
            source=name,
            line=line,
        )
    values: dict[str, str | None] = {}
    for key in ("title", "url", "published"):
        value = _string_field(fields, key, name, line)
        if isinstance(value, InputError):
            return value
        values[key] = value
    # "source" is the field's own name, so it wins; a different "outlet" stays in meta.
    source = _string_field(fields, "source", name, line)
    if source is None:
        source = _string_field(fields, "outlet", name, line)
    if isinstance(source, InputError):
        return source
    article_id = _id_field(fields, name, line)
    if isinstance(article_id, InputError):
        return article_id
    return _article(
        text,
        name,
        line=line,
        article_id=article_id,
        meta=fields,
        source=source,
        **values,
    )


def _has_lone_surrogate(value: object) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _string_field(
    fields: dict[str, Any], key: str, name: str, line: int | None
) -> str | InputError | None:
    if key not in fields:
        return None
    value = fields.pop(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    # Dates as numbers (years, timestamps) are common and unambiguous as text.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return InputError(f"'{key}' must be a string, got {_json_type(value)}", source=name, line=line)


def _id_field(fields: dict[str, Any], name: str, line: int | None) -> str | InputError | None:
    value = fields.pop("id", None)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return InputError(
        f"'id' must be a string or an integer, got {_json_type(value)}", source=name, line=line
    )


def _malformed_json(
    name: str, line: int, exc: json.JSONDecodeError, *, one_line: bool = False
) -> InputError:
    what = "malformed JSON line" if one_line else "malformed JSON"
    todo = "fix or remove this line" if one_line else "fix the file"
    return InputError(f"{what}: {exc.msg} at column {exc.colno}; {todo}", source=name, line=line)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


# --- records and errors ----------------------------------------------------------------


def _article(
    text: str,
    name: str,
    *,
    line: int | None = None,
    article_id: str | None = None,
    meta: dict[str, Any] | None = None,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    source: str | None = None,
) -> Article:
    return Article(
        id=article_id or content_id(text),
        text=text,
        title=title,
        url=url,
        published=published,
        source=source,
        meta=meta or {},
        path=name,
        line=line,
    )


_WHOLE_PARSERS: dict[str, Callable[[str, str], Iterator[_Item]]] = {
    **dict.fromkeys(_TEXT, _parse_plain_text),
    **dict.fromkeys(_MARKDOWN, _parse_markdown),
    **dict.fromkeys(_HTML, _parse_html),
    **dict.fromkeys(_JSON, _parse_json),
}


def _empty(name: str) -> InputError:
    return InputError("empty file; add the article text or leave it out", source=name)


def _too_large(name: str, size: int | None, max_bytes: int) -> InputError:
    size_text = f"{_human(size)}, " if size is not None else ""
    return InputError(
        f"too large: {size_text}over the limit of {_human(max_bytes)}; give a large batch as "
        "JSON Lines (.jsonl, one article a line), which is read as a stream",
        source=name,
    )


def _line_too_long(name: str, line: int, size: int, max_bytes: int) -> InputError:
    return InputError(
        f"line is {_human(size)}, over the limit of {_human(max_bytes)} for one article; "
        "split the article or raise the limit",
        source=name,
        line=line,
    )


def _not_utf8(name: str, byte: int, offset: int, line: int) -> InputError:
    return InputError(
        f"not UTF-8 text: byte 0x{byte:02x} at byte offset {offset} is not valid UTF-8; "
        "re-encode it as UTF-8",
        source=name,
        line=line,
    )


def _os_error(exc: OSError, name: str) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file or directory; check the path", source=name)
    if isinstance(exc, PermissionError):
        return InputError("permission denied; make it readable or leave it out", source=name)
    return InputError(f"cannot read it: {exc.strerror or exc}", source=name)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split("\n", 1)[0]


def _human(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    value, unit = size / 1024, "KiB"
    for larger in ("MiB", "GiB"):
        if value < 1024:
            break
        value, unit = value / 1024, larger
    return f"{value:.1f} {unit} ({size:,} bytes)"
