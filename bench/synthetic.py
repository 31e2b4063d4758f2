"""Write a synthetic claimcheck corpus: realistic UK government statements and evidence from
templates, with a fixed seed.

The corpus is a set of *topics*: a department holding a kind of data, and another body that might
receive it. Each topic gets a paper trail (data sharing agreements with versions, signed dates,
backdated effective dates and later disclosure; FOI responses; board minutes; statistics; news
reports; ministerial corrections naming the PQ they correct; guidance that ends a collection) and
a stream of statements about it (written answers with their question, press lines, Lords and
Commons answers, meetings, letters): denials and assurances, admissions, figures, commitments,
statements of purpose and courtesies. Contradictions, corrections and overtaken promises are
planted by template, and the words come from claimcheck's own lexicon (aliases of departments,
synonyms of "share", kinds of data), so matching has real work to do.

    python bench/synthetic.py OUT_DIR --statements 1000 --evidence 200 [--seed 2016]

writes OUT_DIR/claims/*.md and OUT_DIR/evidence/*.md. The same arguments always give the same
files. The names of ministers are invented.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

# ---------------------------------------------------------------------- vocabulary

# Holders of data: lexicon key of the department, its name, ministerial posts, and the kinds of
# data it holds (some the lexicon knows, some only by their head word).
DEPARTMENTS = {
    "department_for_education": ("the Department for Education", [
        "Minister of State for School Standards", ("Parliamentary Under-Secretary of State for the "
        "School System"), "Secretary of State for Education"], [
        "pupil data", "school census data", "pupils' nationality", "pupils' country of birth",
        "pupils' home addresses", "national pupil database records", "attendance records",
        "exclusion records", "free school meals eligibility", "special educational needs records",
        "children's records", "pupil records"]),
    "department_of_health": ("the Department of Health and Social Care", [
        "Minister of State for Health", "Parliamentary Under-Secretary of State for Public Health",
        "Secretary of State for Health and Social Care"], [
        "patient records", "GP patient data", "hospital episode statistics",
        "patients' home addresses", "prescription data", "vaccination records",
        "maternity records", "personal data"]),
    "dwp": ("the Department for Work and Pensions", [
        "Minister for Employment", "Minister for Disabled People, Health and Work",
        "Secretary of State for Work and Pensions"], [
        "benefit claimant data", "Universal Credit records", "claimants' home addresses",
        "housing benefit records", "child benefit records", "personal information"]),
    "ministry_of_justice": ("the Ministry of Justice", [
        "Minister of State for Prisons and Probation", ("Parliamentary Under-Secretary of State for "
        "Justice"), "Lord Chancellor and Secretary of State for Justice"], [
        "court records", "offender data", "probation records", "sentencing data",
        "victims' personal data"]),
    "home_office": ("the Home Office", [
        "Minister of State for Immigration", ("Parliamentary Under-Secretary of State for "
        "Safeguarding"), "Home Secretary"], [
        "visa application data", "immigration records", "biometric data", "passport data",
        "applicants' home addresses", "landing cards"]),
    "cabinet_office": ("the Cabinet Office", [
        "Minister for the Cabinet Office", "Parliamentary Secretary, Cabinet Office"], [
        "electoral registration data", "civil service personnel records", "census returns"]),
    "treasury": ("HM Treasury", [
        "Chief Secretary to the Treasury", "Financial Secretary to the Treasury"], [
        "tax records", "student loan data", "pension records"]),
}
# Possible recipients: lexicon entity keys whose aliases name them in the text.
RECIPIENTS = ["home_office", "police", "department_for_education", "department_of_health", "dwp",
              "ministry_of_justice", "cabinet_office", "other_government_departments"]
# The lexicon's synonyms of "share", inflected: base -> (third person, past participle, "to"/"with").
SHARE_FORMS = {"share": ("shares", "shared", "with"), "pass on": ("passes on", "passed on", "to"),
               "hand over": ("hands over", "handed over", "to"),
               "provide": ("provides", "provided", "to"), "disclose": ("discloses", "disclosed", "to"),
               "transfer": ("transfers", "transferred", "to"),
               "supply": ("supplies", "supplied", "to"), "send": ("sends", "sent", "to"),
               "release": ("releases", "released", "to"), "pass": ("passes", "passed", "to"),
               "give": ("gives", "given", "to"), "divulge": ("divulges", "divulged", "to")}
# The lexicon's denials of sharing, as a clause: "the data {is kept within} the Department".
DENIAL_FORMS = {"kept within": "{be} kept within {holder}", "remain within": "{remain} within {holder}",
                "held internally": "{be} held internally by {holder}",
                "internal use": "{be} for {holder}'s internal use only",
                "solely for internal": "{be} solely for internal use by {holder}"}
# Aliases the lexicon knows but a sentence about receiving data would not use.
ODD_ALIASES = ("Secretary", "Board", "SCSB", "Division", "No", "Number", "Downing", "Prime")
BOARDS = ["Star Chamber Scrutiny Board", "Data Access Advisory Group", ("Information Governance "
          "Board"), "Data Ethics Panel", "Statistics Approval Committee"]
DIVISIONS = ["Data Modernisation Division", "Analytical Services Directorate", ("Data Operations "
             "Unit"), "Information Management Team", "Statistics Division"]
OUTLETS = ["BBC News", "The Guardian", "Schools Week", "The Independent", "The Times",
           "Sky News", "Health Service Journal", "The Financial Times"]
PURPOSES = ["analytical, statistical and research purposes", "the targeting of support",
            "monitoring the effectiveness of policy", "the planning of services",
            "improving the quality of official statistics"]
FIRST = ["Anne", "David", "Sarah", "James", "Helen", "Richard", "Priya", "Mark", "Claire",
         "Thomas", "Fiona", "Oliver", "Rachel", "Andrew", "Nadia", "Peter", "Gillian", "Simon",
         "Ruth", "Edward", "Imran", "Joanna", "Michael", "Catherine", "Stephen", "Aisha"]
LAST = ["Hollis", "Pemberton", "Ashworth", "Carrick", "Donnelly", "Fairbairn", "Greaves",
        "Hartley", "Iqbal", "Jessop", "Kendrick", "Lumley", "Marchant", "Norcott", "Osgood",
        "Pryce", "Quayle", "Rennard", "Sillitoe", "Thackray", "Underwood", "Varley", "Whitlock",
        "Yardley", "Bamford", "Chaudhry"]
LORDS_TITLES = ["Lord", "Baroness", "Viscount", "Earl"]
COURTESIES = [
    "I thank the hon. Member for her question.",
    "I am grateful to the noble Lord for raising this important matter.",
    "I thank my hon. Friend for his continued interest in this issue.",
    "Thank you for your letter of {date} on behalf of your constituents.",
]
START, END = dt.date(2012, 1, 1), dt.date(2024, 6, 30)


def lexicon_vocabulary() -> dict:
    """The default lexicon shipped with claimcheck, read as plain TOML."""
    text = resources.files("claimcheck").joinpath("data/lexicon.toml").read_text("utf-8")
    return tomllib.loads(text)


def plural(thing: str) -> bool:
    last = thing.split()[-1]
    return last.endswith("s") or last in ("data", "statistics")


def be(thing: str) -> str:
    return "are" if plural(thing) else "is"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def bare(name: str) -> str:
    """A name without its article, for titles and attributive use: "Home Office officials"."""
    return name.removeprefix("the ")


@dataclass
class Topic:
    """A department's kind of data and a body that might receive it, with its paper trail."""

    number: int
    holder: str                  # lexicon key
    holder_name: str
    roles: list[str]
    thing: str                   # "pupils' nationality"
    recipient: str               # lexicon key
    agreement_signed: dt.date    # when the sharing agreement was signed
    agreement_from: dt.date      # when it took effect (earlier: backdated)
    disclosed: dt.date           # when it became public
    ended: dt.date | None        # a later version that stopped sharing this data, if any


