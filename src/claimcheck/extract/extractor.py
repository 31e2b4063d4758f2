"""Extract claims from statements and dated facts from evidence, with spaCy.

Each sentence becomes an ``Analysis``: its propositions (an action from the lexicon, or the main
verb when the lexicon has none, with polarity, modality and arguments), the quantities and dates it
mentions, and what "the data" or "this information" stands for, read from the statement's
``question`` or the sentences before it.

The caller makes the ``nlp`` pipeline once and passes it in; ``Extractor`` only adds matchers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from claimcheck.dates import PartialDate, find_dates
from claimcheck.lexicon import Lexicon
from claimcheck.model import (
    Analysis,
    Claim,
    Evidence,
    Fact,
    Modality,
    Polarity,
    Proposition,
    Quantity,
    Statement,
)
from claimcheck.prose import refutes_the_sentence_before
from claimcheck.references import normalise_reference

# Sentences that are courtesy or procedure, never claims about the world.
COURTESY = re.compile(
    r"^\s*(?:I\s+(?:thank|congratulate|welcome|am grateful|pay tribute|agree with the noble|"
    r"refer the (?:hon|noble|right)|beg to move)|My (?:Lords|noble friend)\b[^.]*\?|"
    r"(?:Thank you|I am sure the House)\b)", re.I)
FRAMING_VERBS = {"reassure", "assure", "confirm", "say", "tell", "state", "believe", "note",
                 "remind", "inform", "explain", "clarify", "stress", "emphasise", "understand"}
NO_LONGER = re.compile(r"\bno\s+longer\b|\bnot\s+any\s+longer\b", re.I)
CONDITIONAL_MARKS = {"if", "unless", "whether", "should", "where", "once"}
PLAN_WORDS = {"plan", "intention", "intend", "propose", "proposal", "expect", "aim"}
DESIRE_WORDS = {"want", "wish", "hope", "like"}
# "we were required to consult": a duty says nothing of whether it was done.
OBLIGATION_WORDS = {"require", "oblige", "obligate", "duty"}
PRONOUNS_HOME = {"we", "us", "our", "i", "my", "department", "departmental", "government"}
NUMBER = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
                "hundred": 100, "thousand": 1000, "million": 1_000_000}


@dataclass(frozen=True)
class Context:
    """What a sentence is read against: who is speaking, and what was asked."""

    home: str | None = None                  # the speaker's own department, as a lexicon key
    question_things: tuple[tuple[str, str], ...] = ()   # (thing key, text) named in the question
    title_things: tuple[tuple[str, str], ...] = ()
    anchor: PartialDate | None = None          # the document's date, for "on 17 May", "last year"
    question_referents: tuple[tuple[str, str], ...] = ()   # (head lemma, noun phrase) asked about


@dataclass(frozen=True)
class _Mention:
    key: str
    category: str
    start: int      # token indices within the Doc
    end: int
    text: str


class Extractor:
    """Reads sentences with one spaCy pipeline and one lexicon, both made by the caller."""

    def __init__(self, nlp, lexicon: Lexicon) -> None:
        self.nlp = nlp
        self.lexicon = lexicon
        # One pass over the spelling finds listed terms (tier 0), their plurals and hyphen variants
        # (tier 1) and denial phrases; a second over lemmas finds inflected actions (tier 2).
        # Labels are "<tier>|<category>:<key>", with tier "d" for a denial.
        self._spelling = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self._terms: dict[str, str] = {}       # lower-case term -> concept key, for fuzzy lookup
        for concept in lexicon.concepts.values():
            label = f"{concept.category}:{concept.key}"
            terms = [t for t in concept.terms if t]
            variants = {v for t in terms for v in _variants(t)} - set(terms)
            self._spelling.add(f"0|{label}", [nlp.make_doc(t) for t in sorted(set(terms))])
            self._spelling.add(f"1|{label}", [nlp.make_doc(v) for v in sorted(variants)])
            if concept.category == "actions":
                # Lemma patterns need the lemmatiser: "passed on" must match "pass on".
                self._lemma.add(f"2|{label}", list(nlp.pipe(sorted(set(terms)))))
                if concept.denials:
                    self._spelling.add(f"d|{label}", [nlp.make_doc(d) for d in concept.denials])
            for term in terms:
                if concept.category != "actions" and len(term) > 4:
                    self._terms.setdefault(term.lower(), label)
        self._term_list = sorted(self._terms)
        self._entity_keys: dict[str, str | None] = {}   # department or speaker name -> key

    # ------------------------------------------------------------------ public API

    def claims(self, statement: Statement) -> list[Claim]:
        """The check-worthy claims of one statement."""
        return next(self.claims_of([statement]))[1]

    def claims_of(self, statements: Iterable[Statement], batch_size: int = 64,
                  n_process: int = 1) -> Iterator[tuple[Statement, list[Claim]]]:
        statements = list(statements)
        contexts = self._statement_contexts(statements, batch_size)
        docs = self.nlp.pipe(((quiet(s.text), i) for i, s in enumerate(statements)),
                             as_tuples=True, batch_size=batch_size, n_process=n_process)
        for doc, index in docs:
            statement = statements[index]
            doc.user_data["original"] = statement.text
            analyses = self.analyse(doc, contexts[index])
            if statement.question:
                analyses = [self._answering(a, statement.question)
                            if ELLIPTICAL_ANSWER.match(a.text) else a for a in analyses]
            worthy = [a for a in analyses if _check_worthy(a)]
            if not worthy:
                # Never let a statement vanish: with nothing the reader recognises as a claim,
                # every declarative sentence is checked (and will most likely be unverified).
                worthy = [a for a in analyses if not COURTESY.match(a.text)
                          and not a.text.rstrip().endswith("?") and a.keywords]
            claims = [Claim(f"{statement.id}#{n}", statement.id, a)
                      for n, a in enumerate(worthy, start=1)]
            yield statement, claims

    def _answering(self, analysis: Analysis, question: str) -> Analysis:
        """An answer that says nothing without its question ("Not that I am aware of", "No")
        read with what was asked: the question's words become the claim's, so that it meets
        the records of what was asked about, and its reading shows what it denies."""
        asked = _question_words(question)
        doc = self.nlp(asked)
        topics = {f"~{t.lemma_.lower()}" for t in doc if _topic_noun(t)}
        words = tuple(dict.fromkeys(analysis.keywords + tuple(_keywords(doc[:]))))
        propositions = tuple(replace(p, topics=p.topics | topics) for p in analysis.propositions)
        return replace(analysis, keywords=words, propositions=propositions,
                       resolved=((analysis.text.strip(), asked),))

    def facts(self, evidence: Evidence) -> list[Fact]:
        return next(self.facts_of([evidence]))[1]

    def facts_of(self, items: Iterable[Evidence], batch_size: int = 64,
                 n_process: int = 1) -> Iterator[tuple[Evidence, list[Fact]]]:
        items = list(items)
        contexts = [Context(title_things=self._things_in(self.nlp.make_doc(e.title)), anchor=e.date)
                    for e in items]
        docs = self.nlp.pipe(((quiet(e.text), i) for i, e in enumerate(items)), as_tuples=True,
                             batch_size=batch_size, n_process=n_process)
        for doc, index in docs:
            evidence = items[index]
            doc.user_data["original"] = evidence.text
            facts = []
            if evidence.kind == "agreement":
                facts.append(self._agreement_fact(evidence, doc))
            for n, analysis in enumerate(self.analyse(doc, contexts[index], record=True), start=1):
                if not analysis.propositions:
                    continue
                arose, source = _fact_time(analysis, evidence)
                facts.append(Fact(f"{evidence.id}#{n}", evidence.id, analysis, arose, source,
                                  evidence.effective_to))
            yield evidence, facts

    def _agreement_fact(self, evidence: Evidence, doc: Doc) -> Fact:
        """An agreement's own existence is a fact: "an agreement is in place" from its start."""
        title = self.nlp.make_doc(evidence.title)
        mentions = self._mentions(title, lemmas=False) + self._mentions(doc)
        entities = frozenset(m.key for m in mentions if m.category == "entities")
        things = frozenset({"agreement"} | {m.key for m in mentions if m.category == "things"})
        prop = Proposition(action="in_force", action_text="in force", polarity=Polarity.AFFIRMED,
                           modality=Modality.FACT, entities=entities, things=things,
                           arguments=(("object", evidence.title),))
        analysis = Analysis(text=evidence.title, start=0, end=0, propositions=(prop,),
                            keywords=tuple(t.lower_ for t in title if t.is_alpha and not t.is_stop))
        arose = evidence.effective_from or evidence.date
        source = "effective_from" if evidence.effective_from else "date"
        return Fact(f"{evidence.id}#0", evidence.id, analysis, arose, source,
                    evidence.effective_to, implicit=True)

    def analyse(self, doc: Doc, context: Context = Context(), record: bool = False) -> list[Analysis]:
        """One ``Analysis`` per sentence of ``doc``.

        With ``record`` (evidence) a relative clause states a fact too: "the items that the
        Department shares with the Home Office" records that it shares them. In a statement it
        only describes ("parents who choose not to provide"), so it is not a claim.
        """
        matches = self._matches(doc, lemmas=True)
        mentions = self._mentions(doc, matches=matches)   # sorted by start
        starts = [m.start for m in mentions]
        denials = self._denial_spans(matches)
        analyses = []
        earlier_things: list[tuple[str, str]] = list(context.title_things)
        earlier_referents: list[tuple[str, str]] = []
        # The doc's noun phrases, found once: a span's own ``noun_chunks`` walks the whole doc,
        # which made a long document cost the square of its sentences. Only a statement looks
        # back for what its "the data" stands for.
        chunks = [] if record else list(doc.noun_chunks)
        chunk_starts = [c.start for c in chunks]
        list_head: Analysis | None = None   # the last sentence whose predicate a list continues
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            in_sent = mentions[bisect_left(starts, sent.start):bisect_left(starts, sent.end)]
            analysis = self._analyse_sentence(doc, sent, in_sent, denials, context, earlier_things,
                                              record)
            if not record and not analysis.resolved:
                how = resolve_referents(sent, context.question_referents, earlier_referents)
                if how:
                    analysis = replace(analysis, resolved=how)
            if not record and list_head is not None and _list_item(sent):
                analysis = _continue_predicate(analysis, list_head, doc)
            elif analysis.propositions and _can_begin_a_list(sent):
                list_head = analysis
            if not record:
                earlier_referents.extend(referents_in(
                    sent, chunks[bisect_left(chunk_starts, sent.start):
                                 bisect_left(chunk_starts, sent.end)]))
            if record and analyses and analyses[-1].propositions \
                    and refutes_the_sentence_before(sent.text):
                analyses[-1] = _refuted_by_next(analyses[-1], analysis, doc)
            else:
                analyses.append(analysis)
            earlier_things.extend((m.key, m.text) for m in in_sent
                                  if m.category == "things" and not self.lexicon.is_generic(m.key))
        return analyses

    # ------------------------------------------------------------------ sentences

    def _analyse_sentence(self, doc: Doc, sent: Span, mentions: list[_Mention],
                          denials: list[tuple[int, int, str]], context: Context,
                          earlier_things: list[tuple[str, str]], record: bool) -> Analysis:
        by_token = {}
        for m in mentions:
            for i in range(m.start, m.end):
                by_token[i] = m
        dates_found = find_dates(sent.text, context.anchor)
        dated = {t.i for start, end, _ in dates_found
                 for t in (sent.doc.char_span(sent.start_char + start, sent.start_char + end,
                                              alignment_mode="expand") or ())}
        resolved: list[tuple[str, str]] = []
        propositions: list[Proposition] = []
        seen: set[tuple[str, Polarity]] = set()
        for trigger, key, denied_by_phrase in self._triggers(sent, mentions, denials, record):
            polarity = _polarity(trigger, self.lexicon, sent.text)
            if denied_by_phrase:
                polarity = Polarity.DENIED
            elif not record and _refused(trigger, self.lexicon):
                # "The Department declined to give the numbers" reports a refusal to answer: an
                # act, not an assertion that the thing is never given to anyone.
                continue
            modality = _modality(trigger, sent.text)
            if modality is None:
                continue
            if _person_object(trigger):
                # "remove them" said of families is removal from the country, not deletion.
                concept = self.lexicon.concepts.get(key)
                if concept is not None and concept.person_object:
                    key = concept.person_object
            clause = _clause_tokens(trigger)
            if key in COMPARATIVES.values() and trigger.lower_ in COMPARATIVES:
                clause = list(sent)  # "more people in work than before": the sentence is the frame
            elif _lost_its_object(trigger):
                # A finite verb with no object or complement has lost its arguments to a misparse
                # ("shares" read as a compound of "addresses"): read them from the sentence.
                clause = list(sent)
            elif record and _in_relative_clause(trigger):
                # The relative clause's object is its antecedent, named elsewhere in the sentence.
                clause = list(sent)
            agents, recipients, things, entities, arguments = self._roles(
                trigger, clause, by_token, context)
            topics = _topics(trigger, clause, by_token, dated)
            things |= set(self.lexicon.implied_things(key))
            if record and not any(not self.lexicon.is_generic(t) for t in things):
                # A record's sentence is about one matter; a misparse must not lose its object.
                things |= {m.key for m in mentions if m.category == "things"}
                if not things and earlier_things:
                    # "This is 588,000 fewer than before the pandemic": a record goes on about
                    # what its last sentence named.
                    things.add(earlier_things[-1][0])
            things, how = self._resolve(things, clause, by_token, context, earlier_things)
            things = self._most_specific(things)
            resolved.extend(how)
            if (key, polarity) in seen:
                propositions = [_merge(p, agents, things, recipients, entities, topics)
                                if (p.action, p.polarity) == (key, polarity) else p
                                for p in propositions]
                continue
            seen.add((key, polarity))
            propositions.append(Proposition(
                action=key, action_text=trigger.text, polarity=polarity, modality=modality,
                agents=frozenset(agents), things=frozenset(things),
                recipients=frozenset(recipients), entities=frozenset(entities),
                arguments=tuple(arguments), topics=frozenset(topics - {f"@{key}"})))
        return Analysis(
            text=_original(sent),
            start=sent.start_char,
            end=sent.end_char,
            propositions=tuple(propositions),
            quantities=tuple(_quantities(sent, dated)),
            dates=tuple(d for _, _, d in dates_found),
            resolved=tuple(dict.fromkeys(resolved)),
            keywords=tuple(_keywords(sent)),
            references=normalise_reference(sent.text),
            event_date=_event_date(sent, dates_found),
            absent=tuple(dict.fromkeys(_absent(sent))),
        )

    def _triggers(self, sent: Span, mentions: list[_Mention], denials: list[tuple[int, int, str]],
                  record: bool = False) -> Iterator[tuple[Token, str, bool]]:
        """Tokens that carry a predication: lexicon actions first, then the main verb."""
        found = False
        for start, end, key in denials:
            if sent.start <= start < sent.end:
                found = True
                yield sent.doc[start:end].root, key, True
        taken: set[int] = set()
        for token, key in _comparatives(sent):
            taken.add(token.i)
            found = True
            yield token, key, False
        for m in mentions:
            if m.category != "actions":
                continue
            span = sent.doc[m.start:m.end]
            root = span.root
            if root.i in taken or any(s <= root.i < e for s, e, _ in denials):
                continue
            # "officials told us that no agreement is in place": the telling frames the claim.
            if root.lemma_.lower() in FRAMING_VERBS and _frames_clause(root):
                continue
            # "information collected on country of birth": a participle describes, not asserts.
            if root.dep_ == "acl" and root.tag_ in ("VBN", "VBG"):
                continue
            if root.pos_ in ("NOUN", "PROPN") and not _predicated_noun(root, self.lexicon):
                continue
            # "the lower capital limit", "higher rates": a comparative adjective names a level,
            # it does not assert a fall or a rise.
            if root.tag_ in ("JJR", "JJS") or (root.pos_ == "ADJ" and root.dep_ == "amod"):
                continue
            if _is_conditional(root) or (not record and _in_relative_clause(root)):
                continue
            if len(span) == 1 and _bare_participle(root):
                continue
            if _raises_a_matter(root) or _activity_named(root) or _purpose_of_a_thing(root):
                continue
            # "declined to publish the figures": a verb of refusing frames the act refused (a
            # lexicon that reads "decline" as a fall would otherwise read one here).
            if root.lemma_.lower() in self.lexicon.negating_verbs and _governs_infinitive(root):
                continue
            taken.add(root.i)
            found = True
            yield root, m.key, False
        if not found:
            root = sent.root
            if _is_purpose_copula(root):
                return
            if root.pos_ in ("VERB", "AUX") and root.lemma_.lower() not in FRAMING_VERBS:
                yield root, root.lemma_.lower(), False
                # "The board decided that the unit will not reopen": what was decided, found or
                # reported is a predication of its own, with its own polarity.
                for child in root.children:
                    if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX") \
                            and not _is_conditional(child):
                        yield child, child.lemma_.lower(), False
                cleft = _cleft_predicate(root)
                if cleft is not None:
                    yield cleft, cleft.lemma_.lower(), False
            elif root.lemma_.lower() in FRAMING_VERBS:
                # The reported clause: a complement, or a clause opened by "that".
                for child in root.subtree:
                    if child.pos_ in ("VERB", "AUX") and child != root and (
                            child.dep_ == "ccomp" or any(c.dep_ == "mark" and c.lower_ == "that"
                                                         for c in child.children)):
                        yield child, child.lemma_.lower(), False
                        break

    def _roles(self, trigger: Token, clause: list[Token], by_token: dict[int, _Mention],
               context: Context):
        agents: set[str] = set()
        recipients: set[str] = set()
        things: set[str] = set()
        entities: set[str] = set()
        arguments: list[tuple[str, str]] = []
        subject = _subject(trigger)
        subject_ids = {t.i for t in subject.subtree} if subject is not None else set()
        passive = any(c.dep_ == "auxpass" for c in trigger.children) or trigger.tag_ == "VBN"
        for token in clause:
            mention = by_token.get(token.i)
            if mention is None:
                key = self._home_or_fuzzy(token, context)
                if key is None:
                    continue
                category, key = key
            else:
                category, key = mention.category, mention.key
            if category == "entities":
                entities.add(key)
                role = _role(token, trigger, subject_ids, passive)
                if role == "agent":
                    agents.add(key)
                elif role == "recipient":
                    recipients.add(key)
            elif category == "things":
                things.add(key)
        if subject is not None:
            arguments.append(("subject", _phrase(subject)))
        for child in trigger.children:
            if child.dep_ in ("dobj", "nsubjpass", "attr", "pobj"):
                arguments.append(("object", _phrase(child)))
            elif child.dep_ in ("prep", "dative") and child.lower_ in ("to", "with", "into"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        arguments.append(("recipient", _phrase(pobj)))
        if not any(role == "object" for role, _ in arguments):
            arguments.extend(("object", _phrase(pobj)) for pobj in _prepositional_objects(trigger))
        return agents, recipients, things, entities, arguments

    def _home_or_fuzzy(self, token: Token, context: Context) -> tuple[str, str] | None:
        lower = token.lower_
        if context.home and (lower in PRONOUNS_HOME and token.pos_ in ("PRON", "PROPN", "NOUN", "ADJ")
                             and (token.dep_ in ("nsubj", "nsubjpass", "poss", "pobj", "agent")
                                  or lower in ("department", "departmental"))):
            return "entities", context.home
        if token.pos_ in ("NOUN", "PROPN") and len(lower) > 5 and token.dep_ != "compound":
            hit = _fuzzy_term(lower, tuple(self._term_list))
            if hit is not None:
                category, key = self._terms[hit].split(":", 1)
                return category, key
        return None

    def _resolve(self, things: set[str], clause: list[Token], by_token: dict[int, _Mention],
                 context: Context, earlier: list[tuple[str, str]]):
        """Replace a generic "the data" with what the question or earlier text says it is."""
        specific = {t for t in things if not self.lexicon.is_generic(t)}
        if specific or not things:
            return things, []
        generic_text = next((by_token[t.i].text for t in clause
                             if t.i in by_token and by_token[t.i].category == "things"), "the data")
        # The question first: in "country of birth data in the school census", "the data" is the
        # most specific kind of data it names. Then the nearest earlier mention in the text.
        candidates = [(k, text) for k, text in context.question_things if self._is_data(k)]
        if candidates:
            key, text = max(candidates, key=lambda c: len(self.lexicon.broader(c[0])))
            return things | {key}, [(generic_text, text)]
        for key, text in reversed(earlier):
            if self._is_data(key):
                return things | {key}, [(generic_text, text)]
        return things, []

    def _most_specific(self, things: set[str]) -> set[str]:
        """Drop a thing when a kind of it is named too: "country-of-birth data collected in the
        school census" is about country-of-birth data, not the census in general."""
        broader_of_others = {b for t in things for b in self.lexicon.broader(t) if b != t}
        return {t for t in things if t not in broader_of_others}

    def _is_data(self, key: str) -> bool:
        return not self.lexicon.is_generic(key) and "data" in self.lexicon.broader(key)

    # ------------------------------------------------------------------ mentions

    def _matches(self, doc: Doc, lemmas: bool) -> list[tuple[int, int, str, str]]:
        """(start, end, tier, "category:key") of every lexicon match in ``doc``."""
        strings = self.nlp.vocab.strings
        found = [(s, e, *strings[m].split("|", 1)) for m, s, e in self._spelling(doc)]
        if lemmas:
            found += [(s, e, *strings[m].split("|", 1)) for m, s, e in self._lemma(doc)]
        return found

    def _mentions(self, doc: Doc, lemmas: bool = True,
                  matches: list[tuple[int, int, str, str]] | None = None) -> list[_Mention]:
        """Lexicon terms in ``doc``; ``lemmas=False`` for a tokenizer-only doc (spelling only)."""
        if matches is None:
            matches = self._matches(doc, lemmas)
        spans = [(s, e, label, int(tier)) for s, e, tier, label in matches if tier != "d"]
        # Longest first, then leftmost: "Border Force Removals Casework Team" beats "Border Force".
        # Between equally long matches: a capitalised name is an organisation ("Immigration
        # Enforcement"), and a listed spelling beats a plural or a lemma ("returns" is listed
        # under immigration enforcement; it is not the verb "return").
        def rank(span):
            start, end, label, tier = span
            titled = all(t.text[:1].isupper() for t in doc[start:end] if t.is_alpha)
            entity_first = 0 if (label.startswith("entities:") == titled) else 1
            return (-(end - start), start, entity_first, tier)
        spans.sort(key=rank)
        taken: set[int] = set()
        mentions = []
        for start, end, label, _ in spans:
            if any(i in taken for i in range(start, end)):
                continue
            category, key = label.split(":", 1)
            if category == "actions" and (not lemmas or not _can_be_action(doc[start:end])):
                continue
            taken.update(range(start, end))
            mentions.append(_Mention(key, category, start, end, doc[start:end].text))
        return sorted(mentions, key=lambda m: m.start)

    @staticmethod
    def _denial_spans(matches: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str]]:
        return [(s, e, label.split(":", 1)[1]) for s, e, tier, label in matches if tier == "d"]

    def _things_in(self, doc: Doc) -> tuple[tuple[str, str], ...]:
        return tuple((m.key, m.text) for m in self._mentions(doc, lemmas=doc.has_annotation("LEMMA"))
                     if m.category == "things" and not self.lexicon.is_generic(m.key))

    def _statement_contexts(self, statements: list[Statement], batch_size: int) -> list[Context]:
        # Only the things a question names are needed, and they are found by spelling: the
        # tokenizer suffices, and many answers share one question text.
        things: dict[str, tuple[tuple[str, str], ...]] = {}
        questions = sorted({s.question for s in statements if s.question})
        referents = {q: referents_in(doc) for q, doc in zip(
            questions, self.nlp.pipe(questions, batch_size=batch_size), strict=True)}
        contexts = []
        for statement in statements:
            question = statement.question or ""
            if question not in things:
                things[question] = self._things_in(self.nlp.make_doc(question))
            contexts.append(Context(home=self.home_of(statement), question_things=things[question],
                                    question_referents=referents.get(question, ()),
                                    anchor=statement.date))
        return contexts

    def home_of(self, statement: Statement) -> str | None:
        """The speaker's own department as a lexicon key, if the lexicon knows it."""
        if statement.department:
            key = self._entity_key(statement.department)
            if key:
                return key
        return self._entity_key(statement.speaker)

    def _entity_key(self, name: str) -> str | None:
        if name not in self._entity_keys:
            self._entity_keys[name] = next(
                (m.key for m in self._mentions(self.nlp.make_doc(name), lemmas=False)
                 if m.category == "entities"), None)
        return self._entity_keys[name]


