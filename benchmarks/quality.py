"""Quality, side by side: token precision / recall / F1 against hand-curated or annotated text.

Two measurements:

1. ``--bench DIR``: the bench corpus (one folder per page with truth.txt and residue.txt
   and/or page.txt); cleaner against doing nothing, per input kind.
2. HTML pages built from the golden cases: each golden input is laid out as a news page
   (menu, article with one <p> per line, footer) and cleaned two ways: trafilatura's text
   alone, and cleaner's HTML path (trafilatura, then the rules), both scored against the
   golden expected.txt.

The metric is the bench scorer's: bags of ``\\w+`` tokens, P/R/F1 per document, averaged;
lost% is the share of documents whose recall fell by more than 0.02 against the input.

    python benchmarks/quality.py                       # HTML pages built from golden/
    python benchmarks/quality.py --bench ../bench/aeb  # plus the bench corpus
"""
from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cleaner import Cleaner, Config  # noqa: E402
from cleaner.config import MODES  # noqa: E402
from cleaner.io.decode import decode_bytes  # noqa: E402
from cleaner.io.html import html_to_text  # noqa: E402

TOKEN = re.compile(r"\w+")


def prf(output: str, truth: str) -> tuple[float, float, float]:
    got, want = Counter(TOKEN.findall(output)), Counter(TOKEN.findall(truth))
    hit = sum((got & want).values())
    p = hit / sum(got.values()) if got else (1.0 if not want else 0.0)
    r = hit / sum(want.values()) if want else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


LOST = 0.02  # the bench scorer's: a document lost text if its recall fell by more than this


def mean_prf(pairs, base: list[float] | None = None) -> tuple[float, float, float, int, float | None]:
    """Mean P, R, F1, the number of documents, and (given each document's recall before
    cleaning, ``base``) the share of documents that lost text, in percent."""
    rows = [prf(out, truth) for out, truth in pairs]
    n = len(rows) or 1
    lost = None if base is None else 100 * sum(b - r[1] > LOST for b, r in zip(base, rows)) / n
    return (sum(r[0] for r in rows) / n, sum(r[1] for r in rows) / n, sum(r[2] for r in rows) / n, len(rows), lost)


def as_page(text: str) -> str:
    """A news page around ``text``: site menu, the article (one <p> per line), footer."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = html.escape(lines[0] if lines else "")
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            "<header><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li>"
            "<li><a href='/politics'>Politics</a></li><li><a href='/sport'>Sport</a></li></ul></nav></header>"
            f"<main><article><h1>{title}</h1>\n{body}\n</article></main>"
            "<footer><p>About us · Contact · Privacy</p></footer></body></html>")


def golden_html_rows(cleaner: Cleaner) -> list[tuple]:
    import trafilatura

    pairs_tr, pairs_cl = [], []
    for case in sorted(p.parent for p in (ROOT / "golden").glob("*/input.txt")):
        if (case / "case.toml").exists() and 'mode = "page"' in (case / "case.toml").read_text("utf-8"):
            continue  # a full-page dump is not an article to lay out as a page
        text = decode_bytes((case / "input.txt").read_bytes())
        expected = (case / "expected.txt").read_text("utf-8")
        page = as_page(text)
        pairs_tr.append((trafilatura.extract(page, include_comments=True, include_tables=True) or "", expected))
        pairs_cl.append((cleaner.clean(html_to_text(page)), expected))
    return [("trafilatura alone", *mean_prf(pairs_tr)), ("cleaner (trafilatura + rules)", *mean_prf(pairs_cl))]


def bench_rows(folder: Path, cleaner: Cleaner) -> list[tuple]:
    rows = []
    for kind in ("residue", "page"):
        docs = [(d / f"{kind}.txt").read_text("utf-8") for d in sorted(folder.iterdir()) if (d / f"{kind}.txt").exists()]
        truths = [(d / "truth.txt").read_text("utf-8") for d in sorted(folder.iterdir()) if (d / f"{kind}.txt").exists()]
        if not docs:
            continue
        base = [prf(d, t)[1] for d, t in zip(docs, truths)]
        rows.append((f"{kind}: unchanged input", *mean_prf(zip(docs, truths), base)))
        for mode in MODES:
            moded = Cleaner(Config(mode=mode))
            rows.append((f"{kind}: cleaner --mode {mode}", *mean_prf(zip((moded.clean(d) for d in docs), truths), base)))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, help="a folder of <id>/truth.txt + residue.txt/page.txt")
    args = parser.parse_args(argv)
    cleaner = Cleaner()
    start = time.perf_counter()
    rows = golden_html_rows(cleaner)
    if args.bench:
        rows += bench_rows(args.bench, cleaner)
    print(f"{'run':<40} {'tokP':>6} {'tokR':>6} {'tokF1':>6} {'docs':>5} {'lost%':>6}")
    for name, p, r, f, n, lost in rows:
        print(f"{name:<40} {p:6.3f} {r:6.3f} {f:6.3f} {n:5} {'-' if lost is None else f'{lost:.1f}':>6}")
    print(f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
