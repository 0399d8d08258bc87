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
