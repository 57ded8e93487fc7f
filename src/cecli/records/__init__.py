"""The records library: what each command that changes a council does, over `cecli.store`.

One module per family (init, members, meetings, outreach, signing, ...). Functions take plain
values, check them before anything is written, make their change through `cecli.store.change` (one
commit) and return what was written; they print nothing (the CLI does).
"""
