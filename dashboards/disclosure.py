"""Disclosure control for HR figures: the one function every page, chart, table and export
goes through before a figure about employees is shown.

Primary suppression: a figure about a group of 10 or fewer employees is not shown (the
rule of the law on sick-leave reporting, SFS 2002:1065; domain-facts.md §5). A group whose
size is unknown is treated as small: a figure is shown only when the group is known to be
large enough.

Secondary (complementary) suppression: a hidden cell must not be recoverable from the
shown ones. The parts of a total are the rows that share every other key and differ only
in one partitioning column (e.g. `gender` K and M under T, or each förvaltning under ALL);
total = Σ parts, so a group (total and parts) with exactly one hidden cell gives that cell
away, whether it is a part (total minus the others) or the total (the sum of the parts).
In such a group the smallest shown part is hidden too (the total only when no part is left).
This repeats until no group has a lone hidden cell, because hiding a cell for one partition
can leave a lone hidden cell in another. A total that is not in the frame counts as shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

THRESHOLD = 10  # groups of this many employees or fewer are not shown

SUPPRESSED = "suppressed"
SUPPRESSION_REASON = "suppression_reason"
PRIMARY = "primär"
SECONDARY = "sekundär"

FOOTNOTE = (
    "`..` = uppgiften visas inte. Uppgifter om grupper med 10 anställda eller färre redovisas "
    "inte (samma gräns som lagen om redovisning av sjukfrånvaro, SFS 2002:1065), och inte "
    "heller uppgifter som skulle göra det möjligt att räkna fram en sådan uppgift ur en "
    "redovisad summa."
)


@dataclass(frozen=True)
class Partition:
    """Rows whose `column` is not `total` are the parts of the row where it is `total`."""

    column: str
    total: str


def suppress(
    df: pd.DataFrame,
    *,
    group_size: str,
    value_columns: Sequence[str],
    keys: Sequence[str] = (),
    partitions: Sequence[Partition] = (),
    threshold: int = THRESHOLD,
) -> pd.DataFrame:
    """Return a copy of `df` with the figures that may not be shown set to missing.

    group_size: the column with the number of employees behind each row's figures.
    value_columns: the figures to hide (the group size itself is hidden too when it is
        listed here; it is not hidden otherwise, so pass it when it is shown).
    keys: the columns that identify a row (cell); partitions' columns must be among them.
    partitions: the additive breakdowns present in the frame (see Partition).

    Adds the boolean column `suppressed` and `suppression_reason` ('primär', 'sekundär'
    or None), so that a page can write the footnote and a chart can mark the gap.
    """
    for p in partitions:
        if p.column not in keys:
            raise ValueError(f"partition column {p.column!r} is not among the keys {keys!r}")
    out = df.copy()
    size = pd.to_numeric(out[group_size], errors="coerce")
    primary = (size.isna() | (size <= threshold)).to_numpy()
    hidden = primary.copy()
    reason = np.where(primary, PRIMARY, None).astype(object)

    # Each partition: a group id per row (the other keys) and whether the row is the total.
    layouts = []
    for p in partitions:
        others = [k for k in keys if k != p.column]
        group = (
            out.groupby(others, dropna=False, sort=False).ngroup().to_numpy()
            if others
            else np.zeros(len(out), dtype=int)
        )
        layouts.append((group, (out[p.column] == p.total).to_numpy()))

    # Smallest group first among candidates; row order breaks ties so the result is stable.
    rank = pd.DataFrame({"size": size.fillna(-1).to_numpy(), "row": np.arange(len(out))})
    changed = True
    while changed:
        changed = False
        for group, is_total in layouts:
            n_groups = int(group.max()) + 1 if len(group) else 0
            # total = Σ parts: with exactly one hidden cell in a group (total or part), that
            # cell is the shown total minus the shown parts, or the sum of the shown parts.
            lone = np.bincount(group, weights=hidden, minlength=n_groups) == 1
            needy = lone[group] & ~hidden
            if not needy.any():
                continue
            cand = rank[needy].assign(group=group[needy], is_total=is_total[needy])
            # A part rather than the total where the group has one, the smallest first.
            cand = cand.sort_values(["group", "is_total", "size", "row"])
            victims = cand.drop_duplicates("group")["row"].to_numpy()
            hidden[victims] = True
            reason[victims] = SECONDARY
            changed = True

    mask = pd.Series(hidden, index=out.index)
    for col in value_columns:
        out[col] = out[col].astype("float64").mask(mask)
    out[SUPPRESSED] = mask
    out[SUPPRESSION_REASON] = pd.Series(reason, index=out.index, dtype=object)
    return out


def any_suppressed(df: pd.DataFrame) -> bool:
    return SUPPRESSED in df.columns and bool(df[SUPPRESSED].any())
