from __future__ import annotations

import concurrent.futures
import hashlib
import io
import os
import shutil
import subprocess

import pytest


@pytest.fixture(scope="session")
def catalog():
    from pdfgen import api

    return api.load_catalog()


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """An empty cache folder, and figures forgotten by this process (as in a new one)."""
    from pdfgen.figure import loaded

    folder = tmp_path / "cache"
    monkeypatch.setenv("STRETCHCARD_CACHE", str(folder))
    monkeypatch.setattr(loaded, "_loaded", {})
    return folder


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Runs the CLI in a temporary folder; returns click's Result (stdout and stderr apart)."""
    from click.testing import CliRunner

    from pdfgen.cli import cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STRETCHCARD_CONTENT", raising=False)

    def invoke(*args, **kw):
        return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False, **kw)

    return invoke


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def page_texts(data: bytes) -> list[str]:
    """Each page's text, its whitespace runs made single spaces."""
    from pypdf import PdfReader

    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages]


def render_pages(data: bytes, dpi: int = 72):
    """Each page as a grayscale PIL image at `dpi`."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]


def text_runs(data: bytes) -> list[tuple[str, float]]:
    """Every text run on every page, its whitespace made single spaces, with its effective
    size (font size x text and CTM scale)."""
    from pypdf import PdfReader

    runs: list[tuple[str, float]] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        def visit(text, cm, tm, font_dict, font_size):
            if text.strip():
                scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
                runs.append((" ".join(text.split()), round(font_size * scale, 2)))
        page.extract_text(visitor_text=visit)
    return runs


def font_sizes(data: bytes) -> list[float]:
    """The effective size of every text run on every page."""
    return [size for _, size in text_runs(data)]


def unembedded_fonts(data: bytes) -> list[str]:
    """Names of fonts used on any page without an embedded TrueType file."""
    from pypdf import PdfReader

    missing = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            parts = [font] + [d.get_object() for d in font.get("/DescendantFonts", [])]
            descs = [p["/FontDescriptor"].get_object() for p in parts if "/FontDescriptor" in p]
            if not any("/FontFile2" in d for d in descs):
                missing.append(str(font["/BaseFont"]))
    return missing


def ink_in_margin(page, margin_pt: float, dpi: int = 72) -> list[tuple[int, int]]:
    """Pixels darker than paper within `margin_pt` of the page edge (anti-aliasing allowed)."""
    w, h = page.size
    margin = margin_pt * dpi / 72 - 1.5
    px = page.load()
    return [(x, y) for x in range(w) for y in range(h)
            if (x < margin or y < margin or x >= w - margin or y >= h - margin)
            and px[x, y] <= 245]


# --- every PDF the suite makes must pass `qpdf --check` ------------------------------------

QPDF_SUMMARY = pytest.StashKey[str]()


@pytest.fixture(scope="session", autouse=True)
def every_pdf_passes_qpdf(request, tmp_path_factory):
    """Collects every PDF the tests make and checks each distinct one with `qpdf --check`.

    In-process PDFs are caught where they are made (`api.render`) and written
    (`output.write_atomic`); worker processes and subprocesses only leave files, so the
    session's temporary folders are scanned at the end too. A PDF that qpdf does not pass
    fails the session (an error in the teardown of the last test). Without qpdf installed
    (CI installs it) the check is skipped, and the summary says so.
    """
    from pdfgen import api, output

    store = tmp_path_factory.mktemp("qpdf-check")
    made: dict[str, str] = {}  # file in `store` -> where the PDF came from

    def remember(data: bytes, origin: str) -> None:
        if data[:5] == b"%PDF-":
            path = store / f"{hashlib.sha256(data).hexdigest()}.pdf"
            if str(path) not in made:
                path.write_bytes(data)
                made[str(path)] = origin

    def render(*args, **kwargs):
        data = original_render(*args, **kwargs)
        remember(data, "api.render")
        return data

    def write_atomic(path, data, **options):
        written = original_write(path, data, **options)
        remember(data, str(path))
        return written

    original_render, original_write = api.render, output.write_atomic
    patch = pytest.MonkeyPatch()
    patch.setattr(api, "render", render)
    patch.setattr(output, "write_atomic", write_atomic)
    yield
    patch.undo()
    for pdf in sorted(tmp_path_factory.getbasetemp().rglob("*.pdf")):
        if pdf.is_file() and store not in pdf.parents:
            remember(pdf.read_bytes(), str(pdf))
    if not made:
        return
    if not shutil.which("qpdf"):
        request.config.stash[QPDF_SUMMARY] = (
            f"qpdf is not installed: the {len(made)} PDFs made by the tests were NOT checked "
            "(apt-get install qpdf)")
        return
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        checks = dict(zip(made, pool.map(_qpdf_check, made)))
    bad = [f"{made[path]}: {message}" for path, message in checks.items() if message]
    request.config.stash[QPDF_SUMMARY] = (
        f"qpdf --check: {len(made) - len(bad)} of {len(made)} distinct PDFs pass")
    assert not bad, "PDFs that fail `qpdf --check`:\n" + "\n".join(bad)


def _qpdf_check(path: str) -> str:
    """'' when qpdf passes the file without warnings, else qpdf's complaint in one line."""
    out = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
    if out.returncode == 0:
        return ""
    said = (out.stderr or out.stdout).replace(f"{path}: ", "")
    return f"qpdf exit {out.returncode}: " + " ".join(said.split())[:300]


def pytest_terminal_summary(terminalreporter):
    summary = terminalreporter.config.stash.get(QPDF_SUMMARY, None)
    if summary:
        terminalreporter.write_line(summary)


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The suite's own cache folder, so it never reads or fills the user's ~/.cache.

    Set in os.environ (not monkeypatch) so CLI subprocesses and batch workers see it too.
    """
    import os

    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("STRETCHCARD_CACHE")
    os.environ["STRETCHCARD_CACHE"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("STRETCHCARD_CACHE", None)
    else:
        os.environ["STRETCHCARD_CACHE"] = before


def colour_pixels(image, tolerance: int = 0) -> int:
    """Pixels whose red, green and blue differ by more than `tolerance` (0 for pure gray)."""
    data = image.convert("RGB").tobytes()
    return sum(1 for k in range(0, len(data), 3)
               if max(data[k:k + 3]) - min(data[k:k + 3]) > tolerance)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current output (look at the pages first)")
