"""Paired A/B timing of one stretchcard command in two checkouts: did a change make it slower?

Run: `python benchmarks/ab.py [--repeats N] [--cache off|warm] A_DIR B_DIR -- ARGS...`, for
example `python benchmarks/ab.py /tmp/before . -- build -o x.pdf`. Each round runs the floor
(`python -c "import click, reportlab.pdfgen.canvas"`), A and B as fresh processes, in an order
that alternates from round to round, so drift on a shared machine falls on both sides alike.
It prints the median of the per-round ratios B/A, and A and B each over the floor, with the
PDF sizes the two made. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = [sys.executable, "-c", "import click, reportlab.pdfgen.canvas"]


def command(root: Path, args: list[str]) -> list[str]:
    """What the installed `stretchcard` script runs, from the checkout at `root`."""
    return [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(root)!r}); "
            "from pdfgen.cli import main; sys.argv[0] = 'stretchcard'; main()", *args]


def seconds(argv: list[str], cwd: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path)
    parser.add_argument("b", type=Path)
    parser.add_argument("--repeats", type=int, default=21)
    parser.add_argument("--cache", choices=("off", "warm"), default="off")
    parser.add_argument("args", nargs=argparse.REMAINDER)
    opts = parser.parse_args()
    args = opts.args[1:] if opts.args[:1] == ["--"] else opts.args
    roots = {"A": opts.a.resolve(), "B": opts.b.resolve()}
    for root in roots.values():
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "pdfgen")], check=True)
    with tempfile.TemporaryDirectory() as work:
        dirs = {side: Path(work) / side for side in roots}
        envs = {}
        for side, folder in dirs.items():
            folder.mkdir()
            envs[side] = {**os.environ, "STRETCHCARD_CACHE": "off" if opts.cache == "off"
                          else str(folder / "cache")}
            envs[side].pop("STRETCHCARD_CONTENT", None)
            seconds(command(roots[side], args), str(folder), envs[side])   # warm the file cache
        ratios, over_floor = [], {"A": [], "B": []}
        for k in range(opts.repeats):
            floor = seconds(FLOOR, work, dict(os.environ))
            order = ("A", "B") if k % 2 == 0 else ("B", "A")
            took = {side: seconds(command(roots[side], args), str(dirs[side]), envs[side])
                    for side in order}
            ratios.append(took["B"] / took["A"])
            for side in roots:
                over_floor[side].append(took[side] / floor)
        print(f"stretchcard {' '.join(args)}  (cache {opts.cache}, {opts.repeats} paired rounds)")
        print(f"  A = {roots['A']}\n  B = {roots['B']}")
        print(f"  median B/A            {statistics.median(ratios):.3f}")
        for side in roots:
            print(f"  median {side} / floor      {statistics.median(over_floor[side]):.2f}x")
        for side, folder in dirs.items():
            for pdf in sorted(folder.glob("*.pdf")):
                print(f"  {side} {pdf.name}: {pdf.stat().st_size / 1024:.1f} KB")


if __name__ == "__main__":
    main()
