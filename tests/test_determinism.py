"""The same article gives the same output in every run, whatever Python's string hashing.

Extraction runs in two processes with different hash seeds, so that an order taken
from iterating a set of strings shows up as a difference.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

# A sanction told over two sentences by two authorities: its relations are carried from
# one action to the other.
ARTICLE = {
    "id": "ly-yong-phat",
    "title": "U.S. sanctions Cambodian tycoon",
    "published": "2024-09-13",
    "text": (
        "Cambodian tycoon Ly Yong Phat was sanctioned by the U.S. Treasury on Thursday. "
        "The department's Office of Foreign Assets Control also designated L.Y.P. Group, "
        "the conglomerate he owns, along with Garden City Hotel and Koh Kong Resort."
    ),
}


@pytest.mark.slow
def test_two_runs_with_different_hash_seeds_give_the_same_output(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}.jsonl"
        subprocess.run(
            [sys.executable, "-c", "from graphbuild.cli import main; main()", "extract",
             str(source), "-o", str(out)],
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )  # fmt: skip
        outputs.append(out.read_text(encoding="utf-8"))
    assert json.loads(outputs[0])["relations"], "the article should give relations"
    assert outputs[0] == outputs[1]
