"""Per-rule precision on real pages: which rule drops article text, where, how often.

Reads a bench folder laid out as ``<corpus>/<page id>/{truth.txt, residue.txt, page.txt}``
(truth corpora), ``trafeval/<id>/`` with ``trafeval_assertions.json`` beside it (must-keep
and must-drop strings), and optionally JSONL corpora of scraped text (``--control FILE``:
hand-cleaned text, where every removal is suspect; ``--truth-control``: the truth corpora's
own truth texts, cleaned as input, the same check). Nothing of the bench is kept in the
project; point the script at a copy.

For each corpus and input kind it prints doing-nothing and cleaner F1, lost% (pages whose
token recall fell by more than 0.02), the headline kept (page dumps), idempotence, and a
table of rules: lines dropped, lines of article text dropped (the line's 4-token shingles
are in the truth, or a short line equals a truth line), pages lost that the rule took text
from, must-keep strings it removed, and its worst examples.

    python benchmarks/precision.py BENCH_DIR                    # every corpus found
    python benchmarks/precision.py BENCH_DIR --corpus dragnet --inputs page --examples 5
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cleaner import Cleaner, Config  # noqa: E402
from cleaner.text import fold  # noqa: E402
from quality import LOST, TOKEN, prf  # noqa: E402

WS = re.compile(r"\s+")
TRUTH_CORPORA = ("aeb", "readability", "dragnet")
MODE_OF = {"residue": "article", "page": "page"}


def squash(text: str) -> str:
    return WS.sub(" ", text).strip()


def shingles(tokens: list[str], n: int = 4) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


class Truth:
    """What a page's truth holds: its lines and its 4-token shingles."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = {squash(line) for line in text.splitlines() if line.strip()}
        self.shingles = shingles(TOKEN.findall(text))

    def holds(self, line: str) -> bool:
        """Is ``line`` article text? Long lines by shingles, short ones only as a whole truth line."""
        tokens = TOKEN.findall(line)
        if len(tokens) >= 6:
            grams = shingles(tokens)
            return sum(g in self.shingles for g in grams) >= 0.6 * len(grams)
        return squash(line) in self.lines


def title_line(page: str) -> str | None:
    """The page's headline: of the lines after the <title> line (the dump's first) with 4
    words or more that the title contains (or that contain the title), the one equal to
    the title if there is one (a breadcrumb 'Home News <title>' contains it too), else the
    longest; a site name or a credit that the title also holds is shorter than the headline."""
    lines = [squash(x) for x in page.splitlines() if x.strip()]
    if not lines:
        return None
    title = fold(lines[0])
    found = [line for line in lines[1:200] if len(line.split()) >= 4
             and (fold(line) in title or title in fold(line)) and len(fold(line)) <= 2 * len(title)]
    exact = [line for line in found if fold(line) == title]
    return exact[0] if exact else max(found, key=len, default=None)


def clean_page(task):
    mode, text, truth_text, keep, drop = task
    cleaner = CLEANERS[mode]
    result = cleaner.run(text)
    again = cleaner.clean(result.text)
    dropped = [(v.rule, v.text) for v in result.trace if v.dropped or (v.action == "blank" and v.rule)]
    return result.text, dropped, again == result.text


CLEANERS: dict[str, Cleaner] = {}


def init(rule_dirs):
    for mode in ("article", "page"):
        CLEANERS[mode] = Cleaner(Config(mode=mode, rule_dirs=tuple(rule_dirs)))


def load(bench: Path, corpus: str, inputs: str):
    """(id, input text, truth text or None, must-keep, must-drop) per page."""
    pages = []
    assertions = {}
    if corpus == "trafeval":
        spec = json.loads((bench / "trafeval_assertions.json").read_text("utf-8"))
        assertions = {p["id"]: p for p in spec["pages"]}
    for folder in sorted((bench / corpus).iterdir()):
        path = folder / f"{inputs}.txt"
        if not path.exists():
            continue
        truth = folder / "truth.txt"
        a = assertions.get(folder.name, {})
        pages.append((folder.name, path.read_text("utf-8", errors="replace"),
                      truth.read_text("utf-8") if truth.exists() else None,
                      a.get("must_keep", []), a.get("must_drop", [])))
    return pages


