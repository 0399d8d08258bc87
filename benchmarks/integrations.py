"""Throughput of the datatrove step and the Ray function with 1 and 2 workers, side by side.

The corpus is the golden inputs repeated to ``--mb`` megabytes, in 8 JSONL shards.

    python benchmarks/integrations.py --mb 40
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(mb: float) -> list[str]:
    texts = [(c / "input.txt").read_bytes().decode("utf-8-sig") for c in sorted((ROOT / "golden").iterdir())
             if (c / "input.txt").exists()]
    out, size = [], 0
    while size < mb * 1e6:
        for text in texts:
            out.append(text)
            size += len(text.encode())
    return out


def run_datatrove(texts: list[str], workers: int, folder: Path) -> float:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.integrations.datatrove import CleanNewsText

    raw = folder / "raw"
    if not raw.exists():
        raw.mkdir()
        for shard in range(8):
            with open(raw / f"part{shard}.jsonl", "w") as handle:
                for i in range(shard, len(texts), 8):
                    handle.write(json.dumps({"id": str(i), "text": texts[i]}) + "\n")
    start = time.perf_counter()
    LocalPipelineExecutor(pipeline=[JsonlReader(str(raw)), CleanNewsText(),
                                    JsonlWriter(str(folder / f"clean{workers}"))],
                          tasks=8, workers=workers, logging_dir=str(folder / f"logs{workers}")).run()
    return time.perf_counter() - start


def run_ray(texts: list[str], workers: int) -> float:
    import ray

    from cleaner.integrations.ray import clean_dataset

    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True, log_to_driver=False)
    ds = ray.data.from_items([{"text": t} for t in texts]).materialize()
    start = time.perf_counter()
    clean_dataset(ds, concurrency=workers, batch_size=256).materialize()
    seconds = time.perf_counter() - start
    ray.shutdown()
    return seconds


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20)
    args = parser.parse_args(argv)
    texts = corpus(args.mb)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"corpus: {len(texts)} documents, {mb:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        for engine, run in (("datatrove", lambda w: run_datatrove(texts, w, Path(tmp))),
                            ("ray", lambda w: run_ray(texts, w))):
            one, two = run(1), run(2)
            print(f"{engine:<10} 1 worker {mb / one:6.2f} MB/s   2 workers {mb / two:6.2f} MB/s   "
                  f"speed-up {one / two:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
