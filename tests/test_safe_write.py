"""What cec writes stays in the council folder: a link on the way to a file it would write (a
documents/ folder linked elsewhere, a data file that is a link) is refused with a plain message
before anything is written, and whatever the link leads to is left untouched."""

from __future__ import annotations

import os

from conftest import invoke
from gitcouncil import git, make_council, snapshot


def run(root, *args):
    return invoke([*args, "--council", root])


def test_documents_linked_outside_are_refused_before_anything_is_written(tmp_path):
    root = make_council(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, root / "documents")
    git(root, "add", "documents")
    git(root, "commit", "-qm", "Link the documents folder.")
    before = snapshot(root)
    result = run(root, "meeting", "docs", "2025-10-14")
    assert result.exit_code == 2, result.output
    assert "`documents` is a link, not a folder in the council folder" in result.output
    assert "Nothing was written." in result.output and "Traceback" not in result.output
    assert list(elsewhere.iterdir()) == []
    assert snapshot(root) == before


def test_a_data_file_that_is_a_link_out_is_never_read_or_replaced(tmp_path):
    root = make_council(tmp_path)
    outside = tmp_path / "outside.yaml"
    outside.write_text((root / "outreach.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    kept = outside.read_bytes()
    (root / "outreach.yaml").unlink()
    os.symlink(outside, root / "outreach.yaml")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Link the outreach log.")
    before = snapshot(root)
    result = run(root, "outreach", "add", "communication", "--date", "2025-09-02", "--channel", "newsletter",
                 "--description", "Flyers home")
    assert result.exit_code == 2, result.output
    assert "outreach.yaml" in result.output and "Traceback" not in result.output
    assert outside.read_bytes() == kept and os.path.islink(root / "outreach.yaml")
    assert snapshot(root) == before


def test_a_link_inside_the_folder_is_not_written_through_either(tmp_path):
    root = make_council(tmp_path)
    (root / "real-docs").mkdir()
    (root / "real-docs" / "keep.txt").write_text("kept\n")
    os.symlink("real-docs", root / "documents")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "Link the documents folder inside.")
    result = run(root, "meeting", "docs", "2025-10-14")
    assert result.exit_code == 2, result.output
    assert "`documents` is a link" in result.output
    assert sorted(p.name for p in (root / "real-docs").iterdir()) == ["keep.txt"]
