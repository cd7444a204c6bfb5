"""Render query results as a text table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Literal

from graphbuild.stores.base import QueryResult

Format = Literal["table", "json", "csv"]
FORMATS: tuple[Format, ...] = ("table", "json", "csv")

# Cells longer than this are cut in tables (JSON and CSV keep everything).
MAX_CELL = 80


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        text = value
    elif isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        text = str(int(value))
    elif isinstance(value, list | dict):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def render_table(result: QueryResult) -> str:
    """An aligned text table with a header and a row count."""
    cells = [[_cell(v) for v in row] for row in result.rows]
    widths = [len(c) for c in result.columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = [
        " | ".join(c.ljust(w) for c, w in zip(result.columns, widths, strict=True)),
        "-+-".join("-" * w for w in widths),
    ]
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    count = len(result.rows)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(line.rstrip() for line in lines)


def render_json(result: QueryResult) -> str:
    """A JSON array with one object per row."""
    return json.dumps(result.records(), ensure_ascii=False, indent=2, default=str)


def render_csv(result: QueryResult) -> str:
    """CSV with a header row; lists and maps as JSON text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(
            [
                json.dumps(v, ensure_ascii=False, default=str)
                if isinstance(v, list | dict)
                else ("" if v is None else v)
                for v in row
            ]
        )
    return out.getvalue().rstrip("\n")


def render(result: QueryResult, fmt: Format) -> str:
    renderers = {"table": render_table, "json": render_json, "csv": render_csv}
    return renderers[fmt](result)
