"""The same sentence twice gives two findings with two ids; marks that say nothing ("(!)", an
emoji) never change a reading, and quotes keep them verbatim."""

from __future__ import annotations

import pytest

from claimcheck.dates import PartialDate
from claimcheck.model import Statement

from ..conftest import write_item
from ..test_judge import verdicts

NO_PLANS = "There are currently no plans to share the data with other government departments."


def test_the_same_sentence_twice_gives_findings_with_distinct_ids(nlp, lexicon, corpus_dirs):
    claims, evidence = corpus_dirs
    write_item(claims, "s", {"date": "2016-07-25", "speaker": "A. Minister", "venue": "oral"},
               f"{NO_PLANS} {NO_PLANS}")
    write_item(evidence, "e", {"title": "A note", "date": "2016-01-01"}, "Nothing here.")
    result, _ = verdicts(nlp, lexicon, claims, evidence)
    ids = [f.id for f in result.findings]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert ids[1] == ids[0] + "-2"


@pytest.mark.parametrize("noise", ["(!)", "( ! )", "😀", "[sic]", "👍🏽"])
def test_noise_after_no_plans_changes_nothing(extractor, noise):
    def reading(text):
        claim, = extractor.claims(Statement(id="s", date=PartialDate(2016), speaker="x",
                                            venue="oral", text=text))
        return claim, [(p.action, p.polarity, p.modality) for p in claim.analysis.propositions]

    plain, plain_reading = reading(NO_PLANS)
    text = NO_PLANS.replace("no plans", f"no plans {noise}")
    noisy, noisy_reading = reading(text)
    assert noisy_reading == plain_reading
    assert noisy.text == text   # the quote is the sentence as written
