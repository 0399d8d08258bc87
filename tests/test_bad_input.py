"""Bad input fails clearly and loses nothing (issue 18): each test reproduces one finding.

Every error is one line on stderr naming the file (and the line or byte) and the problem,
the exit status is the one the exit-status table gives, and no file is half-written.
"""
from __future__ import annotations

import builtins
import codecs
import json
import os

import pytest

from cleaner.cli import main
from cleaner.decode import BinaryInputError, decode_bytes

NOISY = "Headline of the story today\nAdvertisement\nBody of the story, with words.\n"
CLEANED = "Headline of the story today\nBody of the story, with words.\n"


def folder_listing(folder) -> list[str]:
    return sorted(os.listdir(folder))


# --- 1. UTF-32 with a BOM ----------------------------------------------------------------

@pytest.mark.parametrize("data", [codecs.BOM_UTF32_LE + NOISY.encode("utf-32-le"),
                                  codecs.BOM_UTF32_BE + NOISY.encode("utf-32-be")],
                         ids=["le", "be"])
def test_utf32_with_bom_is_read_as_utf32_and_written_back_as_utf8(tmp_path, data):
    """FF FE 00 00 starts with the UTF-16 LE BOM: it was read as UTF-16 and rewritten as
    NUL-laden garbage."""
    assert decode_bytes(data) == NOISY
    path = tmp_path / "utf32.txt"
    path.write_bytes(data)
    assert main(["--in-place", "-q", str(path)]) == 1
    assert path.read_bytes() == CLEANED.encode("utf-8")


def test_text_that_decodes_to_nul_characters_is_refused_as_binary():
    """Whatever the BOM says, a decoded text holding NUL is not text: never written back."""
    with pytest.raises(BinaryInputError, match=r"story.txt: binary file \(NUL character at character 0"):
        decode_bytes(codecs.BOM_UTF16_BE + "\x00Advertisement".encode("utf-16-be"), "story.txt")


# --- 2. NUL after the first 64 KB ----------------------------------------------------------

@pytest.mark.parametrize("mode", [[], ["--explain"]])
def test_nul_byte_anywhere_marks_a_binary_file(tmp_path, capsys, mode):
    """(The exit status of the other modes: test_binary_file_exits_2_in_every_mode.)"""
    data = NOISY.encode() * 2000 + b"\x00tail\n"
    offset = data.index(b"\x00")
    assert offset > 65536
    path = tmp_path / "late-nul.txt"
    path.write_bytes(data)
    assert main([*mode, str(path)]) == 2
    captured = capsys.readouterr()
    assert f"late-nul.txt: binary file (NUL byte at offset {offset}), skipped" in captured.err
    assert captured.out == ""
    assert path.read_bytes() == data
    main(["--in-place", str(path)])
    assert path.read_bytes() == data
