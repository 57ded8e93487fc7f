"""cec meeting motion|vote|action|guest|notes|officer and the what-happened options of cec meeting record."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import invoke
from gitcouncil import commits, format_findings, last_commit, make_council, snapshot
from ruamel.yaml import YAML

M = "2025-10-14"
FILE = f"meetings/{M}.yaml"


def read(root):
    return YAML(typ="safe").load((root / FILE).read_text(encoding="utf-8"))


def run(root, *args):
    return invoke([*args, "--council", root])


def messages(root, code: str) -> list[str]:
    from cecli.check import check_council

    report = check_council(root, dt.date(2026, 11, 22))
    return [f"{f.line}: {f.message}" for f in report.findings if f.code == code]


def ok(root, *args):
    result = run(root, *args)
    assert result.exit_code == 0, result.output
    return result


def refused(root, *args, says: str):
    before = snapshot(root)
    result = run(root, *args)
    assert result.exit_code == 2, result.output
    assert says in result.output, result.output
    assert snapshot(root) == before
    return result


@pytest.fixture
def root(tmp_path):
    root = make_council(tmp_path)
    ok(root, "meeting", "attendance", M, "--present", "ann-lee,bo-diaz,cy-moss", "--absent", "di-park")
    return root


# --- motions ---------------------------------------------------------------------------------

def test_motions_are_numbered_in_meeting_order_each_in_one_commit(root):
    before = commits(root)
    first = ok(root, "meeting", "motion", M, "add", "Approve the minutes & <agenda>.", "--item", "2",
               "--moved-by", "ann-lee", "--seconded-by", "bo-diaz")
    assert "Added motion 1" in first.output and f"cec meeting vote {M} 1" in first.output
    ok(root, "meeting", "motion", M, "add", "Adopt the goals.", "--urgent")
    motions = read(root)["motions"]
    assert motions == [{"text": "Approve the minutes & <agenda>.", "item": 2, "moved_by": "ann-lee",
                        "seconded_by": "bo-diaz"},
                       {"text": "Adopt the goals.", "urgent": True}]
    assert commits(root) == before + 2
    message, _, paths = last_commit(root)
    assert message == f"Add motion 2 to the meeting of {M}." and paths == [FILE]
    assert "# after school pickup" in (root / FILE).read_text()


def test_motion_edit_changes_only_what_is_given_and_blank_removes(root):
    ok(root, "meeting", "motion", M, "add", "Adopt.", "--item", "2", "--moved-by", "ann-lee")
    ok(root, "meeting", "motion", M, "edit", "1", "--text", "Adopt the plan.", "--seconded-by", "cy-moss",
       "--item", "")
    motion = read(root)["motions"][0]
    assert motion == {"text": "Adopt the plan.", "moved_by": "ann-lee", "seconded_by": "cy-moss"}
    assert last_commit(root)[0] == f"Edit motion 1 of the meeting of {M}."


def test_motion_remove_renumbers_the_rest(root):
    for text in ("One.", "Two.", "Three."):
        ok(root, "meeting", "motion", M, "add", text)
    result = ok(root, "meeting", "motion", M, "remove", "2")
    assert "moved up one number" in result.output
    assert [m["text"] for m in read(root)["motions"]] == ["One.", "Three."]


@pytest.mark.parametrize("args, says", [
    (["add", "Adopt.", "--moved-by", "di-park"], "not present"),           # absent members cannot move
    (["add", "Adopt.", "--moved-by", "ed-old"], "was not a member on 2025-10-14"),
    (["add", "Adopt.", "--moved-by", "bo-dias"], "Did you mean `bo-diaz`?"),
    (["add", "Adopt.", "--item", "9"], "has items 1 to 4"),
    (["add", "Adopt.", "--moved-by", "ann-lee", "--seconded-by", "ann-lee"], "same member"),
    (["add", "  "], "empty"),
    (["edit", "3", "--text", "X"], "There is no motion 3"),
    (["remove", "1"], "has 0 motions yet"),
])
def test_bad_motions_write_nothing(root, args, says):
    refused(root, "meeting", "motion", M, *args, says=says)


# --- votes -----------------------------------------------------------------------------------

def test_named_votes_by_members_present_and_the_result_worked_out(root):
    ok(root, "meeting", "motion", M, "add", "Adopt.")
    result = ok(root, "meeting", "vote", M, "1", "--for", "ann-lee,bo-diaz", "--against", "cy-moss")
    assert "carried 2–1–0" in result.output
    motion = read(root)["motions"][0]
    assert motion["votes"] == {"for": ["ann-lee", "bo-diaz"], "against": ["cy-moss"]}
    assert motion["result"] == "carried"
    ok(root, "meeting", "vote", M, "1", "--for", "ann-lee", "--against", "bo-diaz", "--recused", "cy-moss")
    motion = read(root)["motions"][0]
    assert motion["votes"] == {"for": ["ann-lee"], "against": ["bo-diaz"], "recused": ["cy-moss"]}
    assert motion["result"] == "failed"
    assert format_findings(root) == []


def test_unanimous_and_voice_votes_record_no_invented_counts(root):
    ok(root, "meeting", "motion", M, "add", "Adopt.")
    ok(root, "meeting", "motion", M, "add", "Thank the staff.")
    assert "carried unanimously" in ok(root, "meeting", "vote", M, "1", "--unanimous").output
    assert "no count taken" in ok(root, "meeting", "vote", M, "2", "--result", "carried").output
    first, second = read(root)["motions"]
    assert first == {"text": "Adopt.", "unanimous": True, "result": "carried"}
    assert second == {"text": "Thank the staff.", "result": "carried"}
    # Mississippi asks for each member's vote: a result alone is a CEC308 finding; unanimous is not
    assert [m.split(": ", 1)[1] for m in messages(root, "CEC308")] == [
        f"The motion “Thank the staff.” at the meeting of {M} records no votes."]


@pytest.mark.parametrize("args, says", [
    (["--for", "di-park"], "not present"),
    (["--for", "ann-lee", "--against", "ann-lee"], "both"),
    (["--unanimous", "--for", "ann-lee"], "cannot be given with names"),
    (["--unanimous", "--result", "failed"], "contradicts"),
    (["--result", "passed"], "not a result"),
    ([], "Say how the motion was decided"),
])
def test_bad_votes_write_nothing(root, args, says):
    ok(root, "meeting", "motion", M, "add", "Adopt.")
    refused(root, "meeting", "vote", M, "1", *args, says=says)


def test_votes_need_attendance_first(tmp_path):
    root = make_council(tmp_path)
    ok(root, "meeting", "motion", M, "add", "Adopt.")
    refused(root, "meeting", "vote", M, "1", "--for", "ann-lee", says="records no members present")
    refused(root, "meeting", "vote", M, "1", "--unanimous", says="neither attendance nor a quorum")
    ok(root, "meeting", "record", M, "--quorum", "present")
    ok(root, "meeting", "vote", M, "1", "--unanimous")


# --- cec meeting record: repeats are kept or refused, never dropped -----------------------------

def test_repeated_motions_and_actions_are_all_kept(root):
    ok(root, "meeting", "record", M, "--motion", "One.", "--motion", "Two.", "--action", "Call A", "--action",
       "Call B")
    meeting = read(root)
    assert [m["text"] for m in meeting["motions"]] == ["One.", "Two."]
    assert [a["task"] for a in meeting["action_items"]] == ["Call A", "Call B"]
    assert last_commit(root)[0] == f"Record 2 motions and 2 action items for the meeting of {M}."


@pytest.mark.parametrize("args, says", [
    (["--motion", "One.", "--motion", "Two.", "--moved-by", "ann-lee"], "--moved-by cannot go with 2 --motion"),
    (["--action", "A", "--action", "B", "--owner", "ann-lee"], "--owner cannot go with 2 --action"),
])
def test_repeats_with_details_are_refused_plainly(root, args, says):
    refused(root, "meeting", "record", M, *args, says=says)


# --- what happened ---------------------------------------------------------------------------

def test_call_to_order_adjournment_quorum_and_interpreter(root):
    ok(root, "meeting", "record", M, "--called-to-order", "5:32pm", "--by", "ann-lee", "--adjourned", "6:41 PM",
       "--quorum", "present", "--interpreter", "Spanish, by Rosa Diaz")
    meeting = read(root)
    assert meeting["called_to_order"] == {"time": "17:32", "by": "ann-lee"}
    assert (meeting["adjourned"], meeting["quorum"], meeting["interpreter"]) == (
        "18:41", "present", "Spanish, by Rosa Diaz")
    text = (root / FILE).read_text()
    assert text.index("called_to_order:") < text.index("attendance:")  # in the documented order
    assert 'time: "17:32"' in text
    assert format_findings(root) == []


@pytest.mark.parametrize("args, says", [
    (["--called-to-order", "6:02pm", "--adjourned", "5pm"], "not after the call to order at 18:02"),
    (["--called-to-order", "13pm"], "not a real time"),
    (["--by", "ann-lee"], "Give the time too"),
    (["--called-to-order", "18:00", "--by", "ed-old"], "was not a member"),
    (["--quorum", "yes"], "not a way to record a quorum"),
    (["--approved-at", "2025-10-14"], "not after the meeting"),
    (["--approved-at", "2025-11-99"], "There is no meeting"),
    (["--corrections", "Typo."], "--corrections says what was changed"),
])
def test_bad_what_happened_writes_nothing(root, args, says):
    refused(root, "meeting", "record", M, *args, says=says)


def test_minutes_approved_at_a_later_meeting_with_corrections(root):
    ok(root, "meeting", "new", "--date", "2025-11-18")
    ok(root, "meeting", "record", M, "--recorded", "2025-10-15", "--approved-at", "2025-11-18",
       "--corrections", "Item 3: 41 riders, not 14.")
    minutes = read(root)["minutes"]
    assert minutes == {"recorded": dt.date(2025, 10, 15), "approved": dt.date(2025, 11, 18),
                       "approved_at": "2025-11-18", "corrections": "Item 3: 41 riders, not 14."}
    refused(root, "meeting", "record", M, "--approved", "2025-11-19", "--approved-at", "2025-11-18",
            says="is not the date of the meeting")
    ok(root, "meeting", "new", "--date", "2099-01-13")
    refused(root, "meeting", "record", M, "--approved-at", "2099-01-13", says="cannot have happened yet")


def test_guests_notes_and_several_presenters(root):
    ok(root, "meeting", "guest", M, "add", "Carla Jennings", "--affiliation", "Principal", "--presents", "3")
    ok(root, "meeting", "guest", M, "add", "Ana Ruiz", "--presents", "3")
    ok(root, "meeting", "notes", M, "3", "Proficiency rose 4 points & attendance held.")
    meeting = read(root)
    assert meeting["attendance"]["guests"] == [{"name": "Carla Jennings", "affiliation": "Principal"}, "Ana Ruiz"]
    item = meeting["agenda"][2]
    assert (item["presenter"], item["presenters"], item["notes"]) == (
        "Carla Jennings", ["Ana Ruiz"], "Proficiency rose 4 points & attendance held.")
    assert last_commit(root)[0] == f"Record the notes on agenda item 3 of the meeting of {M}."
    refused(root, "meeting", "guest", M, "add", "Ana Ruiz", says="already a guest")
    ok(root, "meeting", "guest", M, "remove", "Carla Jennings")
    item = read(root)["agenda"][2]
    assert "presenter" not in item and item["presenters"] == ["Ana Ruiz"]
    ok(root, "meeting", "notes", M, "3", "")
    assert "notes" not in read(root)["agenda"][2]
    assert format_findings(root) == []


def test_guests_recorded_as_a_number_are_not_overwritten(root):
    ok(root, "meeting", "attendance", M, "--guests", "3")
    refused(root, "meeting", "guest", M, "add", "Ana Ruiz", says="--guests 0")


# --- action items ----------------------------------------------------------------------------

def test_action_items_add_done_remove(root):
    ok(root, "meeting", "action", M, "add", "Post the schedule", "--owner", "di-park", "--due", "2025-10-20")
    ok(root, "meeting", "action", M, "add", "Call the board")
    ok(root, "meeting", "action", M, "done", "1", "--on", "2025-10-18")
    assert last_commit(root)[0] == f"Mark action item 1 of the meeting of {M} done."
    ok(root, "meeting", "action", M, "remove", "2")
    assert read(root)["action_items"] == [{"task": "Post the schedule", "owner": "di-park",
                                           "due": dt.date(2025, 10, 20), "done": dt.date(2025, 10, 18)}]
    refused(root, "meeting", "action", M, "done", "1", "--on", "2999-01-01", says="has not come yet")
    refused(root, "meeting", "action", M, "done", "5", says="There is no action item 5")


# --- officers --------------------------------------------------------------------------------

def roster(root):
    return {m["id"]: m for m in YAML(typ="safe").load((root / "roster.yaml").read_text(encoding="utf-8"))["members"]}


def test_officer_election_is_recorded_with_its_motion_and_gives_the_role_in_the_same_commit(root):
    ok(root, "meeting", "motion", M, "add", "Elect Bo Diaz treasurer.")
    before = commits(root)
    result = ok(root, "meeting", "officer", M, "add", "treasurer", "bo-diaz", "--motion", "1")
    assert "roster.yaml gives Bo Diaz the treasurer role from 2025-10-14" in result.output
    assert read(root)["officer_elections"] == [{"role": "treasurer", "member": "bo-diaz", "motion": 1}]
    assert roster(root)["bo-diaz"]["roles"] == [{"role": "treasurer", "start_date": dt.date(2025, 10, 14)}]
    assert commits(root) == before + 1
    assert last_commit(root)[0] == f"Record the election of Bo Diaz as treasurer at the meeting of {M}."
    assert last_commit(root)[2] == [FILE, "roster.yaml"]
    refused(root, "meeting", "motion", M, "remove", "1", says="elected bo-diaz treasurer")
    refused(root, "meeting", "officer", M, "add", "treasurer", "cy-moss", says="already records")
    refused(root, "meeting", "officer", M, "add", "historian", "cy-moss", says="not an officer role")
    result = ok(root, "meeting", "officer", M, "remove", "treasurer")
    assert "roster.yaml no longer gives Bo Diaz the treasurer role" in result.output
    assert "officer_elections" not in read(root)
    assert "roles" not in roster(root)["bo-diaz"]
    assert last_commit(root)[2] == [FILE, "roster.yaml"]
    assert format_findings(root) == []


def test_electing_a_new_chair_hands_the_role_over_on_the_meeting_day(root):
    original = (root / "roster.yaml").read_text(encoding="utf-8")
    result = ok(root, "meeting", "officer", M, "add", "chair", "cy-moss")
    assert "Ann Lee's term of it ends that day" in result.output
    people = roster(root)
    assert people["ann-lee"]["roles"] == [{"role": "chair", "end_date": dt.date(2025, 10, 14)}]
    assert people["cy-moss"]["roles"] == [{"role": "chair", "start_date": dt.date(2025, 10, 14)}]
    from cecli.loader import load_council

    council, _ = load_council(root)
    assert council.member("ann-lee").roles_on(dt.date(2025, 10, 13)) == ["chair"]
    assert council.member("cy-moss").roles_on(dt.date(2025, 10, 15)) == ["chair"]
    assert council.member("ann-lee").roles_on(dt.date(2025, 10, 15)) == []
    assert "# Members are never deleted" in (root / "roster.yaml").read_text(encoding="utf-8")  # comments kept
    assert format_findings(root) == []
    # entered by mistake: removing it gives the chair back to Ann Lee, as the file was
    result = ok(root, "meeting", "officer", M, "remove", "chair")
    assert "Ann Lee holds it again" in result.output
    assert (root / "roster.yaml").read_text(encoding="utf-8") == original


def test_removing_an_election_by_mistake_gives_back_the_roster_as_it_was(root):
    original = (root / "roster.yaml").read_text(encoding="utf-8")
    ok(root, "meeting", "officer", M, "add", "treasurer", "di-park")  # di-park is already secretary
    assert roster(root)["di-park"]["roles"] == ["secretary", {"role": "treasurer", "start_date": dt.date(2025, 10, 14)}]
    ok(root, "meeting", "officer", M, "remove", "treasurer")
    assert (root / "roster.yaml").read_text(encoding="utf-8") == original


def test_an_election_of_someone_already_holding_the_role_leaves_the_roster_alone(root):
    before = (root / "roster.yaml").read_text(encoding="utf-8")
    result = ok(root, "meeting", "officer", M, "add", "chair", "ann-lee")
    assert "already gives Ann Lee the chair role" in result.output
    assert (root / "roster.yaml").read_text(encoding="utf-8") == before
    assert last_commit(root)[2] == [FILE]


def test_a_council_adds_its_own_roles(root):
    text = (root / "council.yaml").read_text() + "roles: [historian]\n"
    (root / "council.yaml").write_text(text)
    from gitcouncil import git

    git(root, "commit", "-qam", "Add a historian role.")
    ok(root, "meeting", "officer", M, "add", "historian", "cy-moss")
    assert format_findings(root) == []


# --- check time: hand-edited votes by members not present -------------------------------------

def test_a_hand_edited_vote_by_a_member_not_present_is_cec004(root):
    text = (root / FILE).read_text() + (
        "motions:\n  - text: Adopt.\n    moved_by: di-park\n    votes: {for: [ann-lee, di-park]}\n"
        "    result: carried\n")
    (root / FILE).write_text(text)
    found = messages(root, "CEC004")
    assert any("`di-park` moved motion 1 but is not listed present" in line for line in found), found
    assert any("`di-park` voted on motion 1 but is not listed present" in line for line in found), found
