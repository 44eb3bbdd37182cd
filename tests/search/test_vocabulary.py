"""The Vocabulary a SearchService owns: word forms by stem, learnt from the documents it searches."""

from __future__ import annotations

from pathlib import Path

from reader.search import SearchService
from reader.search.analysis import Vocabulary, known_words
from reader.search.prepare import prepare_text
from reader.search.query import parse_query
from reader.search.scan import term_spans


def test_a_vocabulary_learns_forms_by_stem_and_says_when_it_changed() -> None:
    vocabulary = Vocabulary()
    assert (vocabulary.variants("turtl"), vocabulary.generation) == (["turtl"], 0)
    vocabulary.register_words("turtles and a turtle")
    assert vocabulary.variants("turtl") == ["turtles", "turtle", "turtl"]
    assert vocabulary.generation == 1
    vocabulary.register_words("a turtle")  # nothing new: the generation stays
    assert vocabulary.generation == 1
    vocabulary.register_known(*known_words("turtling"))
    assert (vocabulary.variants("turtl"), vocabulary.generation) == (["turtling", "turtles", "turtle", "turtl"], 2)


def test_memo_keeps_a_value_until_a_new_word_is_learnt() -> None:
    vocabulary, made = Vocabulary(), []
    make = lambda: made.append(1) or len(made)  # noqa: E731
    assert (vocabulary.memo("k", make), vocabulary.memo("k", make)) == (1, 1)
    vocabulary.register_words("walking")
    assert vocabulary.memo("k", make) == 2


def test_word_terms_match_the_forms_the_given_vocabulary_knows() -> None:
    doc = prepare_text(Path("d.txt"), "Turtles swim. A turtle rests.")
    term = parse_query("turtle")
    empty = Vocabulary()  # has not registered the document: only the stem itself matches
    assert term_spans(doc, term, empty) == []
    learnt = Vocabulary()
    prepare_text(Path("d.txt"), "Turtles swim. A turtle rests.", vocabulary=learnt)
    assert term_spans(doc, term, learnt) == [(0, 7), (16, 6)]
    assert term_spans(doc, term) == [(0, 7), (16, 6)]  # no vocabulary: the document's own words


def test_each_service_has_its_own_vocabulary(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "a.txt").write_text("Turtles swim.\n", encoding="utf-8")
    first, second = SearchService(tmp_path / "index"), SearchService(tmp_path / "index")
    first.update([lib])
    assert first.vocabulary.variants("turtl") == ["turtles", "turtl"]
    assert second.vocabulary.variants("turtl") == ["turtl"]
    assert [hit.match for hit in second.search("turtle", [lib]).results[0].hits] == ["Turtles"]
    assert second.vocabulary.variants("turtl") == ["turtles", "turtl"]
