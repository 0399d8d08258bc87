"""The registry of rule kinds: each kind's name and its class (see :mod:`cleaner.kinds.base`).

Within a stage, kinds run in this order (the revise stage's order matters: page mode
first, duplicates last)."""
from .contains import ContainsKind
from .debris import DebrisKind
from .duplicate import DuplicateKind
from .guard import GuardKind
from .head import HeadKind
from .inline import InlineKind
from .line import LineKind
from .page import PageKind
from .quote import QuoteKind
from .run import RunKind
from .slides import SlidesKind
from .span import SpanKind
from .teaser import TeaserKind
from .zone import ZoneKind

KINDS = {kind.name: kind() for kind in (
    GuardKind, DebrisKind, LineKind, ContainsKind,
    PageKind, HeadKind, RunKind, TeaserKind, SpanKind, ZoneKind, QuoteKind, SlidesKind, InlineKind, DuplicateKind,
)}
