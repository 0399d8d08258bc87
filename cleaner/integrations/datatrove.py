"""A datatrove pipeline step that cleans ``doc.text`` in place.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from cleaner.integrations.datatrove import CleanNewsText

    LocalPipelineExecutor(pipeline=[
        JsonlReader("raw/"),
        CleanNewsText(trace_key="cleaner"),   # trace in doc.metadata["cleaner"]
        JsonlWriter("clean/"),
    ], tasks=8, workers=8, logging_dir="logs/").run()

Per-rule and per-category counts go to datatrove's own stats (``lines_removed/<rule>``,
``lines_removed/<category>``, ``chars_removed/<category>``, ``changed``), so they appear in
the executor's stats.json and merged reports. One Cleaner is built per task.
"""
from __future__ import annotations

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from ..config import Config
from ..explain import annotate
from ..pipeline import Cleaner
from ..stats import document_counts


class CleanNewsText(PipelineStep):
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
                result = cleaner.run(doc.text)
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
