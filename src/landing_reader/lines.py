"""Split a whole delivery file into lines with numpy: no Python loop per line.

A line ends at `\\n`; trailing `\\r`s are dropped (Windows exports), a UTF-8 BOM is dropped
from line 1, and empty lines are left out but still counted, so every kept line carries its
real line number (the header is line 1). The lines come out as one Arrow binary column
over the file's own bytes, ready for an engine to decode and split.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

BOM = b"\xef\xbb\xbf"
_NL, _CR = 10, 13


@dataclass(frozen=True)
class Lines:
    """The non-empty lines of one file, over the file's own bytes (no copy).

    Line i is `buf[starts[i]:ends[i]]`. For Arrow, line i's value runs from its start to the
    next kept line's start: its terminator and any empty lines after it come along, and a
    reader cuts them off with a right-trim of `\r` and `\n` (a line never ends in either).
    """

    numbers: np.ndarray  # int64, 1-based line numbers, ascending
    starts: np.ndarray  # int64
    ends: np.ndarray  # int64, after cutting `\n` and trailing `\r`s
    buf: np.ndarray  # uint8, the file

    def __len__(self) -> int:
        return len(self.numbers)

    def line(self, i: int) -> bytes:
        return self.buf[self.starts[i]:self.ends[i]].tobytes()

    def column(self) -> pa.Array:
        """The lines, terminators included, as an Arrow large_binary array over `buf`."""
        offsets = np.append(self.starts, len(self.buf) if len(self) else 0).astype(np.int64)
        return pa.Array.from_buffers(
            pa.large_binary(), len(self), [None, pa.py_buffer(offsets), pa.py_buffer(self.buf)])

    def drop_first(self) -> Lines:
        """The same lines without the first (the header)."""
        return Lines(self.numbers[1:], self.starts[1:], self.ends[1:], self.buf)


def split_lines(buf: np.ndarray) -> Lines:
    """Split a file's bytes (uint8) into its non-empty lines."""
    newlines = np.flatnonzero(buf == _NL)
    starts = np.concatenate(([0], newlines + 1))
    ends = np.concatenate((newlines, [len(buf)]))
    if len(buf) == 0 or buf[-1] == _NL:
        # The file ends with a line break: there is no line after it.
        starts, ends = starts[:-1], ends[:-1]
    if len(starts) and buf[:3].tobytes() == BOM:
        starts[0] += len(BOM)
    # Cut trailing `\r`s; usually one round (one `\r` per line), more only for odd input.
    while True:
        has_cr = ends > starts
        has_cr[has_cr] = buf[ends[has_cr] - 1] == _CR
        if not has_cr.any():
            break
        ends[has_cr] -= 1
    keep = ends > starts
    numbers = np.flatnonzero(keep).astype(np.int64) + 1
    return Lines(numbers, starts[keep], ends[keep], buf)


def read_lines(path: Path, encoding: str = "utf-8") -> Lines:
    """A file's lines as UTF-8 bytes. A Latin-1 file is re-encoded whole first (every byte is a
    character in Latin-1, and the line structure stays), so the engine decodes one encoding."""
    if encoding != "latin-1":
        return split_lines(np.fromfile(path, dtype=np.uint8))
    raw = path.read_bytes()
    head = BOM if raw.startswith(BOM) else b""
    raw = head + raw[len(head):].decode("latin-1").encode("utf-8")
    return split_lines(np.frombuffer(raw, dtype=np.uint8))


def data_lines(path: Path, chunk_bytes: int = 1 << 24) -> int:
    """How many rows the reader makes of a file: its non-empty lines after the header.

    Counted apart from `split_lines` (in chunks, another method) to check the reader: a
    line is non-empty when it holds a byte other than `\\r`.
    """
    non_empty = 0
    pending = False  # the line not yet ended by `\n` has content
    with path.open("rb") as handle:
        head = handle.read(len(BOM))
        chunk = b"" if head == BOM else head
        while True:
            buf = np.frombuffer(chunk, dtype=np.uint8)
            newlines = np.flatnonzero(buf == _NL)
            # Segments between this chunk's line breaks; the last is the unterminated tail.
            starts = np.concatenate(([0], newlines + 1))
            ends = np.concatenate((newlines, [len(buf)]))
            per_segment = ends > starts
            # A segment has content unless it is only `\r`s: decided by its first byte,
            # except for the few segments that start with `\r` (looked at one by one).
            per_segment[per_segment] = buf[starts[per_segment]] != _CR
            for k in np.flatnonzero((ends > starts) & ~per_segment):
                per_segment[k] = bool((buf[starts[k]:ends[k]] != _CR).any())
            if len(newlines):
                non_empty += int(pending or per_segment[0] > 0)
                non_empty += int(np.count_nonzero(per_segment[1:-1]))
                pending = bool(per_segment[-1] > 0)
            else:
                pending = pending or bool(per_segment[0] > 0)
            chunk = handle.read(chunk_bytes)
            if not chunk:
                break
    non_empty += int(pending)
    return max(non_empty - 1, 0)
