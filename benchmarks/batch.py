"""Batch export throughput: pages per second with 1 worker and with N workers.

Run from anywhere: `python benchmarks/batch.py [--repeats N] [--workers N]`. Each run exports
every preset routine in every layout on Letter and A4 (what `stretchcard batch` does by
default) into a fresh temporary folder, index files included. The figures are medians over
the repeats; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, not an installed copy

from pdfgen import api, batch  # noqa: E402


def one_run(catalog, workers: int) -> tuple[float, int, int]:
    """Seconds, pages and files for one whole batch with `workers` processes."""
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        report = batch.export_all(catalog, out, workers=workers)
        seconds = time.perf_counter() - start
    if report.failures:
        raise SystemExit(f"batch failed: {report.failures[0].error}")
    return seconds, report.pages, len(report.results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()

    catalog = api.load_catalog()
    one_run(catalog, 1)                                  # warm-up: caches, fonts, page cache
    print(f"stretchcard batch throughput, {datetime.date.today()}, Python "
          f"{platform.python_version()}, {os.cpu_count()} CPUs, {args.repeats} repeats")
    medians = {}
    for workers in sorted({1, args.workers}):
        runs = [one_run(catalog, workers) for _ in range(args.repeats)]
        seconds = statistics.median(r[0] for r in runs)
        pages, files = runs[0][1], runs[0][2]
        medians[workers] = pages / seconds
        print(f"  {workers} worker{'s' if workers > 1 else ' '}  {files} files, {pages} pages   "
              f"median {seconds:6.3f} s   {pages / seconds:7.1f} pages/s   "
              f"(best {pages / min(r[0] for r in runs):7.1f})")
    if len(medians) > 1:
        print(f"  scaling 1 -> {args.workers} workers: "
              f"{medians[args.workers] / medians[1]:.2f}x")


if __name__ == "__main__":
    main()
