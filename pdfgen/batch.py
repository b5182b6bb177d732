"""Batch export: every routine x layout x paper into one folder, with an index.

Jobs run in a process pool (one job = one PDF). A failing job is reported, never fatal to
the others. Files are written atomically, and the workers ignore Ctrl-C so that a file being
written is finished or never appears: the main process stops handing out work and reports.
Workers die with the main process, however it ends (interrupt.die_with_parent).

index.json tells the truth at every moment: it is emptied before the first file is replaced
and rewritten after each file is made, so a run killed at any point leaves an index whose every
entry matches the file on disk (with "complete": false until the run ends).

`--skip-unchanged` compares each job's fingerprint (the program version, the planned routine,
the layout, the paper and the figure files it draws) with the one recorded in the previous
index.json, and skips the render when both it and the file's checksum still match.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Sequence

from .errors import OutputError, StretchcardError
from .fingerprint import render_digest
from .library import Catalog
from .output import check_distinct_outputs, make_folder, page_count, remove_stale_temps
from .photo import recorded_warnings

INDEX_JSON = "index.json"
MAX_INDEX_BYTES = 4 * 1024 * 1024
MAX_PDF_BYTES = 64 * 1024 * 1024
INDEX_PDF = "index.pdf"
DEFAULT_PAPERS = ("letter", "a4")


@dataclass(frozen=True)
class Job:
    routine: str
    layout: str
    paper: str

    @property
    def file_name(self) -> str:
        """Stable and descriptive: `<routine>-<layout>-<paper>.pdf`."""
        return f"{self.routine}-{self.layout}-{self.paper}.pdf"


@dataclass(frozen=True)
class Result:
    """What one job produced: the file's facts for the index, or why it failed."""

    routine: str
    layout: str
    paper: str
    path: str
    pages: int = 0
    total_s: int = 0
    sha256: str = ""
    fingerprint: str = ""
    error: str = ""
    skipped: bool = False
    note: str = ""
    requested: str = ""     # the paper asked for, when a larger one had to be used
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.error


@dataclass(frozen=True)
class Report:
    results: tuple[Result, ...]
    index_json: Path | None
    index_pdf: Path | None
    interrupted: bool = False
    index_errors: tuple[str, ...] = ()   # index.json / index.pdf that could not be written

    @property
    def failures(self) -> tuple[Result, ...]:
        return tuple(r for r in self.results if not r.ok)

    @property
    def failed(self) -> bool:
        return bool(self.failures or self.index_errors)

    @property
    def pages(self) -> int:
        return sum(r.pages for r in self.results if r.ok)


def make_jobs(catalog: Catalog, routines: Sequence[str] = (), layouts: Sequence[str] = (),
              papers: Sequence[str] = ()) -> list[Job]:
    """Every routine x layout x paper asked for (all routines, all layouts, letter and A4).

    Raises:
        ValueError: an unknown routine, layout or paper, before anything is written.
    """
    from .model import Layout
    from .paper import paper as find_paper

    for name in routines:
        if name not in catalog.broken_routines:
            _known_routine(catalog, name)
    kinds = [Layout.coerce(k).value for k in dict.fromkeys(layouts)] or [k.value for k in Layout]
    names = list(dict.fromkeys(routines)) or sorted({*catalog.routines, *catalog.broken_routines})
    sheets = [find_paper(p).name for p in dict.fromkeys(papers or DEFAULT_PAPERS)]
    return [Job(r, layout, p) for r in names for layout in kinds for p in sheets]


def _known_routine(catalog: Catalog, name: str) -> None:
    try:
        catalog.routine(name)
    except KeyError as exc:
        raise ValueError(exc.args[0]) from None


# --- the worker side ----------------------------------------------------------------------
_worker_catalog: Catalog | None = None


def _start_worker(content: tuple[str, ...], parent_pid: int) -> None:
    """Each worker loads content once (a forked worker inherits it), leaves Ctrl-C to the
    main process so it never dies halfway through a file, and dies with the main process."""
    global _worker_catalog
    from .interrupt import die_with_parent

    die_with_parent(parent_pid)
    if _worker_catalog is None:
        from .catalog import load

        _worker_catalog = load([Path(c) for c in content], strict=False)