class Writer:
    """Builds the corpus in memory, then writes it."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        lexicon = lexicon_vocabulary()
        self.aliases = {key: [a for a in table.get("aliases", []) if len(a) > 3]
                        for key, table in lexicon["entities"].items()}
        self.share_terms = [t for t in lexicon["actions"]["share"]["terms"] if t in SHARE_FORMS]
        self.denials = lexicon["actions"]["share"].get("denials", [])
        # The synthetic subject's own words: the default lexicon names no subject any more.
        self.nationality_terms = ["country of birth", "country-of-birth", "place of birth",
                                  "nationality data", "country of birth data"]
        self.claims: dict[str, tuple[dict, str]] = {}
        self.evidence: dict[str, tuple[dict, str]] = {}
        self.pq_numbers: set[int] = set()
        self.ministers: dict[str, list[tuple[str, str]]] = {}

    # ------------------------------------------------------------------ helpers

    def date_between(self, start: dt.date, end: dt.date) -> dt.date:
        span = max((end - start).days, 0)
        return start + dt.timedelta(days=self.rng.randint(0, span))

    def name(self, key: str) -> str:
        """An alias of an entity as the lexicon spells it, with an article where English wants one."""
        if key == "other_government_departments":
            return self.rng.choice(["other government departments", "other departments",
                                    "third parties", "other public bodies"])
        names = [a for a in self.aliases.get(key, [])
                 if not any(word in a for word in ODD_ALIASES)][:5]
        alias = self.rng.choice(names or [key.replace("_", " ")])
        first = alias.split()[0]
        acronym = sum(c.isupper() for c in first) >= 2
        return alias if acronym else f"the {alias}"

    def share(self) -> tuple[str, str, str, str]:
        """A synonym of "share": base, third person, past participle, preposition."""
        base = self.rng.choice(self.share_terms)
        return (base, *SHARE_FORMS[base])

    def denial(self, thing: str, holder: str) -> str:
        """A lexicon denial of sharing as a clause: "is kept within the Department"."""
        key = self.rng.choice([d for d in DENIAL_FORMS if d in self.denials] or ["kept within"])
        return DENIAL_FORMS[key].format(be=be(thing), remain="remain" if plural(thing) else
                                        "remains", holder=holder)

    def pq(self) -> int:
        while True:
            number = self.rng.randint(10000, 299999)
            if number not in self.pq_numbers:
                self.pq_numbers.add(number)
                return number

    def minister(self, topic: Topic) -> tuple[str, str, str | None]:
        """(speaker, role, house): a stable roster of invented ministers per department."""
        roster = self.ministers.setdefault(topic.holder, [])
        if len(roster) < 6:
            lords = self.rng.random() < 0.3
            person = (f"{self.rng.choice(LORDS_TITLES)} {self.rng.choice(LAST)}" if lords else
                      f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}")
            role = ("Lords Minister, " + bare(topic.holder_name)) if lords else self.rng.choice(topic.roles)
            roster.append((person, role))
        person, role = self.rng.choice(roster)
        return person, role, "lords" if role.startswith("Lords") else "commons"

    @staticmethod
    def day(value: dt.date) -> str:
        return f"{value.day} {value:%B %Y}"


    # ------------------------------------------------------------------ topics

    def topics(self, count: int, single_subject: bool = False) -> list[Topic]:
        """``count`` topics; with ``single_subject``, all about one holder, recipient and kind of
        data (only their dates differ), as a campaign's own corpus is."""
        topics = []
        for n in range(count):
            holder = self.rng.choice(list(DEPARTMENTS))
            name, roles, things = DEPARTMENTS[holder]
            recipient = self.rng.choice([r for r in RECIPIENTS if r != holder])
            if single_subject and topics:
                holder, name, roles, recipient = (topics[0].holder, topics[0].holder_name,
                                                  topics[0].roles, topics[0].recipient)
                things = [topics[0].thing]
            signed = self.date_between(dt.date(2013, 1, 1), dt.date(2021, 12, 31))
            effective = signed - dt.timedelta(days=self.rng.choice([0, 0, 30, 120, 180]))
            disclosed = signed + dt.timedelta(days=self.rng.randint(60, 900))
            ended = (signed + dt.timedelta(days=self.rng.randint(200, 1200))
                     if self.rng.random() < 0.4 else None)
            topics.append(Topic(n, holder, name, roles, self.rng.choice(things), recipient,
                                signed, effective, disclosed, ended))
        return topics

    # ------------------------------------------------------------------ evidence

    def add_evidence(self, topic: Topic, kind: str) -> None:
        r = self.rng
        recipient, holder, thing = self.name(topic.recipient), topic.holder_name, topic.thing
        _, shares, shared, prep = self.share()
        n = len(self.evidence)
        if kind == "agreement":
            version = f"{r.randint(1, 3)}.{r.randint(0, 2)}"
            paragraph = f"{r.randint(3, 19)}.{r.randint(1, 9)}.{r.randint(1, 9)}"
            meta = {"title": f"Memorandum of Understanding between {bare(holder)} and "
                             f"{cap(bare(recipient))}, v{version}",
                    "kind": "agreement", "date": topic.agreement_signed.isoformat(),
                    "effective_from": topic.agreement_from.isoformat(),
                    "disclosed": topic.disclosed.isoformat(), "version": version,
                    "reference": f"paragraph {paragraph}"}
            body = [
                (f"The agreement has been in place since {topic.agreement_from:%B %Y} and was "
                f"finalised as version {version} on {self.day(topic.agreement_signed)}."),
                (f"Under the agreement {holder} {shares} {thing}, including names, addresses and "
                f"dates of birth, {prep} {recipient} every month."),
                (f"The agreement covers the data of up to {r.randint(5, 60) * 100:,} individuals "
                "a month."),
                (f"Paragraph {paragraph} lists \"(once collected) {thing}\" among the data items "
                f"that {holder} {shares} {prep} {recipient}."),
                f"The agreement is signed for {holder} by its {r.choice(DIVISIONS)}.",
            ]
            if topic.ended:
                later = f"{float(version) + 1:.1f}"
                effective = topic.ended - dt.timedelta(days=11)
                self.evidence[f"e{n:06d}-{topic.ended.isoformat()}-mou-v{later}"] = ({
                    "title": f"Memorandum of Understanding between {bare(holder)} and "
                             f"{cap(bare(recipient))}, v{later}",
                    "kind": "agreement", "date": topic.ended.isoformat(),
                    "effective_from": effective.isoformat(),
                    "disclosed": (topic.ended + dt.timedelta(days=r.randint(30, 400))).isoformat(),
                    "version": later},
                    (f"Version {later} of the Memorandum of Understanding was signed on "
                    f"{self.day(topic.ended)}, amended to take effect from {self.day(effective)}."
                    f"\n\nVersion {later} removes the reference to {thing} from the data items "
                    f"that {holder} {shares} {prep} {recipient}."))
        elif kind == "foi":
            when = self.date_between(topic.agreement_signed, END)
            number = f"{when.year}-{r.randint(1000000, 9999999):07d}"
            meta = {"title": f"{bare(holder)} Freedom of Information response {number} on "
                             f"{thing}",
                    "kind": "foi-response", "date": when.isoformat(), "reference": f"FOI {number}"}
            body = [(f"Since {topic.agreement_from:%B %Y} {holder} has {shared} {thing} {prep} "
                    f"{recipient}."),
                    (f"{cap(holder)} states that there have been {r.randint(2, 400)} data sharing "
                    f"requests from {recipient}."),
                    (f"Each request includes details of the individuals concerned to enable "
                    f"{holder} to search for them.")]
        elif kind == "minutes":
            when = self.date_between(START, topic.agreement_signed)
            board = r.choice(BOARDS)
            meta = {"title": f"{board} minutes, {when:%B %Y}", "kind": "minutes",
                    "date": when.strftime("%Y-%m"),
                    "disclosed": self.date_between(when, END).isoformat()}
            body = [f"The {board} \"approved\" the change to collect {thing}.",
                    f"The purpose given for the change is {r.choice(PURPOSES)}.",
                    (f"The minutes record no discussion of the purposes of the collection of "
                    f"{thing}.")]
        elif kind == "statistics":
            when = self.date_between(START, END)
            meta = {"title": f"{bare(holder)} statistics on {thing}, {when:%B %Y}",
                    "kind": "statistics", "date": when.strftime("%Y-%m")}
            body = [f"{cap(holder)} published statistics on {thing} for the first time.",
                    f"In {when:%B %Y} there were {r.randint(2, 900) * 1000:,} records held.",
                    (f"The statistics show that {thing} {'were' if plural(thing) else 'was'} not "
                    f"provided for {r.randint(5, 40)} per cent of individuals.")]
        elif kind == "news":
            when = self.date_between(topic.agreement_signed, END)
            outlet = r.choice(OUTLETS)
            meta = {"title": f"{outlet}: {holder} {shares} {thing} {prep} {recipient}",
                    "kind": "news", "date": when.isoformat()}
            body = [(f"{outlet} reported that {holder} had {shared} {thing} {prep} {recipient} "
                    f"since {topic.agreement_from.year}."),
                    "A spokesperson said that the arrangement was \"kept under review\"."]
        else:  # guidance
            when = self.date_between(topic.agreement_signed, END)
            meta = {"title": f"{bare(holder)} guidance update, {when:%B %Y}", "kind": "guidance",
                    "date": when.isoformat()}
            body = [f"{cap(thing)} must no longer be collected, with immediate effect.",
                    f"{cap(holder)} will write to data providers to explain the change."]
        self.evidence[f"e{n:06d}-{meta['date']}-{kind}"] = (meta, "\n\n".join(body))

    def add_correction(self, pq: int, topic: Topic, answered: dt.date) -> None:
        r = self.rng
        when = answered + dt.timedelta(days=r.randint(30, 500))
        written = r.choice([f"PQ{pq}", f"PQ {pq}", f"UIN {pq}"])
        self.evidence[f"e{len(self.evidence):06d}-{when.isoformat()}-correction"] = ({
            "title": f"Ministerial correction: figures on {topic.thing}",
            "kind": "correction", "date": when.isoformat(),
            "reference": f"HCWS{r.randint(1, 999)}"},
            (f"Information supplied by the {r.choice(DIVISIONS)} of {topic.holder_name} has been "
            f"identified as containing incorrect facts in the response provided to Parliamentary "
            f"Questions concerning the volume of {topic.thing} passed to "
            f"{self.name(topic.recipient)} ({written})."))

    # ------------------------------------------------------------------ statements

    def add_statement(self, topic: Topic) -> None:
        r = self.rng
        thing, holder = topic.thing, topic.holder_name
        recipient = self.name(topic.recipient)
        base, shares, shared, prep = self.share()
        speaker, role, house = self.minister(topic)
        # A third after the agreement (contradicted when they deny it), a third before it (only
        # later facts conflict: overtaken), a third anywhere.
        when = r.choice([self.date_between(topic.agreement_signed, END),
                         self.date_between(START, topic.agreement_from),
                         self.date_between(START, END)])
        kind = r.choices(["denial", "plan", "assurance", "no_agreement", "figures", "admission",
                          "purpose", "commitment", "approval"],
                         weights=[14, 10, 10, 6, 10, 12, 8, 6, 6])[0]
        meta: dict = {"date": when.isoformat(), "speaker": speaker, "role": role,
                      "department": bare(holder), "venue": "written-answer", "house": house}
        pq = None
        if kind == "denial":
            meta.update(venue="oral", reference=f"H{'L' if house == 'lords' else 'C'} Deb "
                        f"{self.day(when)}, col {r.randint(100, 2500)}")
            question = f"Whether {thing} held by {holder} {be(thing)} {shared} {prep} {recipient}."
            body = (f"I reassure the House that {thing} {self.denial(thing, holder)} and "
                    f"{be(thing)} not {shared} {prep} {recipient}.")
        elif kind == "plan":
            pq = self.pq()
            question = (f"Whether {holder} will {base} {thing} collected from {when.year} {prep} "
                        f"{self.name('other_government_departments')}.")
            body = (f"The data will be collected solely for internal use for "
                    f"{r.choice(PURPOSES)}. There are currently no plans to {base} the data "
                    f"{prep} {recipient} unless we are legally required to do so.")
        elif kind == "assurance":
            meta.update(venue="press", speaker=bare(holder), role=f"{bare(holder)} spokesperson",
                        reference=f"{r.choice(OUTLETS)}, {self.day(when)}")
            del meta["house"]
            question = f"Whether {thing} will be {shared} {prep} {recipient}."
            body = f"{cap(holder)} said that \"these data will not be {shared} {prep} {recipient}\"."
        elif kind == "no_agreement":
            meta.update(venue="meeting", speaker=bare(holder), role=f"{bare(holder)} officials")
            del meta["house"]
            question = (f"Whether there is a data sharing agreement with {recipient} covering "
                        f"{thing}.")
            body = (f"{bare(holder)} officials said that no data sharing agreement with {recipient} "
                    "is \"yet firm or in place\", and that it is \"under discussion\".")
        elif kind == "figures":
            pq = self.pq()
            question = (f"How many requests {recipient} has made for {thing} held by {holder}, "
                        "and how many records were returned.")
            body = (f"Between {self.date_between(START, when):%B %Y} and {when:%B %Y} requests "
                    f"relating to a total of {r.randint(20, 9000):,} individuals have been made by "
                    f"{recipient} to {holder} and {r.randint(5, 900):,} records have been "
                    f"identified and returned to {recipient}.")
            if r.random() < 0.15:
                self.add_correction(pq, topic, when)
        elif kind == "admission":
            pq = self.pq()
            question = f"Whether {thing} collected by {holder} {be(thing)} used by {recipient}."
            body = (f"{cap(holder)} {shares} {thing} {prep} {recipient} under a memorandum of "
                    "understanding, which is kept under review.")
        elif kind == "purpose":
            meta["venue"] = "oral"
            question = f"The purpose of collecting {thing}."
            body = (f"The collection of {thing} is about making sure we have the right data and "
                    "evidence to develop strong policy.")
        elif kind == "commitment":
            pq = self.pq()
            due = when + dt.timedelta(days=r.randint(30, 400))
            question = f"When {holder} will publish its review of the handling of {thing}."
            body = f"{cap(holder)} will publish an update on the handling of {thing} in {due:%B %Y}."
        else:  # approval
            pq = self.pq()
            question = f"How the decision to collect {thing} was scrutinised and approved."
            body = (f"The {r.choice(BOARDS)} approved the collection of {thing} in "
                    f"{self.date_between(START, when):%B %Y}.")
        if pq is not None:
            meta["reference"] = f"PQ {pq}"
        meta["question"] = question
        if r.random() < 0.3:
            body = r.choice(COURTESIES).format(date=self.day(when)) + " " + body
        self.claims[f"s{len(self.claims):06d}-{when.isoformat()}-{kind}"] = (meta, body)

    # ------------------------------------------------------------------ the corpus

    def build(self, statements: int, evidence: int, single_subject: bool = False) -> None:
        topics = self.topics(max(4, evidence // 8), single_subject)
        for topic in topics:
            self.add_evidence(topic, "agreement")
        kinds, weights = ["agreement", "foi", "minutes", "statistics", "news", "guidance"], \
            [1, 3, 1, 1, 2, 1]
        while len(self.evidence) < evidence:
            self.add_evidence(self.rng.choice(topics), self.rng.choices(kinds, weights)[0])
        for _ in range(statements):
            self.add_statement(self.rng.choice(topics))
        # The corrections planted with the statements are evidence too: keep the count asked for
        # by dropping the newest ordinary items.
        plain = ("-foi", "-news", "-statistics", "-minutes", "-guidance")
        surplus = [k for k in reversed(self.evidence) if k.endswith(plain)]
        for key in surplus[:max(0, len(self.evidence) - evidence)]:
            del self.evidence[key]

    def write(self, out: Path) -> None:
        import yaml

        for folder, items in (("claims", self.claims), ("evidence", self.evidence)):
            target = out / folder
            target.mkdir(parents=True, exist_ok=True)
            for ident, (meta, body) in items.items():
                front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
                (target / f"{ident}.md").write_text(f"---\n{front}---\n{body}\n", "utf-8")


def generate(out: Path, statements: int, evidence: int, seed: int = 2016,
             single_subject: bool = False) -> Path:
    """Write a corpus of ``statements`` statements and ``evidence`` evidence items under ``out``
    (with ``single_subject``, every topic on one holder, recipient and kind of data)."""
    writer = Writer(seed)
    writer.build(statements, evidence, single_subject)
    writer.write(out)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write claims/ and evidence/ into")
    parser.add_argument("--statements", type=int, default=1000)
    parser.add_argument("--evidence", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument("--single-subject", action="store_true",
                        help="every topic on one department, recipient and kind of data")
    args = parser.parse_args(argv)
    generate(args.out, args.statements, args.evidence, args.seed, args.single_subject)
    print(f"wrote {args.statements} statements and {args.evidence} evidence items to {args.out}")


if __name__ == "__main__":
    main()
