"""The published schemas cec's open data claims to follow, loaded for the tests.

Open Civic Data: the JSON Schemas of pupa, OCD's scraper framework, as its PyPI package ships them
(`pupa/scrape/schemas/*.py`, BSD licence; their vocabularies come from the `opencivicdata`
package). Both are in the `test` extra; importing `pupa.scrape` would start pupa's Django side, so
the schema modules are loaded as a package of their own.

Popolo's own JSON Schemas (github.com/popolo-project/popolo-spec, schemas/*.json) are on no
package registry and are not copied into this repository: the tests assert the properties they
require (see tests/test_opendata.py), and the schemas themselves were run against the exports by
hand.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import sys
import types
from pathlib import Path


def ocd_schema(kind: str) -> dict:
    """pupa's schema for `kind` (event, vote_event, person, organization, membership)."""
    found = importlib.util.find_spec("pupa")
    assert found and found.submodule_search_locations, "pupa is required: pip install '.[test]'"
    folder = Path(list(found.submodule_search_locations)[0]) / "scrape" / "schemas"
    if "ocd_schemas" not in sys.modules:
        package = types.ModuleType("ocd_schemas")
        package.__path__ = [str(folder)]
        sys.modules["ocd_schemas"] = package
    return importlib.import_module(f"ocd_schemas.{kind}").schema


def ocd_errors(kind: str, item: dict) -> list[str]:
    """Every way `item` breaks OCD's schema for `kind`, as pupa itself validates (Draft 3, with its
    `date` and `datetime` types, formats checked)."""
    from jsonschema import Draft3Validator, FormatChecker

    checker = Draft3Validator.TYPE_CHECKER.redefine(
        "datetime", lambda _c, d: isinstance(d, dt.datetime)).redefine(
        "date", lambda _c, d: isinstance(d, dt.date))
    validator_class = __import__("jsonschema").validators.extend(Draft3Validator, type_checker=checker)
    validator = validator_class(ocd_schema(kind), format_checker=FormatChecker())
    return [f"{kind} {item.get('id')}: {'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(item)]