# ---------------------------------------------------------------------- pure helpers

def _variants(term: str) -> set[str]:
    """Spellings of one lexicon term that should match it: plurals, hyphens, ampersands."""
    base = {term, term.replace("-", " "), term.replace(" ", "-"), term.replace("&", "and"),
            term.replace(" and ", " & ")}
    out = set()
    for t in base:
        out.add(t)
        if t and t[-1].isalpha() and not t.endswith("s"):
            out.add(t + "s")
    return {v for v in out if v.strip()}


@lru_cache(maxsize=65536)
def _fuzzy_term(word: str, terms: tuple[str, ...]) -> str | None:
    """A lexicon term spelt slightly differently ("Home Ofice"), by rapidfuzz similarity."""
    hit = process.extractOne(word, terms, scorer=fuzz.ratio, score_cutoff=92)
    return hit[0] if hit else None


# Terms that name an action only as verbs: "the board cleared the plan" approves it, but "made
# clear", "it became clear that" and "it was not clear how" approve nothing.
VERB_ONLY_TERMS = frozenset({"clear"})


def _can_be_action(span: Span) -> bool:
    root = span.root
    if len(span) > 1:
        return True
    if root.pos_ == "ADJ" and root.lemma_.lower() in VERB_ONLY_TERMS:
        return False
    return root.pos_ in ("VERB", "NOUN", "ADJ", "AUX") and not (root.pos_ == "NOUN"
                                                                 and root.dep_ == "compound")