def run_job(job: Job, out_dir: str, previous: dict[str, str] | None = None) -> Result:
    """Plans, renders and writes one file. Never raises: a failure is returned as a line."""
    from . import api
    from .output import write_atomic

    catalog = _worker_catalog
    failed = Result(job.routine, job.layout, job.paper, job.file_name, requested=job.paper)
    try:
        if job.routine in catalog.broken_routines:
            raise StretchcardError(catalog.broken_routines[job.routine])
        plan = api.make_plan(catalog, api.make_request(catalog), job.routine)
        fingerprint = render_digest(catalog, plan, job.layout, job.paper)
        if previous and previous["fingerprint"] == fingerprint and _unchanged(out_dir, previous):
            return Result(job.routine, job.layout, previous["paper"], previous["path"],
                          previous["pages"], plan.total_s, previous["sha256"], fingerprint,
                          skipped=True, note=previous["note"], requested=job.paper)
        with recorded_warnings() as warnings:
            used, data, note = _render_fitting(catalog, plan, job)
        write_atomic(Path(out_dir) / used.file_name, data)
    except (StretchcardError, ValueError) as exc:
        return replace(failed, error=_one_line(exc))
    except Exception as exc:  # noqa: BLE001 - one broken job must not stop the batch
        return replace(failed, error=f"unexpected {type(exc).__name__}: {_one_line(exc)}")
    return Result(job.routine, job.layout, used.paper, used.file_name, page_count(data),
                  plan.total_s, _sha256(data), fingerprint, note=note, requested=job.paper,
                  warnings=tuple(warnings))


def _render_fitting(catalog: Catalog, plan, job: Job) -> tuple[Job, bytes, str]:
    """Renders as asked, or on a larger sheet of the same family when the layout refuses the
    asked one.

    A shelf of handouts should not lack the seven-stretch article card because seven
    stretches need a Legal sheet: the note says so, and the file name shows the paper used.

    Raises:
        LayoutError: it fits none of them.
    """
    from . import api
    from .paper import paper as find_paper

    used, data = api.render_or_larger(catalog, plan, job.layout, job.paper)
    if used == find_paper(job.paper):
        return job, data, ""
    return (Job(job.routine, job.layout, used.name), data,
            f"too much for {job.paper}; printed on {used.name}")


def _unchanged(out_dir: str, previous: dict) -> bool:
    """The file the previous index names is still there with the bytes it recorded."""
    from .infile import FileRefused, read_regular

    try:
        data = read_regular(Path(out_dir) / previous["path"], MAX_PDF_BYTES)
    except FileRefused:
        return False
    return _sha256(data) == previous["sha256"]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


# --- the main side ------------------------------------------------------------------------
def export_all(catalog: Catalog, out_dir: Path | str, jobs: Sequence[Job] | None = None, *,
               workers: int | None = None, content: Sequence[Path | str] = (),
               skip_unchanged: bool = False,
               on_result: Callable[[Result], None] | None = None) -> Report:
    """Runs the jobs (default: `make_jobs(catalog)`, every routine, layout and paper; in a pool
    when `workers` > 1, default every core) and writes index.json and index.pdf. Failures are
    reported in the result, never raised. `content` names the content folders the catalog came
    from (workers that start afresh load them again; STRETCHCARD_CONTENT is added as for every
    command).

    Raises:
        OutputError: the output folder cannot be created, or two jobs would write one file.
    """
    global _worker_catalog
    from .api import content_dirs

    out_dir = Path(out_dir)
    content = content_dirs(content)
    jobs = make_jobs(catalog) if jobs is None else jobs
    check_distinct_outputs([out_dir / j.file_name for j in jobs]
                           + [out_dir / INDEX_JSON, out_dir / INDEX_PDF])
    make_folder(out_dir)
    remove_stale_temps(out_dir)
    previous = _previous_index(out_dir) if skip_unchanged else {}
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs) or 1))
    _worker_catalog = catalog
    results: list[Result] = []
    index_errors: list[str] = []
    interrupted = False

    def write_index(complete: bool) -> Path | None:
        try:
            return _write_index_json(out_dir, _sorted(results), complete)
        except OutputError as exc:
            if str(exc) not in index_errors:
                index_errors.append(str(exc))
            return None

    def done(result: Result) -> None:
        results.append(result)
        write_index(complete=False)
        if on_result:
            on_result(result)

    write_index(complete=False)      # before any file is replaced: no stale entry survives
    try:
        if workers == 1:
            for job in jobs:
                done(run_job(job, str(out_dir), previous.get(_key(job.routine, job.layout, job.paper))))
        else:
            _run_pool(jobs, out_dir, workers, content, previous, done)
    except KeyboardInterrupt:
        interrupted = True
    ordered = _sorted(results)
    if interrupted:
        remove_stale_temps(out_dir, including_mine=True)   # the workers have stopped by now
        return Report(tuple(ordered), None, None, interrupted=True,
                      index_errors=tuple(index_errors))
    index_json = write_index(complete=True)
    try:
        index_pdf = _write_index_pdf(catalog, out_dir, ordered)
    except OutputError as exc:
        index_pdf = None
        index_errors.append(str(exc))
    return Report(tuple(ordered), index_json, index_pdf, index_errors=tuple(index_errors))


