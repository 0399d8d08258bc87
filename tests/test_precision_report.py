"""benchmarks/precision.py on a bench of two small pages of its own: the figures it prints."""
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import precision  # noqa: E402

STORY = ("The harbour authority said on Monday that the ferries would run every twenty minutes from May.\n"
         "Fares stay as they are, the authority said, and the night ferry keeps its timetable.\n")


def write_bench(root: Path) -> Path:
    for name, truth in (("p1", STORY), ("p2", STORY + "Share this article\n")):
        page = root / "aeb" / name
        page.mkdir(parents=True)
        page.joinpath("truth.txt").write_text(truth, "utf-8")
        page.joinpath("residue.txt").write_text("Share this article\n" + STORY, "utf-8")
        page.joinpath("page.txt").write_text("Home\nNews\n" + STORY, "utf-8")
    return root


def test_truth_control_counts_each_line_the_cleaner_takes_from_a_truth(tmp_path, capsys):
    bench = write_bench(tmp_path / "bench")
    out = tmp_path / "figures.json"
    assert precision.main([str(bench), "--inputs", "residue", "--truth-control", "--json", str(out), "-j", "1"]) == 0
    figures = json.loads(out.read_text("utf-8"))
    control = figures["control/aeb truths"]
    # one truth holds a share button: the control counts it, by rule, of the five lines
    assert (control["lines"], control["removed"]) == (5, 1)
    assert control["rules"] == {"share/share-buttons": 1}
    # the residue's share button: p1's truth leaves it out, p2's keeps it, so p2 counts as lost
    assert figures["aeb/residue"]["lost"] == ["p2"]
    assert "aeb (truths as input) | lines removed 20.00%" in precision.markdown(figures)
