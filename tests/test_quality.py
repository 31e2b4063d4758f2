"""Issue 5's quality bar, held in CI: a change that costs precision, recall or introduces a
temporal leak on either labelled corpus fails here, not in a reader's briefing."""

import pytest

from claimcheck.corpus.load import load_corpus
from claimcheck.evaluate.gold import evaluate, load_gold
from claimcheck.model import Verdict
from claimcheck.pipeline.run import check_corpus, lexicon_for

from .conftest import ROOT, shared_embedder


def report_for(folder, gold, nlp):
    corpus = load_corpus(folder / "claims", folder / "evidence", strict=True)
    result = check_corpus(corpus, nlp, lexicon_for(folder / "claims"), embedder=shared_embedder())
    return evaluate(result, load_gold(gold))


@pytest.fixture(scope="module")
def seed(nlp):
    return report_for(ROOT, ROOT / "eval/seed-gold.toml", nlp)


@pytest.fixture(scope="module")
def outside(nlp):
    return report_for(ROOT / "eval/outside", ROOT / "eval/outside/gold.toml", nlp)


def test_the_seed_contradictions_are_all_found_and_only_those(seed):
    assert (seed.scores.precision, seed.scores.recall) == (1.0, 1.0)
    assert seed.leaks == ()


def test_every_seed_correction_is_found(seed):
    corrected = [o for o in seed.outcomes if o.gold is Verdict.CORRECTED]
    assert corrected and all(o.predicted is Verdict.CORRECTED for o in corrected)


def test_the_outside_corpus_meets_the_bar(outside):
    # Measured after the default lexicon lost every subject word (issue 9): the outside corpus
    # was written beside that lexicon, and three of its positives (removal targets, Covid rules,
    # a complaint) were found through subject words. The bar is the open judge's measured level,
    # so that it cannot slip further unnoticed.
    assert outside.scores.precision >= 0.85
    assert outside.scores.recall >= 0.55
    assert outside.leaks == ()


def test_every_flag_cites_expected_evidence_often_enough(seed, outside):
    assert seed.citation_share == 1.0
    assert outside.citation_share >= 0.85


def test_both_corpora_are_fully_labelled_and_read(seed, outside):
    for report in (seed, outside):
        assert report.missing_from_corpus == () and report.unlabelled == ()
        assert report.problems == () and report.unknown_evidence == ()


def test_the_probes_hold_and_every_signal_is_reported(nlp):
    """eval/probes: one invented subject per capability, no lexicon for any of them."""
    from claimcheck.match.signals import SIGNAL_NAMES

    probes = report_for(ROOT / "eval/probes", ROOT / "eval/probes/gold.toml", nlp)
    assert probes.flag_scores.precision == 1.0 and probes.flag_scores.recall >= 0.8
    assert probes.leaks == ()
    names = {name for name, _, _ in probes.signal_table}
    assert names and names <= set(SIGNAL_NAMES) | {"correction_reference"}
    assert sum(n for _, n, _ in probes.reliability) == len(probes.outcomes)
