"""Pin the public API of claimcheck.sources: a change here is a change for library users."""

import claimcheck.sources


def test_exported_members():
    assert sorted(claimcheck.sources.__all__) == [
        "CorpusWriter", "DiskCache", "HansardSearch", "HttpClient", "Item", "KeptEdit",
        "LICENCE", "OPEN_PARLIAMENT_LICENCE", "Parliament", "ParliamentApis", "Provenance",
        "QuestionSearch", "WhatDoTheyKnow", "WriteResult", "make_session",
    ]
    for name in claimcheck.sources.__all__:
        assert hasattr(claimcheck.sources, name)