def report(bench: Path, corpus: str, inputs: str, pool, examples: int) -> dict:
    pages = load(bench, corpus, inputs)
    mode = MODE_OF[inputs]
    outs = list(pool.map(clean_page, [(mode, text, truth, k, d) for _, text, truth, k, d in pages], chunksize=4))
    per_rule = defaultdict(Counter)
    worst = defaultdict(list)
    summary = Counter(pages=len(pages))
    lost_ids, unstable_ids = [], []
    for (pid, text, truth_text, keep, drop), (out, dropped, stable) in zip(pages, outs):
        summary["unstable"] += not stable
        if not stable:
            unstable_ids.append(pid)
        for rule, _ in dropped:
            per_rule[rule]["dropped"] += 1
        if truth_text is not None:
            truth = Truth(truth_text)
            p0, r0, f0 = prf(text, truth_text)
            p1, r1, f1 = prf(out, truth_text)
            summary["f1_none"] += f0
            summary["f1"] += f1
            lost = r0 - r1 > LOST
            summary["lost"] += lost
            if lost:
                lost_ids.append(pid)
            took = set()
            for rule, line in dropped:
                if truth.holds(line):
                    per_rule[rule]["article"] += 1
                    took.add(rule)
                    worst[rule].append((pid, line))
            for rule in took:
                per_rule[rule]["pages"] += 1
                per_rule[rule]["lost_pages"] += lost
        if inputs == "page":
            head = title_line(text)
            if head:
                summary["with_headline"] += 1
                summary["headline_kept"] += fold(head) in fold(out)
        src, got = squash(text), squash(out)
        for s in keep:
            s = squash(s)
            if s in src:
                summary["keep_n"] += 1
                if s in got:
                    summary["kept"] += 1
                else:
                    for rule, line in dropped:
                        if s in squash(line) or squash(line) in s:
                            per_rule[rule]["must_keep"] += 1
                            worst[rule].append((pid, line))
                            break
        for s in drop:
            s = squash(s)
            if s in src:
                summary["drop_n"] += 1
                summary["drop_ok"] += s not in got
    n = summary["pages"] or 1
    head = (f"== {corpus} {inputs} (mode {mode}): {summary['pages']} pages")
    if summary["f1"]:
        head += (f"; F1 doing nothing {summary['f1_none'] / n:.3f}, cleaner {summary['f1'] / n:.3f};"
                 f" lost% {100 * summary['lost'] / n:.1f}")
    if summary["keep_n"]:
        head += (f"; must-keep {100 * summary['kept'] / summary['keep_n']:.1f}%"
                 f", must-drop {100 * summary['drop_ok'] / max(summary['drop_n'], 1):.1f}%")
    if summary["with_headline"]:
        head += f"; headline kept {100 * summary['headline_kept'] / summary['with_headline']:.1f}%"
    head += f"; not idempotent on {summary['unstable']}"
    print(head)
    if lost_ids:
        print("   lost:", " ".join(lost_ids))
    if unstable_ids:
        print("   not idempotent:", " ".join(unstable_ids))
    print(f"   {'rule':<40} {'dropped':>7} {'article':>7} {'pages':>5} {'lost':>4} {'mustkeep':>8}")
    for rule, c in sorted(per_rule.items(), key=lambda kv: (-kv[1]["article"] - kv[1]["must_keep"], kv[0])):
        print(f"   {rule:<40} {c['dropped']:7} {c['article']:7} {c['pages']:5} {c['lost_pages']:4} {c['must_keep']:8}")
        for pid, line in worst[rule][:examples]:
            print(f"        {pid[:12]}: {line[:150]!r}")
    return {"summary": dict(summary), "rules": {k: dict(v) for k, v in per_rule.items()}, "lost": lost_ids,
            "unstable": unstable_ids}


def control(name: str, texts: list[str], pool) -> dict:
    """Texts with no noise in them (a hand-cleaned corpus, the bench's own truths): every
    line removed is counted against the rule."""
    outs = list(pool.map(clean_page, [("article", t, None, (), ()) for t in texts], chunksize=16))
    lines = sum(sum(1 for x in t.splitlines() if x.strip()) for t in texts)
    per_rule = Counter(rule for _, dropped, _ in outs for rule, _ in dropped)
    removed = sum(per_rule.values())
    print(f"== control {name}: {len(texts)} docs, {lines} lines, removed {removed}"
          f" ({100 * removed / max(lines, 1):.2f}%)")
    for rule, count in per_rule.most_common():
        print(f"   {rule:<40} {count:7}")
    return {"lines": lines, "removed": removed, "rules": dict(per_rule)}


