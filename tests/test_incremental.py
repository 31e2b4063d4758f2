"""The incremental check: after any edit, a run with the cache gives the findings a cold run
gives, byte for byte, and judges again only the statements whose findings can have changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from claimcheck.corpus.load import load_corpus
from claimcheck.judge.rules import Judge
from claimcheck.outputs.report import findings_document, json_text
from claimcheck.pipeline.cache import ExtractionCache
from claimcheck.pipeline.run import check_corpus, lexicon_for

from .conftest import ROOT, shared_embedder


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """A copy of the embedded corpus, to edit."""
    for name in ("claims", "evidence"):
        shutil.copytree(ROOT / name, tmp_path / "corpus" / name)
    return tmp_path / "corpus"


def findings_json(result) -> str:
    document = findings_document(result)
    document["generated_at"] = None
    return json_text(document)


def judged_statements(monkeypatch) -> list[str]:
    seen: list[str] = []
    original = Judge.judge

    def counting(self, statement, claims, matches, log=None):
        seen.append(statement.id)
        return original(self, statement, claims, matches, log)
    monkeypatch.setattr(Judge, "judge", counting)
    return seen


def run(root: Path, nlp, cache: ExtractionCache | None):
    claims = root / "claims"
    return check_corpus(load_corpus(claims, root / "evidence"), nlp, lexicon_for(claims),
                        cache=cache, embedder=shared_embedder())


def same_as_cold(root: Path, nlp, cache: ExtractionCache) -> None:
    assert findings_json(run(root, nlp, cache)) == findings_json(run(root, nlp, None))


def test_every_kind_of_edit_gives_the_cold_findings(seed, nlp, tmp_path, monkeypatch):
    cache = ExtractionCache(tmp_path / "cache" / "readings.sqlite3", nlp, lexicon_for(seed / "claims"))
    run(seed, nlp, cache)
    judged = judged_statements(monkeypatch)

    # Nothing changed: nothing is judged again.
    same_as_cold(seed, nlp, cache)
    assert judged.count("2016-07-25-gibb-pq-42842") == 1   # by the cold run alone

    # A changed statement: only it is judged again.
    judged.clear()
    statement = seed / "claims" / "2016-07-25-gibb-pq-42842.md"
    statement.write_text(statement.read_text(encoding="utf-8").replace(
        "solely for the Department", "only for the Department"), encoding="utf-8")
    cached = run(seed, nlp, cache)
    assert judged == ["2016-07-25-gibb-pq-42842"]
    assert findings_json(cached) == findings_json(run(seed, nlp, None))

    # A changed evidence file, a new one, a deleted one: each as a cold run sees it.
    mou = seed / "evidence" / "2015-12-18-mou-home-office-dfe-v1-0.md"
    mou.write_text(mou.read_text(encoding="utf-8") + "\nThe Home Office receives pupils' "
                   "nationality data every month.\n", encoding="utf-8")
    same_as_cold(seed, nlp, cache)
    (seed / "evidence" / "2017-01-10-new-correction.md").write_text(
        "---\ntitle: Written statement HCWS400\nkind: correction\ndate: 2017-01-10\n---\n"
        "The answer given to PQ 42842 on 25 July 2016 was not accurate: country of birth data "
        "was shared with the Home Office.\n", encoding="utf-8")
    same_as_cold(seed, nlp, cache)
    victim = sorted((seed / "evidence").iterdir())[3]
    victim.unlink()
    same_as_cold(seed, nlp, cache)
    (seed / "claims" / "2016-07-25-gibb-pq-42842.md").unlink()
    same_as_cold(seed, nlp, cache)


def test_a_new_correction_reaches_a_statement_no_candidate_named(seed, nlp, tmp_path):
    """A correction found by the statement's reference changes a verdict though it is no claim's
    candidate: it must not be served from the cache."""
    cache = ExtractionCache(tmp_path / "cache" / "readings.sqlite3", nlp, lexicon_for(seed / "claims"))
    before = {f.id: f.verdict.value for f in run(seed, nlp, cache).findings}
    (seed / "evidence" / "2017-01-10-new-correction.md").write_text(
        "---\ntitle: Ministerial correction\nkind: correction\ndate: 2017-01-10\n"
        "corrects: [PQ 42842]\n---\nThe answer given to PQ 42842 was incorrect.\n",
        encoding="utf-8")
    after = run(seed, nlp, cache)
    assert findings_json(after) == findings_json(run(seed, nlp, None))
    changed = {f.id for f in after.findings if before.get(f.id) != f.verdict.value}
    assert changed and all(i.startswith("2016-07-25-gibb-pq-42842") for i in changed)


def test_the_cache_names_the_statement_file_where_it_is_now(seed, nlp, tmp_path):
    cache = ExtractionCache(tmp_path / "cache" / "readings.sqlite3", nlp, lexicon_for(seed / "claims"))
    run(seed, nlp, cache)
    moved = tmp_path / "moved"
    shutil.copytree(seed, moved)
    paths = {json.loads(findings_json(run(moved, nlp, cache)))["findings"][0]["statement"]["path"]}
    assert all(p.startswith(str(moved)) for p in paths)


def test_the_manifest_spares_reading_and_never_hides_an_edit(tmp_path):
    from claimcheck.outputs.freshness import inputs_fingerprint

    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "a.md").write_text("one", encoding="utf-8")
    (folder / "b.md").write_text("two", encoding="utf-8")
    manifest = tmp_path / "cache" / "manifest.json"
    read = inputs_fingerprint([folder], [], ["x"])
    assert inputs_fingerprint([folder], [], ["x"], manifest=manifest) == read
    assert manifest.is_file()
    assert inputs_fingerprint([folder], [], ["x"], manifest=manifest) == read
    (folder / "a.md").write_text("ONE", encoding="utf-8")   # the same size
    edited = inputs_fingerprint([folder], [], ["x"], manifest=manifest)
    assert edited != read and edited == inputs_fingerprint([folder], [], ["x"])
    manifest.write_text('{"files": {"%s": [1, 2, 3, 4, "zz"]}}' % (folder / "b.md"))
    assert inputs_fingerprint([folder], [], ["x"], manifest=manifest) == edited
    manifest.write_text("not json")
    assert inputs_fingerprint([folder], [], ["x"], manifest=manifest) == edited


def cached_and_cold(root: Path, nlp, cache: ExtractionCache) -> str:
    """The findings of a cached run, checked against a cold run's byte for byte."""
    cached = findings_json(run(root, nlp, cache))
    assert cached == findings_json(run(root, nlp, None))
    return cached


