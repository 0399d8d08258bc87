"""A datatrove pipeline step that cleans ``doc.text`` in place.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanNewsText

    if __name__ == "__main__":  # datatrove's workers import the script: guard the run
        LocalPipelineExecutor(pipeline=[
            JsonlReader("raw/"),
            CleanNewsText(trace_key="cleaner"),   # trace in doc.metadata["cleaner"]
            JsonlWriter("clean/"),
        ], tasks=8, workers=8, logging_dir="logs/").run()

Per-rule and per-category counts go to datatrove's own stats (``lines_removed/<rule>``,
``lines_removed/<category>``, ``chars_removed/<category>``, ``changed``), so they appear in
the executor's stats.json and merged reports. One Cleaner is built per task. A document's site
(``doc.metadata["site"]``, else the host of ``doc.metadata["url"]``) selects the learned site
rules of ``config.rule_dirs`` that apply to it.

Learning site profiles over a corpus (see ``clean learn``) takes three stages, each run after
the one before (``depends=``) with any number of tasks, then the cleaning one:

    fingerprints = LocalPipelineExecutor([JsonlReader("raw/"), SiteFingerprints("work/fp")], tasks=8)
    counts = LocalPipelineExecutor([JsonlReader("raw/"), SiteLineCounts("work/fp", "work/counts")],
                                   tasks=8, depends=fingerprints)
    counts.run()
    write_site_rules("work/counts", "rules/learned")      # merge the parts, write the rule files
    LocalPipelineExecutor([JsonlReader("raw/"), CleanNewsText(Config(rule_dirs=("rules/learned",))),
                           JsonlWriter("clean/")], tasks=8).run()

The rule files are byte for byte those ``clean learn`` writes from the same documents.
"""
from __future__ import annotations

import json

from datatrove.data import DocumentsPipeline
from datatrove.io import get_datafolder
from datatrove.pipeline.base import PipelineStep

from ..io.batch import record_site
from ..config import Config
from ..explain import annotate
from ..learn import Counts, LearnOptions, fingerprint, short_lines, write_profiles
from ..pipeline import Cleaner
from ..rules import site_key
from ..io.stats import document_counts


def doc_site(doc) -> str:
    """A document's site as rules name it: its ``site`` metadata, else its ``url``'s host."""
    return site_key(record_site(doc.metadata))


class _Step(PipelineStep):
    # datatrove checks these when a step is made (on each worker too): a worker without the
    # distribution, or with the unrelated "cleaner" of the package index under the same
    # import name, stops with a message naming the package to install
    _requires_dependencies = [("cleaner", "newsnoise")]


class CleanNewsText(_Step):
    """Remove noise lines from each document's text (see the cleaner policy).

    config:    a :class:`cleaner.Config` (rule selection, extra rule folders).
    trace_key: if set, ``doc.metadata[trace_key]`` gets the dropped lines with their rule,
               category and character span in the original text.
    """

    type = "✂️ - FORMAT"
    name = "🧹 cleaner"

    def __init__(self, config: Config | None = None, trace_key: str | None = None):
        super().__init__()
        self.config = config or Config()
        self.trace_key = trace_key

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        cleaner = Cleaner(self.config)
        for doc in data:
            self.stat_update("documents")
            with self.track_time():
                result = cleaner.run(doc.text, doc_site(doc) or None)
            counts = document_counts(result.trace)
            if counts:
                self.stat_update("changed")
            for rule, (lines, chars) in counts.items():
                category = rule.split("/")[0]
                self.stat_update(f"lines_removed/{rule}", value=lines)
                self.stat_update(f"lines_removed/{category}", value=lines)
                self.stat_update(f"chars_removed/{category}", value=chars)
            if self.trace_key:
                doc.metadata[self.trace_key] = annotate(doc.text, result)
            doc.text = result.text
            yield doc


class SiteFingerprints(_Step):
    """Learning, stage 1: each document's site, story key and document key, one file a task."""

    type = "📊 - STATS"
    name = "🧹 site fingerprints"

    def __init__(self, output_folder):
        super().__init__()
        self.output_folder = get_datafolder(output_folder)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with self.output_folder.open(f"{rank:05d}.jsonl", "wt") as out:
            for index, doc in enumerate(data):
                site = doc_site(doc)
                if site:  # (rank, index): of two identical copies in two tasks, one counts
                    out.write(json.dumps([site, *fingerprint(doc.text), rank, index]) + "\n")
                    self.stat_update("documents")
                yield doc


class SiteLineCounts(_Step):
    """Learning, stage 2: the short lines of each story's representative copy, counted per
    site over this task's documents (every task reads all fingerprints), one file a task."""

    type = "📊 - STATS"
    name = "🧹 site line counts"

    def __init__(self, fingerprints_folder, output_folder, options: LearnOptions | None = None):
        super().__init__()
        self.fingerprints_folder = get_datafolder(fingerprints_folder)
        self.output_folder = get_datafolder(output_folder)
        self.options = options or LearnOptions()

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        counts = Counts(self.options, every_text=True)
        chosen: dict[tuple[str, int], tuple[int, int, int]] = {}  # story -> its copy (doc key, rank, index)
        for path in sorted(self.fingerprints_folder.list_files()):
            with self.fingerprints_folder.open(path, "rt") as rows:
                for row in rows:
                    site, story, document, task, index = json.loads(row)
                    copy = (document, task, index)
                    if copy < chosen.get((site, story), (1 << 64, 0, 0)):
                        chosen[site, story] = copy
        for index, doc in enumerate(data):
            site = doc_site(doc)
            if site:
                story, document = fingerprint(doc.text)
                if chosen.get((site, story)) == (document, rank, index):
                    counts.counted.add((site, story))
                    counts.count(site, short_lines(doc.text, self.options))
                    self.stat_update("stories")
            yield doc
        with self.output_folder.open(f"{rank:05d}.json", "wt") as out:
            json.dump({"stories": sorted(counts.counted), "lines": counts.part()}, out)


def write_site_rules(counts_folder, rules_folder: str, options: LearnOptions | None = None) -> list[str]:
    """Learning, stage 3: merge every task's counts and write the site rule files."""
    counts_folder = get_datafolder(counts_folder)
    counts = Counts(options or LearnOptions())
    for path in sorted(counts_folder.list_files()):
        with counts_folder.open(path, "rt") as handle:
            part = json.load(handle)
        for site, story in part["stories"]:
            counts.see(site, story, 0)  # (the story count per site; keys were chosen in stage 2)
        counts.merge(part["lines"])
    return write_profiles(counts.profiles(), rules_folder)
