"""Build the packaged Word templates in `templates/` (run: `python -m cecli.documents.build_templates`).

The templates are committed; this script is how they were made, so they can be rebuilt exactly.
Each one is an ordinary .docx whose wording a district may change in Word: the Jinja tags
(`{{ meeting.title }}`, `{%p for item in ... %}`) mark where cec puts the council's data, and a
tag on a paragraph of its own such as `{{p agenda_table }}` is replaced by a table cec builds in
code (tables of N rows, like the roster, are clearer built than templated). docs/documents.md
lists every field each template may use.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from cecli.documents import base

TEMPLATE_DATE = dt.date(2026, 1, 1)


# --- writing helpers --------------------------------------------------------------------------

def start(title: str):
    document = base.new_document()
    base.add_running_header_footer(document, "{{ council.name }}", "{{ document.date }}")
    document.core_properties.title = title
    return document


def heading(document, text: str, level: int = 1):
    return document.add_heading(text, level=level)


def para(document, text: str = "", bold: bool = False, italic: bool = False, size: float | None = None,
         style: str | None = None):
    from docx.shared import Pt

    paragraph = document.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
        run.italic = italic
        if size:
            run.font.size = Pt(size)
    return paragraph


def labelled(document, label: str, value: str):
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(value)
    return paragraph


def tag(document, text: str):
    """A paragraph holding only a block tag (`{%p ... %}` or `{{p ... }}`), removed when rendered."""
    return document.add_paragraph(text)


def lines(document, count: int):
    """Ruled lines to write on (paragraphs with a bottom border)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for _ in range(count):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(14)
        paragraph.paragraph_format.space_after = Pt(0)
        borders = OxmlElement("w:pBdr")
        # consecutive paragraphs with the same borders form one group: `between` rules each line
        for edge in ("bottom", "between"):
            line = OxmlElement(f"w:{edge}")
            for key, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", "808080")):
                line.set(qn(f"w:{key}"), value)
            borders.append(line)
        paragraph._p.get_or_add_pPr().append(borders)


def keep_together(paragraphs) -> None:
    """Keep a block (a signature block) on one page: each paragraph stays with the next."""
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_together = True
    for paragraph in paragraphs[:-1]:
        paragraph.paragraph_format.keep_with_next = True


def page_break_between(document, loop: str = "loop"):
    tag(document, f"{{%p if not {loop}.first %}}")
    base.add_page_break(document)
    tag(document, "{%p endif %}")


# --- the templates ----------------------------------------------------------------------------

def agenda():
    d = start("Agenda")
    heading(d, "Agenda: {{ meeting.title }}", 1)
    para(d, "{{ council.name }}", bold=True)
    labelled(d, "Meeting", "{{ meeting.kind }} of the {{ council.term }}")
    labelled(d, "Date", "{{ meeting.date }}")
    labelled(d, "Time", "{{ meeting.time }}")
    labelled(d, "Place", "{{ meeting.place }}")
    tag(d, "{%p if meeting.virtual_link %}")
    labelled(d, "Join online", "{{ meeting.virtual_link }}")
    tag(d, "{%p endif %}")
    para(d, "{{ council.open_meeting_statement }}", italic=True)
    heading(d, "Agenda items", 2)
    tag(d, "{{p agenda_table }}")
    heading(d, "Public comment", 2)
    para(d, "Members of the public are welcome to speak during the public comment period. "
            "Please sign in at the door and give your name when you are called on.")
    heading(d, "Next meeting", 2)
    para(d, "{% if next_meeting %}{{ next_meeting.title }}: {{ next_meeting.date }}, {{ next_meeting.time }}, "
            "{{ next_meeting.place }}.{% else %}To be announced.{% endif %}")
    return d


