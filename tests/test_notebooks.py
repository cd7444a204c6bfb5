"""The notebooks in notebooks/ run top to bottom, and are committed without outputs.

Each notebook runs in a real Jupyter kernel (ipykernel, driven by nbclient) with
the real spaCy pipeline and a LadybugDB store in a temporary folder; the test
then reads what the cells printed and drew.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest

from graphbuild.config import PROJECT_ROOT

NOTEBOOKS = PROJECT_ROOT / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
# One cell may load the spaCy pipeline or ingest the corpus; a minute is plenty.
CELL_TIMEOUT = 300


def _read(path: Path) -> Any:
    import nbformat

    return nbformat.read(path, as_version=4)


def _run(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    """Execute a notebook in a fresh kernel; what its cells showed, and how many images."""
    from nbclient import NotebookClient

    # The kernel must not pick up a non-interactive backend from the environment.
    monkeypatch.delenv("MPLBACKEND", raising=False)
    notebook = _read(path)
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=CELL_TIMEOUT,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    return _outputs(notebook)


def _outputs(notebook: Any) -> tuple[str, int]:
    """All text the cells showed (streams, reprs, HTML tables), and how many images."""
    texts: list[str] = []
    images = 0
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                texts.append(output["text"])
            data = output.get("data", {})
            texts += [data.get("text/plain", ""), data.get("text/html", "")]
            images += "image/png" in data
    return "\n".join(texts), images


def test_there_are_two_notebooks() -> None:
    assert [p.name for p in PATHS] == ["01-binance-story.ipynb", "02-corpus.ipynb"]


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    notebook = _read(path)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell has outputs; clear them"
            assert cell.execution_count is None, f"{path.name}: a cell has an execution count"


@pytest.mark.parametrize("path", PATHS, ids=[p.stem for p in PATHS])
def test_notebook_uses_a_temporary_data_dir(path: Path) -> None:
    source = "\n".join(cell.source for cell in _read(path).cells if cell.cell_type == "code")
    assert "tempfile.TemporaryDirectory" in source
    assert "workdir.cleanup()" in source


@pytest.mark.slow
def test_binance_story_notebook(monkeypatch: pytest.MonkeyPatch) -> None:
    before = set(os.listdir(NOTEBOOKS))
    text, images = _run(NOTEBOOKS / "01-binance-story.ipynb", monkeypatch)
    # People and their roles, the regulator, the settlement and its amount.
    for expected in ("Richard Teng", "Eleanor Hughes", "chief legal officer", "Changpeng Zhao",
                     "U.S. Treasury", "Settlement", "4300000000", "over"):  # fmt: skip
        assert expected in text, expected
    # Provenance: the rule and the sentence behind the settlement.
    assert "settlement/with_amount" in text
    assert "paying over $4.3 billion in penalties" in text
    # The path between the two CEOs goes through Binance.
    assert "Richard Teng -[ROLE_AT" in text and "-> Binance" in text
    # Two figures (ego network, timeline) and the interactive page written.
    assert images == 2
    assert "binance.html" in text
    # Nothing is left beside the notebooks.
    assert set(os.listdir(NOTEBOOKS)) == before


@pytest.mark.slow
def test_corpus_notebook(monkeypatch: pytest.MonkeyPatch) -> None:
    text, images = _run(NOTEBOOKS / "02-corpus.ipynb", monkeypatch)
    # The corpus (at least 20 briefs) is ingested whole and gives a graph worth exploring.
    ingested = re.search(r"RunReport\(articles=(\d+)", text)
    assert ingested is not None and int(ingested.group(1)) >= 20
    assert "failures=[]" in text
    for expected in ("degree", "pagerank", "betweenness", "Sam Bankman-Fried", "Gemini",
                     "U.S. Securities and Exchange Commission"):  # fmt: skip
        assert expected in text, expected
    # A shortest path printed as facts; the co-occurrence table has shared counts.
    assert "Brian Armstrong -[ROLE_AT" in text
    assert "shared" in text
    # The enforcement timeline and an ego network.
    assert images == 2
