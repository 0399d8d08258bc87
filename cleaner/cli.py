"""The ``clean`` command: ``main(argv) -> int``; 0 unchanged or cleaned to stdout, 1 changed
(``--check``, ``--in-place``, ``--diff``), 2 error. Errors are one line on stderr, never a traceback.

>>> main(["--version"])  # doctest: +ELLIPSIS
clean ...
0
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import sys

from . import __version__
from .config import Config
from .decode import BinaryInputError, DecodeError, decode_bytes
from .explain import explain_json, explain_text, summarize
from .files import InputError, read_input, write_atomic
from .pipeline import Cleaner
from .rules import CATEGORIES, RuleError, load_rules

EXAMPLES = """\
examples:
  clean story.txt > story.clean.txt     clean one file to stdout
  cat story.txt | clean                 read standard input
  clean --explain story.txt             which rule removed which line
  clean --explain=json a.txt b.txt      the same as JSON, one object per file
  clean --check incoming/*.txt          exit 1 if any file would change
  clean --diff story.txt                show the change as a unified diff
  clean --in-place incoming/*.txt       rewrite files safely (atomic replace)
  clean --ignore captions story.txt     keep photo captions
  clean --select ads,share story.txt    run only these categories (and the guards)
  clean --rules my-rules/ story.txt     add your own rule files
  clean --list-rules                    the rule catalogue

exit status: 0 nothing changed (or text written to stdout), 1 files changed or would
change (--check, --diff, --in-place), 2 an error (bad file, bad rule, bad option).
"""

OK, CHANGED, ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clean",
        description="Remove boilerplate and noise lines from scraped news text "
        "and say which rule removed what.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="text files; '-' or none for standard input")
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--explain", choices=("text", "json"), metavar="[=json]",
                        help="print the dropped lines with their rule instead of the text "
                        "(--explain=json: one JSON object per file)")
    action.add_argument("-i", "--in-place", action="store_true", help="rewrite each file that changes")
    action.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    action.add_argument("--diff", action="store_true", help="print a unified diff; write nothing")
    action.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    action.add_argument("--show-rule", metavar="ID", help="print one rule file and exit")
    parser.add_argument("--select", action="append", default=[], metavar="IDS",
                        help="run only these rule ids or categories (comma-separated, repeatable)")
    parser.add_argument("--ignore", action="append", default=[], metavar="IDS",
                        help="do not run these rule ids or categories")
    parser.add_argument("--rules", action="append", default=[], metavar="DIR",
                        help="a folder of extra rule files (<category>/<id>.toml)")
    parser.add_argument("--encoding", metavar="NAME", help="input encoding when it is not UTF-8")
    parser.add_argument("-q", "--quiet", action="store_true", help="no per-file messages on stderr")
    parser.add_argument("--version", action="version", version=f"clean {__version__}")
    return parser


def _names(values: list[str]) -> tuple[str, ...]:
    return tuple(n.strip() for v in values for n in v.split(",") if n.strip())


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # a bare --explain means text; only --explain=json takes a value, so FILE is never eaten
    argv = ["--explain=text" if a == "--explain" else a for a in argv]
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0) and ERROR
    try:
        config = Config(select=_names(args.select), ignore=_names(args.ignore),
                        rule_dirs=tuple(args.rules))
        cleaner = Cleaner(config)
        if args.list_rules:
            return _list_rules(config)
        if args.show_rule:
            return _show_rule(config, args.show_rule)
        return _run(cleaner, args)
    except RuleError as err:
        return _error(str(err))
    except BrokenPipeError:  # `clean big.txt | head -1`: the reader left; stop quietly
        _silence_stdout()
        return OK
    except KeyboardInterrupt:
        return 130


def _run(cleaner: Cleaner, args) -> int:
    files = args.files or ["-"]
    if "-" in files and sys.stdin.isatty() and not args.files:
        return _error("no input: give a FILE or pipe text to standard input (see clean --help)")
    if (args.in_place or args.check) and "-" in files:
        return _error("--in-place and --check work on files, not standard input")
    status = OK
    for name in files:
        status = max(status, _clean_one(cleaner, name, args))
    return status


def _clean_one(cleaner: Cleaner, name: str, args) -> int:
    label = "<stdin>" if name == "-" else name
    try:
        text = decode_bytes(read_input(name), label, args.encoding)  # the bytes are freed here
    except BinaryInputError as err:
        _note(args, str(err))
        return OK if (args.in_place or args.check or args.diff) else ERROR
    except (InputError, DecodeError) as err:
        return _error(str(err))
    if not (args.explain or args.in_place or args.check or args.diff):
        _write(cleaner.clean(text))  # no trace needed: less memory on very large files
        return OK
    result = cleaner.run(text)
    if args.explain == "json":
        _write(json.dumps(explain_json(result.trace, label), ensure_ascii=False) + "\n")
        return OK
    if args.explain:
        report = explain_text(result.trace, label)
        _write(report + "\n" if report else "")
        return OK
    if result.text == text:
        return OK
    problem = _unsafe(text, result.text)
    if problem:
        return _error(f"{label}: refusing to write: {problem}")
    if args.diff:
        _write("".join(difflib.unified_diff(text.splitlines(True), result.text.splitlines(True),
                                            f"a/{label}", f"b/{label}")))
    elif args.check:
        _note(args, f"would clean {label}: {summarize(result.trace)}")
    else:
        try:
            write_atomic(name, result.text.encode("utf-8"))
        except InputError as err:
            return _error(str(err))
        _note(args, f"cleaned {label}: {summarize(result.trace)}")
    return CHANGED


def _unsafe(before: str, after: str) -> str:
    """Why ``after`` must not replace ``before`` (empty if it is safe)."""
    from .document import has_words
    from .normalize import normalize

    kept = iter(normalize(before))
    if not all(any(line == source for source in kept) for line in after.splitlines() if line):
        return "the output is not a subsequence of the input lines (a bug; please report it)"
    if has_words(before) and not has_words(after):
        return "every word of the text would be removed"
    return ""


def _list_rules(config: Config) -> int:
    rules = load_rules(config)
    width = max(len(r.full_id) for r in rules)
    for category in CATEGORIES:
        for rule in (r for r in rules if r.category == category):
            _write(f"{rule.full_id:<{width}}  {rule.kind:<9}  {rule.summary}\n")
    return OK


def _show_rule(config: Config, rule_id: str) -> int:
    rule = next((r for r in load_rules(Config(rule_dirs=config.rule_dirs)) if r.full_id == rule_id
                 or r.id == rule_id), None)
    if rule is None:
        return _error(f"no rule named {rule_id!r} (see clean --list-rules)")
    with open(rule.path, encoding="utf-8") as handle:
        _write(f"# {rule.full_id}  ({os.path.relpath(rule.path) if not os.path.isabs(rule.path) else rule.path})\n")
        _write(handle.read())
    return OK


def _write(text: str, chunk: int = 1 << 20) -> None:
    """Write UTF-8 to stdout in 1 MB pieces (no second full copy of a large output)."""
    for start in range(0, len(text), chunk):
        sys.stdout.buffer.write(text[start : start + chunk].encode("utf-8"))
    sys.stdout.buffer.flush()


def _note(args, message: str) -> None:
    if not args.quiet:
        print(f"clean: {message}", file=sys.stderr)


def _error(message: str) -> int:
    print(f"clean: error: {message}", file=sys.stderr)
    return ERROR


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
