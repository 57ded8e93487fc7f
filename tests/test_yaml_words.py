"""YAML mistakes people make by hand (indentation, a tab, a missing colon) are said in plain words, at the line."""

from __future__ import annotations

import pytest
from conftest import MS_COUNCIL, found, run_check, write_council

from cecli.yamlread import YamlProblem, parse


@pytest.mark.parametrize("text, line, column, says", [
    ("name: A\nscope: school\n   profile: ms-cec\n", 3, 4,
     "Line 3 is indented more than the line above it (line 2), which does not start a section."),
    ("name: A\n# a comment\n\n   profile: ms-cec\n", 4, 4, "Line 4 is indented more than the line above it (line 1)"),
    ("members:\n  - id: a\n    name: A\n   category: parent\n", 4, 4,
     "Line 4 is indented less than line 3 but does not line up with any line above it."),
    ("members:\n  - id: a\n  name: A\n", 3, 3, "Line 3 is lined up with the list entry on line 2 but does not start with `- `."),
    ("name: A\n\tprofile: ms-cec\n", 2, 1, "Line 2 is indented with a tab; YAML indents with spaces only."),
    ("name: A\nprofile ms-cec\nscope: school\n", 2, 1, "Line 2 has no colon after `profile`"),
])
def test_hand_made_yaml_mistakes_are_said_in_plain_words(text, line, column, says):
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    assert says in caught.value.message
    assert (caught.value.line, caught.value.column) == (line, column)
    assert caught.value.hint


def test_cec_check_shows_the_plain_words_at_file_line_col(council):
    root = council({"council.yaml": MS_COUNCIL.replace("scope: school", "scope: school\n  extra: 1"),
                    "roster.yaml": "members: []\n"})
    report = run_check(root)
    assert ("council.yaml", 4, "CEC001") in found(report)
    finding = next(f for f in report.findings if f.code == "CEC001")
    assert finding.message.startswith("Line 4 is indented more than the line above it (line 3)")
    assert finding.column == 3
