from pathlib import Path

import pytest

from claimcheck.corpus.load import load_corpus
from claimcheck.dates import PartialDate
from claimcheck.errors import CorpusError

from .conftest import write_item

STATEMENT = {"date": "2016-07-25", "speaker": "Nick Gibb", "venue": "written-answer"}
EVIDENCE = {"title": "MOU v1.0", "kind": "agreement", "date": "2015-12-18",
            "effective_from": "2015-07", "disclosed": "2016-12-15"}


def test_loads_statements_and_evidence_with_defaults(corpus_dirs):
    claims, evidence = corpus_dirs
    write_item(claims, "pq-42842", STATEMENT | {"reference": "PQ 42842"}, "The data ...")
    write_item(evidence, "mou", EVIDENCE, "Nationality (once collected).")
    corpus = load_corpus(claims, evidence)
    assert corpus.problems == ()
    statement, = corpus.statements
    assert (statement.id, statement.date, statement.reference) == (
        "pq-42842", PartialDate(2016, 7, 25), "PQ 42842")
    item, = corpus.evidence
    assert item.effective_from == PartialDate(2015, 7)
    assert item.disclosed_on == PartialDate(2016, 12, 15)


def test_disclosed_defaults_to_the_document_date(corpus_dirs):
    claims, evidence = corpus_dirs
    write_item(claims, "s", STATEMENT, "Text.")
    write_item(evidence, "e", {"title": "Letter", "date": "2016-01-02"}, "Text.")
    item, = load_corpus(claims, evidence).evidence
    assert item.disclosed is None and item.disclosed_on == PartialDate(2016, 1, 2)
    assert item.kind == "report"


@pytest.mark.parametrize("meta, body, field, message", [
    ({k: v for k, v in STATEMENT.items() if k != "speaker"}, "x", "speaker", "is required"),
    (STATEMENT | {"date": "2016-02-30"}, "x", "date", "does not exist"),
    (STATEMENT | {"venue": "writen-answer"}, "x", "venue", "did you mean 'written-answer'?"),
    (STATEMENT, "", None, "has no text after the front matter"),
])
def test_bad_statement_is_skipped_with_a_message_naming_file_and_field(corpus_dirs, meta, body,
                                                                       field, message):
    claims, evidence = corpus_dirs
    write_item(claims, "good", STATEMENT, "Fine.")
    bad = write_item(claims, "bad", meta, body)
    evidence.mkdir()
    corpus = load_corpus(claims, evidence)
    assert [s.id for s in corpus.statements] == ["good"]
    problem, = corpus.problems
    assert problem.path == bad and problem.field == field and message in problem.message


def test_strict_makes_the_first_problem_fatal(corpus_dirs):
    claims, evidence = corpus_dirs
    write_item(claims, "bad", STATEMENT | {"date": "2016-13-01"}, "x")
    evidence.mkdir()
    with pytest.raises(CorpusError) as caught:
        load_corpus(claims, evidence, strict=True)
    assert str(caught.value).startswith(f"{claims / 'bad.md'}, field 'date': ")


def test_front_matter_must_open_and_close(corpus_dirs):
    claims, evidence = corpus_dirs
    claims.mkdir(parents=True)
    evidence.mkdir()
    (claims / "none.md").write_text("Just text.\n")
    (claims / "open.md").write_text("---\ndate: 2016-01-01\nJust text.\n")
    (claims / "list.md").write_text("---\n- a\n- b\n---\nText.\n")
    messages = {p.path.name: p.message for p in load_corpus(claims, evidence).problems}
    assert "first line must be '---'" in messages["none.md"]
    assert "not closed" in messages["open.md"]
    assert "mapping" in messages["list.md"]


def test_duplicate_ids_keep_the_first(corpus_dirs):
    claims, evidence = corpus_dirs
    write_item(claims, "a", STATEMENT | {"id": "same"}, "One.")
    write_item(claims, "b", STATEMENT | {"id": "same"}, "Two.")
    evidence.mkdir()
    corpus = load_corpus(claims, evidence)
    assert [s.text for s in corpus.statements] == ["One."]
    assert "already used by" in corpus.problems[0].message


def test_unknown_field_is_reported_but_the_file_loads(corpus_dirs):
    claims, evidence = corpus_dirs
    write_item(claims, "a", STATEMENT | {"refrence": "PQ 1"}, "One.")
    evidence.mkdir()
    corpus = load_corpus(claims, evidence)
    assert len(corpus.statements) == 1
    assert corpus.problems[0].field == "refrence"
    assert "did you mean 'reference'?" in corpus.problems[0].message


def test_binary_and_non_utf8_files_are_named(corpus_dirs):
    claims, evidence = corpus_dirs
    claims.mkdir(parents=True)
    evidence.mkdir()
    (claims / "bin.md").write_bytes(b"---\x00\x01")
    (claims / "latin.md").write_bytes("---\ndate: 2016\n---\ncaf\xe9\n".encode("latin-1"))
    messages = {p.path.name: p.message for p in load_corpus(claims, evidence).problems}
    assert "binary" in messages["bin.md"]
    assert "not UTF-8" in messages["latin.md"]


def test_missing_folder_is_an_error(tmp_path: Path):
    with pytest.raises(CorpusError, match="folder does not exist"):
        load_corpus(tmp_path / "nope", tmp_path / "nope2")
