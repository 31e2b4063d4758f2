"""The extraction cache: an unchanged re-run reads nothing again; any change is read afresh."""

from claimcheck.corpus.load import load_corpus
from claimcheck.extract.extractor import Extractor
from claimcheck.pipeline.cache import ExtractionCache
from claimcheck.pipeline.run import check_corpus

from .conftest import shared_embedder, write_item


def corpus(claims, evidence):
    return load_corpus(claims, evidence)


def spy(monkeypatch):
    """Count the items extraction is asked to read."""
    seen = []
    for name in ("claims_of", "facts_of"):
        original = getattr(Extractor, name)

        def counting(self, items, *args, _original=original, **kwargs):
            items = list(items)
            seen.extend(item.id for item in items)
            return _original(self, items, *args, **kwargs)
        monkeypatch.setattr(Extractor, name, counting)
    return seen


def test_a_rerun_reads_nothing_and_gives_the_same_findings(nlp, lexicon, corpus_dirs, tmp_path,
                                                          monkeypatch):
    claims, evidence = corpus_dirs
    write_item(claims, "s", {"date": "2016-09-26", "speaker": "DfE", "venue": "press"},
               "Pupil data will not be passed to the Home Office.")
    write_item(evidence, "e", {"title": "FOI", "date": "2016-08-01"},
               "The Department shares pupil data with the Home Office.")
    seen = spy(monkeypatch)
    cache = ExtractionCache(tmp_path / "cache.sqlite3", nlp, lexicon)
    first = check_corpus(corpus(claims, evidence), nlp, lexicon, cache=cache, embedder=shared_embedder())
    assert sorted(seen) == ["e", "s"]
    seen.clear()
    second = check_corpus(corpus(claims, evidence), nlp, lexicon, cache=cache, embedder=shared_embedder())
    assert seen == []
    assert second.findings == first.findings


def test_an_edited_file_is_read_again(nlp, lexicon, corpus_dirs, tmp_path, monkeypatch):
    claims, evidence = corpus_dirs
    meta = {"date": "2016-09-26", "speaker": "DfE", "venue": "press"}
    write_item(claims, "s", meta, "Pupil data will not be passed to the Home Office.")
    write_item(evidence, "e", {"title": "FOI", "date": "2016-08-01"}, "Nothing relevant.")
    cache = ExtractionCache(tmp_path / "cache.sqlite3", nlp, lexicon)
    check_corpus(corpus(claims, evidence), nlp, lexicon, cache=cache, embedder=shared_embedder())
    write_item(evidence, "e", {"title": "FOI", "date": "2016-08-01"},
               "The Department shares pupil data with the Home Office.")
    seen = spy(monkeypatch)
    result = check_corpus(corpus(claims, evidence), nlp, lexicon, cache=cache, embedder=shared_embedder())
    assert seen == ["e"]
    assert result.findings[0].verdict.value == "contradicted"


def test_a_different_lexicon_does_not_reuse_readings(nlp, lexicon, tmp_path):
    from claimcheck.lexicon import load_lexicon
    extra = tmp_path / "more.toml"
    extra.write_text('[things.tax_data]\nterms = ["tax records"]\n')
    a = ExtractionCache(tmp_path / "a.sqlite3", nlp, lexicon)
    b = ExtractionCache(tmp_path / "b.sqlite3", nlp, load_lexicon([extra]))
    assert a.key("statement", "s", "abc") != b.key("statement", "s", "abc")
    assert a.key("statement", "s", "") is None


def test_sentence_vectors_are_kept_by_content_and_reused_bit_for_bit(nlp, lexicon, tmp_path,
                                                                     monkeypatch):
    from claimcheck.match.embed import Embedder, StoredVectors, load_embedder

    texts = ["Pupil data will not be passed to the Home Office.", "The Agency closed four depots."]
    cache = ExtractionCache(tmp_path / "cache.sqlite3", nlp, lexicon)
    first, _ = load_embedder()
    first.store = StoredVectors(cache)
    made = first.encode(texts)
    again, _ = load_embedder()
    again.store = StoredVectors(cache)

    def no_model(self, batch):
        raise AssertionError(f"embedded again: {batch}")
    monkeypatch.setattr(Embedder, "_run", no_model)
    assert again.encode(texts).tobytes() == made.tobytes()


def test_a_stored_vector_of_the_wrong_shape_is_embedded_again(nlp, lexicon, tmp_path):
    from claimcheck.match.embed import StoredVectors, load_embedder

    text = "The Agency closed four depots."
    cache = ExtractionCache(tmp_path / "cache.sqlite3", nlp, lexicon)
    store = StoredVectors(cache)
    cache.put_many([(store._key(text), "AAAA")])   # three bytes of zeros: not a vector
    assert store.get_many([text]) == {}
    fresh, _ = load_embedder()
    fresh.store = store
    assert fresh.encode([text]).shape == (1, 384)
    assert text in store.get_many([text])
