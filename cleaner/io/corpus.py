"""``clean learn``: read a corpus (JSONL, text files, folders), learn each site's boilerplate,
write the site profiles. The learning passes, which ``clean --jsonl --learn`` runs too, are
in :mod:`cleaner.io.passes`.

    clean learn corpus.jsonl -o rules/learned/          # site from each record's site or url
    clean learn --by folder scraped/ -o rules/learned/  # a folder per site
    clean --rules rules/learned --jsonl corpus.jsonl > clean.jsonl

The passes run in worker processes (``-j``); the result is the same for any ``-j`` and any
order of documents (see :mod:`cleaner.learn`).
"""
from __future__ import annotations

import argparse
import os
import sys

from .files import InputError
from ..learn import LearnOptions, write_profiles
from .passes import count_files, fixed_site, record_text, text_file

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst", ".ndjson")


class CorpusError(ValueError):
    """A document the learner cannot place (no site) or read; the message names where."""


def documents(paths: list[str], text_field: str = "text", by: str = "record", site: str | None = None):
    """(site, text) for every document: JSONL records (site from ``site``/``url`` unless
    ``site`` is given; ``None`` when the record names none), text files (site: ``site``, or with ``by="folder"`` the file's folder),
    folders walked in sorted order (their ``*.txt`` and JSONL files)."""
    from .streams import open_input

    for path in _files(paths):
        fixed = fixed_site(path, by, site)
        if path.endswith(JSONL_SUFFIXES):
            with open_input(path) as lines:
                for number, raw in enumerate(lines, 1):
                    if raw.strip():
                        found = record_text(raw, fixed, text_field, path, lambda: number)
                        if found:  # (a null text has no lines to learn; no site: counted, not learned from)
                            yield found
        else:
            yield fixed, text_file(path, fixed)


def _files(paths: list[str]):
    for path in paths:
        if os.path.isdir(path):
            for folder, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.endswith((".txt", *JSONL_SUFFIXES)):
                        yield os.path.join(folder, name)
        else:
            yield path


# --- the subcommand ----------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    defaults = LearnOptions()
    parser = argparse.ArgumentParser(
        prog="clean learn", description="Learn each site's boilerplate lines from a corpus and write "
        "one rule file per site (OUT/site/<site>.toml), for --rules OUT.")
    parser.add_argument("inputs", nargs="+", metavar="PATH", help="JSONL files (.gz, .zst), text files, folders")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="the rules folder to write")
    parser.add_argument("--by", choices=("record", "folder"), default="record",
                        help="where a document's site comes from: the record's site/url field, or its folder")
    parser.add_argument("--site", metavar="HOST", help="every document is of this site")
    parser.add_argument("--text-field", default="text", metavar="NAME", help="JSONL field of the text (text)")
    parser.add_argument("--min-docs", type=int, default=defaults.min_docs, metavar="N",
                        help=f"a line must be in N stories or more ({defaults.min_docs})")
    parser.add_argument("--min-share", type=float, default=defaults.min_share, metavar="F",
                        help=f"... and in this share of the site's stories or more ({defaults.min_share})")
    parser.add_argument("--max-words", type=int, default=defaults.max_words, metavar="N",
                        help=f"longer lines are never learned ({defaults.max_words})")
    parser.add_argument("--rules", action="append", default=[], metavar="DIR",
                        help="extra rule folders: lines they already drop are not learned")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N")
    parser.add_argument("-q", "--quiet", action="store_true")
    return parser


def options_from(args) -> LearnOptions:
    from ..config import Config

    if args.min_docs < 2 or not 0 <= args.min_share <= 1 or args.max_words < 1:
        raise CorpusError("--min-docs takes 2 or more, --max-words 1 or more, --min-share a share from 0 to 1")
    return LearnOptions(min_docs=args.min_docs, min_share=args.min_share, max_words=args.max_words,
                        config=Config(rule_dirs=tuple(args.rules)))


def learn_main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        options = options_from(args)
        counts = count_files(args.inputs, options, args.jobs, args.text_field, args.by, args.site)
        profiles = counts.profiles()
        written = write_profiles(profiles, args.output)
    except (CorpusError, InputError) as err:
        print(f"clean: error: {err}", file=sys.stderr)
        return 2
    if not args.quiet:
        sites = len({site for site, _ in counts.representative})
        lines = sum(len(p.lines) for p in profiles.values())
        unplaced = counts.unplaced
        print(f"clean: learned {lines} lines of {len(written)} sites (of {sites}) into "
              f"{os.path.join(args.output, 'site')}"
              + (f"; {unplaced} documents name no site and taught nothing" if unplaced else ""), file=sys.stderr)
    return 0