def _run_pool(jobs, out_dir, workers, content, previous, done) -> None:
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                               initargs=(tuple(str(c) for c in content), os.getpid()))
    pending: set[Future] = set()
    try:
        pending = {pool.submit(run_job, job, str(out_dir),
                               previous.get(_key(job.routine, job.layout, job.paper)))
                   for job in jobs}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                done(future.result())
    except KeyboardInterrupt:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _key(routine: str, layout: str, paper: str) -> str:
    return f"{routine}|{layout}|{paper}"


def _sorted(results: list[Result]) -> list[Result]:
    """By file name; a file made twice (letter grown to tabloid, and tabloid asked for) once."""
    unique: dict[tuple[str, str], Result] = {}
    for r in sorted(results, key=lambda r: (r.path, r.note != "", r.requested)):
        unique.setdefault((r.path, r.error and r.requested), r)
    return list(unique.values())


_ENTRY_TYPES = {"routine": str, "layout": str, "paper": str, "path": str, "pages": int,
                "sha256": str, "requested_paper": str, "note": str, "fingerprint": str}
_PLAIN_PDF_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\.pdf")


def _previous_index(out_dir: Path) -> dict[str, dict]:
    """The previous run's entries that can be trusted: every field present with its type, and
    a path that is a plain file name in this folder (an index is a file anyone may have edited:
    an entry pointing at /etc/hostname or ../x.pdf is dropped, not followed)."""
    from .infile import FileRefused, read_regular

    try:
        entries = json.loads(read_regular(out_dir / INDEX_JSON, MAX_INDEX_BYTES))["files"]
    except (FileRefused, ValueError, KeyError, TypeError):
        return {}
    if not isinstance(entries, list):
        return {}
    trusted = {}
    for entry in entries:
        if (isinstance(entry, dict)
                and all(isinstance(entry.get(k), t) and not isinstance(entry.get(k), bool)
                        for k, t in _ENTRY_TYPES.items())
                and _PLAIN_PDF_NAME.fullmatch(entry["path"])):
            trusted[_key(entry["routine"], entry["layout"], entry["requested_paper"])] = entry
    return trusted


def _write_index_json(out_dir: Path, results: list[Result], complete: bool) -> Path:
    from .output import write_atomic

    files = [{"routine": r.routine, "layout": r.layout, "paper": r.paper, "path": r.path,
              "pages": r.pages, "total_s": r.total_s, "sha256": r.sha256,
              "requested_paper": r.requested, "note": r.note, "fingerprint": r.fingerprint}
             for r in results if r.ok]
    failures = [{"routine": r.routine, "layout": r.layout, "paper": r.requested, "error": r.error}
                for r in results if not r.ok]
    text = json.dumps({"complete": complete, "files": files, "failures": failures}, indent=2,
                      ensure_ascii=False)
    return write_atomic(out_dir / INDEX_JSON, (text + "\n").encode(), durable=complete)


def _write_index_pdf(catalog: Catalog, out_dir: Path, results: list[Result]) -> Path:
    """A contact sheet: each routine that built, with its strip of figures and its files."""
    from . import api
    from .layouts import index
    from .output import write_atomic

    files: dict[str, list[tuple[str, str]]] = {}
    for r in results:
        if r.ok:
            files.setdefault(r.routine, []).append((r.layout, r.paper))
    plans = [api.make_plan(catalog, api.make_request(catalog), rid) for rid in sorted(files)]
    specs = api.load_figure_specs(catalog, [i.stretch.figure for p in plans for i in p.items
                                            if not i.stretch.image])
    from .layouts.context import RenderContext

    ctx = RenderContext(figures=specs, safety=catalog.safety)
    data = index.render([(p, files[p.routine]) for p in plans], ctx)
    return write_atomic(out_dir / INDEX_PDF, data)


def report_to_dict(report: Report) -> dict[str, Any]:
    """A batch's outcome as plain data (for `batch --format json`): files and failures."""
    from dataclasses import asdict

    return {"files": [asdict(r) for r in report.results if r.ok],
            "failures": [asdict(r) for r in report.failures],
            "index_json": str(report.index_json) if report.index_json else None,
            "index_pdf": str(report.index_pdf) if report.index_pdf else None,
            "index_errors": list(report.index_errors)}