FINITE_TAGS = {"VBZ", "VBD", "VBP"}
OBJECT_DEPS = {"dobj", "prep", "dative", "attr", "ccomp", "xcomp", "nsubjpass", "prt", "acomp",
               "oprd", "agent", "advcl"}


def _prepositional_objects(verb: Token) -> list[Token]:
    """What a verb with no direct object is about, when a preposition names it: "did not know
    of the outbreak", "was not told about the payments", "not aware of any request". Without
    it, "know" would be compared with any other knowing, whatever was known. A noun's "of" is
    left alone: "the calculation of the total figure" is what "costed Labour's policies" gave."""
    if verb.pos_ not in ("VERB", "AUX", "ADJ"):
        return []
    return [pobj for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("of", "about")
            for pobj in prep.children if pobj.dep_ == "pobj"]


def _lost_its_object(verb: Token) -> bool:
    return (verb.pos_ == "VERB" and verb.tag_ in FINITE_TAGS
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and not any(c.dep_ in OBJECT_DEPS for c in verb.children))


def _bare_participle(verb: Token) -> bool:
    """ "the data returned": a verb with neither subject nor object only describes a noun."""
    return verb.pos_ == "VERB" and not any(
        c.dep_ in OBJECT_DEPS | {"nsubj", "nsubjpass", "aux", "auxpass", "neg"} for c in verb.children)


