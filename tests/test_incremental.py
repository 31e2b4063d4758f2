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

    def counting(self, statement, claims, matches):
        seen.append(statement.id)
        return original(self, statement, claims, matches)
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
