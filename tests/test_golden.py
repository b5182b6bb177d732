"""Golden PDFs: a change to any page shows up here as a diff a person reviews.

qpdf --check and threshold pixel tests pass on a page that has moved; these do not. Each case is
rendered, normalised (`qpdf --qdf --deterministic-id`, object streams off: one object per block of plain text, so a
diff of two goldens reads line by line) and compared byte for byte with `tests/golden/<name>.pdf`.
The metadata dates are already fixed by the canvas (invariant mode), so nothing needs masking.

Regenerate only on purpose, after looking at the pages:

    pytest tests/test_golden.py --update-golden

On a mismatch the actual file, both renders and a red-on-grey PNG of the pixels that differ are
kept in the test's tmp_path, and the failure message names them.

The figure-cell maps (`tests/golden/figures/<id>.txt`) are small character maps of a rendered
figure, one character per pixel class, so a moved limb shows as a readable text diff.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from pdfgen import api

GOLDEN = Path(__file__).parent / "golden"

# name -> (layout, paper, options); about one per layout family x paper class.
CASES = {
    "poster-letter": ("poster", "letter", {}),
    "poster-a4-grayscale": ("poster", "a4", {"grayscale": True}),
    "poster-legal-seven-in-seven": ("poster", "legal", {"routine": "seven-in-seven"}),
    "card-4x6": ("card", "4x6", {}),
    "card-a4-sheet": ("card", "a4", {"minutes": 5}),
    "handout-letter-conditions": ("handout", "letter", {"minutes": 10, "conditions": ("sciatica",),
                                                        "patient": "Ana Lopez"}),
    "handout-a4-large-print": ("handout", "a4", {"large_print": True}),
    "index-letter": ("index", "letter", {}),
}


def render_case(catalog, layout: str, paper: str, options: dict) -> bytes:
    """The PDF for one golden case, through the same API the CLI uses."""
    if layout == "index":
        from pdfgen.layouts import index
        from pdfgen.layouts.context import RenderContext

        plans = [api.make_plan(catalog, api.make_request(catalog, minutes=m, areas=a))
                 for m, a in ((5, ("lower-back",)), (7, ("hamstrings",)), (10, ("hips",)))]
        figures = api.load_figure_specs(catalog, [i.stretch.figure for p in plans for i in p.items])
        ctx = RenderContext(figures=figures, safety=catalog.safety)
        rows = [(p, [("poster", "letter"), ("card", "4x6")]) for p in plans]
        return index.render(rows, ctx, paper)
    request = api.make_request(catalog, minutes=options.get("minutes", 7),
                               conditions=options.get("conditions", ()))
    plan = api.make_plan(catalog, request, options.get("routine"))
    fields = api.make_fields(patient=options.get("patient", ""))
    return api.render(catalog, plan, layout, paper, options.get("grayscale", False),
                      large_print=options.get("large_print", False), fields=fields)


def normalised(data: bytes, folder: Path, name: str) -> bytes:
    """The PDF in qpdf's QDF form (uncompressed content, one object per block), as bytes."""
    raw, out = folder / f"{name}.raw.pdf", folder / f"{name}.qdf.pdf"
    raw.write_bytes(data)
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", "--deterministic-id", str(raw), str(out)],
                   check=True)
    return out.read_bytes()


def pixel_diff(actual: bytes, expected: bytes, folder: Path, name: str) -> list[Path]:
    """Renders both PDFs and writes, per page, the two renders and a map of differing pixels."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops

    written = []
    a_doc, e_doc = pdfium.PdfDocument(actual), pdfium.PdfDocument(expected)
    for k in range(max(len(a_doc), len(e_doc))):
        pages = []
        for doc, tag in ((a_doc, "actual"), (e_doc, "expected")):
            img = doc[k].render(scale=1).to_pil().convert("RGB") if k < len(doc) else None
            if img is not None:
                path = folder / f"{name}-p{k + 1}-{tag}.png"
                img.save(path)
                written.append(path)
            pages.append(img)
        if None in pages or pages[0].size != pages[1].size:
            continue
        changed = ImageChops.difference(*pages).convert("L").point(lambda v: 255 if v > 24 else 0)
        faded = Image.blend(pages[1], Image.new("RGB", pages[1].size, "white"), 0.7)
        faded.paste(Image.new("RGB", faded.size, (220, 0, 0)), mask=changed)
        path = folder / f"{name}-p{k + 1}-diff.png"
        faded.save(path)
        written.append(path)
    return written


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_matches_its_golden(catalog, name, tmp_path, request):
    layout, paper, options = CASES[name]
    actual = normalised(render_case(catalog, layout, paper, options), tmp_path, name)
    golden = GOLDEN / f"{name}.pdf"
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(actual)
        return
    assert golden.exists(), f"no golden for {name}: run pytest {__file__} --update-golden"
    expected = golden.read_bytes()
    if actual != expected:
        kept = pixel_diff(actual, expected, tmp_path, name)
        pytest.fail(f"{name} differs from {golden.name}; look at {tmp_path / (name + '.qdf.pdf')} "
                    f"and {', '.join(p.name for p in kept if 'diff' in p.name) or 'the renders'} "
                    f"in {tmp_path}, then --update-golden if the change is meant")


# --- figure-cell pixel maps ------------------------------------------------------------------
MAP_FIGURES = ("cat-cow", "knee-to-chest", "standing-quad", "seated-twist")
MAP_SIZE = 64
CLASSES = (("#", "near"), ("+", "far"), ("o", "highlight"), (">", "arrow"), (":", "ghost"),
           ("-", "prop_line"))


def figure_map(figure_id: str) -> str:
    """The figure drawn 64 px square, each pixel named by the nearest tone of the palette
    ('.' for paper and anything far from every tone)."""
    from pdfgen.figure import build, load_figure
    from pdfgen.figure.backend_pil import render_png
    from pdfgen.figure.palette import palette, rgb
    from pdfgen.paths import builtin_figures_dir

    pal = palette()
    tones = [(ch, rgb(pal.colour(tone))) for ch, tone in CLASSES]
    img = render_png(build(load_figure(builtin_figures_dir() / f"{figure_id}.yaml")), MAP_SIZE)
    img = img.convert("RGB")
    rows = []
    for y in range(img.height):
        row = ""
        for x in range(img.width):
            px = img.getpixel((x, y))
            best, ch = min((sum(abs(a - b) for a, b in zip(px, colour)), ch) for ch, colour in tones)
            row += ch if best < 60 else "."
        rows.append(row.rstrip("."))
    return "\n".join(rows).rstrip("\n") + "\n"


@pytest.mark.parametrize("figure_id", MAP_FIGURES)
def test_figure_cell_matches_its_pixel_map(figure_id, request):
    path = GOLDEN / "figures" / f"{figure_id}.txt"
    actual = figure_map(figure_id)
    if request.config.getoption("--update-golden"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual)
        return
    assert path.exists(), f"no pixel map for {figure_id}: run pytest {__file__} --update-golden"
    assert actual == path.read_text(), f"{figure_id} moved; compare with {path}"
