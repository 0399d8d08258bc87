"""Bytes to text at the edges (command line, hook): UTF-8 first, never a silent guess.

>>> decode_bytes("\\ufeffCafé".encode("utf-8"))
'Café'
>>> decode_bytes("Hi".encode("utf-16")), decode_bytes("Hi".encode("utf-32"))
('Hi', 'Hi')
>>> decode_bytes(b"caf\\xe9 au lait", name="menu.txt")
Traceback (most recent call last):
...
cleaner.io.decode.DecodeError: menu.txt: not UTF-8 at byte 3 (0xe9); name the encoding with --encoding
>>> decode_bytes(b"Advertisement\\n" * 9999 + b"\\x00", name="image.txt")
Traceback (most recent call last):
...
cleaner.io.decode.BinaryInputError: image.txt: binary file (NUL byte at offset 139986), skipped
"""
from __future__ import annotations

import codecs

# Longest first: the UTF-32 LE BOM (FF FE 00 00) starts with the UTF-16 LE one (FF FE).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class DecodeError(ValueError):
    """The bytes are not text in the expected encoding; the message names file and offset."""


class BinaryInputError(DecodeError):
    """The input holds NUL bytes (or decodes to NUL characters): a binary file, not text."""


def decode_bytes(data: bytes, name: str = "<stdin>", encoding: str | None = None) -> str:
    """Decode ``data``: a BOM decides (UTF-8, UTF-16, UTF-32), else UTF-8 or the named
    ``encoding``. A NUL byte anywhere (one ``memchr`` over the whole input) makes it a binary
    file, unless an ``encoding`` is named (UTF-16 without a BOM holds NUL bytes); whatever the
    encoding, a text that decodes to a NUL character is refused too, so that bytes read in
    the wrong encoding are never written back."""
    bom = next((codec for mark, codec in _BOMS if data.startswith(mark)), None)
    if bom in (None, "utf-8-sig") and encoding is None:
        offset = data.find(b"\x00")
        if offset >= 0:
            raise BinaryInputError(f"{name}: binary file (NUL byte at offset {offset}), skipped")
    text = _decode(data, bom or encoding or "utf-8", name)
    nul = text.find("\x00") if bom or encoding else -1  # (UTF-8 without NUL bytes has none)
    if nul >= 0:
        shown = (bom or encoding or "utf-8").upper().removesuffix("-SIG")
        raise BinaryInputError(f"{name}: binary file (NUL character at character {nul} once decoded as "
                               f"{shown}), skipped")
    return text


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        bad = data[err.start : err.start + 1].hex()
        shown = encoding.upper().removesuffix("-SIG")
        hint = "" if encoding.lower().replace("_", "-") not in ("utf-8", "utf8") else "; name the encoding with --encoding"
        raise DecodeError(f"{name}: not {shown} at byte {err.start} (0x{bad}){hint}") from None
    except LookupError:
        raise DecodeError(f"{name}: unknown encoding {encoding!r}") from None
