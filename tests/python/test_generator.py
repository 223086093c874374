"""Invariants of the Synthköping demo-data generator (the landing-zone contract)."""

from __future__ import annotations

import csv
import hashlib
import re
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import pytest

from synthkoping.cli import generate
from synthkoping.common import Config

SCALE = 0.02
HEADERS = {
    "master/organisation": "ansvar;enhet_id;enhetsnamn;forvaltning_kod;forvaltning_namn;"
    "giltig_fran;giltig_till",
    "hr/anstallningar": "anstallnings_id;personnummer;enhet_id;befattning;yrkesgrupp;"
    "anstallningsform;sysselsattningsgrad;heltidsmatt_timmar;manadslon;fran_datum;till_datum",
    "hr/franvaro": "franvaro_id;anstallnings_id;orsak;fran_datum;till_datum;omfattning;makulerad",
    "ekonomi/huvudbok": "verifikation;rad;bokforingsdatum;period;konto;ansvar;verksamhet;"
    "aktivitet;motpart;belopp;text",
    "ekonomi/budget": "ar;ansvar;verksamhet;konto;belopp",
    "bygglov/arenden": "diarienummer;arendetyp;inkom_datum;komplett_datum;beslut_datum;beslut;"
    "distrikt_kod",
    "forskola/ansokningar": "ansokan_id;barn_personnummer;ansokningsdatum;onskat_startdatum;"
    "erbjudet_datum;status;distrikt_kod",
    "omsorg/besok": "besok_id;brukare_personnummer;personal_id;insatstyp;planerad_start;"
    "utford_start;utford_slut",
    "scb/befolkning": "ar;distrikt_kod;distrikt_namn;kon;alder;antal",
}
PATTERNS = {
    "master/organisation": r"master/organisation_\d{4}-\d{2}-\d{2}\.csv",
    "hr/anstallningar": r"hr/anstallningar_\d{4}-\d{2}-\d{2}\.csv",
    "hr/franvaro": r"hr/franvaro_\d{4}-\d{2}-\d{2}\.csv",
    "ekonomi/huvudbok": r"ekonomi/huvudbok_\d{6}_\d{8}\.csv",
    "ekonomi/budget": r"ekonomi/budget_\d{4}\.csv",
    "bygglov/arenden": r"bygglov/arenden_\d{4}-\d{2}-\d{2}\.csv",
    "forskola/ansokningar": r"forskola/ansokningar_\d{4}-\d{2}-\d{2}\.csv",
    "omsorg/besok": r"omsorg/besok_\d{4}-\d{2}\.csv",
    "scb/befolkning": r"scb/befolkning_\d{4}\.csv",
}
BOM_KINDS = {"hr/anstallningar", "hr/franvaro", "bygglov/arenden", "forskola/ansokningar",
             "omsorg/besok"}
KEYS = {"hr/anstallningar": (0,), "hr/franvaro": (0,), "ekonomi/huvudbok": (3, 0, 1),
        "bygglov/arenden": (0,), "forskola/ansokningar": (0,), "omsorg/besok": (0,)}
ENUMS = {
    "hr/anstallningar": {5: {"Tillsvidare", "Visstid", "Timavlönad"}},
    "hr/franvaro": {2: {"Sjuk", "Föräldraledig", "VAB", "Semester", "Tjänstledig"},
                    6: {"J", "N"}},
    "bygglov/arenden": {5: {"Beviljat", "Avslag", "Avskrivet", ""}},
    "forskola/ansokningar": {5: {"Erbjuden", "Väntar", "Återtagen"}},
    "scb/befolkning": {3: {"1", "2"}},
}
DATES = {"hr/anstallningar": (9, 10), "hr/franvaro": (3, 4), "ekonomi/huvudbok": (2,),
         "bygglov/arenden": (2, 3, 4), "forskola/ansokningar": (2, 3, 4)}
NUMBERS = {"hr/anstallningar": (6,), "hr/franvaro": (5,), "ekonomi/huvudbok": (9,)}
PNR = {"hr/anstallningar": 1, "forskola/ansokningar": 1, "omsorg/besok": 1}
ROOT = Path(__file__).resolve().parents[2]


