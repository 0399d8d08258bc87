"""Bytes to text at the edges (command line, hook): UTF-8 first, never a silent guess.

>>> decode_bytes("\\ufeffCafé".encode("utf-8"))
'Café'
>>> decode_bytes("Hi".encode("utf-16"))
'Hi'
>>> decode_bytes(b"caf\\xe9 au lait", name="menu.txt")
Traceback (most recent call last):
...
cleaner.io.decode.DecodeError: menu.txt: not UTF-8 at byte 3 (0xe9); name the encoding with --encoding
"""
from __future__ import annotations

import codecs


class DecodeError(ValueError):
    """The bytes are not text in the expected encoding; the message names file and offset."""


class BinaryInputError(DecodeError):
    """The input holds NUL bytes: it is a binary file, not text."""


def decode_bytes(data: bytes, name: str = "<stdin>", encoding: str | None = None) -> str:
    """Decode ``data``: a BOM decides (UTF-8, UTF-16), else UTF-8 or the named ``encoding``."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode(data[3:], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode(data, "utf-16", name)
    if b"\x00" in data[:65536] and encoding is None:
        offset = data.index(b"\x00")
        raise BinaryInputError(f"{name}: binary file (NUL byte at offset {offset}), skipped")
    return _decode(data, encoding or "utf-8", name)


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        hint = "" if encoding.lower().replace("_", "-") not in ("utf-8", "utf8") else "; name the encoding with --encoding"
        raise DecodeError(f"{name}: not {encoding.upper()} at byte {err.start} (0x{bad}){hint}") from None
    except LookupError:
        raise DecodeError(f"{name}: unknown encoding {encoding!r}") from None