def _frames_clause(verb: Token) -> bool:
    """Does ``verb`` report a that-clause ("told us that ...", "I reassure the House that ...")?

    The parser sometimes hangs the clause on the object, so look through the whole subtree.
    """
    return any(t.dep_ == "mark" and t.lower_ == "that" and t.head != verb
               for t in verb.subtree) or any(c.dep_ == "ccomp" for c in verb.children)


# "430,000 more in employment than before the pandemic", "1.0 points lower than before": a
# comparison with an earlier time asserts a rise or a fall. "more than 11,000 staff" does not.
COMPARATIVES = {"more": "increase", "higher": "increase", "greater": "increase", "larger": "increase",
                "above": "increase", "fewer": "decrease", "less": "decrease", "lower": "decrease",
                "smaller": "decrease", "below": "decrease"}


def _comparatives(sent: Span) -> Iterator[tuple[Token, str]]:
    for token in sent:
        key = COMPARATIVES.get(token.lower_)
        if key is None:
            continue
        after = sent.doc[token.i + 1: min(sent.end, token.i + 12)]
        than = next((t for t in after if t.lower_ == "than"), None)
        if than is not None:
            following = sent.doc[than.i + 1: min(sent.end, than.i + 4)]
            if following and not any(t.like_num for t in following):
                yield token, key
        elif any(t.lemma_ == "level" for t in after[:5]) and token.lower_ in ("above", "below"):
            yield token, key


# "civil servants were not involved in the calculation": the action named after "involved in"
# is what the verb asserts or denies.
INVOLVING_VERBS = {"involve", "participate", "engage", "take part"}

NOUN_PREDICATING_VERBS = {"be", "have", "include", "continue", "begin", "start", "take", "make",
                          "carry", "undertake", "occur", "happen", "exist", "remain", "facilitate",
                          "arrange", "conduct", "process", "receive", "complete", "resume",
                          "set", "issue", "launch", "hold", "use", "operate", "apply"}


def _predicated_noun(noun: Token, lexicon: Lexicon) -> bool:
    """Is a noun that names an action ("sanction", "access", "requests") asserted to happen?

    "There is no sanction", "Home Office access ... includes names", "requests have been made" and
    "the Department ended the collection" assert it; "approved the collection", "was not told about
    the Home Office's use" and "a Freedom of Information request" only mention it.
    """
    if noun.dep_ in ("ccomp", "relcl", "advcl", "xcomp") or any(
            c.dep_ in ("dobj", "nsubj", "nsubjpass", "aux", "neg") for c in noun.children):
        return True  # tagged a noun, parsed as a verb: "the items that the Department shares"
    if _involved_in(noun):
        return True
    if noun.dep_ in ("compound", "amod", "poss", "pobj", "appos", "npadvmod"):
        return False
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "attr", "ROOT"):
        return not _is_purpose_copula(head)
    if noun.dep_ == "dobj":
        lemma = head.lemma_.lower()
        return lemma in lexicon.ending_verbs or lemma in NOUN_PREDICATING_VERBS
    if noun.dep_ == "conj":
        return _predicated_noun(head, lexicon) if head.pos_ in ("NOUN", "PROPN") else False
    return False


def _involved_in(noun: Token) -> bool:
    """Is ``noun`` the object of "involved in" (or "took part in")?"""
    if noun.dep_ == "conj":
        noun = noun.head
        if noun.dep_ == "conj":
            noun = noun.head
    return (noun.dep_ == "pobj" and noun.head.lower_ == "in"
            and noun.head.head.lemma_.lower() in INVOLVING_VERBS)


def _is_purpose_copula(verb: Token) -> bool:
    """ "The collection is about making sure ...", "is for research": a purpose, not an event."""
    return verb.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ in ("about", "for")
                                       for c in verb.children)


def _in_relative_clause(token: Token) -> bool:
    # A "relative clause" introduced by the conjunction "that" (dep mark) is a complement clause
    # the parser hung on the wrong word: "assured leaders that data will not be passed".
    return any(node.dep_ == "relcl" and not any(c.dep_ == "mark" for c in node.children)
               for node in [token, *token.ancestors])


def _is_conditional(token: Token) -> bool:
    """Inside "if ...", "unless ...": supposed, not asserted."""
    return any(node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                            for c in node.children)
               for node in [token, *token.ancestors])


def _verbal_chain(token: Token) -> list[Token]:
    """The trigger and the heads it depends on for tense, negation and modality."""
    chain = [token]
    node = token
    # A prepositional object does not take its governor's negation: "was not told about the Home
    # Office's use" does not deny the use. A multiword trigger rooted on the preposition itself
    # ("in place") does.
    if _involved_in(token):
        # Take the polarity of "were not involved": climb to the verb.
        node = token.head if token.dep_ == "pobj" else token
        while node.lower_ != "in" and node.dep_ != "ROOT":
            node = node.head
        node = node.head
        chain.append(node)
    while node.dep_ in ("xcomp", "acl", "relcl", "acomp", "attr", "dobj", "nsubj", "nsubjpass",
                        "compound", "conj", "advcl", "oprd", "pcomp") or (
            node.dep_ == "prep" and node.i == token.i):
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
            # A coordinated verb keeps its own negation ("kept within ... and is not passed on"),
            # so stop unless it has no auxiliaries of its own.
            if any(c.dep_ in ("aux", "auxpass", "neg") for c in node.children):
                break
        if node.dep_ == "advcl" and _subordinated(node):
            # "when it signed off ..., was not told": the clause asserts its own event.
            break
        node = node.head
        chain.append(node)
        if node.dep_ == "ROOT" or node.pos_ in ("VERB", "AUX") and node.dep_ == "ccomp":
            break
    return chain


TIME_AND_CAUSE_MARKS = frozenset({"when", "whenever", "after", "before", "because", "since",
                                  "while", "whilst", "although", "though", "once", "as", "until"})


def _subordinated(clause: Token) -> bool:
    """An adverbial clause opened by "when", "after", "because"...: it has a time or cause of its
    own and is asserted, not governed by the main clause's negation. "If" clauses are
    ``_is_conditional``'s business; a bare infinitive ("not collected to share it") stays governed.
    """
    return any(c.lower_ in TIME_AND_CAUSE_MARKS and c.dep_ in ("mark", "advmod")
               for c in clause.children)


# How the clause below hangs on an ending or refusing verb when it is not what is ended: "will
# end the lottery, raising the limit" raises the limit; "end X and raise Y" raises Y.
MANNER_DEPS = frozenset({"advcl", "conj", "nsubj", "nsubjpass", "npadvmod"})


def _polarity(trigger: Token, lexicon: Lexicon, sentence: str) -> Polarity:
    negations = 0
    chain = _verbal_chain(trigger)
    for below, node in zip([None, *chain[:-1]], chain, strict=True):
        negations += _negations(node)
        if node != trigger and (node.lemma_.lower() in lexicon.negating_verbs
                                    or (node.lemma_.lower() in lexicon.ending_verbs
                                        and not _ended_up(node))) \
                and not _aim_of_a_noun(node) and (below.dep_ not in MANNER_DEPS
                                                  or _refused_action(node, below, lexicon)):
            negations += 1
    if _refuted(trigger) or _unshown(chain) or _failed(trigger) or _said_untrue(trigger, chain):
        negations += 1
    if _inverted_passive(trigger):
        negations += _negations(trigger.head)
    if _nothing_done(trigger):
        negations += 1
    if NO_LONGER.search(sentence) and negations == 0:
        negations = 1
    return Polarity.DENIED if negations % 2 else Polarity.AFFIRMED


def _ended_up(verb: Token) -> bool:
    """ "About half of them ended up being given a penalty": "end up" says how things turned
    out, and ends nothing."""
    return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


def _governs_infinitive(verb: Token) -> bool:
    """Does ``verb`` govern a "to" clause ("declined to publish", "refused, in a letter, to
    destroy")?"""
    return any(c.dep_ in ("xcomp", "advcl") and _infinitive(c) for c in verb.children)


def _infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children)


def _refused_action(verb: Token, below: Token, lexicon: Lexicon) -> bool:
    """ "refuses, in a written reply, to destroy the data": the parser hangs an infinitive cut
    off from its verb as an adverbial clause, but what a verb of refusing governs with "to" is
    the act refused. (An ending verb's "to" clause is its purpose: "closed the scheme to save
    money" saves it.)"""
    return verb.lemma_.lower() in lexicon.negating_verbs and below.dep_ == "advcl" \
        and _infinitive(below)