# ---- fixtures: generate once per session ---------------------------------------------


def _run(tmp: Path, seed: int) -> Path:
    out = tmp / f"landing_{seed}"
    generate(Config(out=out, scale=SCALE, seed=seed, jobs=2))
    return out


@pytest.fixture(scope="session")
def landing(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("a"), 42)


def _digests(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*.csv"))}


def _kind(rel: str) -> str:
    return rel.rsplit("_", 2)[0] if "huvudbok" in rel else rel.rsplit("_", 1)[0]


@pytest.fixture(scope="session")
def files(landing: Path) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = defaultdict(list)
    for p in sorted(landing.rglob("*.csv")):
        out[_kind(str(p.relative_to(landing)))].append(p)
    return out


class Parsed:
    """Rows of one entity as a reader following the contract sees them."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, int, list[str]]] = []  # (file, line, fields)
        self.bad_encoding: list[tuple[str, int]] = []
        self.bad_header: list[str] = []
        self.total = 0


def _parse(paths: list[Path], kind: str) -> Parsed:
    parsed = Parsed()
    enc = "latin-1" if kind.startswith("ekonomi") else "utf-8"
    for path in paths:
        data = path.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        header = lines[0].rstrip(b"\r").decode(enc)
        if header != HEADERS[kind]:
            parsed.bad_header.append(path.name)
            parsed.total += len(lines) - 1
            continue
        for no, raw in enumerate(lines[1:], start=2):
            parsed.total += 1
            try:
                text = raw.rstrip(b"\r").decode(enc)
            except UnicodeDecodeError:
                parsed.bad_encoding.append((path.name, no))
                continue
            fields = next(csv.reader([text], delimiter=";", quotechar='"'))
            parsed.rows.append((path.name, no, fields))
    return parsed


@pytest.fixture(scope="session")
def parsed(files: dict[str, list[Path]]) -> dict[str, Parsed]:
    return {kind: _parse(paths, kind) for kind, paths in files.items()}


# ---- validity rules (what the platform's staging must catch) ----------------------------


def _luhn_ok(ten: str) -> bool:
    total = 0
    for i, ch in enumerate(ten[:9]):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return (10 - total % 10) % 10 == int(ten[9])


def pnr_problem(pnr: str) -> str | None:
    m = re.fullmatch(r"(\d{2})?(\d{2})(\d{2})(\d{2})[-+](\d{4})", pnr)
    if not m:
        return "format"
    century, yy, mm, dd, tail = m.groups()
    day = int(dd) - 60 if int(dd) > 60 else int(dd)
    try:
        date(int((century or "19") + yy), int(mm), day)
    except ValueError:
        return "date"
    if not _luhn_ok(yy + mm + dd + tail):
        return "check_digit"
    return None


def _date_ok(s: str) -> bool:
    if s == "":
        return True
    try:
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) is not None and bool(date.fromisoformat(s))
    except ValueError:
        return False


def _ts_ok(s: str) -> bool:
    if s == "":
        return True
    try:
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", s)) and bool(
            datetime.strptime(s, "%Y-%m-%d %H:%M"))
    except ValueError:
        return False


def _number_ok(s: str) -> bool:
    return re.fullmatch(r"-?\d{1,3}([ \u00a0]\d{3})*(,\d+)?|-?\d+(,\d+)?", s) is not None


def problems(kind: str, fields: list[str]) -> list[str]:
    ncols = HEADERS[kind].count(";") + 1
    if len(fields) != ncols:
        return ["field_count_high" if len(fields) > ncols else "field_count_low"]
    out = []
    if kind in PNR and (p := pnr_problem(fields[PNR[kind]])):
        out.append(f"pnr_{p}")
    for i, allowed in ENUMS.get(kind, {}).items():
        if fields[i] not in allowed:
            out.append(f"enum_{i}")
    for i in DATES.get(kind, ()):
        if not _date_ok(fields[i]):
            out.append("date")
    for i in NUMBERS.get(kind, ()):
        if not _number_ok(fields[i]):
            out.append("number")
    if kind == "omsorg/besok" and not all(_ts_ok(f) for f in fields[4:7]):
        out.append("timestamp")
    if kind in ("hr/anstallningar", "hr/franvaro"):
        a, b = DATES[kind]
        if _date_ok(fields[a]) and _date_ok(fields[b]) and fields[b] and fields[b] < fields[a]:
            out.append("till_before_fran")
    return out


def duplicate_keys(kind: str, p: Parsed) -> int:
    per_file: dict[str, Counter] = defaultdict(Counter)
    for name, _no, f in p.rows:
        if len(f) == HEADERS[kind].count(";") + 1:
            per_file[name][tuple(f[i] for i in KEYS[kind])] += 1
    return sum(1 for c in per_file.values() for n in c.values() if n > 1)


# ---- tests ---------------------------------------------------------------------------


def test_deterministic_same_seed_and_different_seed(
    landing: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    again = _run(tmp_path_factory.mktemp("b"), 42)
    assert _digests(landing) == _digests(again)
    other = _run(tmp_path_factory.mktemp("c"), 7)
    da, do = _digests(landing), _digests(other)
    changed = [k for k in da if da[k] != do.get(k)]
    assert len(changed) > len(da) * 0.8


def test_every_file_matches_a_contract_pattern(landing: Path, files: dict) -> None:
    rels = [str(p.relative_to(landing)) for p in landing.rglob("*")if p.is_file()]
    for rel in rels:
        assert any(re.fullmatch(pat, rel) for pat in PATTERNS.values()), rel
    for kind in PATTERNS:
        assert files.get(kind), f"no {kind} files"
    assert len(files["ekonomi/huvudbok"]) > 60  # 60 periods plus at least one re-delivery
    assert len(files["omsorg/besok"]) == 60
    assert len(files["scb/befolkning"]) == 5


def test_headers_exact_except_the_planted_bad_header(parsed: dict[str, Parsed]) -> None:
    bad = {k: p.bad_header for k, p in parsed.items() if p.bad_header}
    assert list(bad) == ["bygglov/arenden"] and len(bad["bygglov/arenden"]) == 1


def test_encodings_bom_and_line_endings(files: dict[str, list[Path]]) -> None:
    for kind, paths in files.items():
        for p in paths:
            data = p.read_bytes()
            assert data.startswith(b"\xef\xbb\xbf") == (kind in BOM_KINDS), p.name
            if kind.startswith("hr/") or kind.startswith("ekonomi/"):
                assert data.count(b"\n") == data.count(b"\r\n"), p.name
            elif kind in ("omsorg/besok", "scb/befolkning", "master/organisation"):
                assert b"\r" not in data, p.name
            if kind in ("scb/befolkning", "master/organisation"):
                data.decode("utf-8")
    ledger = b"".join(p.read_bytes() for p in files["ekonomi/huvudbok"])
    assert b"\xe4" in ledger or b"\xf6" in ledger  # Latin-1 ä/ö
    assert b"\xc3" not in ledger  # no UTF-8 sequences in a Latin-1 file
    assert re.search(rb";-?\d{1,3}\xa0\d{3},\d\d;", ledger)  # NBSP thousands separator
    assert re.search(rb";-?\d{1,3} \d{3},\d\d;", ledger)
    assert b';"' in ledger and b'""' in ledger  # quoted fields with ; and doubled quotes


def test_header_only_delivery_exists(files: dict[str, list[Path]]) -> None:
    empty = [p for paths in files.values() for p in paths
             if len(p.read_bytes().lstrip(b"\xef\xbb\xbf").splitlines()) == 1]
    assert empty


def test_every_fault_kind_is_planted(parsed: dict[str, Parsed], files: dict) -> None:
    found: dict[str, Counter] = {}
    for kind, p in parsed.items():
        c: Counter = Counter()
        for _name, _no, f in p.rows:
            c.update(problems(kind, f))
        found[kind] = c
    for kind in ("hr/anstallningar", "forskola/ansokningar", "omsorg/besok"):
        for what in ("pnr_check_digit", "pnr_date", "pnr_format"):
            assert found[kind][what] > 0, (kind, what)
    for kind in ("hr/anstallningar", "hr/franvaro", "ekonomi/huvudbok", "bygglov/arenden",
                 "forskola/ansokningar", "omsorg/besok"):
        assert found[kind]["field_count_high"] > 0, kind
        assert found[kind]["field_count_low"] > 0, kind
        assert duplicate_keys(kind, parsed[kind]) > 0, kind
    for kind in ("hr/anstallningar", "hr/franvaro", "bygglov/arenden", "forskola/ansokningar",
                 "omsorg/besok"):
        assert parsed[kind].bad_encoding, kind
    for kind in ("hr/anstallningar", "hr/franvaro"):
        assert found[kind]["till_before_fran"] > 0, kind
    assert found["hr/anstallningar"]["enum_5"] > 0
    assert found["hr/franvaro"]["enum_2"] > 0 and found["hr/franvaro"]["enum_6"] > 0
    assert found["bygglov/arenden"]["enum_5"] > 0
    assert found["forskola/ansokningar"]["enum_5"] > 0
    assert found["scb/befolkning"]["enum_3"] > 0
    for kind in ("hr/anstallningar", "hr/franvaro", "ekonomi/huvudbok"):
        assert found[kind]["number"] > 0, kind
    for kind in ("hr/anstallningar", "ekonomi/huvudbok", "bygglov/arenden"):
        assert found[kind]["date"] > 0, kind
    assert found["omsorg/besok"]["timestamp"] > 0


def _org(parsed: dict[str, Parsed]) -> list[list[str]]:
    latest: dict[tuple[str, str], list[str]] = {}
    for _name, _no, f in parsed["master/organisation"].rows:  # files are in date order
        latest[(f[0], f[5])] = f
    return list(latest.values())


def _valid(org: list[list[str]], col: int, code: str, on: str) -> bool:
    return any(r[col] == code and r[5] <= on and (r[6] == "" or on <= r[6]) for r in org)


def test_unmapped_org_codes_are_planted(parsed: dict[str, Parsed]) -> None:
    org = _org(parsed)
    assert any(r[6] for r in org)  # a reorganisation closed some versions
    moved = Counter(r[0] for r in org)
    assert any(n > 1 for n in moved.values())  # and opened new ones for the same ansvar
    hr_unmapped = [f for _n, _l, f in parsed["hr/anstallningar"].rows
                   if len(f) == 11 and _date_ok(f[9]) and f[9]
                   and not _valid(org, 1, f[2], f[9])]
    assert hr_unmapped
    gl_unmapped = [f for _n, _l, f in parsed["ekonomi/huvudbok"].rows
                   if len(f) == 11 and _date_ok(f[2]) and not _valid(org, 0, f[5], f[2])]
    assert gl_unmapped
    n = len(parsed["ekonomi/huvudbok"].rows)
    assert len(gl_unmapped) < 0.01 * n


def test_fault_rate_is_low(parsed: dict[str, Parsed]) -> None:
    for kind, p in parsed.items():
        good = sum(1 for _n, _l, f in p.rows if not problems(kind, f))
        bad_header_rows = 0
        if p.bad_header:
            bad_header_rows = p.total - len(p.rows) - len(p.bad_encoding)
        faulty = p.total - bad_header_rows - good
        assert p.total > 0
        assert faulty / (p.total - bad_header_rows) < 0.02, (kind, faulty, p.total)


def test_personnummer_valid_and_special_forms(parsed: dict[str, Parsed]) -> None:
    for kind, col in PNR.items():
        values = [f[col] for _n, _l, f in parsed[kind].rows if len(f) > col]
        ok = [v for v in values if pnr_problem(v) is None]
        assert len(ok) / len(values) > 0.98, kind
    care = [f[1] for _n, _l, f in parsed["omsorg/besok"].rows if len(f) == 7]
    assert all(re.fullmatch(r"\d{6}[-+]\d{4}", v) for v in care if pnr_problem(v) is None)
    assert any("+" in v for v in care)
    hr = {f[1] for _n, _l, f in parsed["hr/anstallningar"].rows if len(f) == 11}
    assert any(int(v[6:8]) > 60 for v in hr if pnr_problem(v) is None)  # samordningsnummer


def test_sex_ratios(parsed: dict[str, Parsed]) -> None:
    staff = {f[1] for _n, _l, f in parsed["hr/anstallningar"].rows
             if len(f) == 11 and pnr_problem(f[1]) is None}
    women = sum(1 for v in staff if int(v[11]) % 2 == 0)
    assert 0.70 < women / len(staff) < 0.84
    pop = [f for _n, _l, f in parsed["scb/befolkning"].rows if f[3] in ("1", "2")]
    old = [f for f in pop if f[4] == "100+" or int(f[4]) >= 80]
    w80 = sum(int(f[5]) for f in old if f[3] == "2") / sum(int(f[5]) for f in old)
    assert 0.54 < w80 < 0.65
    total_2024 = sum(int(f[5]) for f in pop if f[0] == "2024")
    assert abs(total_2024 - 145000 * SCALE) < 0.03 * 145000 * SCALE


def test_codes_are_in_seeds(parsed: dict[str, Parsed]) -> None:
    with open(ROOT / "seeds/kommunbas_accounts.csv", encoding="utf-8") as fh:
        acc = list(csv.DictReader(fh))
    with open(ROOT / "seeds/scb_activities.csv", encoding="utf-8") as fh:
        act = list(csv.DictReader(fh))
    assert list(acc[0]) == ["account_code", "account_name", "account_class",
                            "account_class_name", "account_group", "account_group_name"]
    assert list(act[0]) == ["activity_code", "activity_name", "activity_group_code",
                            "activity_group_name"]
    for a in acc:
        assert a["account_class"] == a["account_code"][0]
        assert a["account_group"] == a["account_code"][:2]
    accounts = {a["account_code"] for a in acc}
    activities = {a["activity_code"] for a in act}
    assert not activities & {"190", "290", "390", "490", "590", "690", "790", "890", "900"}
    for kind, (k, v) in (("ekonomi/huvudbok", (4, 6)), ("ekonomi/budget", (3, 2))):
        rows = [f for _n, _l, f in parsed[kind].rows if len(f) == HEADERS[kind].count(";") + 1]
        assert {f[k] for f in rows} <= accounts
        assert {f[v] for f in rows if f[v]} <= activities


def test_volumes_and_rates(parsed: dict[str, Parsed]) -> None:
    gl = [f for _n, _l, f in parsed["ekonomi/huvudbok"].rows
          if len(f) == 11 and not problems("ekonomi/huvudbok", f)]
    latest_file: dict[str, str] = {}
    for name, _l, f in parsed["ekonomi/huvudbok"].rows:
        latest_file[f[3] if len(f) == 11 else ""] = max(name, latest_file.get(f[3], ""))
    names = {n for n, _l, _f in parsed["ekonomi/huvudbok"].rows}
    net24 = sum(float(f[9].replace(" ", "").replace("\u00a0", "").replace(",", "."))
                for f in gl if f[3].startswith("2024") and f[4][0] in "34567")
    assert len(names) > len(latest_file) - 1  # at least one period delivered twice
    assert abs(net24 - 10.5e9 * SCALE) < 0.10 * 10.5e9 * SCALE
    cases = {}
    for _n, _l, f in parsed["bygglov/arenden"].rows:
        if not problems("bygglov/arenden", f):
            cases[f[0]] = f
    decided = [f for f in cases.values() if f[5] in ("Beviljat", "Avslag") and f[3]]
    within = sum((date.fromisoformat(f[4]) - date.fromisoformat(f[3])).days <= 70
                 for f in decided)
    assert 0.85 < within / len(decided) < 0.99
    visits = [f for _n, _l, f in parsed["omsorg/besok"].rows if len(f) == 7]
    not_done = sum(1 for f in visits if f[5] == "") / len(visits)
    assert 0.01 < not_done < 0.03
