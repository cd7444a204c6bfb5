"""The gazetteer folder: what a user's edits to it may say, and the errors when they are wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graphbuild.config import Settings
from graphbuild.errors import ConfigError
from graphbuild.gazetteers import load_gazetteer
from graphbuild.schema import Schema


@pytest.fixture
def folder(tmp_path: Path, settings: Settings) -> Path:
    copy = tmp_path / "gazetteers"
    shutil.copytree(settings.seeds_dir / "gazetteers", copy)
    return copy


def test_shipped_offices_name_known_roles_and_bodies(settings: Settings, schema: Schema) -> None:
    gazetteer = load_gazetteer(settings.seeds_dir / "gazetteers", schema)
    assert gazetteer.offices["attorney general"] == "U.S. Department of Justice"
    assert gazetteer.offices["president"] == "the country"
    # The start of the names of each district's office.
    assert gazetteer.offices["U.S. Attorney"] == "U.S. Attorney's Office"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("  emperor: the country\n", "office 'emperor' is not a role"),
        ("  governor: Bank of Atlantis\n", "implies 'Bank of Atlantis', which no gazetteer names"),
        # The start of a name must end at a word: "U.S. Attorney's Off" starts none.
        ("  governor: U.S. Attorney's Off\n", "which no gazetteer names"),
    ],
)
def test_an_office_the_gazetteer_cannot_place_is_a_config_error(
    folder: Path, schema: Schema, line: str, message: str
) -> None:
    titles = folder / "titles.yaml"
    titles.write_text(titles.read_text() + line)
    with pytest.raises(ConfigError, match=message):
        load_gazetteer(folder, schema)


def test_a_company_listed_by_its_full_form_is_found_by_its_short_name(
    settings: Settings, schema: Schema
) -> None:
    gazetteer = load_gazetteer(settings.seeds_dir / "gazetteers", schema)
    target = gazetteer.company_by_short_name("Target")
    assert target is not None and target.name == "Target Corp."
    # Only a legal suffix may follow: "Ford Motor" is no "Ford" plus a legal form.
    assert gazetteer.company_by_short_name("Ford") is None
    assert gazetteer.company_by_short_name("Corp.") is None


def _list_under_uruguay(folder: Path, holder: str) -> None:
    """Add ``holder`` to Uruguay's office holders, as a user would edit the file."""
    governments = folder / "governments.yaml"
    entry = "{name: Uruguay, kind: country, aliases: []"
    text = governments.read_text()
    assert entry in text
    governments.write_text(text.replace(entry, f"{entry}, officeholders: [{holder}]"))


def test_a_holder_a_user_adds_places_the_office_at_that_country(
    folder: Path, schema: Schema
) -> None:
    _list_under_uruguay(folder, "Yamandú Orsi")
    gazetteer = load_gazetteer(folder, schema)
    # Accents and case aside, the name is the holder's.
    assert gazetteer.country_of_holder(["Juan Pérez", "yamandu orsi"]) == "Uruguay"
    assert gazetteer.country_of_demonym("Uruguayan") == "Uruguay"
    assert gazetteer.country_of_holder(["Juan Pérez"]) is None


def test_a_holder_under_two_countries_is_a_config_error(folder: Path, schema: Schema) -> None:
    _list_under_uruguay(folder, "Emmanuel Macron")
    with pytest.raises(ConfigError, match="'Emmanuel Macron' is listed under both"):
        load_gazetteer(folder, schema)