# Nouns that say an activity got somewhere: "success in reducing the backlog" claims it fell.
ACHIEVEMENT_NOUNS = frozenset({"progress", "success", "record", "achievement"})


def _activity_named(verb: Token) -> bool:
    """Is ``verb`` a gerund that a noun's preposition names as an activity ("its contribution to
    reducing the cost", "the benefits of closing the depot")? It asserts nothing happened, as
    "reduced the cost" or "made progress in reducing" would."""
    prep = verb.head
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and prep.dep_ == "prep" \
        and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() not in ACHIEVEMENT_NOUNS


# Nouns of not doing: "the failure to provide the messages" did not provide them.
FAILING_NOUNS = frozenset({"failure", "refusal", "inability", "omission", "neglect"})


def _failed(verb: Token) -> bool:
    """Is ``verb`` what a noun of failing says was not done ("the failure to provide", "their
    refusal to publish")?"""
    return _aim_of_a_noun(verb) and verb.head.lemma_.lower() in FAILING_NOUNS


# Nouns whose "to" clause is what they are about, so that denying the noun denies it: "no plans
# to share the data" does not share it. Other nouns' "to" clauses say what a thing is for ("the
# contract to operate the centre", "staff to run it").
INTENT_NOUNS = frozenset({
    "plan", "intention", "intent", "proposal", "decision", "commitment", "pledge", "promise",
    "aim", "policy", "agreement", "requirement", "need", "attempt", "move", "order",
    "instruction", "request", "power", "right", "permission", "authority", "obligation", "duty",
    "guarantee", "undertaking", "offer", "arrangement", "deal", "bid", "effort", "desire",
    "wish", "ambition", "expectation", "target", "goal", "reason", "case", "evidence", "way",
    "opportunity", "option", "choice", "ability", "capacity", "mandate", "scope", "appetite"})


def _cleft_predicate(root: Token) -> Token | None:
    """The predicate a pseudo-cleft puts in its "what" clause: "What I believe the assessed
    intelligence has established beyond doubt is that ..." asserts that the intelligence has
    established it (through the speaker's believing, a frame)."""
    if root.lemma_.lower() != "be" or not any(c.dep_ == "ccomp" for c in root.children):
        return None   # "What the survey established was unclear" asserts no establishing
    clause = next((c for c in root.children if c.dep_ == "csubj" and c.pos_ in ("VERB", "AUX")
                   and next(c.subtree).lower_ == "what"), None)
    while clause is not None and clause.lemma_.lower() in FRAMING_VERBS:
        clause = next((c for c in clause.children if c.dep_ == "ccomp"
                       and c.pos_ in ("VERB", "AUX")), None)
    return clause


def _purpose_of_a_thing(verb: Token) -> bool:
    """Is ``verb`` a "to" clause saying what a thing is for ("the new contract to operate
    Medway will not proceed")? It asserts nothing, neither that Medway is operated nor that it
    is not. A noun of intending's is what the noun is about ("no plans to share")."""
    return _aim_of_a_noun(verb) and verb.head.pos_ in ("NOUN", "PROPN") \
        and verb.head.lemma_.lower() not in INTENT_NOUNS | FAILING_NOUNS


def _aim_of_a_noun(verb: Token) -> bool:
    """ "legal action to end the collection": an aim, not an ending; the collection goes on."""
    return verb.dep_ == "acl" and any(c.tag_ == "TO" for c in verb.children)


PERSONAL_PRONOUNS = {"them", "him", "her", "me", "us", "you", "themselves"}


def _person_object(trigger: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in PERSONAL_PRONOUNS for c in trigger.children)


def _reported(verb: Token) -> bool:
    """Is ``verb`` the content of a report ("said that", "announced that", "told the House that")?"""
    return any(node.lemma_.lower() in FRAMING_VERBS | {"announce", "promise", "pledge"}
               and node.i != verb.i for node in verb.ancestors)


FALSITY = {"wrong", "false", "untrue", "incorrect", "inaccurate", "misleading", "mistaken"}


TRUTH = {"true", "correct", "accurate", "right"}


def _refuted(trigger: Token) -> bool:
    """Inside "it is wrong to claim that ...": the clause is denied, not asserted."""
    for node in trigger.ancestors:
        words = [node, *(c for c in node.children if c.dep_ in ("acomp", "attr", "amod"))]
        if any(w.lemma_.lower() in FALSITY for w in words):
            return True
    return False


def _said_untrue(trigger: Token, chain: list[Token]) -> bool:
    """Inside "it is not true that ...": the clause is denied. (A "not" on the verbal chain,
    as in "the suggestion that ... is not correct", is counted there already.)"""
    for node in trigger.ancestors:
        if node in chain:
            continue
        truth = any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in TRUTH
                    for c in node.children)
        if truth and any(c.dep_ == "neg" for c in node.children):
            return True
    return False


# Verbs by which a record evidences a clause: "nothing in them shows that the Board was told".
EVIDENCING_VERBS = frozenset({"show", "suggest", "indicate", "demonstrate", "prove", "establish",
                              "confirm", "evidence", "reveal"})
# Verbs of asking: "asked the Board what it knew" asks, and asserts nothing of the knowing.
ASKING_VERBS = frozenset({"ask", "question", "enquire", "inquire", "query", "wonder", "probe"})
QUESTION_WORDS = frozenset({"what", "whether", "if", "which", "who", "whom", "how", "why",
                            "when", "where"})


def _governor(chain: list[Token]) -> tuple[Token, Token] | None:
    """The clause a trigger's verbal chain heads and the verb it is the complement of ("shows
    that ...")."""
    clause = chain[-1]
    if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX"):
        return clause, clause.head
    return None


def _negations(node: Token) -> int:
    """The negations a word carries itself: "not", "no" or "neither" on it, a subject that is
    "nothing", "none" or "nobody", or has "no" or "neither" before it, or a "never" phrase ("at
    no stage")."""
    count = 0
    for child in node.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
            count += 1
        elif child.dep_ in ("nsubj", "nsubjpass", "expl") and child.lower_ in ("nothing", "none",
                                                                               "nobody"):
            count += 1
        elif child.dep_ in ("nsubj", "nsubjpass") and any(
                g.dep_ == "det" and g.lower_ in ("no", "neither") for g in child.children):
            count += 1
        elif _never_phrase(child):
            count += 1
    return count


FINDING_VERBS = EVIDENCING_VERBS | {"find", "see", "identify", "detect", "uncover", "observe",
                                    "discover", "locate", "hold", "record"}


def _nothing_done(verb: Token) -> bool:
    """ "taking no action", "made no payments", "there is no intention to": a verb whose object
    is "no" something does not do it. (Only the verb read: "we have no targets" denies the
    targets, the noun, once. "Found no evidence of problems" records an absence, which is read
    as one: the finding was made.)"""
    if verb.lemma_.lower() in FINDING_VERBS:
        return False
    return verb.pos_ in ("VERB", "AUX") and any(
        child.dep_ in ("dobj", "attr") and any(g.dep_ == "det" and g.lower_ == "no"
                                                for g in child.children)
        and (child.dep_ == "dobj" or any(c.dep_ == "expl" for c in verb.children))
        for child in verb.children)


def _inverted_passive(verb: Token) -> bool:
    """ "At no stage was he spoken to by the police": after a fronted phrase the parser may take
    the inverted "was" for the main verb and the participle for its clause, so the "was" and
    what it carries belong to the participle."""
    head = verb.head
    return verb.dep_ == "ccomp" and verb.tag_ == "VBN" and head.lemma_.lower() == "be" \
        and head.i < verb.i and not any(c.dep_ in ("nsubj", "expl") for c in head.children)


# Nouns of time and manner that "at no", "in no", "on no", "under no" make a "never": "At no
# stage was he spoken to", "in no way", "on no occasion", "under no circumstances". Not "at no
# cost", which says how, not whether.
NEVER_NOUNS = frozenset({"stage", "point", "time", "moment", "way", "occasion", "circumstance",
                         "account", "sense"})


def _never_phrase(child: Token) -> bool:
    return child.dep_ == "prep" and child.lower_ in ("at", "in", "on", "under") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in NEVER_NOUNS
        and any(d.dep_ == "det" and d.lower_ == "no" for d in g.children)
        for g in child.children)


def _unshown(chain: list[Token]) -> bool:
    """ "Nothing in the minutes shows that the Board was told": the telling is not on the record,
    which is the record's denial of it. "The minutes show that it was told" affirms it."""
    governed = _governor(chain)
    return governed is not None and governed[1].lemma_.lower() in EVIDENCING_VERBS \
        and _negations(governed[1]) > 0


