"""The engines for real: datatrove's LocalPipelineExecutor (JsonlReader -> CleanNewsText ->
JsonlWriter, 2 tasks, 2 workers) and a local Ray (``ray.init(num_cpus=2)``), each checked
byte for byte against ``clean`` on the same documents. Skipped without the extras."""
from __future__ import annotations

import gzip
import json

import pytest

from cleaner import clean

from .conftest import golden_cases

TEXTS = [(c / "input.txt").read_bytes().decode("utf-8-sig") for c in golden_cases()]


def write_shards(folder, texts, shards=2):
    folder.mkdir(parents=True)
    for shard in range(shards):
        with open(folder / f"part{shard}.jsonl", "w", encoding="utf-8") as handle:
            for i in range(shard, len(texts), shards):
                handle.write(json.dumps({"id": str(i), "text": texts[i]}) + "\n")


@pytest.mark.slow
def test_datatrove_local_executor(tmp_path):
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanNewsText

    write_shards(tmp_path / "raw", TEXTS)
    LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "raw")), CleanNewsText(trace_key="cleaner"),
                  JsonlWriter(str(tmp_path / "clean"))],
        tasks=2, workers=2, logging_dir=str(tmp_path / "logs"),
    ).run()
    records = {}
    for path in (tmp_path / "clean").glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                records[record["id"]] = record
    assert len(records) == len(TEXTS)
    for i, text in enumerate(TEXTS):
        assert records[str(i)]["text"] == clean(text)
    assert any(r["metadata"]["cleaner"] for r in records.values())
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    step = next(s for s in stats if "cleaner" in s["name"])
    total = {k: v if isinstance(v, int) else v["total"] for k, v in step["stats"].items()}
    assert total["documents"] == len(TEXTS)
    assert total["lines_removed/ads"] > 0 and total["chars_removed/footer"] > 0


@pytest.mark.parametrize("step", ["CleanNewsText", "SiteFingerprints", "SiteLineCounts"])
def test_datatrove_steps_name_the_distribution_they_need(step, monkeypatch, tmp_path):
    """A worker without newsnoise (or with the index's unrelated "cleaner" under the same
    import name) stops when the step is made, with a message naming the package."""
    pytest.importorskip("datatrove")
    import datatrove.utils._import_utils as checks

    from cleaner.integrations import datatrove as steps

    arguments = {"CleanNewsText": (), "SiteFingerprints": (str(tmp_path),),
                 "SiteLineCounts": (str(tmp_path), str(tmp_path / "counts"))}[step]
    getattr(steps, step)(*arguments)  # installed: made as usual
    monkeypatch.setattr(checks, "_is_distribution_available", lambda name: name != "newsnoise")
    with pytest.raises(ImportError, match="newsnoise"):
        getattr(steps, step)(*arguments)


@pytest.mark.slow
def test_ray_map_batches():
    ray = pytest.importorskip("ray")
    from cleaner.integrations.ray import clean_dataset

    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True)
    try:
        ds = ray.data.from_items([{"id": i, "text": t} for i, t in enumerate(TEXTS)])
        rows = clean_dataset(ds, concurrency=2, batch_size=8, trace_column="trace").take_all()
    finally:
        ray.shutdown()
    by_id = {row["id"]: row for row in rows}
    assert len(by_id) == len(TEXTS)
    for i, text in enumerate(TEXTS):
        assert by_id[i]["text"] == clean(text)
    assert any(json.loads(row["trace"]) for row in rows)


def _learned_reference(tmp_path):
    """The rule files ``clean learn`` writes for the learning corpus, and its cleaned texts."""
    from cleaner import Cleaner, Config
    from cleaner.learn import learn, write_profiles

    from .test_learn import corpus

    folder = tmp_path / "reference"
    write_profiles(learn(corpus()), str(folder))
    cleaner = Cleaner(Config(rule_dirs=(str(folder),)))
    files = {p.name: p.read_bytes() for p in (folder / "site").glob("*.toml")}
    return files, [cleaner.clean(text, site) for site, text in corpus()]


@pytest.mark.slow
def test_datatrove_learns_the_same_rules(tmp_path):
    pytest.importorskip("datatrove")
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner import Config
    from cleaner.integrations.datatrove import CleanNewsText, SiteFingerprints, SiteLineCounts, write_site_rules

    from .test_learn import corpus

    raw = tmp_path / "raw"
    raw.mkdir()
    for shard in range(2):
        with open(raw / f"part{shard}.jsonl", "w", encoding="utf-8") as handle:
            for i, (site, text) in enumerate(corpus()):
                if i % 2 == shard:
                    handle.write(json.dumps({"id": str(i), "text": text, "site": site}) + "\n")
    work, rules = tmp_path / "work", tmp_path / "rules"
    for step in (SiteFingerprints(str(work / "fp")), SiteLineCounts(str(work / "fp"), str(work / "counts"))):
        LocalPipelineExecutor([JsonlReader(str(raw)), step], tasks=2, workers=2,
                              logging_dir=str(work / f"logs-{step.name[-6:]}")).run()
    write_site_rules(str(work / "counts"), str(rules))
    files, cleaned = _learned_reference(tmp_path)
    assert {p.name: p.read_bytes() for p in (rules / "site").glob("*.toml")} == files and files
    LocalPipelineExecutor([JsonlReader(str(raw)), CleanNewsText(Config(rule_dirs=(str(rules),))),
                           JsonlWriter(str(tmp_path / "clean"))], tasks=2, workers=2,
                          logging_dir=str(work / "logs-clean")).run()
    records = {}
    for path in (tmp_path / "clean").glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            records.update((r["id"], r["text"]) for r in map(json.loads, handle))
    assert [records[str(i)] for i in range(len(cleaned))] == cleaned


