"""Clean a text column of a ``ray.data.Dataset`` with ``map_batches``.

    import ray
    from cleaner.integrations.ray import clean_dataset

    ray.init()
    ds = ray.data.read_json("s3://bucket/raw/")
    clean_dataset(ds, column="text", concurrency=16).write_json("s3://bucket/clean/")

The work runs in an actor pool: each actor builds one :class:`cleaner.Cleaner` (rules
compiled once) and cleans every batch it is given; nothing is rebuilt per batch.
"""
from __future__ import annotations

from ..config import Config
from ..explain import annotate
from ..pipeline import Cleaner


class CleanBatch:
    """The actor: one Cleaner, many batches (``{column: array of str}``)."""

    def __init__(self, config: Config | None = None, column: str = "text", trace_column: str | None = None):
        self.cleaner = Cleaner(config or Config())
        self.column, self.trace_column = column, trace_column

    def __call__(self, batch: dict) -> dict:
        import json

        import numpy as np

        texts = batch[self.column]
        results = [self.cleaner.run(str(text)) for text in texts]
        batch[self.column] = np.array([r.text for r in results], dtype=object)
        if self.trace_column:
            batch[self.trace_column] = np.array(
                [json.dumps(annotate(str(t), r)) for t, r in zip(texts, results)], dtype=object)
        return batch


def clean_dataset(dataset, column: str = "text", config: Config | None = None, concurrency: int = 2,
                  batch_size: int = 256, trace_column: str | None = None):
    """A new dataset whose ``column`` is cleaned; other columns are kept.

    concurrency:  the number of actors (each with its own Cleaner).
    trace_column: if set, a JSON string of the dropped lines (rule, category, span) per row.
    """
    from ray.data import ActorPoolStrategy

    return dataset.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"config": config, "column": column, "trace_column": trace_column},
        batch_size=batch_size,
        batch_format="numpy",
        compute=ActorPoolStrategy(size=concurrency),
    )