@pytest.fixture
def cache(seed, nlp, tmp_path) -> ExtractionCache:
    made = ExtractionCache(tmp_path / "cache" / "readings.sqlite3", nlp,
                           lexicon_for(seed / "claims"))
    run(seed, nlp, made)
    return made


def test_an_evidence_edit_judges_again_only_the_statements_it_reaches(seed, nlp, cache,
                                                                      monkeypatch):
    judged = judged_statements(monkeypatch)
    minutes = seed / "evidence" / "2015-11-star-chamber-scrutiny-board-minutes.md"
    minutes.write_text(minutes.read_text(encoding="utf-8").rstrip("\n")
                       + " The board then broke for lunch.\n", encoding="utf-8")
    cached_and_cold(seed, nlp, cache)
    statements = len(list((seed / "claims").iterdir()))
    again = set(judged[:len(judged) - statements])   # the cold run judges every statement
    assert len(judged) - statements < statements // 2, again


def test_a_new_fact_that_enters_a_claims_list_reaches_it(seed, nlp, cache, monkeypatch):
    """A new document whose sentence is retrieved for a claim changes what the claim is
    matched with: that statement is judged again, and comes out as a cold run has it."""
    before = json.loads(findings_json(run(seed, nlp, cache)))["findings"]
    judged = judged_statements(monkeypatch)
    (seed / "evidence" / "2016-06-01-consultation.md").write_text(
        "---\ntitle: Consultation report\nkind: minutes\ndate: 2016-06-01\n---\n"
        "The Department consulted directly with parents regarding the changes to the school "
        "census in March 2016.\n", encoding="utf-8")
    after = json.loads(cached_and_cold(seed, nlp, cache))["findings"]
    assert "2016-07-25-gibb-pq-42842" in judged
    assert after != before


def test_a_field_the_judge_read_is_compared(seed, nlp, cache):
    """A retitled document changes every finding that cites it, though no fact changed."""
    mou = seed / "evidence" / "2015-12-18-mou-home-office-dfe-v1-0.md"
    mou.write_text(mou.read_text(encoding="utf-8").replace(
        "title: Memorandum of Understanding", "title: The Memorandum of Understanding"),
        encoding="utf-8")
    assert "The Memorandum of Understanding" in cached_and_cold(seed, nlp, cache)


def test_a_later_version_reaches_the_statements_that_cited_the_earlier(seed, nlp, cache):
    """A version signed between the first and a statement ends the first's facts for it: the
    chain of versions is part of what the judgment read."""
    before = findings_json(run(seed, nlp, cache))
    (seed / "evidence" / "2016-03-01-mou-home-office-dfe-v1-5.md").write_text(
        "---\ntitle: Memorandum of Understanding between the Home Office and the Department "
        "for Education, v1.5\nkind: agreement\ndate: 2016-03-01\nversion: '1.5'\n"
        "supersedes: [2015-12-18-mou-home-office-dfe-v1-0]\n---\n"
        "The parties agree to review the arrangements each year.\n", encoding="utf-8")
    assert cached_and_cold(seed, nlp, cache) != before


def test_a_deleted_document_a_statement_matched_reaches_it(seed, nlp, cache, monkeypatch):
    judged = judged_statements(monkeypatch)
    (seed / "evidence" / "2015-12-18-mou-home-office-dfe-v1-0.md").unlink()
    cached_and_cold(seed, nlp, cache)
    assert "2016-07-25-gibb-pq-42842" in judged


