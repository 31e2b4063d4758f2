"""Confidence from labelled data: how often each verdict was right on corpora nobody had tuned on.

A verdict's confidence is not asserted from how strong its match looked: strong-looking matches
on subjects the judge had never seen were mostly wrong (on the first looks at four blind sets, 2
of 14 ``contradicted`` verdicts were right, 6 of 7 ``corrected``). So each verdict carries the
share of its kind that was right at those first looks, from ``data/calibration.toml``, smoothed
so that a verdict seldom given stays near one half. Development sets are left out: they were
tuned until their flags were right, and would say every flag is certain.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from claimcheck.model import Verdict


@dataclass(frozen=True)
class FirstLook:
    """One labelled set as the code that had never been tuned on it judged it."""

    set: str
    code: str
    given: Mapping[Verdict, tuple[int, int]]   # verdict -> (right, given)


@dataclass(frozen=True)
class Calibration:
    first_looks: tuple[FirstLook, ...]

    def counts(self, verdict: Verdict) -> tuple[int, int]:
        """(right, given) for ``verdict`` over every first look."""
        right = sum(look.given.get(verdict, (0, 0))[0] for look in self.first_looks)
        given = sum(look.given.get(verdict, (0, 0))[1] for look in self.first_looks)
        return right, given

    def confidence(self, verdict: Verdict) -> float:
        return smoothed_share(*self.counts(verdict))

    def describe(self) -> str:
        """For reports: what a confidence means and where it comes from."""
        statements = sum(n for look in self.first_looks for _, n in look.given.values())
        shares = ", ".join(f"{verdict.value} {self.confidence(verdict):.2f}" for verdict in Verdict)
        return (f"Confidence is the share of findings with that verdict that were right when "
                f"claimcheck first met {len(self.first_looks)} labelled corpora it had not been "
                f"tuned on ({statements} statements): {shares}. A finding is a lead to check "
                "against the evidence it quotes, not a conclusion.")


def smoothed_share(right: int, given: int) -> float:
    """The share right with one right and one wrong added: 0 of 0 is 0.5, 0 of 3 is 0.2, never
    0 or 1 from a handful of cases."""
    if not 0 <= right <= given:
        raise ValueError(f"{right} right of {given} given")
    return round((right + 1) / (given + 2), 2)


@functools.cache
def load_calibration() -> Calibration:
    """The first looks shipped with claimcheck, read once per process (each judge and each
    report asks for them)."""
    text = resources.files("claimcheck").joinpath("data/calibration.toml").read_text("utf-8")
    looks = []
    for row in tomllib.loads(text)["first_look"]:
        given = {verdict: (int(row[verdict.value][0]), int(row[verdict.value][1]))
                 for verdict in Verdict if verdict.value in row}
        looks.append(FirstLook(row["set"], row["code"], given))
    return Calibration(tuple(looks))
