"""Whole-process times: how long a person waits for `stretchcard` to answer.

Run from anywhere: `python benchmarks/startup.py [--repeats N]`. Each command runs as a fresh
process; the table gives medians with two yardsticks: `python -c pass` (the interpreter alone)
and `python -c "import click, reportlab.pdfgen.canvas"` (the floor our dependencies set). It
also prints the size of each PDF. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"--help": ("pass", 5.0), "build poster": ("floor", 1.3)}


def median_seconds(argv: list[str], repeats: int, cwd: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("STRETCHCARD_CONTENT", None)
    times = []
    for _ in range(repeats + 1):                      # the first run warms the file cache
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    cli = [py, "-m", "pdfgen"]
    with tempfile.TemporaryDirectory() as work:
        runs = {
            "python -c pass": [py, "-c", "pass"],
            "floor: import click, reportlab canvas": [py, "-c",
                                                      "import click, reportlab.pdfgen.canvas"],
            "--help": cli + ["--help"],
            "list routines": cli + ["list", "routines"],
            "build poster": cli + ["build", "-o", "poster.pdf"],
            "build card (a6)": cli + ["build", "-l", "card", "-p", "a6", "-o", "card.pdf"],
            "build handout": cli + ["build", "-l", "handout", "-o", "handout.pdf"],
        }
        medians = {name: median_seconds(argv, args.repeats, work) for name, argv in runs.items()}
        sizes = {name: (Path(work) / f"{name}.pdf") for name in ("poster", "card", "handout")}
        pages = {name: _pages(path) for name, path in sizes.items()}
        base, floor = medians["python -c pass"], medians["floor: import click, reportlab canvas"]
        print(f"stretchcard start-up, {datetime.date.today()}, Python "
              f"{platform.python_version()}, {os.cpu_count()} CPUs, median of {args.repeats}")
        print(f"  {'command':<40}{'median':>9}{'x pass':>8}{'x floor':>9}  target")
        for name, seconds in medians.items():
            target = TARGETS.get(name)
            goal = f"<= {target[1]}x {target[0]}" if target else ""
            print(f"  {name:<40}{seconds * 1e3:7.1f} ms{seconds / base:7.1f}x"
                  f"{seconds / floor:8.2f}x  {goal}")
        print("  PDF sizes (default 7-minute routine, Letter unless named)")
        for name, path in sizes.items():
            size = path.stat().st_size
            print(f"    {name:<10}{size / 1024:7.1f} KB  {pages[name]} page(s)  "
                  f"{size / 1024 / pages[name]:6.1f} KB/page")


def _pages(path: Path) -> int:
    import re

    return len(re.findall(rb"/Type /Page\b(?!s)", path.read_bytes()))


if __name__ == "__main__":
    main()
