#!/usr/bin/env python3
"""Score graphbuild on the public benchmarks: CoNLL04 dev and FiNER-ORD val.

    .venv/bin/python scripts/run_benchmarks.py BENCHMARKS_DIR [--limit N] [--json FILE]

BENCHMARKS_DIR holds ``conll04/conll04_dev.json`` and ``finer-ord/val.csv``
(see graphbuild.benchmarks for the formats). The data is not part of the
repository; test splits are never read. Prints one table per dataset and a
few examples of each kind of error.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from graphbuild.benchmarks import BenchmarkReport, run_conll04, run_finer_ord
from graphbuild.config import Settings
from graphbuild.errors import GraphbuildError
from graphbuild.pipeline import Pipeline

DATASETS = {
    "conll04": (Path("conll04") / "conll04_dev.json", run_conll04),
    "finer-ord": (Path("finer-ord") / "val.csv", run_finer_ord),
}


def _examples(report: BenchmarkReport, per_kind: int) -> str:
    lines = ["", "examples:"]
    shown: dict[str, int] = {}
    for ex in sorted(report.examples, key=lambda e: (-report.error_counts.get(e.kind, 0), e.kind)):
        shown[ex.kind] = shown.get(ex.kind, 0) + 1
        if shown[ex.kind] > per_kind:
            continue
        what = " / ".join(
            x
            for x in (f"gold {ex.gold}" if ex.gold else "", f"pred {ex.pred}" if ex.pred else "")
            if x
        )
        lines.append(f"  [{ex.kind}] {what}\n      in: {ex.context}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("benchmarks", type=Path, help="folder holding conll04/ and finer-ord/")
    parser.add_argument("--dataset", choices=sorted(DATASETS), action="append", help="default: all")
    parser.add_argument("--limit", type=int, default=None, help="first N sentences/documents only")
    parser.add_argument("--examples", type=int, default=3, help="examples shown per error kind")
    parser.add_argument("--json", type=Path, default=None, help="also write the reports here")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default as graphbuild)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="run_benchmarks: %(message)s")

    try:
        pipeline = Pipeline.load(Settings.from_env(model=args.model))
        reports: list[BenchmarkReport] = []
        for name in args.dataset or list(DATASETS):
            relative, run = DATASETS[name]
            report = run(args.benchmarks / relative, pipeline, args.limit, examples_per_kind=10)
            reports.append(report)
            print(report.table())
            print(_examples(report, args.examples))
            print()
    except GraphbuildError as exc:
        print(f"run_benchmarks: error: {exc}", file=sys.stderr)
        return exc.exit_code
    if args.json is not None:
        args.json.write_text(
            json.dumps([r.model_dump(mode="json") for r in reports], indent=2) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
