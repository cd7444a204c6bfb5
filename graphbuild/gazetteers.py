"""Gazetteers: curated names from ``seeds/gazetteers/*.yaml``, checked against the schema.

Each file declares one entity ``type`` and ``entries`` with a canonical
``name``, an optional ``kind`` and ``aliases``; ``titles.yaml`` maps job titles
to the normalised role that ``ROLE_AT`` carries, and its ``offices`` name the
body a public office implies when a story leaves it unnamed ("Attorney General
Merrick Garland" is at the Justice Department). Users edit these files to
teach graphbuild names it mistypes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graphbuild.errors import ConfigError
from graphbuild.schema import Schema

TITLES_FILE = "titles.yaml"


# Endings that only say what legal form a company takes.
_LEGAL_SUFFIXES = frozenset({"corp", "corporation", "inc", "plc", "ltd", "llc", "ag", "sa", "nv"})


class GazetteerEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    type: str
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    # A country's adjective ("Colombian") and people who have held its top offices
    # ("Gustavo Petro"): they place "Colombian President Gustavo Petro", or "President
    # Donald Trump" in a story that names several countries, at the right country.
    demonyms: tuple[str, ...] = ()
    officeholders: tuple[str, ...] = ()

    def surface_forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Gazetteer(BaseModel):
    """All curated names and titles, loaded once per run."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entries: tuple[GazetteerEntry, ...]
    titles: dict[str, str] = Field(description="Surface form of a title -> normalised role")
    offices: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Public office (a normalised role) -> the body it implies when none is named: "
            "a gazetteer name (or the start of such names, for the article's one body "
            "named so), or 'the <kind>' for the article's one body of that kind"
        ),
    )

    def country_of_demonym(self, word: str) -> str | None:
        """The country whose adjective ``word`` is: "Colombian" -> "Colombia"."""
        for item in self.entries:
            if word in item.demonyms:
                return item.name
        return None

    def country_of_holder(self, names: Iterable[str]) -> str | None:
        """The country a person (any of ``names``) has held a top office of."""
        wanted = {folded_name(name) for name in names}
        for item in self.entries:
            if any(folded_name(holder) in wanted for holder in item.officeholders):
                return item.name
        return None

    def entry(self, name: str, entity_type: str) -> GazetteerEntry | None:
        for item in self.entries:
            if item.name == name and item.type == entity_type:
                return item
        return None

    def company_by_short_name(self, name: str) -> GazetteerEntry | None:
        """The company listed by its full form only ("Target Corp.", "Block Inc.") whose
        name is ``name`` and a legal suffix: the short form, once the context has made it
        a company, names that entry."""
        for item in self.entries:
            if item.type != "Organization":
                continue
            for form in item.surface_forms():
                stem, _, suffix = form.rpartition(" ")
                if stem == name and suffix.lower().rstrip(".") in _LEGAL_SUFFIXES:
                    return item
        return None


def folded_name(name: str) -> str:
    """A name without accents or case: "Recep Tayyip Erdoğan" = "Recep Tayyip Erdogan"."""
    parts = unicodedata.normalize("NFKD", name)
    return "".join(c for c in parts if not unicodedata.combining(c)).casefold()


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read gazetteer: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping with 'type' and 'entries'")
    return raw


def load_gazetteer(directory: Path, schema: Schema) -> Gazetteer:
    """Read every ``*.yaml`` in ``directory``; unknown entity types are a configuration error."""
    if not directory.is_dir():
        raise ConfigError(
            f"gazetteer folder not found: {directory}",
            hint="set GRAPHBUILD_SEEDS_DIR to the folder that holds gazetteers/",
        )
    entries: list[GazetteerEntry] = []
    titles: dict[str, str] = {}
    offices: dict[str, str] = {}
    for path in sorted(directory.glob("*.yaml")):
        raw = _read_yaml(path)
        if path.name == TITLES_FILE:
            for role, forms in (raw.get("roles") or {}).items():
                for form in forms or []:
                    titles[str(form)] = str(role)
            offices = {str(k): str(v) for k, v in (raw.get("offices") or {}).items()}
            continue
        entity_type = raw.get("type")
        if entity_type not in schema.entity_types:
            raise ConfigError(
                f"{path}: type {entity_type!r} is not an entity type of the schema",
                hint=f"use one of {', '.join(schema.entity_types)}",
            )
        for i, item in enumerate(raw.get("entries") or [], start=1):
            try:
                entries.append(GazetteerEntry(type=entity_type, **item))
            except (ValidationError, TypeError) as exc:
                raise ConfigError(f"{path}: entry {i} is invalid: {exc}") from exc
    _check_offices(offices, set(titles.values()), {e.name for e in entries}, directory)
    _check_countries_apart(entries, directory)
    return Gazetteer(entries=tuple(entries), titles=titles, offices=offices)


def _check_countries_apart(entries: list[GazetteerEntry], directory: Path) -> None:
    """An adjective or an office holder belongs to one country only."""
    owner: dict[str, str] = {}
    for item in entries:
        for word in (*item.demonyms, *item.officeholders):
            key = folded_name(word)
            if owner.setdefault(key, item.name) != item.name:
                raise ConfigError(
                    f"{directory}: {word!r} is listed under both {owner[key]} and {item.name}",
                    hint="keep it under the one country whose adjective or office it is",
                )


def _check_offices(
    offices: dict[str, str], roles: set[str], names: set[str], directory: Path
) -> None:
    """Each office is a role of the title list and implies a named body or a kind of body."""
    where = directory / TITLES_FILE
    for office, body in offices.items():
        if office not in roles:
            raise ConfigError(
                f"{where}: office {office!r} is not a role under 'roles'",
                hint="add the office's titles under 'roles' first",
            )
        # A body may be named by the start of its names: "U.S. Attorney's Office" for the
        # office of each district.
        if not body.startswith("the ") and not any(
            name == body or name.startswith(body + " ") for name in names
        ):
            raise ConfigError(
                f"{where}: office {office!r} implies {body!r}, which no gazetteer names",
                hint=(
                    "use a gazetteer entry's name or the start of one, or 'the <kind>' "
                    "(e.g. 'the country')"
                ),
            )
