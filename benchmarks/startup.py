"""Whole-process times: how long a person waits for `stretchcard` to answer.

Run from anywhere: `python benchmarks/startup.py [--repeats N]`. Each command runs as a fresh
process, the way the installed `stretchcard` script runs it, with the package's bytecode
compiled first (as installing a wheel does). The table gives medians with two yardsticks:
`python -c pass` (the interpreter alone) and `python -c "import click,
reportlab.pdfgen.canvas"` (the floor our dependencies set).

Builds are timed twice: with the user's cache warm (a repeat of a build answered from it, the
catalog and figures read back from it), and with STRETCHCARD_CACHE=off (everything read,
planned and drawn afresh). It also prints the size of each PDF. Nothing here asserts a time.
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
TARGETS = {"--help": ("pass", 5.0), "build poster, cache warm": ("floor", 1.3),
           "build poster, no cache": ("floor", 1.3)}


def median_seconds(argv: list[str], repeats: int, cwd: str, cache: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "STRETCHCARD_CACHE": cache}
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
    # What the installed `stretchcard` script runs (no runpy, unlike `python -m pdfgen`).
    cli = [py, "-c", "import sys; from pdfgen.cli import main; sys.argv[0] = 'stretchcard'; "
                     "main()"]
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "pdfgen")], check=True)
    with tempfile.TemporaryDirectory() as work:
        cache = str(Path(work) / "cache")
        builds = {
            "build poster": cli + ["build", "-o", "poster.pdf"],
            "build card (a6)": cli + ["build", "-l", "card", "-p", "a6", "-o", "card.pdf"],
            "build handout": cli + ["build", "-l", "handout", "-o", "handout.pdf"],
        }
        runs = {
            "python -c pass": [py, "-c", "pass"],
            "floor: import click, reportlab canvas": [py, "-c",
                                                      "import click, reportlab.pdfgen.canvas"],
            "--help": cli + ["--help"],
            "list routines": cli + ["list", "routines"],
            **{f"{name}, cache warm": argv for name, argv in builds.items()},
            **{f"{name}, no cache": argv for name, argv in builds.items()},
        }
        medians = {name: median_seconds(argv, args.repeats, work,
                                        "off" if name.endswith("no cache") else cache)
                   for name, argv in runs.items()}
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
