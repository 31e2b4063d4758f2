from pathlib import Path

import pytest

from claimcheck.errors import LexiconError
from claimcheck.lexicon import load_lexicon
from claimcheck.match.matcher import things_compatible

from .conftest import ROOT


@pytest.mark.parametrize("alias", ["Home Office", "HO", "UK Visas and Immigration",
                                   "Immigration Enforcement", "Border Force"])
def test_home_office_aliases_are_one_entity(extractor, nlp, alias):
    mentions = extractor._mentions(nlp(f"The data went to {alias} last year."))
    assert [m.key for m in mentions if m.category == "entities"] == ["home_office"]


@pytest.mark.parametrize("verb", ["share the data with", "pass the data on to", "hand over the data to",
                                  "provide the data to", "disclose the data to"])
def test_sharing_synonyms_are_one_action(extractor, nlp, verb):
    analysis, = extractor.analyse(nlp(f"The Department will not {verb} the Home Office."))
    assert analysis.main.action == "share"
    assert analysis.main.recipients == {"home_office"}


def test_other_government_departments_cover_any_department_but_the_speakers(lexicon):
    assert lexicon.covers("other_government_departments", "home_office", "department_for_education")
    assert not lexicon.covers("other_government_departments", "department_for_education",
                              "department_for_education")
    assert not lexicon.covers("home_office", "other_government_departments")


def test_a_kind_of_thing_speaks_to_the_broader_thing_not_the_reverse(subject_lexicon):
    lexicon = subject_lexicon
    ok, shared = things_compatible(frozenset({"pupil_data"}), frozenset({"nationality_data"}), lexicon)
    assert ok and shared == ("pupil_data",)
    ok, _ = things_compatible(frozenset({"nationality_data"}), frozenset({"pupil_data"}), lexicon)
    assert not ok


def test_removals_and_returns_are_one_action(subject_extractor, nlp):
    extractor = subject_extractor
    for text in ("The Home Office carried out removals.", "The Home Office carried out returns."):
        mentions = extractor._mentions(nlp(text))
        assert "enforce" in {m.key for m in mentions}


def test_a_user_lexicon_extends_the_default(tmp_path: Path):
    extra = tmp_path / "more.toml"
    extra.write_text('[entities.home_office]\naliases = ["the Border Agency"]\n'
                     '[things.tax_data]\nterms = ["tax records"]\nwithin = ["personal_data"]\n')
    lexicon = load_lexicon([extra])
    assert "the Border Agency" in lexicon.concepts["home_office"].terms
    assert "Home Office" in lexicon.concepts["home_office"].terms
    assert lexicon.broader("tax_data") == {"tax_data", "personal_data", "data"}


def test_a_corpus_lexicon_beside_the_folders_is_read():
    from claimcheck.pipeline.run import lexicon_for
    lexicon = lexicon_for(ROOT / "tests/fixtures/health/claims")
    assert "nhs_digital" in lexicon.concepts


@pytest.mark.parametrize("content, message", [
    ("[entities", "not valid TOML"),
    ("[colours.red]\nterms=[]", "unknown section"),
    ("[things.x]\nterms = \"not a list\"", "must be a list of text"),
])
def test_bad_lexicon_files_are_named(tmp_path: Path, content, message):
    bad = tmp_path / "bad.toml"
    bad.write_text(content)
    with pytest.raises(LexiconError, match=message) as caught:
        load_lexicon([bad])
    assert str(bad) in str(caught.value)


@pytest.mark.parametrize("name, alias", [
    ("Foreign and Commonwealth Office", "Foreign Office"),
    ("FCDO", "Foreign Secretary"),
    ("Ministry of Defence", "MoD"),
    ("Ministry of Agriculture, Fisheries and Food", "Defra"),
    ("HMRC", "Inland Revenue"),
    ("DTLR", "Department for Transport"),
])
def test_a_department_is_known_by_each_of_its_names(lexicon, name, alias):
    """A correction by "the Foreign Office" is the department that spoke as "the Foreign and
    Commonwealth Office": general knowledge of Whitehall, on any subject."""
    assert alias in lexicon.names_of(name)
    assert "Home Office" not in lexicon.names_of(name)
