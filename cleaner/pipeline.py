"""The pipeline: decode → normalize → classify → revise → render.

``decode`` happens at the edges (:mod:`cleaner.io.decode`); the library takes ``str``.
Every stage is a pure function of the document and the compiled rules: nothing is
carried from one document to the next.

>>> c = Cleaner()
>>> c.clean("Title of the story\\n\\nAdvertisement\\n\\nBody text.\\n")
'Title of the story\\n\\nBody text.\\n'
"""
from __future__ import annotations

from collections import namedtuple

from .stages import classify, revise
from .config import Config
from .document import Document, Verdict
from .normalize import normalize
from .rules import Rule, for_site, load_rules, site_key

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)
if TYPE_CHECKING:
    from .stages import Progress

class Result(namedtuple("Result", "text trace origins", defaults=((),))):
    """A cleaned document and its trace (one verdict per normalized input line);
    ``origins`` gives, for each verdict, the index of its raw input line."""

    __slots__ = ()

    @property
    def dropped(self) -> list[Verdict]:
        return [v for v in self.trace if v.dropped]


def render(doc: Document) -> str:
    """Kept lines; blank runs collapse to one blank line, none at the edges; one final newline."""
    out: list[str] = []
    pending_blank = False
    for line in doc.lines:
        if line.is_kept:
            if pending_blank and out:
                out.append("")
            out.append(line.text)
            pending_blank = False
        elif line.is_blank:
            pending_blank = True
    if out:
        out.append("")  # (the final newline: joined with the rest, not added to a copy of it)
    return "\n".join(out)


class Cleaner:
    """A reusable cleaner: rules loaded and compiled once, picklable, no per-document state.

    >>> import pickle
    >>> c = pickle.loads(pickle.dumps(Cleaner(Config(ignore=("ads",)))))
    >>> c.clean("Advertisement\\n")
    'Advertisement\\n'
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = Config() if config is None else config
        self.rules: tuple[Rule, ...] = load_rules(self.config)
        self._by_site: dict[str, tuple[Rule, ...]] = {"": tuple(r for r in self.rules if not r.sites)}

    def __repr__(self) -> str:
        return f"Cleaner({self.config!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Cleaner) and other.config == self.config

    __hash__ = None  # (equal cleaners are interchangeable; a cleaner is not a dict key)

    def __reduce__(self):
        return Cleaner, (self.config,)  # compiled rules are rebuilt, not pickled

    def run(self, text: str, site: str | None = None, progress: Progress = None) -> Result:
        """Clean one document and return the text with its trace. ``site`` (a host such as
        ``example.com``) also runs the rules scoped to that site (learned site profiles).
        ``progress``, if given, is told how far the cleaning has got (see
        :data:`cleaner.stages.Progress`): ``clean`` draws it for a large file.

        >>> steps = []
        >>> _ = Cleaner().run("Advertisement\\nBody.\\n", progress=lambda *step: steps.append(step))
        >>> steps[:2]
        [('normalize', 0, 0), ('classify', 0, 2)]
        """
        origins: list[int] = []
        doc = self._decide(text, origins, site, progress)
        return Result(render(doc), tuple(doc.trace()), tuple(origins))

    def clean(self, text: str, site: str | None = None, progress: Progress = None) -> str:
        """Clean one document and return the text (no trace is built)."""
        return render(self._decide(text, None, site, progress))

    def rules_for(self, site: str | None) -> tuple[Rule, ...]:
        """The rules a document of ``site`` runs: every unscoped rule, and the rules scoped
        to that site.

        >>> Cleaner().rules_for("example.com") == Cleaner().rules_for(None)
        True
        """
        key = site_key(site)
        rules = self._by_site.get(key)
        if rules is None:
            rules = tuple(r for r in self.rules if not r.sites or for_site(r, key))
            if len(self._by_site) < 4096:  # (a corpus of many sites: the cache stays bounded)
                self._by_site[key] = rules
        return rules

    def _decide(self, text: str, origins: list[int] | None = None, site: str | None = None,
                progress: Progress = None) -> Document:
        if not isinstance(text, str):
            raise TypeError(f"clean() takes str, not {type(text).__name__}; decode bytes first")
        rules = self.rules_for(site)
        if progress:
            progress("normalize", 0, 0)
        doc = Document.from_lines(normalize(text, origins))
        classify(doc, rules, progress)
        revise(doc, rules, self.config.mode, progress)
        return doc

    def clean_many(self, texts, jobs: int = 1, chunksize: int = 64):
        """Clean an iterable of texts, in order; ``jobs > 1`` uses a process pool with one
        Cleaner per worker and a bounded queue (a long iterator is not read ahead).

        >>> list(Cleaner().clean_many(["Advertisement\\nBody.", "Share this article\\nText."]))
        ['Body.\\n', 'Text.\\n']
        """
        if jobs <= 1:
            for text in texts:
                yield self.clean(text)
            return
        from .parallel import chunked, clean_chunk, init_cleaner, ordered_map

        for chunk in ordered_map(clean_chunk, chunked(texts, chunksize), jobs, init_cleaner, (self.config,)):
            yield from chunk
