"""The YAML reader: YAML 1.2 meanings, positions for every value, and only YamlProblem on bad input."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cecli.yamlread import YamlProblem, parse


def test_yaml_12_scalars():
    data = parse('a: yes\nb: no\nc: on\nd: 18:30\ne: 010\nf: true\ng: ~\nh: "12"\ni: 0x1f\nj: 1.5\n').data
    assert data == {"a": "yes", "b": "no", "c": "on", "d": "18:30", "e": 10, "f": True, "g": None,
                    "h": "12", "i": 31, "j": 1.5}


def test_dates_stay_text_for_the_models_to_check():
    assert parse("date: 2025-10-14\n").data == {"date": "2025-10-14"}


def test_positions_of_values_and_keys():
    loaded = parse("members:\n  - id: ann\n    name: Ann\n  - id: bob\n")
    assert loaded.position(("members", 1, "id")) == (4, 9)
    assert loaded.position(("members", 0, "name"), key=True) == (3, 5)
    # a missing field points at the nearest thing that exists
    assert loaded.position(("members", 1, "email")) == (4, 5)


@pytest.mark.parametrize("text, line", [
    ("a: 1\na: 2\n", 2),
    ("a: &x 1\n", 1),
    ("a: 1\nb: *x\n", 2),
    ("a: !!str 1\n", 1),
    ("%YAML 1.1\n---\na: 1\n", 1),
    ("a: 1\n---\nb: 2\n", 2),
    ("a:\n\t- b\n", 2),
    ("a: [1, 2\n", 2),
])
def test_refused_with_position(text, line):
    with pytest.raises(YamlProblem) as caught:
        parse(text)
    assert caught.value.line == line
    assert caught.value.message


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:- \n\t[]{}&*!%#'\"|>?,.019")), max_size=60))
def test_any_text_parses_or_is_refused_with_a_position(text):
    try:
        parse(text)
    except YamlProblem as problem:
        assert problem.line >= 1 and problem.column >= 1 and problem.message


def test_tab_indentation_is_explained_in_plain_words():
    with pytest.raises(YamlProblem) as caught:
        parse("members:\n\t- id: ann\n")
    assert "tab" in caught.value.message and "spaces" in caught.value.message
    assert "scalar" not in caught.value.message
