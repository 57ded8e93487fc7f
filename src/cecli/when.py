"""The one reader of dates and times, for every option and prompt that takes one.

People write dates and times many ways; the files hold one. Accepted:

- dates: `2026-12-08` (also `2026/12/08`), `12/8/2026` (month first, as in the US), `Dec 8 2026`, `December 8, 2026`,
  `8 December 2026`, `Tuesday, December 8, 2026`, `today`, `tomorrow`, `yesterday`;
- times: `18:00`, `06:30`, `6pm`, `6 PM`, `6:30 PM`, `6:30pm`, `6:30 p.m.`, `noon`, `midnight`;
- a date and a time together (`notice_posted`, `called`): `2026-12-04 16:00`, `Dec 4 2026 4pm`,
  `12/4/2026 at 4:00 PM`, `today 4pm`.

Refused, with an example of what is accepted, because a wrong guess would be written into the
records without anyone noticing:

- a date without its year (`12/8`, `Dec 8`) or without its day (`Dec 2026`, `2026-12`);
- a year in two digits (`8/12/26`: is it 1926 or 2026, August 12 or December 8?);
- numbers with dots or a day first (`8.12.2026`, `13/8/2026`): slashes mean month/day/year;
- a weekday that does not match the date (`Monday, December 8, 2026` is a Tuesday);
- an hour with neither minutes nor am/pm (`6`), and a one-digit hour with minutes but without
  am/pm (`6:30`: morning or evening? write `6:30 PM`, `18:30` or `06:30`).

The parsing itself is python-dateutil's; this module decides which forms are clear enough. dateutil
is imported inside the functions, so `cec check` and `cec --help` never load it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

DATE_EXAMPLE = "2026-12-08 (YYYY-MM-DD), 12/8/2026 or Dec 8 2026"
TIME_EXAMPLE = "18:00 (\"HH:MM\"), 6pm or 6:30 PM"
MOMENT_EXAMPLE = '"2026-12-04 16:00" or "Dec 4 2026 4pm"'

_ISO = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})\Z")
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\Z")
_NUMERIC = re.compile(r"[\d\s/.\-]+\Z")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_AMPM = re.compile(r"(?<![a-z])([ap])\.?\s*m\.?(?![a-z])", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?\Z", re.IGNORECASE)
_WORD_TIMES = {"noon": dt.time(12, 0), "midday": dt.time(12, 0), "midnight": dt.time(0, 0)}
_RELATIVE = {"today": 0, "tomorrow": 1, "yesterday": -1}
_WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_WEEKDAYS.update({name.lower(): number for number, name in enumerate(calendar.day_abbr)})


class Unclear(ValueError):
    """A date or time that cannot be read, or could be read more than one way.

    `reason` completes the sentence "`TEXT` ...", `example` shows what is accepted."""

    def __init__(self, text: str, reason: str, example: str) -> None:
        super().__init__(f"`{text}` {reason}")
        self.text = text
        self.reason = reason
        self.example = example


def _dateutil_parse(text: str, default: dt.datetime) -> dt.datetime:
    from dateutil import parser

    return parser.parse(text, default=default, dayfirst=False, yearfirst=False)


def read_date(value, today: dt.date | None = None) -> dt.date:
    """A date from what a person typed (see the module's docstring); Unclear when it is not clear."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = " ".join(str(value).split())
    low = text.lower()
    if not text:
        raise Unclear(text, "is empty: give a date.", f"Write dates like {DATE_EXAMPLE}.")
    if low in _RELATIVE:
        return (today or dt.date.today()) + dt.timedelta(days=_RELATIVE[low])
    example = f"Write dates like {DATE_EXAMPLE}."
    if _NUMERIC.match(text):
        return _numeric_date(text, example)
    if not re.search(r"\d", text):
        raise Unclear(text, "is not a date cec can read.", example)
    if not _YEAR.search(text):
        raise Unclear(text, "has no year (or not in four digits).", f"Add it: {example}")
    try:
        first = _dateutil_parse(text, dt.datetime(2000, 1, 1, 0, 0))
        second = _dateutil_parse(text, dt.datetime(2004, 2, 2, 1, 1))
    except (ValueError, OverflowError) as err:
        if "out of range" in str(err) or "must be in" in str(err):
            raise Unclear(text, "is not a real date (check the day and month).", example) from None
        raise Unclear(text, "is not a date cec can read.", example) from None
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        raise Unclear(text, "is not a whole date: give the day, the month and the year.", example)
    if (first.hour, first.minute) != (0, 0) or (second.hour, second.minute) != (1, 1):
        raise Unclear(text, "has a time in it; give only the date here.", example)
    found = first.date()
    _same_weekday(text, found, example)
    return found


def _numeric_date(text: str, example: str) -> dt.date:
    """`2026-12-08` or `12/8/2026`; any other way of writing a date in numbers is refused."""
    iso, us = _ISO.match(text), _US.match(text)
    if not iso and not us:
        if re.fullmatch(r"\d{1,2}/\d{1,2}", text) or re.fullmatch(r"\d{4}-\d{1,2}", text):
            raise Unclear(text, "is not a whole date: give the day, the month and the year.", example)
        if re.fullmatch(r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}", text):
            raise Unclear(text, "has a two-digit year, which could be read more than one way.",
                          f"Write the year in full. {example}")
        raise Unclear(text, "is not a date cec can read (numbers are read as YYYY-MM-DD or month/day/year).",
                      example)
    year, month, day = (int(iso[1]), int(iso[3]), int(iso[4])) if iso else (int(us[3]), int(us[1]), int(us[2]))
    if us and month > 12 and day <= 12:
        raise Unclear(text, f"puts the day first, but dates with slashes are month/day/year ({day}/{month}/{year}).",
                      example)
    try:
        exact = dt.date(year, month, day)  # the real-date check, with a message dateutil does not give
        if iso and iso[2] == "-":
            return exact  # the canonical form: read without loading dateutil (`cec check --as-of`)
        found = _dateutil_parse(text, dt.datetime(2000, 1, 1)).date()
    except (ValueError, OverflowError):
        raise Unclear(text, "is not a real date (check the day and month).", example) from None
    if (found.year, found.month, found.day) != (year, month, day):  # never let the parser swap fields
        raise Unclear(text, "could be read more than one way.", example)
    return found


def _same_weekday(text: str, found: dt.date, example: str) -> None:
    for word in re.findall(r"[a-z]+", text.lower()):
        number = _WEEKDAYS.get(word)
        if number is not None and number != found.weekday():
            raise Unclear(text, f"says {calendar.day_name[number]}, but {found:%B} {found.day}, {found.year} "
                          f"is a {calendar.day_name[found.weekday()]}.", example)


def read_time(value) -> dt.time:
    """A time of day from what a person typed (see the module's docstring); Unclear when not clear."""
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    text = " ".join(str(value).split())
    low = text.lower()
    example = f"Write times like {TIME_EXAMPLE}."
    if low in _WORD_TIMES:
        return _WORD_TIMES[low]
    clock = _CLOCK.match(text)
    if not clock:
        raise Unclear(text, "is not a time cec can read.", example)
    hour, minutes, half = int(clock[1]), clock[2], clock[3]
    if not half and minutes is None:
        raise Unclear(text, "could be morning or evening: say am or pm, or use a 24-hour clock.", example)
    if not half and hour and len(clock[1]) == 1:
        raise Unclear(text, f"could be morning or evening: write {hour}:{minutes} PM, "
                      f"{hour + 12}:{minutes} or 0{hour}:{minutes}.", example)
    if half and not 1 <= hour <= 12:
        raise Unclear(text, "is not a real time of day (am and pm go with hours 1 to 12).", example)
    if hour > 23 or (minutes is not None and int(minutes) > 59):
        raise Unclear(text, 'is not a real time of day (use "00:00" to "23:59").', example)
    try:
        first = _dateutil_parse(text, dt.datetime(2000, 1, 1, 0, 0))
    except (ValueError, OverflowError):
        raise Unclear(text, "is not a real time of day.", example) from None
    return first.time().replace(second=0, microsecond=0)


def read_moment(value, today: dt.date | None = None) -> tuple[dt.date, dt.time | None]:
    """A date with an optional time (`notice_posted`, `called`): `2026-12-04 16:00`, `Dec 4 2026 4pm`."""
    if isinstance(value, dt.datetime):
        return value.date(), value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.date):
        return value, None
    text = " ".join(str(value).replace("T", " ", 1).split()) if re.match(r"\d{4}-\d{1,2}-\d{1,2}T", str(value)) \
        else " ".join(str(value).split())
    words = text.split(" ")
    for size in (3, 2, 1):  # the time is at the end: "6:30 p. m.", "6:30 PM", "18:00"
        if len(words) <= size:
            continue
        tail = " ".join(words[-size:])
        if not (_CLOCK.match(tail) and (":" in tail or _AMPM.search(tail))) and tail.lower() not in _WORD_TIMES:
            continue
        head = words[:-size]
        if head and head[-1].lower() == "at":
            head = head[:-1]
        try:
            return read_date(" ".join(head).rstrip(","), today), read_time(tail)
        except Unclear as err:
            raise Unclear(text, err.reason, f"Write it like {MOMENT_EXAMPLE}.") from None
    try:
        return read_date(text, today), None
    except Unclear as err:
        raise Unclear(text, err.reason, f"Write it like {MOMENT_EXAMPLE}.") from None


def date_text(value: dt.date) -> str:
    """The canonical form of a date, as the files hold it: YYYY-MM-DD."""
    return value.isoformat()


def time_text(value: dt.time) -> str:
    """The canonical form of a time, as the files hold it: HH:MM on a 24-hour clock."""
    return f"{value.hour:02d}:{value.minute:02d}"


def canonical_date(value, today: dt.date | None = None) -> str:
    return date_text(read_date(value, today))


def canonical_time(value) -> str:
    return time_text(read_time(value))


def canonical_moment(value, today: dt.date | None = None) -> str:
    """`YYYY-MM-DD HH:MM`, or `YYYY-MM-DD` when no time was given."""
    day, at = read_moment(value, today)
    return date_text(day) if at is None else f"{date_text(day)} {time_text(at)}"