def _asked(chain: list[Token]) -> bool:
    """ "asked the Board what it knew": an embedded question asserts nothing."""
    governed = _governor(chain)
    if governed is None or governed[1].lemma_.lower() not in ASKING_VERBS:
        return False
    clause = governed[0]
    return any(t.lower_ in QUESTION_WORDS and t.tag_ in ("WP", "WDT", "WRB", "WP$", "IN")
               for t in clause.subtree if t.i < clause.i)


def _for_to_clause(trigger: Token) -> bool:
    """ "It's not for schools to provide food": whose role a thing is, not whether it happens."""
    marks = {(c.dep_, c.lower_) for c in trigger.children}
    return ("mark", "for") in marks and ("aux", "to") in marks


def _refused(trigger: Token, lexicon: Lexicon) -> bool:
    return any(node != trigger and node.lemma_.lower() in lexicon.negating_verbs
               for node in _verbal_chain(trigger))


def _modality(trigger: Token, sentence: str) -> Modality | None:
    """How the clause commits to the action; None for wishes and questions, which assert nothing."""
    if sentence.rstrip().endswith("?"):
        return None
    chain = _verbal_chain(trigger)
    if _asked(chain) or _for_to_clause(trigger):
        return None
    for node in chain:
        lemma = node.lemma_.lower()
        if (lemma in DESIRE_WORDS or lemma in OBLIGATION_WORDS) and node != trigger:
            return None
        if lemma in PLAN_WORDS and node != trigger:
            return Modality.PLAN
    if any(c.lower_ == "only" for c in trigger.children) and any(
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS | {"when"}
                                      for m in c.children) for c in trigger.children):
        # "will only share information where there is a lawful basis": a restriction.
        return Modality.CONDITIONAL
    for node in chain:
        for child in node.children:
            if child.dep_ not in ("aux", "auxpass"):
                continue
            word = child.lower_
            if word in ("will", "shall", "'ll", "wo", "going"):
                return Modality.FUTURE
            if word in ("would",):
                # "announced that the rate would be abolished" reports a future; "would have
                # raised these" supposes.
                if _reported(node) and not any(c.lower_ == "have" for c in node.children):
                    return Modality.FUTURE
                return Modality.CONDITIONAL
            if word in ("can", "could", "ca"):
                return Modality.ABILITY
            if word in ("may", "might"):
                return Modality.POSSIBILITY
            if word in ("should", "must"):
                return Modality.FUTURE
    return Modality.FACT


def _clause_tokens(trigger: Token) -> list[Token]:
    """The trigger's own subtree, its subject, and for nouns the verb phrase around them."""
    tokens = {t.i: t for t in trigger.subtree if not _in_relcl_below(t, trigger)}
    head = trigger
    # "no plans to share the data": share is inside "plans"; the subject lives above.
    for node in _verbal_chain(trigger)[1:]:
        head = node
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass", "agent", "dative") or (
                    child.dep_ == "prep" and child.lower_ in ("to", "with", "from", "by")):
                for t in child.subtree:
                    tokens.setdefault(t.i, t)
    subject = _subject(trigger)
    if subject is not None:
        for t in subject.subtree:
            tokens.setdefault(t.i, t)
    del head
    return [tokens[i] for i in sorted(tokens)]


def _in_relcl_below(token: Token, top: Token) -> bool:
    node = token
    while node != top and node.dep_ != "ROOT":
        if node.dep_ == "relcl":
            return True
        node = node.head
    return False


def _subject(trigger: Token) -> Token | None:
    for node in _verbal_chain(trigger):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if node.dep_ == "conj":
            # Coordinated verbs share the first conjunct's subject.
            for child in node.head.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    return child
    return None


def _role(token: Token, trigger: Token, subject_ids: set[int], passive: bool) -> str:
    node = token
    while node != trigger and node.dep_ != "ROOT":
        if node.dep_ == "pobj" and node.head.lower_ in ("to", "with", "into"):
            return "recipient"
        if node.dep_ == "pobj" and node.head.lower_ == "by" and passive:
            return "agent"
        if node.dep_ in ("poss", "compound") and node.head == trigger and trigger.pos_ == "NOUN":
            return "agent"
        node = node.head
    if token.i in subject_ids:
        return "theme" if passive else "agent"
    return "other"


def _merge(p: Proposition, agents, things, recipients, entities, topics) -> Proposition:
    return Proposition(p.action, p.action_text, p.polarity, p.modality,
                       p.agents | frozenset(agents), p.things | frozenset(things),
                       p.recipients | frozenset(recipients), p.entities | frozenset(entities),
                       p.arguments, p.topics | (frozenset(topics) - {f"@{p.action}"}))


# Answers that assert nothing but the denial of what was asked.
ELLIPTICAL_ANSWER = re.compile(
    r"^\W*(?:no[,.;]?\s+)?(?:not\s+that\s+I\s+(?:am|was|\'m)\s+aware(?:\s+of)?|not\s+to\s+my\s+"
    r"knowledge|none\s+that\s+I\s+(?:am|was)\s+aware\s+of|I\s+am\s+not\s+aware\s+of\s+any|no)"
    r"[\s.!]*$", re.I)
# "Chris Grayling MP: \"Was there any discussion ...?\"": the question asked, without who asked it.
ASKER = re.compile(r"^[^:\"\u201c]{0,80}:\s*")


def _question_words(question: str) -> str:
    """The words of a question, without its asker and quotation marks."""
    return ASKER.sub("", " ".join(question.split())).strip(" \"\u201c\u201d")


# Nouns too common to say what a sentence is about.
VAGUE_NOUNS = {"people", "person", "time", "year", "way", "thing", "number", "part", "case", "fact",
               "lot", "matter", "issue", "question", "area", "day", "week", "month", "point",
               "place", "basis", "level", "side", "end", "start", "kind", "sort", "result", "house",
               "member", "friend", "minister", "government", "country", "detail", "term", "work",
               "summary", "opportunity", "moment", "practice", "view", "position"}
# Parliament's forms of address and its reference words: "the hon. Member", "my right hon.
# Friend", "the noble Lord", "HC Deb, col. 12" say who or where, never what about.
VAGUE_NOUNS |= {"hon", "honourable", "gentleman", "lady", "lord", "baroness", "sir", "dame", "mr",
                "mrs", "ms", "dr", "col", "vol", "deb", "column", "volume"}


def _topics(trigger: Token, clause: list[Token], by_token: dict[int, _Mention],
            dated: set[int]) -> set[str]:
    """What the clause is about beyond the lexicon: other actions it names, unknown nouns."""
    topics: set[str] = set()
    for token in clause:
        if token.i == trigger.i or token.i in dated or token.like_num:
            continue
        mention = by_token.get(token.i)
        if mention is not None:
            if mention.category == "actions":
                topics.add(f"@{mention.key}")
            continue
        if _topic_noun(token):
            topics.add(f"~{token.lemma_.lower()}")
    return topics


def _topic_noun(token: Token) -> bool:
    """Is ``token`` a noun that says what a clause is about: not a stop word, a vague noun or a
    form of address?"""
    lemma = token.lemma_.lower()
    return token.pos_ in ("NOUN", "PROPN") and not token.is_stop and len(lemma) > 2 \
        and lemma not in VAGUE_NOUNS and any(ch.isalpha() for ch in lemma)


def _phrase(token: Token) -> str:
    return " ".join(t.text for t in token.subtree if t.dep_ != "relcl")[:160]


def _quantities(sent: Span, dated: set[int]) -> Iterator[Quantity]:
    for token in sent:
        if token.i in dated:
            continue
        text = token.text
        value: float | None = None
        if NUMBER.match(text):
            value = float(text.replace(",", ""))
        elif token.lower_ in WORD_NUMBERS and token.pos_ == "NUM":
            value = float(WORD_NUMBERS[token.lower_])
        if value is None or token.dep_ in ("npadvmod",):
            continue
        if 1900 <= value <= 2100 and "," not in text:
            continue  # a year, not a count
        unit = token.head.lemma_.lower() if token.head != token and token.head.pos_ == "NOUN" else None
        yield Quantity(value, text, unit)


# Names made of letters and digits: "HS2", "M25", "A14", "F35".
CODED_NAME = re.compile(r"^[A-Za-z]+\d+[A-Za-z]?$")


