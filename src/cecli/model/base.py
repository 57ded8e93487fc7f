"""Shared field types for the council models.

Dates must be written `YYYY-MM-DD` (a number is refused: pydantic's lax mode would read 20251014 as
a Unix time); times `"HH:MM"`; school years `"2025-26"`; yes/no fields are `true`/`false` only.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, PrivateAttr, StrictBool

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})\Z")
_TIME = re.compile(r"(\d{1,2}):(\d{2})\Z")
_YEAR = re.compile(r"(\d{4})-(\d{2})\Z")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*\Z")
_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,3}\Z")

# The years a record may be dated in. Outside them a date is a typo (0001-01-01, 9999-12-31), and
# date arithmetic near Python's limits (year 1 and 9999) would fail far from the record.
FIRST_YEAR, LAST_YEAR = 1900, 2199
MOST = 1_000_000  # the largest count (minutes, guests, votes) a record may hold


def _show(value: Any) -> str:
    """A value as a message quotes it: a 1 MB string is cut to its start."""
    text = str(value) if isinstance(value, str) else repr(value)
    return text if len(text) <= 60 else f"{text[:59]}… ({len(text):,} characters)"


def _to_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _DATE.match(value):
        raise ValueError(f"`{_show(value)}` is not a date written as YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"`{_show(value)}` is not a real date (check the day and month)") from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(f"`{_show(value)}` is not a plausible date: cec keeps records dated {FIRST_YEAR} to {LAST_YEAR}")
    return day


def _to_time(value: Any) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        match = _TIME.match(value)
        if match:
            hour, minute = int(match[1]), int(match[2])
            if hour < 24 and minute < 60:
                return dt.time(hour, minute)
            raise ValueError(f'`{_show(value)}` is not a real time of day (use "00:00" to "23:59")')
    raise ValueError(f'`{_show(value)}` is not a time written as "HH:MM" in quotes, such as "18:30"')


def _to_moment(value: Any) -> dt.date | dt.datetime:
    """A date, or a date with a time ("2025-10-10 16:00")."""
    if isinstance(value, str):
        match = _DATETIME.match(value)
        if match:
            day = _to_date(match[1])
            return dt.datetime.combine(day, _to_time(f"{match[2]}:{match[3]}"))
    return _to_date(value)


def _school_year(value: Any) -> str:
    if not isinstance(value, str) or not _YEAR.match(value):
        raise ValueError(f'`{_show(value)}` is not a school year written like "2025-26" (in quotes)')
    start, end = int(value[:4]), int(value[5:])
    if not FIRST_YEAR <= start < LAST_YEAR:
        raise ValueError(f"`{_show(value)}` is not a plausible school year: cec keeps records dated {FIRST_YEAR} to {LAST_YEAR}")
    if (start + 1) % 100 != end:
        raise ValueError(f"`{_show(value)}` is not a school year: the second part must be the year after the first")
    return value


def _slug(value: Any) -> str:
    if not isinstance(value, str) or not _SLUG.match(value):
        raise ValueError(
            f"`{_show(value)}` is not a usable id: use lowercase letters, digits and dashes, such as `maria-lopez`"
        )
    return value


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None or not isinstance(value, (str, int, float)):
        raise ValueError("this should be text")
    text = str(value)
    bad = _CONTROL.search(text)
    if bad:  # a quoted "\0" in YAML: no document, page or calendar can hold it
        raise ValueError(f"this text holds a control character (U+{ord(bad.group()):04X}) that documents cannot hold")
    return text


def _web_link(value: Any) -> str:
    """A link to join online: an http(s) address (a calendar app opens it; a phone number or
    "see the email" is not one)."""
    from urllib.parse import urlsplit

    text = _text(value).strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in text):
        raise ValueError(f"`{text}` is not a web address: write the link to join online starting with "
                         "https://, such as https://meet.example.org/cec")
    return text


Day = Annotated[dt.date, BeforeValidator(_to_date)]
Clock = Annotated[dt.time, BeforeValidator(_to_time)]
Moment = Annotated[dt.date | dt.datetime, BeforeValidator(_to_moment)]
SchoolYear = Annotated[str, BeforeValidator(_school_year)]
Slug = Annotated[str, BeforeValidator(_slug)]
Text = Annotated[str, BeforeValidator(_text)]  # numbers allowed (a code like 0250), never booleans
WebLink = Annotated[str, BeforeValidator(_web_link)]  # an http(s) address
Flag = StrictBool


def _nonneg(value: int) -> int:
    if value < 0:
        raise ValueError("this cannot be negative")
    if value > MOST:
        raise ValueError(f"this number is larger than any count cec keeps (at most {MOST:,})")
    return value


def known_zone(name: Any) -> bool:
    """Whether `name` is a time zone of the IANA database ("America/Chicago"), looked up without
    ever reading a file outside the system's zone data (a name like `../../etc/passwd` is refused
    from its text alone)."""
    if not isinstance(name, str) or len(name) > 64 or not _ZONE.match(name):
        return False
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _zone(value: Any) -> str:
    text = _text(value)
    if not known_zone(text):
        raise ValueError(f"`{_show(text)}` is not a time zone name such as America/Chicago or America/New_York")
    return text


from pydantic import StrictInt  # noqa: E402

Count = Annotated[StrictInt, AfterValidator(_nonneg)]
TimeZone = Annotated[str, BeforeValidator(_zone)]


class Model(BaseModel):
    """Every council model refuses unknown fields (so typos are caught) and remembers where it was read."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, validate_default=False)

    # (file relative to the council folder, key path within it); set by the loader
    _at: tuple[str, tuple] = PrivateAttr(default=("", ()))

    def locate(self, file: str, path: tuple) -> None:
        self._at = (file, tuple(path))
        for name in type(self).model_fields:
            value = getattr(self, name)
            key = type(self).model_fields[name].alias or name
            _locate(value, file, tuple(path) + (key,))

    @property
    def at(self) -> tuple[str, tuple]:
        return self._at


def _locate(value: Any, file: str, path: tuple) -> None:
    if isinstance(value, Model):
        value.locate(file, path)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _locate(item, file, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            _locate(item, file, path + (key,))


def school_year_of(day: dt.date, start_month: int = 7, start_day: int = 1) -> str:
    first = day.year if (day.month, day.day) >= (start_month, start_day) else day.year - 1
    return f"{first}-{(first + 1) % 100:02d}"


def school_year_bounds(year: str, start_month: int = 7, start_day: int = 1) -> tuple[dt.date, dt.date]:
    first = int(year[:4])
    begin = dt.date(first, start_month, start_day)
    end = dt.date(first + 1, start_month, start_day) - dt.timedelta(days=1)
    return begin, end


def quarters(year: str, start_month: int = 7, start_day: int = 1) -> list[tuple[str, dt.date, dt.date]]:
    """The four quarters of a school year: [("2025-26 Q1", 2025-07-01, 2025-09-30), ...]."""
    begin, end = school_year_bounds(year, start_month, start_day)
    out = []
    current = begin
    for number in range(1, 5):
        month = current.month + 3
        year_ = current.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        following = dt.date(year_, month, min(current.day, 28))
        last = end if number == 4 else following - dt.timedelta(days=1)
        out.append((f"{year} Q{number}", current, last))
        current = last + dt.timedelta(days=1)
    return out
