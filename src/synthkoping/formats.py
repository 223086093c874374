"""Landing-file formatting: quoting, decimal comma, encodings, line endings."""

from __future__ import annotations

import random
from pathlib import Path
from types import TracebackType

from synthkoping.common import Stats

NBSP = "\u00a0"
_FLUSH_EVERY = 4096


def quote(value: str) -> str:
    # Only `;` and `"` trigger quoting, the way Excel-style exporters write it; quoting
    # more would hide whether the reader really implements the rule.
    if ";" in value or '"' in value:
        return '"' + value.replace('"', '""') + '"'
    return value


def join(fields: list[str]) -> str:
    return ";".join(quote(f) for f in fields)


def dec(value: float, decimals: int = 1) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def money(value: float, rng: random.Random | None = None, group_share: float = 0.0) -> str:
    """SEK with decimal comma; some exporters group thousands with space or NBSP."""
    text = f"{value:.2f}"
    if rng is None or rng.random() >= group_share or abs(value) < 1000:
        return text.replace(".", ",")
    sep = NBSP if rng.random() < 0.5 else " "
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, frac = digits.split(".")
    groups = []
    while whole:
        groups.append(whole[-3:])
        whole = whole[:-3]
    return sign + sep.join(reversed(groups)) + "," + frac


class Delivery:
    """One delivery file, streamed; rows are buffered in small chunks only."""

    def __init__(
        self,
        root: Path,
        relpath: str,
        header: list[str],
        *,
        kind: str,
        stats: Stats,
        encoding: str = "utf-8",
        bom: bool = False,
        crlf: bool = False,
    ) -> None:
        self.path = root / relpath
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.kind = kind
        self.stats = stats
        self.encoding = encoding
        self.nl = "\r\n" if crlf else "\n"
        self.rows = 0
        self._buf: list[str] = []
        self._fh = open(self.path, "wb", buffering=1 << 20)  # noqa: SIM115
        if bom:
            self._fh.write(b"\xef\xbb\xbf")
        self._fh.write((join(header) + self.nl).encode(encoding))

    def row(self, fields: list[str]) -> None:
        self.line(join(fields))

    def line(self, text: str) -> None:
        """A pre-joined line (hot path for the big entities, whose fields never need quotes)."""
        self._buf.append(text)
        self.rows += 1
        if len(self._buf) >= _FLUSH_EVERY:
            self._flush()

    def raw(self, payload: bytes) -> None:
        """A line given as bytes, for rows that must be invalid in the file's encoding."""
        self._flush()
        self._fh.write(payload + self.nl.encode())
        self.rows += 1

    def _flush(self) -> None:
        if self._buf:
            self._fh.write((self.nl.join(self._buf) + self.nl).encode(self.encoding))
            self._buf.clear()

    def close(self) -> None:
        self._flush()
        self._fh.close()
        self.stats.add(self.kind, 1, self.rows)

    def __enter__(self) -> Delivery:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
