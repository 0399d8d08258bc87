"""Clean a text column of a ``ray.data.Dataset`` with ``map_batches``.

    import ray
    from cleaner.integrations.ray import clean_dataset

    ray.init()
    ds = ray.data.read_json("s3://bucket/raw/")
    clean_dataset(ds, column="text", concurrency=16).write_json("s3://bucket/clean/")

The work runs in an actor pool: each actor builds one :class:`cleaner.Cleaner` (rules
compiled once) and cleans every batch it is given; nothing is rebuilt per batch. A row's site
(its ``site`` column, else the host of its ``url`` column) selects the learned site rules of
``config.rule_dirs`` that apply to it. ``learn_site_rules`` learns them from a dataset first:

    learn_site_rules(ds, "rules/learned")
    clean_dataset(ds, config=Config(rule_dirs=("rules/learned",)))
"""
from __future__ import annotations

from ..io.batch import record_site
from ..config import Config
from ..explain import annotate
from ..learn import Counts, LearnOptions, fingerprint, short_lines, write_profiles
from ..pipeline import Cleaner
from ..rules import site_key


def _sites(batch: dict, size: int) -> list[str | None]:
    """Each row's site: the ``site`` column, else the host of the ``url`` column."""
    columns = {name: batch[name] for name in ("site", "url") if name in batch}
    return [record_site({name: str(values[i]) for name, values in columns.items()}) for i in range(size)]


class CleanBatch:
    """The actor: one Cleaner, many batches (``{column: array of str}``)."""

    def __init__(self, config: Config | None = None, column: str = "text", trace_column: str | None = None):
        self.cleaner = Cleaner(config or Config())
        self.column, self.trace_column = column, trace_column

    def __call__(self, batch: dict) -> dict:
        import json

        import numpy as np

        texts = batch[self.column]
        sites = _sites(batch, len(texts))
        results = [self.cleaner.run(str(text), site) for text, site in zip(texts, sites)]
        batch[self.column] = np.array([r.text for r in results], dtype=object)
        if self.trace_column:
            batch[self.trace_column] = np.array(
                [json.dumps(annotate(str(t), r)) for t, r in zip(texts, results)], dtype=object)
        return batch


def clean_dataset(dataset, column: str = "text", config: Config | None = None, concurrency: int = 2,
                  batch_size: int = 256, trace_column: str | None = None):
    """A new dataset whose ``column`` is cleaned; other columns are kept.

    concurrency:  the most actors (each with its own Cleaner); the pool grows from one as the
                  CPUs the reading leaves free allow.
    trace_column: if set, a JSON string of the dropped lines (rule, category, span) per row.
    """
    return dataset.map_batches(
        CleanBatch,
        fn_constructor_kwargs={"config": config, "column": column, "trace_column": trace_column},
        batch_size=batch_size,
        batch_format="numpy",
        # an autoscaling pool: a fixed pool of as many actors as Ray has CPUs leaves the read
        # tasks none, and the pipeline waits for ever
        concurrency=(1, concurrency),
    )


def _fingerprints(batch: dict, column: str) -> dict:
    import numpy as np

    texts = [str(t) for t in batch[column]]
    keys = [fingerprint(t) for t in texts]
    return {"site": np.array([site_key(s) for s in _sites(batch, len(texts))], dtype=object),
            "story": np.array([str(k[0]) for k in keys], dtype=object),  # (64-bit keys: as text)
            "document": np.array([str(k[1]) for k in keys], dtype=object)}


def _line_sets(batch: dict, column: str, chosen: dict, options: LearnOptions) -> dict:
    import json

    import numpy as np

    texts = [str(t) for t in batch[column]]
    rows = {"site": [], "story": [], "lines": []}
    for text, site in zip(texts, _sites(batch, len(texts))):
        site = site_key(site)
        story, document = fingerprint(text)
        if site and chosen.get((site, story)) == document:
            rows["site"].append(site)
            rows["story"].append(str(story))
            rows["lines"].append(json.dumps(short_lines(text, options)))
    return {name: np.array(values, dtype=object) for name, values in rows.items()}


def learn_site_rules(dataset, rules_folder: str, column: str = "text", options: LearnOptions | None = None,
                     batch_size: int = 256) -> list[str]:
    """Learn each site's repeated lines over ``dataset`` (two passes) and write the rule
    files into ``rules_folder``: byte for byte what ``clean learn`` writes for the same rows.
    The second pass brings the short lines of one copy of each story to the driver."""
    import json

    options = options or LearnOptions()
    counts = Counts(options)
    for row in dataset.map_batches(_fingerprints, fn_kwargs={"column": column}, batch_size=batch_size,
                                   batch_format="numpy").iter_rows():
        if row["site"]:
            counts.see(row["site"], int(row["story"]), int(row["document"]))
    chosen = counts.representative
    for row in dataset.map_batches(_line_sets, fn_kwargs={"column": column, "chosen": chosen, "options": options},
                                   batch_size=batch_size, batch_format="numpy").iter_rows():
        key = (row["site"], int(row["story"]))
        if key not in counts.counted:  # (identical copies of a story: counted once)
            counts.counted.add(key)
            counts.count(row["site"], [tuple(item) for item in json.loads(row["lines"])])
    return write_profiles(counts.profiles(), rules_folder)
