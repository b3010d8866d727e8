"""Issue 10, defect 5: what the window exports says what the window shows."""

from __future__ import annotations

import csv

from reader.ui.quote_panel import SpeakerRole


def test_window_exports_resolved_speakers_title_and_links(shown, synthetic, tmp_path):
    shown.export_to("html", tmp_path / "r.html")
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<h1>Port plans</h1>" in report
    links = report.split("<h2>Links</h2>")[1]
    assert links.count("<tr>") == 1 + len(synthetic.links)
    assert "Organisation" in report and ">ORG<" not in report
    shown.export_to("quotes", tmp_path / "q.csv")
    with open(tmp_path / "q.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # What the quote panel shows as the speaker is what the CSV says ("Unattributed" is an empty cell).
    model = shown.quote_panel.model
    shown_names = [model.index(i, 0).data(SpeakerRole) for i in range(model.rowCount())]
    assert [r["speaker"] or "Unattributed" for r in rows] == shown_names


def test_sample_report_lists_every_link(sample_window, tmp_path):
    sample_window.export_to("html", tmp_path / "r.html")
    report = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert report.split("<h2>Links</h2>")[1].count("<tr>") == 1 + len(sample_window.analysis.links)
    assert "<h1>hama.html</h1>" in report  # the sample has no title: its name, not its path