def _keywords(sent: Span) -> list[str]:
    return [t.lemma_.lower() for t in sent
            if (t.is_alpha or CODED_NAME.match(t.text)) and not t.is_stop
            and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")]


# Verbs whose subject or object under "no" says the thing itself did not exist or happen: "there
# was no breach", "no decision has been taken", "received no objections". Under other verbs "no"
# denies the predicate of things that exist: "no depots have been closed".
EXISTENCE_VERBS = frozenset({"be", "have", "exist", "occur", "happen", "make", "take", "receive",
                             "raise", "hold", "reach", "give", "issue", "record", "find",
                             "identify", "report", "lodge", "submit", "sign", "agree"})


def _absent(sent: Span) -> Iterator[str]:
    """The things a sentence says there were none of: a noun under "no" or "any" in a denied
    clause, as subject or object of a verb of existence ("no formal complaint was made", "did
    not receive any objections"), or after "without" ("awarded without competition"). Each as
    its lemma after the lemmas of the adjectives and nouns that narrow it: a claim that there
    was no *formal* complaint is not answered by an informal one. A name keeps its capitals
    ("no 'Harbour Levy'"), so that the judge knows it for one thing rather than a kind."""
    for token in sent:
        word = token.lower_
        noun = None
        quoted: list[Token] = []
        if word == "without":
            noun = next((c for c in token.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
        elif word in ("no", "any") and token.dep_ == "det":
            head = token.head
            verb = head.head
            quoted = _quoted_name(token)
            if head.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr") \
                    or verb.lemma_.lower() not in EXISTENCE_VERBS \
                    or not _names_a_thing(head, quoted):
                continue
            if word == "no" or any(c.dep_ == "neg" for c in verb.children):
                noun = head
        if noun is None:
            continue
        words = [_lemma_or_name(t) for t in _absent_words(noun, quoted)]
        # "without" denies the thing only in the event it is attached to: kept, for the judge.
        yield " ".join([*(["without"] if word == "without" else []), *words])


def _lemma_or_name(token: Token) -> str:
    return token.lemma_ if token.pos_ == "PROPN" else token.lemma_.lower()


# The most words a quoted name runs to; past it, a stray apostrophe has been read as a quote.
QUOTED_NAME_TOKENS = 8


def _quoted_name(det: Token) -> list[Token]:
    """The words in quotation marks straight after ``det``: "no 'Harbour Levy'", "no 'Harbour
    Levy' plans". The parser reads the closing mark as a possessive or hangs it on the verb, so
    the name is found by where its marks are, not by the tree; and the opening mark must follow
    the determiner, or a plural possessive ("no workers' objections") would open a name."""
    doc = det.doc
    opening = det.i + 1
    if opening >= det.sent.end or not doc[opening].is_quote:
        return []
    end = min(det.sent.end, opening + 2 + QUOTED_NAME_TOKENS)
    closing = next((t for t in doc[opening + 1:end] if t.is_quote), None)
    return list(doc[opening + 1:closing.i]) if closing is not None else []


def _names_a_thing(noun: Token, quoted: list[Token]) -> bool:
    """Is the noun under "no" a kind of thing? A common noun is. A proper noun is most often a
    title used as one ("No Minister has visited"), which does not say the minister is absent; it
    names a thing when it is quoted ("no 'Harbour Levy'") or said not to exist ("there is no
    Harbour Levy")."""
    if noun.pos_ == "NOUN":
        return True
    if noun.pos_ != "PROPN":
        return False
    existential = noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)
    return noun in quoted or existential


def _absent_words(noun: Token, quoted: list[Token]) -> list[Token]:
    """An absent noun with the words that narrow it, in the order written: its adjectives and
    nouns, and every word of the quoted name it belongs to or is modified by ("no 'Harbour
    Levy' plans")."""
    words = {c.i: c for c in noun.children if c.dep_ in ("amod", "compound")
             and c.is_alpha and not c.is_stop}
    words.update((t.i, t) for t in quoted if t.is_alpha and not t.is_stop)
    words[noun.i] = noun
    return [words[i] for i in sorted(words)]


LIST_ITEM_TOKENS = 8


# Verbs that only carry what someone said: refuting "the Minister told the House that X" denies
# X, not the telling.
TELLING_VERBS = FRAMING_VERBS | {"respond", "reply", "answer", "announce", "claim", "insist",
                                 "write", "add", "declare", "report"}


def _refuted_by_next(before: Analysis, refutation: Analysis, doc: Doc) -> Analysis:
    """One fact of a sentence and the next one saying it was untrue ("The press office told
    reporters that X. That was not accurate."): the record denies what the first sentence
    reported, and quotes both, as written."""
    denied = tuple(p if p.action in TELLING_VERBS else replace(p, polarity=(
        Polarity.AFFIRMED if p.polarity is Polarity.DENIED else Polarity.DENIED))
        for p in before.propositions)
    return replace(
        before, text=_original_text(doc, before.start, refutation.end), end=refutation.end,
        propositions=denied + refutation.propositions,
        quantities=before.quantities + refutation.quantities,
        dates=before.dates + refutation.dates,
        resolved=tuple(dict.fromkeys(before.resolved + refutation.resolved)),
        keywords=tuple(dict.fromkeys(before.keywords + refutation.keywords)),
        references=tuple(dict.fromkeys(before.references + refutation.references)),
        event_date=before.event_date or refutation.event_date,
        absent=tuple(dict.fromkeys(before.absent + refutation.absent)))


def _list_item(sent: Span) -> bool:
    """A short verbless sentence: an item of a list the sentence before began ("we will deliver
    the core Northern line. The airport link. The new hospitals.")."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return 0 < len(words) <= LIST_ITEM_TOKENS and sent.root.pos_ in ("NOUN", "PROPN") \
        and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _can_begin_a_list(sent: Span) -> bool:
    """A predicate with something to take: an object, a complement or an auxiliary ("we will
    deliver X"), not a noun phrase misread as a verb ("The new hospitals programme.")."""
    return any(t.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "pobj", "aux", "auxpass")
               for t in sent)


def _continue_predicate(item: Analysis, before: Analysis, doc: Doc) -> Analysis:
    """The list item takes the predicate of the sentence that began the list, with itself as
    the object: "The airport link." after "we will deliver X" asserts that we will deliver it."""
    main = before.main
    if main is None or item.propositions:
        return item
    trigger = next((t for t in doc.char_span(before.start, before.end, alignment_mode="expand")
                    or () if t.text == main.action_text), None)
    if trigger is None:
        return item
    # "we will deliver": the predicate's doer, auxiliaries and verb, without the rest.
    kept = {trigger.i}
    for child in trigger.children:
        if child.dep_ in ("aux", "auxpass", "neg"):
            kept.add(child.i)
        elif child.dep_ in ("nsubj", "nsubjpass"):
            kept |= {t.i for t in child.subtree}
    head = " ".join(doc[i].text for i in sorted(kept))
    named = " ".join(item.text.split()).rstrip(".;:")
    if named.lower().startswith("and "):
        named = named[4:]
    prop = replace(main, things=frozenset(), entities=frozenset(), recipients=frozenset(),
                   arguments=(("object", named),),
                   topics=frozenset(f"~{w}" for w in item.keywords))
    return replace(item, propositions=(prop,),
                   resolved=(*item.resolved, (named, f"{head} {named}")))


# What one raises without increasing anything: "raised concerns", "raise questions".
MATTERS_RAISED = frozenset({"concern", "question", "issue", "objection", "matter", "point",
                            "complaint", "alarm", "doubt", "query", "awareness", "case",
                            "possibility", "prospect", "flag"})


def _raises_a_matter(verb: Token) -> bool:
    """ "38 Degrees wrote to raise concerns about the figures" raises a matter, not a level: the
    verb of increase is not the sentence's action when its object is a concern or a question."""
    return verb.lemma_.lower() == "raise" and any(
        child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in MATTERS_RAISED
        for child in verb.children)


def _check_worthy(analysis: Analysis) -> bool:
    """A claim must assert something checkable: not a courtesy, a question or a bare preface."""
    if COURTESY.match(analysis.text) or analysis.text.rstrip().endswith("?"):
        return False
    if not analysis.propositions:
        return bool(analysis.quantities)
    return len(analysis.keywords) >= 2


RANGE_JOIN = re.compile(r"\s*(?:to|-|–|—|until|and)\s*", re.I)


def _event_date(sent: Span, dates_found: list) -> PartialDate | None:
    """The date the sentence gives for its own event, read from the parse.

    A date counts when it hangs on the main verb ("On 19 June 2020 you participated", "was
    updated on 27 November 2015", "Between July 2015 and September 2016 ... requests were made"),
    not when it modifies a noun ("data collected between 2016 and 2018 were destroyed in 2020"
    happened in 2020). The earliest such date is taken: a period's start.
    """
    verbs = {t.i for t in sent if t.dep_ == "ROOT"}
    verbs |= {t.i for t in sent if t.dep_ == "conj" and t.head.dep_ == "ROOT"
              and t.pos_ in ("VERB", "AUX")}
    verbs |= _reported_events(sent, verbs)
    found = []
    baseline_end = None
    for start, end, date in dates_found:
        token = sent.doc.char_span(sent.start_char + start, sent.start_char + start + 1,
                                   alignment_mode="expand")
        if token is None:
            continue
        node = token.root
        if node.dep_ in ("amod", "det"):
            # "last year", "this year": the date is the noun its first word modifies.
            whole = sent.doc.char_span(sent.start_char + start, sent.start_char + end,
                                       alignment_mode="expand")
            node = whole.root if whole is not None else node
        if any(a.lower_ in ("than", "before", "after", "compared", "comparing") or _change_from(a)
               for a in [node, *node.ancestors][:6]) or (
                baseline_end is not None and RANGE_JOIN.fullmatch(sent.text[baseline_end:start])):
            baseline_end = end  # a comparison's baseline (and the rest of its range), not the
            continue            # date of the event
        if OPENS_THE_CLAUSE.search(sent.text[:start]):
            # "We can confirm that on April 1, an officer spoke to ...": a date between "that"
            # and its clause dates the clause, wherever the parser hangs it.
            found.append(date)
            continue
        while node.pos_ not in ("VERB", "AUX") and node.dep_ != "ROOT" and node.head != node:
            if node.dep_ in ("acl", "relcl", "compound", "amod") and node.pos_ != "NUM":
                break
            node = node.head
        if node.i in verbs or (node.dep_ == "ROOT") or _dates_the_frame(node, verbs):
            found.append(date)
    return min(found, key=lambda d: d.start) if found else None


OPENS_THE_CLAUSE = re.compile(r"\bthat,?\s+(?:on|in|at|during|since|from|between)?\s*$", re.I)


# Verbs by which a record reports what happened: "the NAO found that in April 2019 the
# department had signed", "it reported that officials were given access in September 2017".
RECORDING_VERBS = FRAMING_VERBS | EVIDENCING_VERBS | {
    "report", "find", "record", "conclude", "disclose", "acknowledge", "admit", "add", "write",
    "describe", "observe", "discover", "learn"}


def _reported_events(sent: Span, main_verbs: set[int]) -> set[int]:
    """The verbs of what the sentence's reporting verbs report, through any depth ("it reported
    that the NAO found that ... were given"): a date on them is the date of the sentence's
    event, since the reporting itself is the document's."""
    found: set[int] = set()
    frontier = [sent.doc[i] for i in main_verbs]
    while frontier:
        verb = frontier.pop()
        if verb.lemma_.lower() not in RECORDING_VERBS:
            continue
        for child in verb.children:
            if child.dep_ == "ccomp" and child.pos_ in ("VERB", "AUX") and child.i not in found \
                    and not _foretold(child):
                found.add(child.i)
                found |= {c.i for c in child.children if c.dep_ == "conj"
                          and c.pos_ in ("VERB", "AUX")}
                frontier.append(child)
    return found


def _foretold(verb: Token) -> bool:
    """ "said that the update would be published by 22 July": a date of what is to come is not
    when the fact held."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODAL_WORDS for c in verb.children)


MODAL_WORDS = frozenset({"would", "will", "shall", "should", "could", "might", "may", "must",
                         "'ll", "wo"})


# Prepositions that set the document or arrangement a whole sentence speaks within.
FRAME_PREPOSITIONS = frozenset({"in", "under"})


def _dates_the_frame(verb: Token, main_verbs: set[int]) -> bool:
    """ "In the version finalised on 18 December 2015, paragraph 15.2.6 lists X": the date of the
    version the sentence reads from is when what it lists held. A dated participle on any other
    noun ("the data collected in 2016 were destroyed in 2020") still dates only that noun."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.dep_ != "pobj":
        return False
    preposition = noun.head
    return preposition.lower_ in FRAME_PREPOSITIONS and preposition.dep_ == "prep" \
        and preposition.head.i in main_verbs and preposition.i < preposition.head.i


def _change_from(token: Token) -> bool:
    """ "up from the £240 million estimate of 2018": the "from" of a change names its baseline."""
    return token.lower_ == "from" and token.i > 0 and \
        token.doc[token.i - 1].lower_ in ("up", "down", "rising", "falling", "risen", "fallen",
                                          "increased", "reduced", "cut", "raised")


def _fact_time(analysis: Analysis, evidence: Evidence) -> tuple[PartialDate, str]:
    """When a fact arose: the date the sentence gives its event, else the document's dates."""
    if analysis.event_date is not None:
        return analysis.event_date, "text"
    if evidence.effective_from is not None:
        return evidence.effective_from, "effective_from"
    return evidence.date, "date"


# ---------------------------------------------------------------------- referents

# Nouns that say nothing until the question or an earlier sentence says what they are: "the
# data", "this information", "the advice", "the scheme".
GENERIC_HEADS = frozenset({"data", "datum", "information", "record", "records", "detail", "details",
                           "figure", "figures", "advice", "report", "change", "changes", "policy",
                           "scheme", "programme", "decision", "agreement", "plan", "document",
                           "matter", "issue", "proposal", "review", "arrangement", "item", "items"})
DATA_HEADS = frozenset({"data", "datum", "information", "record", "records", "detail", "details"})
REFERRING_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such"})
# Verbs whose object in a question is what "the data" later stands for: "the requirement to
# collect country of birth", "whether that information will be shared".
HANDLING_VERBS = frozenset({"collect", "gather", "share", "record", "provide", "hold", "use",
                            "publish", "require", "request", "obtain", "store", "keep", "pass",
                            "give", "release", "disclose", "transfer", "process", "retain"})


def referents_in(span, chunks=None) -> tuple[tuple[str, str], ...]:
    """Noun phrases that a later "the data" or "the advice" may stand for: (head lemma, text).
    ``chunks``: the span's noun chunks, when the caller has found them for the whole doc.

    Phrases with words of their own beyond a determiner ("country of birth data", "the legal
    advice on the scheme"), and the objects of verbs of handling data ("to collect country of
    birth"), which are tagged with the head "data".
    """
    found: list[tuple[str, str]] = []
    for chunk in (chunks if chunks is not None else getattr(span, "noun_chunks", ())):
        head = chunk.root
        words = [t for t in chunk if t.dep_ not in ("det", "poss") and not t.is_punct]
        extended = _with_of_phrase(chunk)
        if len(words) >= 2 or extended != chunk.text:
            found.append((head.lemma_.lower(), extended))
    for token in span:
        verb = token.head
        passive_subject = token.dep_ == "nsubj" and any(c.dep_ == "auxpass"
                                                        for c in verb.children)
        if token.pos_ in ("NOUN", "PROPN") and (token.dep_ in ("dobj", "nsubjpass")
                                               or passive_subject) \
                and verb.lemma_.lower() in HANDLING_VERBS \
                and token.lemma_.lower() not in DATA_HEADS:
            start = min([c.i for c in token.lefts if c.dep_ in ("compound", "amod")
                         and c.pos_ != "VERB"] + [token.i])
            found.append(("data", _with_of_phrase(token.doc[start:token.i + 1])))
    return tuple(found)


def _with_of_phrase(chunk) -> str:
    """ "country" with its "of birth": the phrase as a reader would name it."""
    end = chunk.end
    doc = chunk.doc
    if end < len(doc) and doc[end].lower_ == "of" and end + 1 < len(doc):
        for child in doc[end].children:
            if child.dep_ == "pobj":
                end = child.i + 1
                if end < len(doc) and doc[end].lemma_.lower() in DATA_HEADS:
                    end += 1
    text = doc[chunk.start:end].text
    return re.sub(r"^(?:the|a|an|this|that|these|those|its|their)\s+", "", text, flags=re.I)


def resolve_referents(sent, question: tuple[tuple[str, str], ...],
                      earlier: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """What "the data", "this information" or "the advice" in ``sent`` stands for: the question's
    phrase with the same head (or, for data, what the question asks to be handled), else the
    nearest earlier sentence's."""
    how = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("NOUN", "PROPN") or lemma not in GENERIC_HEADS:
            continue
        children = list(token.children)
        if not any(c.dep_ == "det" and c.lower_ in REFERRING_DETERMINERS for c in children):
            continue
        if any(c.dep_ in ("compound", "amod", "nmod") for c in children) or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in children):
            continue   # "the census data", "the advice of counsel": already specific
        generic = sent.doc[min(c.i for c in children if c.dep_ == "det"):token.i + 1].text
        heads = {lemma} | (DATA_HEADS | {"data"} if lemma in DATA_HEADS else set())
        # The question's most specific phrase: "country of birth data" over "birth data".
        meant = max((text for head, text in question if head in heads and text.lower() != lemma),
                    key=len, default=None)
        if meant is None:
            meant = next((text for head, text in reversed(earlier)
                          if head in heads and text.lower() != lemma), None)
        if meant:
            how.append((generic, meant))
    return tuple(dict.fromkeys(how))


# Marks that say nothing about what happened: an editor's "(!)", an emoji. The parser reads them
# as words and can lose a negation over them ("no plans (!) to share" read as sharing).
NOISE = re.compile(r"\(\s*[!?]+\s*\)|\[\s*sic\s*\]|[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D]",
                   re.I)


def quiet(text: str) -> str:
    """``text`` with noise marks blanked to spaces of the same length, so that every offset, and
    so every quote taken from the original, stays where it was."""
    return NOISE.sub(lambda m: " " * len(m.group(0)), text)


def _original(sent: Span) -> str:
    """The sentence as written, noise marks and all: quotes are always verbatim."""
    return _original_text(sent.doc, sent.start_char, sent.end_char)


def _original_text(doc: Doc, start: int, end: int) -> str:
    """The characters ``start`` to ``end`` of ``doc`` as written (``quiet`` kept every offset)."""
    original = doc.user_data.get("original")
    # The doc's length from its last token: ``doc.text`` joins every token, once a sentence.
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if original is None or len(original) != length:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span.text.strip() if span is not None else ""
    return original[start:end].strip()
