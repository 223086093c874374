"""Swedish personnummer and samordningsnummer (Skatteverket's rules)."""

from __future__ import annotations

import random
from datetime import date

from synthkoping.common import age_on


def luhn_digit(nine: str) -> int:
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10


def luhn_ok(ten: str) -> bool:
    return ten.isdigit() and len(ten) == 10 and luhn_digit(ten[:9]) == int(ten[9])


def make(
    rng: random.Random, birth: date, female: bool, samordning: bool = False
) -> str:
    """12-digit form `YYYYMMDD-NNNN` with a valid check digit."""
    day = birth.day + 60 if samordning else birth.day
    # The 9th digit carries the sex: even for women, odd for men.
    sex_digit = rng.randrange(0, 10, 2) if female else rng.randrange(1, 10, 2)
    serial = f"{rng.randint(0, 99):02d}{sex_digit}"
    ymd = f"{birth.year:04d}{birth.month:02d}{day:02d}"
    check = luhn_digit(ymd[2:] + serial)
    return f"{ymd}-{serial}{check}"


def to_ten(pnr12: str, birth: date, on: date) -> str:
    """10-digit form as the care system writes it; `+` once the person is 100 or older."""
    sep = "+" if age_on(birth, on) >= 100 else "-"
    return pnr12[2:8] + sep + pnr12[9:]


def bad_check_digit(pnr: str) -> str:
    return pnr[:-1] + str((int(pnr[-1]) + 1 + int(pnr[-2]) % 8) % 10)


def impossible_date(pnr: str) -> str:
    """Month 13 with a recomputed check digit, so only the date is wrong."""
    twelve = len(pnr) == 13
    head = pnr[:4] + "13" + pnr[6:8] if twelve else pnr[:2] + "13" + pnr[4:6]
    sep = pnr[-5]
    serial = pnr[-4:-1]
    check = luhn_digit(head[-6:] + serial)
    return f"{head}{sep}{serial}{check}"


def wrong_format(pnr: str) -> str:
    return pnr[:-1]  # one digit short: `YYYYMMDD-NNN`