def test_a_cache_that_lost_what_a_statement_was_judged_against_judges_it_again(
        seed, nlp, cache, monkeypatch):
    """With the old evidence listing gone, nothing can say what changed: everything is judged
    again, never served stale."""
    corpus = load_corpus(seed / "claims", seed / "evidence")
    world = cache.world_key([(e.id, e.content_hash) for e in corpus.evidence], "dense")
    with cache._db:
        assert cache._db.execute("DELETE FROM readings WHERE key = ?",
                                 (cache.listing_key(world),)).rowcount == 1
    minutes = seed / "evidence" / "2015-11-star-chamber-scrutiny-board-minutes.md"
    minutes.write_text(minutes.read_text(encoding="utf-8") + "\nAnother sentence.\n",
                       encoding="utf-8")
    judged = judged_statements(monkeypatch)
    cached_and_cold(seed, nlp, cache)
    statements = len(list((seed / "claims").iterdir()))
    assert len(judged) == 2 * statements


def test_a_pairs_scores_do_not_move_with_the_rest_of_the_evidence(nlp):
    """What the incremental check rests on: a (claim, fact) pair scores the same however
    much other evidence is indexed beside the fact."""
    from claimcheck.extract.extractor import Extractor
    from claimcheck.match.retrieve import Retriever, query_counts

    corpus = load_corpus(ROOT / "claims", ROOT / "evidence")
    extractor = Extractor(nlp, lexicon_for(ROOT / "claims"))
    facts = [f for _, some in extractor.facts_of(list(corpus.evidence)) for f in some]
    claims = [c for _, some in extractor.claims_of(list(corpus.statements[:3])) for c in some]
    mine = [f for f in facts if f.evidence_id == facts[-1].evidence_id]
    alone, among = Retriever(mine, shared_embedder()), Retriever(facts, shared_embedder())
    shared = [f for f in mine if not f.implicit]
    for claim in claims:
        for fact in shared:
            assert alone.score(claim, fact) == among.score(claim, fact)
        counts = query_counts(alone._claim_terms(claim).terms)
        mine_scores = alone.lexical_scores(counts)
        all_scores = among.lexical_scores(counts)
        where = [among.facts.index(f) for f in shared]
        assert list(mine_scores) == [all_scores[i] for i in where]


def test_a_facts_similarity_does_not_move_with_where_it_stands():
    """Two facts with the same words tie wherever they stand: BLAS's blocked product gives
    the last rows of some matrix sizes another rounding, which swapped two such facts' ranks
    once a file was added (4,000 x 800 bench). Every size here puts the copy in a last row."""
    import numpy as np

    from claimcheck.match.retrieve import dense_scores

    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((4101, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    claim = vectors[0] + 0.1 * vectors[1]
    claim /= np.linalg.norm(claim)
    for size in range(4090, 4101):
        matrix = vectors[:size].copy()
        matrix[-1] = matrix[0]
        scores = dense_scores(matrix, claim)
        assert scores[-1] == scores[0], size


def test_ties_at_the_last_place_of_a_list_go_by_position():
    import numpy as np

    from claimcheck.match.retrieve import _top

    scores = np.array([0.5, 0.9, 0.5, 0.5, 0.1, 0.5])
    assert _top(scores, 3) == [1, 0, 2]
    assert _top(scores[::-1].copy(), 3) == [4, 0, 2]


def test_the_judge_and_the_signals_are_watched_for_every_field_they_read():
    from claimcheck.dates import parse_date
    from claimcheck.model import Evidence
    from claimcheck.pipeline.reads import WatchedEvidence, field_digest

    item = Evidence("e", "A title", "letter", parse_date("2016-01-01"), "Some text.")
    watched = WatchedEvidence({"e": item})
    assert watched["e"].kind == "letter" and watched.get("e").title == "A title"
    assert watched.digests() == {"e": {"kind": field_digest(item, "kind"),
                                       "title": field_digest(item, "title")}}
    with pytest.raises(AttributeError):
        watched["e"].kind = "minutes"


def test_a_correction_tied_only_by_the_words_it_quotes_reaches_the_statement(seed, nlp, cache):
    """Nothing but its quotation of the claim ties this written statement to PQ 42842: no
    speaker, no day, no reference. It must reach the statement from the cache all the same."""
    (seed / "evidence" / "2017-02-01-retraction.md").write_text(
        "---\ntitle: Department for Education written statement correcting earlier answers\n"
        "kind: statement\n"
        "date: 2017-02-01\n---\nEarlier answers said that \"there are currently no plans to "
        "share the data with other government departments unless we are legally required to "
        "do so\". Those answers were not accurate, and are corrected here.\n", encoding="utf-8")
    findings = json.loads(cached_and_cold(seed, nlp, cache))["findings"]
    assert any(f["statement_id"] == "2016-07-25-gibb-pq-42842" and f["verdict"] == "corrected"
               for f in findings)
