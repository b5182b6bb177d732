"""The self-audit finds what it looks for: a page without the PEMAT-P aids fails each check."""

from __future__ import annotations

import io

from reportlab.pdfgen import canvas

from pdfgen import api
from tests.audit import audit, main


def _bare_page() -> bytes:
    """A page that does everything wrong: a muscle word, shorthand with no key, 7 pt text,
    no legend, no summary, no week, a font not embedded, a stretch with no dose."""
    out = io.BytesIO()
    c = canvas.Canvas(out, invariant=1)
    c.setKeywords("stretching, back pain, poster, Knee rolls, Cobra press-up")
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "Knee rolls")
    c.drawString(72, 680, "Hold 20 s, 2× each side. Stretch your hamstrings.")
    c.drawString(72, 640, "Cobra press-up")
    c.setFont("Helvetica", 7)
    c.drawString(72, 600, "Lie on your front and press up.")
    c.showPage()
    c.save()
    return out.getvalue()


def test_a_bare_page_fails_every_check_it_should():
    results = {check.name: check for check in audit(_bare_page())}
    assert not results["a dose line on every stretch"].passed
    assert "none for Cobra press-up" in results["a dose line on every stretch"].detail
    for name in ("no shorthand without its key", "legend for the pictures", "a summary (Remember)",
                 "a week to tick", "smallest body size", "no unexplained muscle word",
                 "every font embedded"):
        assert not results[name].passed, name
    assert results["no unexplained muscle word"].detail == "hamstring"
    assert results["smallest body size"].detail.startswith("7 pt")


def test_a_default_poster_passes_and_the_command_says_so(catalog, tmp_path, capsys):
    plan = api.make_plan(catalog, api.make_request(catalog))
    path = tmp_path / "poster.pdf"
    path.write_bytes(api.render(catalog, plan, "poster", "letter"))
    assert all(check.passed for check in audit(path.read_bytes()))
    assert main([str(path)]) == 0
    out = capsys.readouterr().out
    assert out.count("pass  ") == 9 and "FAIL" not in out
    bare = tmp_path / "bare.pdf"
    bare.write_bytes(_bare_page())
    assert main([str(bare)]) == 1
