"""Finished minutes from a recorded meeting of the sample council, and the same record in the export,
on the public meeting page and in the Popolo votes."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from documents_council import docx_part, docx_text

AS_OF = dt.date(2026, 11, 22)
HELD = "2026-03-10"


def load(root):
    from cecli.loader import load_council

    council, _ = load_council(root)
    return council


def meeting_of(council, meeting_id: str):
    return next(m for m in council.meetings if m.id == meeting_id)


def minutes_text(root, meeting_id: str = HELD) -> tuple[str, bytes]:
    from cecli.documents import meeting_documents

    council = load(root)
    data = meeting_documents(council, meeting_of(council, meeting_id))[f"documents/meetings/{meeting_id}/minutes.docx"]
    return docx_text(data), data


def edit(root, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def docx_parts(data: bytes) -> list[str]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.namelist()


def test_a_recorded_meeting_gets_minutes_a_secretary_can_sign(sample):
    text, data = minutes_text(sample)
    for line in (
        "The meeting was called to order at 6:02 PM by Dolores Whitaker, Chair.",
        "12 of 13 members were present, a quorum.",
        "Interpretation was provided: Spanish, by Marisol Vega (district family liaison).",
        "Samuel Okafor.",                                            # absent
        "Carla Jennings (Principal, Sweetgum Hollow Elementary).",   # a named guest
        "Presented by Carla Jennings and Darnell Washington.",       # several presenters
        "41 children ride the two routes",                           # an item's notes
        "Motion 1: Approve the minutes of 2026-02-10 as sent.",
        "Moved by Ruth Ann McCoy; seconded by Gloria Banks.",
        "Carried unanimously.",
        "Carried, 10 for, 1 against, 1 abstained.",
        "The meeting was adjourned at 7:18 PM.",
        "These minutes were approved by the council at its meeting of April 14, 2026 (motion 1), with these corrections:",
        "Item 3: the walking school bus had 41 riders, not 14.",
        "Send the recommendation letter to Principal Jennings",
    ):
        assert line in text, line
    # the vote table names members in full; the student is "A student member", never named or initialled
    assert "Hannah Greer" in text and "A student member" in text
    assert "Aaliyah" not in text and "Robinson" not in text and "= " not in text
    assert "DRAFT" not in text  # approved
    assert not any("PowerPlusWaterMarkObject" in docx_part(data, part) for part in docx_parts(data) if "header" in part)
    # motions print under the agenda item they are about: motion 2 after item 4's heading
    assert text.index("4. Recommendation") < text.index("Motion 2:") < text.index("5. Public comment")
    document = docx_part(data)
    for heading in ("Call to order", "Attendance", "Agenda items", "Action items", "Adjournment"):
        assert re.search(r'<w:pStyle w:val="Heading2"/>.*?<w:t[^>]*>' + heading + "</w:t>", document, re.S), heading


def test_unapproved_minutes_say_draft_on_every_page(sample):
    edit(sample, f"meetings/{HELD}.yaml", "  approved: 2026-04-14\n  approved_at: 2026-04-14\n"
         '  corrections: "Item 3: the walking school bus had 41 riders, not 14."\n', "")
    text, data = minutes_text(sample)
    assert "DRAFT: these minutes have not yet been approved by the council" in text
    header = next(part for part in docx_parts(data) if "header" in part and "DRAFT" in docx_part(data, part))
    assert "DRAFT · " in docx_part(data, header)
    # and Word's diagonal DRAFT watermark behind the text of every page (a WordArt shape in the header)
    assert re.search(r'<v:shape id="PowerPlusWaterMarkObject1"[^>]*rotation:315', docx_part(data, header))
    assert 'string="DRAFT"' in docx_part(data, header)
    assert "Not yet approved. To be presented for approval at the council's next meeting" in text


def test_a_meeting_not_yet_held_keeps_the_shell_with_full_names(sample):
    text, _ = minutes_text(sample, "2026-12-08")
    assert "The meeting was called to order at __________" in text
    assert "Motion 1" in text and "Dolores Whitaker" in text and "A student member" in text
    assert "Vote columns" not in text and "DW" not in text.split()  # no initials key
    assert "DRAFT" not in text


def test_several_students_are_numbered_never_named(sample):
    edit(sample, "roster.yaml", "    start_date: 2026-09-15\n    selected_by: peers\n    note: Fifth-grade student council "
         "president, 2026-27.", "    start_date: 2025-10-07\n    selected_by: peers\n    note: Fifth-grade student "
         "council president, 2026-27.")
    edit(sample, f"meetings/{HELD}.yaml", "absent: [samuel-okafor]", "absent: [samuel-okafor, student-rep-2026]")
    text, _ = minutes_text(sample)
    assert "Student member 1" in text and "Student member 2" in text
    assert "A student member" not in text
    assert "Mateo" not in text and "Aaliyah" not in text


def test_awkward_user_text_survives_and_the_bytes_are_reproducible(sample):
    edit(sample, f"meetings/{HELD}.yaml", "notes: No members of the public asked to speak.",
         'notes: "Budget & <FY27> questions: none."')
    text, first = minutes_text(sample)
    assert "Budget & <FY27> questions: none." in text
    _, second = minutes_text(sample)
    assert first == second


def test_voice_votes_have_no_invented_counts_in_popolo(sample):
    from cecli.export.popolo import popolo

    edit(sample, f"meetings/{HELD}.yaml", "    unanimous: true  # a voice vote: every member present said aye\n", "")
    edit(sample, f"meetings/{HELD}.yaml", "      abstain: [student-rep-2025]\n", "      recused: [student-rep-2025]\n")
    council = load(sample)
    events = [v for v in popolo(council, AS_OF)["vote_events"] if v["event_id"].endswith(HELD)]
    voice, named = events
    assert voice["result"] == "pass" and "counts" not in voice and "votes" not in voice
    assert {c["option"]: c["value"] for c in named["counts"]} == {"yes": 10, "no": 1, "abstain": 0, "not voting": 1}
    text, _ = minutes_text(sample)
    assert "Carried on a voice vote." in text and "Recused (1)" in text


def test_popolo_site_and_export_agree_with_the_minutes(sample):
    from cecli.export.popolo import popolo
    from cecli.export.records import meeting_record_docx
    from cecli.minutes import minutes_view
    from cecli.publish import build_site

    council = load(sample)
    meeting = meeting_of(council, HELD)
    view = minutes_view(council, meeting)
    minutes, _ = minutes_text(sample)
    page = html.unescape(build_site(council, AS_OF)[f"meetings/{HELD}.html"].decode("utf-8"))
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    record = docx_text(meeting_record_docx(council, meeting, AS_OF))
    events = [v for v in popolo(council, AS_OF)["vote_events"] if v["event_id"].endswith(HELD)]
    assert len(events) == len(view["motions"]) == 2
    for motion, event in zip(view["motions"], events):
        for output in (minutes, page, record):
            assert motion["outcome"] in output
            assert motion["text"] in output
        assert event["result"] == {"carried": "pass", "failed": "fail"}[motion["result"]]
        assert event["motion_text"] == motion["text"]
        counts = {c["option"]: c["value"] for c in event.get("counts", [])}
        assert counts.get("yes") == motion["counts"]["for"] and counts.get("no") == motion["counts"]["against"]
        for group in motion["groups"]:
            option = {"For": "yes", "Against": "no", "Abstained": "abstain", "Recused": "not voting"}[group["label"]]
            assert sorted(v["voter_name"] for v in event["votes"] if v["option"] == option) == sorted(group["names"])
            assert ", ".join(group["names"]) in minutes and ", ".join(group["names"]) in page
    for line in (view["called_to_order"], view["adjourned"], view["interpreter"], view["corrections"],
                 view["items"][2]["notes"], "Carla Jennings (Principal, Sweetgum Hollow Elementary)"):
        for output in (minutes, page, record):
            assert line in output, line


@pytest.mark.parametrize("meeting_id", ["2026-02-10", "2026-05-12"])
def test_older_sample_meetings_still_print_their_votes_by_name(sample, meeting_id):
    text, _ = minutes_text(sample, meeting_id)
    assert "No vote is recorded." not in text
    assert re.search(r"Carried, \d+ for, \d+ against", text)
