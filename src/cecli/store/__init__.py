"""The one way anything writes to a council folder.

    from cecli.store import change

    with change(root, "Add member Ann Lee.", author=None) as tx:
        doc = tx.edit("roster.yaml", default={"members": []})
        doc["members"].append({"id": "ann-lee", "name": "Ann Lee", "category": "parent"})
        tx.write_bytes("documents/meetings/2025-10-14/agenda.docx", data)
        tx.write_text("meetings/2025-10-14.yaml", text)
    sha, paths = tx.result

On leaving the block without an exception: the edited documents are written back round-trip
(comments, key order and quoting kept), the would-be council is checked (a change that introduces
CEC001-CEC005 errors is refused with RecordsInvalid, nothing written), files are replaced
atomically and exactly those paths are committed once, as the resolved author. Anything the user
had staged stays staged. On failure everything is put back and GitProblem says so.

After the commit, `tx.problems` holds the errors and warnings (every rule, as of today) that the
change left and that were not there before (`new_problems`); `problems_note` words them for the
user. The change is kept: the user may be part-way through a task.

`resolve_author` picks the identity: --author > CEC_AUTHOR > git config; none is an error.
`put(mapping, key, value, order)` adds a key in a sensible place.
"""

from cecli.store.identity import Author, NoIdentity, resolve_author
from cecli.store.problems import new_problems, problems_note
from cecli.store.transaction import Change, change
from cecli.store.yamlrt import put

__all__ = ["Author", "Change", "NoIdentity", "change", "new_problems", "problems_note", "put", "resolve_author"]