@pytest.mark.slow
def test_ray_learns_the_same_rules(tmp_path):
    ray = pytest.importorskip("ray")
    from cleaner import Config
    from cleaner.integrations.ray import clean_dataset, learn_site_rules

    from .test_learn import corpus

    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True)
    try:
        ds = ray.data.from_items([{"id": i, "site": s, "text": t} for i, (s, t) in enumerate(corpus())])
        learn_site_rules(ds, str(tmp_path / "rules"), batch_size=4)
        rows = clean_dataset(ds, config=Config(rule_dirs=(str(tmp_path / "rules"),)), concurrency=2,
                             batch_size=4).take_all()
    finally:
        ray.shutdown()
    files, cleaned = _learned_reference(tmp_path)
    assert {p.name: p.read_bytes() for p in (tmp_path / "rules" / "site").glob("*.toml")} == files and files
    by_id = {row["id"]: row["text"] for row in rows}
    assert [by_id[i] for i in range(len(cleaned))] == cleaned


@pytest.mark.slow
def test_ray_reads_files_with_as_many_actors_as_cpus(tmp_path):
    """Read tasks need CPUs too: with a fixed pool of one actor per CPU (2 on 2 CPUs, the
    default), reading from files waited for ever. Run in a child process with a time-out,
    so that a hang fails the test instead of stopping the suite."""
    pytest.importorskip("ray")
    import subprocess
    import sys

    write_shards(tmp_path / "raw", TEXTS)
    script = (
        "import json, sys, ray\n"
        "from cleaner.integrations.ray import clean_dataset\n"
        "ray.init(num_cpus=2, include_dashboard=False)\n"
        "rows = clean_dataset(ray.data.read_json(sys.argv[1]), concurrency=2, batch_size=8).take_all()\n"
        "print(json.dumps({row['id']: row['text'] for row in rows}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "raw")], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    by_id = json.loads(done.stdout.strip().splitlines()[-1])
    assert by_id == {str(i): clean(text) for i, text in enumerate(TEXTS)}


def docs_recipes(engine: str) -> list[str]:
    """The scripts of docs/integrations.md for one engine (``datatrove`` or ``ray``), as a user
    copies them."""
    from .conftest import ROOT

    text = (ROOT / "docs" / "integrations.md").read_text("utf-8")
    blocks = [block.split("```", 1)[0] for block in text.split("```python\n")[1:]]
    return [block for block in blocks if f"from {engine}" in block or f"import {engine}\n" in block]


def read_clean_folder(folder) -> dict[str, str]:
    """The ``id`` -> ``text`` of the JSONL files an engine wrote (datatrove: gzipped)."""
    texts = {}
    for path in sorted(folder.glob("*.json*")):
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                texts[record["id"]] = record["text"]
    return texts


RECIPES = [("datatrove", 0), ("datatrove", 1), ("ray", 0), ("ray", 1)]


@pytest.mark.slow
@pytest.mark.parametrize(("engine", "recipe"), RECIPES,
                         ids=[f"{e}-{'learn-then-clean' if r else 'clean'}" for e, r in RECIPES])
def test_docs_recipes_run_as_written(tmp_path, engine, recipe):
    """Each script of docs/integrations.md runs to completion as written (in a folder with
    raw/ beside it: JSONL files, read from disk), and its output is what ``clean --jsonl``
    writes for the same input (the learning recipes: with the rules ``clean learn`` writes
    from it). Ray's scripts ask for 8 actors (more than the CPUs of a small machine: they must not
    hang)."""
    import subprocess
    import sys

    pytest.importorskip(engine)
    scripts = docs_recipes(engine)
    assert len(scripts) == 2, f"the docs hold two {engine} scripts"
    folder = tmp_path / "raw"
    folder.mkdir()
    with open(folder / "part0.jsonl", "w", encoding="utf-8") as handle:
        for i, text in enumerate(TEXTS):  # three sites, each with a line of its own chrome: something to learn
            site = f"site{i % 3}.example"
            text += f"\n\nGet the {site} app for the morning briefing and more\n"
            handle.write(json.dumps({"id": str(i), "text": text, "url": f"https://{site}/{i}"}) + "\n")
    (tmp_path / "recipe.py").write_text(scripts[recipe], "utf-8")
    run = subprocess.run([sys.executable, "recipe.py"], cwd=tmp_path, capture_output=True, text=True,
                         timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    rules = ["--rules", str(tmp_path / "rules" / "learned")] if recipe else []
    if recipe:
        subprocess.run([sys.executable, "-m", "cleaner", "learn", str(folder / "part0.jsonl"), "-o",
                        str(tmp_path / "expected-rules")], check=True, capture_output=True)
        written = sorted(p.relative_to(tmp_path / "rules" / "learned").as_posix()
                         for p in (tmp_path / "rules" / "learned").rglob("*.toml"))
        expected = sorted(p.relative_to(tmp_path / "expected-rules").as_posix()
                          for p in (tmp_path / "expected-rules").rglob("*.toml"))
        assert written == expected and written, "the recipe learns the rule files clean learn writes"
        for name in written:
            learned = (tmp_path / "rules" / "learned" / name).read_bytes()
            assert learned == (tmp_path / "expected-rules" / name).read_bytes()
    cli = subprocess.run([sys.executable, "-m", "cleaner", "--jsonl", str(folder / "part0.jsonl"), *rules],
                         check=True, capture_output=True, text=True)
    expected = {json.loads(line)["id"]: json.loads(line)["text"] for line in cli.stdout.splitlines()}
    assert read_clean_folder(tmp_path / "clean") == expected and expected