def banner(document, text: str):
    """A boxed, bold paragraph (the DRAFT notice of unapproved minutes)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph = para(document, text, bold=True, size=13)
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.space_after = Pt(8)
    borders = OxmlElement("w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "12"), ("space", "4"), ("color", "C00000")):
            line.set(qn(f"w:{key}"), value)
        borders.append(line)
    paragraph._p.get_or_add_pPr().append(borders)
    return paragraph


# Word's own text watermark (Design > Watermark): a VML WordArt shape in the header, so it prints
# on every page, diagonal and pale, behind the text. LibreOffice reads it as its watermark too.
WATERMARK = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word"><w:rPr><w:noProof/></w:rPr><w:pict>'
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas>'
    + "".join(f'<v:f eqn="{e}"/>' for e in (
        "sum #0 0 10800", "prod #0 2 1", "sum 21600 0 @1", "sum 0 0 @2", "sum 21600 0 @3", "if @0 @3 0",
        "if @0 21600 @1", "if @0 0 @2", "if @0 @4 21600", "mid @5 @6", "mid @8 @5", "mid @7 @8", "mid @6 @7",
        "sum @6 0 @5"))
    + '</v:formulas><v:path textpathok="t" o:connecttype="custom" '
    'o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/>'
    '</v:handles><o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
    '<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:415pt;height:166pt;rotation:315;'
    'z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
    'fillcolor="#d8d8d8" stroked="f"><v:fill opacity=".5"/>'
    '<v:textpath style="font-family:&quot;Liberation Sans&quot;;font-size:1pt" string="DRAFT"/>'
    '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>')


def add_watermark(document, condition: str) -> None:
    """The DRAFT watermark at the start of the header, kept only where the Jinja `condition` holds."""
    from docx.oxml import parse_xml

    header = document.sections[0].header.paragraphs[0]
    first = header.runs[0]._r if header.runs else None
    opening = header.add_run("{% if " + condition + " %}")._r
    mark = parse_xml(WATERMARK)
    closing = header.add_run("{% endif %}")._r
    if first is not None:  # before the council's name
        for element in (opening, mark, closing):
            first.addprevious(element)
    else:
        opening.addnext(mark)


def minutes():
    """Finished minutes once the meeting is recorded (`record.recorded`), else a shell to fill in by hand."""
    d = base.new_document()
    base.add_running_header_footer(d, "{% if record.recorded and record.draft %}DRAFT · {% endif %}{{ council.name }}",
                                   "{{ document.date }}")
    add_watermark(d, "record.recorded and record.draft")
    d.core_properties.title = "Minutes"
    heading(d, "Minutes: {{ meeting.title }}", 1)
    para(d, "{{ council.name }}", bold=True)
    para(d, "{{ meeting.kind }} · {{ meeting.date }}, {{ meeting.time }} · {{ meeting.place }}")
    tag(d, "{%p if record.recorded %}")
    tag(d, "{%p if record.draft %}")
    banner(d, "DRAFT: these minutes have not yet been approved by the council and may be corrected.")
    tag(d, "{%p endif %}")
    heading(d, "Call to order", 2)
    para(d, "{% if record.called_to_order %}{{ record.called_to_order }}{% else %}"
            "The time the meeting was called to order is not recorded.{% endif %}")
    tag(d, "{%p if record.quorum %}")
    para(d, "{{ record.quorum }}")
    tag(d, "{%p endif %}")
    tag(d, "{%p if record.interpreter %}")
    para(d, "{{ record.interpreter }}")
    tag(d, "{%p endif %}")
    heading(d, "Attendance", 2)
    labelled(d, "Members present", "{% if record.present %}{{ record.present|join('; ') }}{% else %}None recorded{% endif %}.")
    labelled(d, "Members absent", "{% if record.absent %}{{ record.absent|join('; ') }}{% else %}None{% endif %}.")
    labelled(d, "Members excused", "{% if record.excused %}{{ record.excused|join('; ') }}{% else %}None{% endif %}.")
    labelled(d, "Guests", "{% if record.guests %}{{ record.guests|join('; ') }}{% if record.public_count %}; and "
                          "{{ record.public_count }} members of the public{% endif %}{% elif record.public_count %}"
                          "{{ record.public_count }} members of the public{% else %}None recorded{% endif %}.")
    heading(d, "Agenda items", 2)
    tag(d, "{%p for item in record.items %}")
    heading(d, "{{ item.number }}. {{ item.title }}", 3)
    tag(d, "{%p if item.presenters %}")
    para(d, "Presented by {{ item.presenters }}.", italic=True)
    tag(d, "{%p endif %}")
    tag(d, "{%p if item.notes %}")
    para(d, "{{ item.notes }}")
    tag(d, "{%p endif %}")
    tag(d, "{%p for motion in item.motions %}")
    _motion(d)
    tag(d, "{%p endfor %}")
    tag(d, "{%p endfor %}")
    tag(d, "{%p if record.other_motions %}")
    heading(d, "{% if record.items %}Other motions{% else %}Motions{% endif %}", 2)
    tag(d, "{%p for motion in record.other_motions %}")
    _motion(d)
    tag(d, "{%p endfor %}")
    tag(d, "{%p endif %}")
    tag(d, "{%p if record.elections %}")
    heading(d, "Officers elected", 2)
    tag(d, "{%p for line in record.elections %}")
    para(d, "{{ line }}", style="List Bullet")
    tag(d, "{%p endfor %}")
    tag(d, "{%p endif %}")
    heading(d, "Action items", 2)
    tag(d, "{{p actions_table }}")
    heading(d, "Adjournment", 2)
    para(d, "{% if record.adjourned %}{{ record.adjourned }}{% else %}The time of adjournment is not recorded.{% endif %}")
    heading(d, "Approval of these minutes", 2)
    tag(d, "{%p if record.approval %}")
    para(d, "{{ record.approval }}")
    tag(d, "{%p if record.corrections %}")
    para(d, "{{ record.corrections }}", italic=True)
    tag(d, "{%p endif %}")
    tag(d, "{%p else %}")
    para(d, "Not yet approved. To be presented for approval at the council's next meeting"
            "{% if next_meeting %} ({{ next_meeting.date }}){% endif %}.")
    tag(d, "{%p endif %}")
    heading(d, "Record", 2)
    labelled(d, "Minutes recorded on", "{{ minutes.recorded }}")
    labelled(d, "Secretary", "{{ minutes.secretary }}")
    para(d, "Signature: ____________________________________    Date: ____________________")
    tag(d, "{%p else %}")
    _minutes_shell(d)
    tag(d, "{%p endif %}")
    return d


def _motion(d):
    """One motion in finished minutes: its text, mover and seconder, outcome and the vote by name."""
    from docx.shared import Pt

    text = para(d, "Motion {{ motion.number }}{% if motion.urgent %} (urgent, not on the posted agenda){% endif %}: "
                   "{{ motion.text }}", bold=True)
    text.paragraph_format.space_before = Pt(10)
    text.paragraph_format.keep_with_next = True
    tag(d, "{%p if motion.moved_line %}")
    para(d, "{{ motion.moved_line }}").paragraph_format.keep_with_next = True
    tag(d, "{%p endif %}")
    para(d, "{{ motion.outcome }}", italic=True).paragraph_format.keep_with_next = True
    tag(d, "{%p if motion.groups %}")
    tag(d, "{{p motion.vote_table }}")
    tag(d, "{%p endif %}")


def _minutes_shell(d):
    heading(d, "Call to order", 2)
    para(d, "The meeting was called to order at __________ by ______________________________.")
    heading(d, "Members present and absent", 2)
    para(d, "Members of the council on {{ meeting.date }}. Mark one box for each member.")
    tag(d, "{{p attendance_table }}")
    para(d, "Guests and members of the public present: __________")
    heading(d, "Agenda items", 2)
    tag(d, "{%p for item in meeting.agenda %}")
    heading(d, "{{ item.number }}. {{ item.title }}", 3)
    para(d, "{% if item.presenter %}Presenter: {{ item.presenter }}. {% endif %}Notes:", italic=True)
    lines(d, 3)
    tag(d, "{%p endfor %}")
    heading(d, "Motions", 2)
    para(d, "For each motion write who moved and seconded it, then mark each member's vote in the table "
            "(Y for, N against, A abstain, R recused; blank if absent).")
    tag(d, "{{p motions_table }}")
    heading(d, "Action items", 2)
    tag(d, "{{p actions_table }}")
    heading(d, "Adjournment", 2)
    para(d, "The meeting was adjourned at __________.")
    heading(d, "Record", 2)
    labelled(d, "Minutes recorded on", "{{ minutes.recorded }}")
    labelled(d, "Secretary", "{{ minutes.secretary }}")
    para(d, "Signature: ____________________________________    Date: ____________________")


def sign_in():
    d = start("Sign-in sheet")
    heading(d, "Sign-in sheet: {{ meeting.title }}", 1)
    para(d, "{{ council.name }}", bold=True)
    para(d, "{{ meeting.date }}, {{ meeting.time }} · {{ meeting.place }}")
    heading(d, "Sign in", 2)
    para(d, "{{ sign_in.intro }}", italic=True)
    tag(d, "{{p sign_in_table }}")
    return d


def ballot():
    d = start("Ballot")
    tag(d, "{%p for copy in ballots %}")
    # each copy after the first starts a new page through its heading (page break before), not a
    # paragraph holding a break: that paragraph spilled onto a page of its own when a ballot filled
    # its page, printing a blank page after each copy
    tag(d, "{%p if loop.first %}")
    heading(d, "Official ballot: {{ election.title }}", 1)
    tag(d, "{%p else %}")
    heading(d, "Official ballot: {{ election.title }}", 1).paragraph_format.page_break_before = True
    tag(d, "{%p endif %}")
    para(d, "{{ council.name }} · Election held {{ election.date }}", bold=True)
    heading(d, "Instructions", 2)
    para(d, "{{ election.vote_for }}. Mark the box (☐) beside each candidate you choose. "
            "A ballot that marks more candidates than that cannot be counted for this election.")
    heading(d, "Who may vote", 2)
    para(d, "{{ election.eligibility }}")
    heading(d, "Candidates", 2)
    tag(d, "{{p candidates_table }}")
    tag(d, "{%p endfor %}")
    return d


def interest_form():
    d = start("Interest and nomination form")
    heading(d, "{{ council.term }}: interest and nomination form", 1)
    para(d, "{{ council.name }}{% if council.schools %} · {{ council.schools }}{% endif %}", bold=True)
    para(d, "The {{ council.term }} brings parents, community members and local leaders together to help "
            "our school improve. Use this form to tell us you would like to serve, or to nominate someone "
            "who would.")
    heading(d, "The person interested or nominated", 2)
    for label in ("Name", "Address", "Phone", "Email", "Connection to the school or community"):
        para(d, f"{label}: ______________________________________________________________")
    heading(d, "The group they would represent", 2)
    para(d, "Mark the box that fits best.", italic=True)
    tag(d, "{{p categories_table }}")
    heading(d, "Why they would like to serve", 2)
    lines(d, 4)
    heading(d, "Nominated by (leave blank if nominating yourself)", 2)
    para(d, "Name: ____________________________    Phone or email: ____________________________")
    heading(d, "How to return this form", 2)
    para(d, "{{ nominations.how }}")
    tag(d, "{%p if nominations.ask %}")
    para(d, "{{ nominations.ask }}")
    tag(d, "{%p endif %}")
    para(d, "Signature: ____________________________________    Date: ____________________")
    return d


def info_session():
    d = start("Information session")
    heading(d, "Information session: {{ council.term }}", 1)
    para(d, "{{ council.name }}", bold=True)
    labelled(d, "Date", "{{ session.date }}")
    labelled(d, "Time", "{{ session.time }}")
    labelled(d, "Place", "{{ session.place }}")
    para(d, "{{ council.open_meeting_statement }}", italic=True)
    heading(d, "Agenda", 2)
    for text in (
        "Welcome and introductions",
        "What the {{ council.term }} is and why the school has one",
        "What members do: meetings, reviewing school data, setting goals, reporting to the community",
        "Who can serve: the groups the council draws from",
        "How members are chosen: nominations{% if nominations.window %} ({{ nominations.window }}){% endif %}"
        "{% if election %} and the election on {{ election.date }}{% endif %}",
        "Questions and answers",
        "How to fill in the interest and nomination form and where to return it",
    ):
        para(d, text, style="List Number")
    heading(d, "Who can serve", 2)
    tag(d, "{{p categories_table }}")
    heading(d, "Nominations", 2)
    para(d, "{{ nominations.for_session }}")
    tag(d, "{%p if nominations.ask %}")
    para(d, "{{ nominations.ask }}")
    tag(d, "{%p endif %}")
    return d


def plan():
    d = start("Community Engagement Plan")
    heading(d, "Community Engagement Plan", 1)
    para(d, "{{ council.name }}{% if council.schools %} · {{ council.schools }}{% endif %}", bold=True)
    para(d, "School year {{ plan.school_year }}{% if plan.adopted %} · adopted {{ plan.adopted }}{% endif %}")
    tag(d, "{%p for component in plan.components %}")
    heading(d, "{{ component.number }}. {{ component.heading }}", 2)
    tag(d, "{%p if component.missing %}")
    para(d, "Not yet written: the plan must describe this before it is submitted.", bold=True)
    tag(d, "{%p endif %}")
    tag(d, "{%p for text in component.paragraphs %}")
    para(d, "{{ text }}")
    tag(d, "{%p endfor %}")
    tag(d, "{%p endfor %}")
    heading(d, "Team roster", 2)
    para(d, "Members of the {{ council.term }} on {{ document.date }}.")
    tag(d, "{{p roster_table }}")
    heading(d, "Required groups", 3)
    tag(d, "{{p groups_table }}")
    heading(d, "Meeting calendar", 2)
    tag(d, "{{p calendar_table }}")
    block = [heading(d, "Signature", 2),
             para(d, "Signed for the {{ council.term }} by a member who is not a building administrator."),
             labelled(d, "Name", "{{ signer.name }}"),
             para(d, "Signature: ____________________________________    Date: ____________________")]
    keep_together(block)
    return d


def progress_report():
    d = start("Progress report")
    heading(d, "Progress report {{ report.year }}", 1)
    para(d, "{{ council.name }}{% if council.schools %} · {{ council.schools }}{% endif %}", bold=True)
    para(d, "What the {{ council.term }} did in the {{ report.year }} school year: the goals it set, "
            "the data it reviewed, the meetings it held and what it recommended.")
    heading(d, "Our goals", 2)
    tag(d, "{%p for goal in report.goals %}")
    heading(d, "{{ goal.statement }}", 3)
    tag(d, "{%p if goal.measure %}")
    labelled(d, "Measure", "{{ goal.measure }}{% if goal.baseline %}; baseline {{ goal.baseline }}{% endif %}"
                            "{% if goal.target %}; target {{ goal.target }}{% endif %}")
    tag(d, "{%p endif %}")
    tag(d, "{%p for note in goal.progress %}")
    para(d, "{{ note.date }}: {{ note.text }}", style="List Bullet")
    tag(d, "{%p endfor %}")
    tag(d, "{%p endfor %}")
    tag(d, "{%p if not report.goals %}")
    para(d, "No goals were recorded for this year.")
    tag(d, "{%p endif %}")
    heading(d, "Data we reviewed", 2)
    tag(d, "{{p data_table }}")
    heading(d, "Meetings held", 2)
    tag(d, "{{p meetings_table }}")
    heading(d, "Our recommendations", 2)
    tag(d, "{{p recommendations_table }}")
    heading(d, "Council members", 2)
    tag(d, "{{p members_table }}")
    return d


BUILDERS = {
    "agenda.docx": agenda,
    "minutes.docx": minutes,
    "sign-in.docx": sign_in,
    "ballot.docx": ballot,
    "interest-form.docx": interest_form,
    "info-session.docx": info_session,
    "plan.docx": plan,
    "progress-report.docx": progress_report,
}


def build(folder: Path) -> list[Path]:
    written = []
    for name, builder in BUILDERS.items():
        document = builder()
        target = folder / name
        target.write_bytes(base.save_reproducible(document, TEMPLATE_DATE, document.core_properties.title))
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(__file__).resolve().parents[3] / "templates"
    for path in build(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
