"""A VTIMEZONE (RFC 5545 §3.6.5) made of yearly rules, from the IANA zone (zoneinfo).

One STANDARD and one DAYLIGHT sub-component per era of unchanged rules, each with an RRULE
(`FREQ=YEARLY;BYMONTH=3;BYDAY=2SU`) and a DTSTART that is the first onset in local time as the
clock read before it (2:00 in spring for the United States, not 3:00), so every calendar app,
including those that read only the first date of a list, puts each meeting at the same time as
zoneinfo does. A zone without daylight saving time has one STANDARD sub-component.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Onset:
    at_utc: dt.datetime
    local: dt.datetime  # the wall-clock time just before the change
    offset_from: dt.timedelta
    offset_to: dt.timedelta
    name: str
    daylight: bool

    def rule(self) -> tuple:
        """What makes two onsets the same yearly rule: month, weekday, which one, clock, offsets."""
        day = self.local.day
        days_in_month = calendar.monthrange(self.local.year, self.local.month)[1]
        which = -1 if day + 7 > days_in_month else (day - 1) // 7 + 1
        return (self.local.month, self.local.weekday(), which, self.local.time(), self.offset_from,
                self.offset_to, self.name, self.daylight)


WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def onsets(zone, first_year: int, last_year: int) -> list[Onset]:
    """Every change of UTC offset in [first_year, last_year], found hour by hour, then to the minute."""
    start = dt.datetime(first_year, 1, 1, tzinfo=dt.timezone.utc)
    end = dt.datetime(last_year + 1, 1, 1, tzinfo=dt.timezone.utc)
    found = []
    step = dt.timedelta(hours=1)
    moment = start
    before = moment.astimezone(zone).utcoffset()
    while moment < end:
        after_moment = moment + step
        after = after_moment.astimezone(zone).utcoffset()
        if after != before:
            exact = moment
            while exact.astimezone(zone).utcoffset() == before:
                exact += dt.timedelta(minutes=1)
            local_after = exact.astimezone(zone)
            found.append(Onset(
                at_utc=exact, local=(exact + before).replace(tzinfo=None), offset_from=before, offset_to=after,
                name=local_after.tzname() or "", daylight=bool(local_after.dst())))
            before = after
        moment = after_moment
    return found


def _offset(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def vtimezone(tzid: str, first_year: int, last_year: int):
    """The icalendar Timezone component for `tzid`, covering the years given (with a year each side)."""
    from zoneinfo import ZoneInfo

    import icalendar

    zone = ZoneInfo(tzid)
    component = icalendar.Timezone()
    component.add("tzid", tzid)
    changes = onsets(zone, first_year - 1, last_year + 1)
    if not changes:
        moment = dt.datetime(first_year, 1, 1, tzinfo=zone)
        standard = icalendar.TimezoneStandard()
        standard.add("dtstart", dt.datetime(1970, 1, 1))
        standard["tzoffsetfrom"] = icalendar.vUTCOffset(moment.utcoffset())
        standard["tzoffsetto"] = icalendar.vUTCOffset(moment.utcoffset())
        standard.add("tzname", moment.tzname() or tzid)
        component.add_component(standard)
        return component
    # eras: runs of onsets of the same kind (daylight or standard) following the same rule
    eras: dict[bool, list[list[Onset]]] = {True: [], False: []}
    for onset in changes:
        runs = eras[onset.daylight]
        if runs and runs[-1][-1].rule() == onset.rule():
            runs[-1].append(onset)
        else:
            runs.append([onset])
    for daylight in (False, True):
        for index, run in enumerate(eras[daylight]):
            first = run[0]
            sub = icalendar.TimezoneDaylight() if daylight else icalendar.TimezoneStandard()
            sub.add("dtstart", first.local)
            sub["tzoffsetfrom"] = icalendar.vUTCOffset(first.offset_from)
            sub["tzoffsetto"] = icalendar.vUTCOffset(first.offset_to)
            if first.name:
                sub.add("tzname", first.name)
            month, weekday, which, _clock, *_rest = first.rule()
            rule = {"freq": "yearly", "bymonth": month, "byday": f"{which}{WEEKDAYS[weekday]}"}
            last_era = index == len(eras[daylight]) - 1
            if len(run) > 1 or last_era:
                if not last_era:
                    rule["until"] = dt.datetime(*run[-1].at_utc.timetuple()[:6], tzinfo=dt.timezone.utc)
                sub.add("rrule", rule)
            component.add_component(sub)
    return component