def truth_texts(bench: Path, corpus: str) -> list[str]:
    """The truth texts of a truth corpus: the article alone, as the control's input."""
    return [page.joinpath("truth.txt").read_text("utf-8") for page in sorted((bench / corpus).iterdir())
            if page.joinpath("truth.txt").is_file()]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bench", type=Path, help="the bench folder (aeb/, readability/, dragnet/, trafeval/)")
    ap.add_argument("--corpus", action="append", help="only these corpora (repeatable)")
    ap.add_argument("--inputs", choices=("residue", "page"), action="append", help="only these input kinds")
    ap.add_argument("--control", type=Path, action="append", default=[], help="a hand-cleaned JSONL corpus")
    ap.add_argument("--truth-control", action="store_true",
                    help="also clean each truth corpus's truth texts (article text only) as a control")
    ap.add_argument("--rules", action="append", default=[], help="extra rule folders")
    ap.add_argument("--examples", type=int, default=3, help="worst examples shown per rule")
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    ap.add_argument("--markdown", action="store_true", help="also print the README's tables (Markdown)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    corpora = args.corpus or [c for c in (*TRUTH_CORPORA, "trafeval") if (args.bench / c).is_dir()]
    results = {}
    with ProcessPoolExecutor(args.jobs, initializer=init, initargs=(args.rules,)) as pool:
        for corpus in corpora:
            for inputs in args.inputs or ("residue", "page"):
                results[f"{corpus}/{inputs}"] = report(args.bench, corpus, inputs, pool, args.examples)
        for path in args.control:
            texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
            results[f"control/{path.parent.name}"] = control(path.parent.name, texts, pool)
        for corpus in corpora if args.truth_control else ():
            if corpus in TRUTH_CORPORA:
                results[f"control/{corpus} truths"] = control(f"{corpus} truths", truth_texts(args.bench, corpus), pool)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True), "utf-8")
    if args.markdown:
        print(markdown(results))
    return 0


def markdown(results: dict) -> str:
    """The corpus table and the per-rule table, as the README shows them."""
    rows = ["| corpus, input (mode) | pages | F1 doing nothing | F1 cleaner | lost% | must-keep kept |"
            " must-drop removed | headline kept | not idempotent |", "|---|---|---|---|---|---|---|---|---|"]
    rules = defaultdict(Counter)
    for name, result in results.items():
        if name.startswith("control/"):
            kind = "truths as input" if name.endswith(" truths") else "hand-cleaned control"
            rows.append(f"| {name.split('/')[1].removesuffix(' truths')} ({kind}) | lines removed "
                        f"{100 * result['removed'] / max(result['lines'], 1):.2f}% | | | | | | | |")
            continue
        s, n = result["summary"], result["summary"]["pages"] or 1
        f1 = (f"{s['f1_none'] / n:.3f} | {s['f1'] / n:.3f} | {100 * s['lost'] / n:.1f}" if s.get("f1")
              else "| |")
        keep = f"{100 * s['kept'] / s['keep_n']:.1f}%" if s.get("keep_n") else ""
        drop = f"{100 * s['drop_ok'] / s['drop_n']:.1f}%" if s.get("drop_n") else ""
        head = f"{100 * s['headline_kept'] / s['with_headline']:.1f}%" if s.get("with_headline") else ""
        corpus, inputs = name.split("/")
        rows.append(f"| {corpus}, {inputs} ({MODE_OF[inputs]}) | {s['pages']} | {f1} | {keep} | {drop} | {head} |"
                    f" {s.get('unstable', 0)} |")
        for rule, c in result["rules"].items():
            rules[rule].update(c)
    rows += ["", "| rule | lines dropped | of them article lines | pages it took text from | of them lost |"
             " must-keep strings removed |", "|---|---|---|---|---|---|"]
    for rule, c in sorted(rules.items(), key=lambda kv: (-kv[1]["article"] - kv[1]["must_keep"], kv[0])):
        if c["article"] or c["must_keep"]:
            rows.append(f"| `{rule}` | {c['dropped']} | {c['article']} | {c['pages']} | {c['lost_pages']} |"
                        f" {c['must_keep']} |")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
