"""The routing decision: signals combined by a rule table kept as data (decision.yml).

``Router.route`` runs every signal once (procedure, places, subject rules, classifier),
combines subject rules and classifier into one *topic*, then walks the table's rows in
order; each row names a resolver (below) and the minimum confidence at which it decides.
Below the table's threshold, or on a row that asks (a commune-level matter without a
place, places in different districts), the complaint goes to the triage queue with the
candidates as alternatives: a wrong commune is worse than the triage desk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from intake.org.addresses import Centre
from intake.org.places import Place, PlaceIndex
from intake.routing import reasons as why
from intake.routing.bodies import BodyIndex
from intake.routing.errors import RoutingDataError
from intake.routing.kind import KindFinding, detect_kind
from intake.routing.letter import (
    Letter,
    commune_failed,
    home_matter_words,
    local_committee_addressed,
    local_committee_asked,
    own_place_words,
    province_head_asked,
    read_letter,
    sent_elsewhere,
    without_person_names,
)
from intake.routing.signals.addressee import addressee_signal
from intake.routing.signals.classifier import Classifier, classifier_signal
from intake.routing.signals.competence import competence_signal
from intake.routing.signals.place import (
    AddressReader,
    hint_signal,
    location_signal,
    residence_signal,
    text_place_signal,
)
from intake.routing.signals.procedure import ProcedureFinder, procedure_signal
from intake.routing.signals.subject import SubjectRules, load_rules, normalise, subject_signal
from intake.routing.text import subject_text
from intake.routing.types import (
    LEVEL_COMMUNE,
    LEVEL_DISTRICT,
    LEVELS,
    Alternative,
    Candidate,
    RoutingDecision,
    RoutingInput,
    Signal,
)

TABLE_FILE = Path(__file__).resolve().parent / "data" / "decision.yml"
MAX_SUCCESSOR_HOPS = 10
LOCAL_TOPIC_MIN = 0.3


@dataclass(frozen=True)
class Row:
    """One row of the table: a resolver, the confidence it needs, what to ask for."""

    name: str
    use: str
    min: float
    ask: str | None = None


@dataclass(frozen=True)
class TopicWeights:
    """How subject rules and classifier make one topic (see decision.yml)."""

    subject_weight: float = 1.0
    classifier_weight: float = 0.85
    addressee_weight: float = 0.75
    rival_penalty: float = 0.5
    procedure_bonus: float = 0.15


@dataclass(frozen=True)
class DecisionTable:
    """The parsed decision.yml."""

    threshold: float
    rows: tuple[Row, ...]
    topic: TopicWeights = field(default_factory=TopicWeights)
    local_boost: float = 0.5
    department_leaning: float = 1.0
    province_local_factor: float = 1.0
    beyond_local_factor: float = 1.0
    province_office: str = "VP_UBND"
    committee_runs: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """What one resolver proposes: a queue (None: triage), confidence, reasons."""

    queue: str | None
    confidence: float
    reasons: tuple[str, ...]
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """Every signal of one complaint, plus the combined topic."""

    procedure: Signal
    location: Signal
    text_place: Signal
    hint: Signal
    subject: Signal
    classifier: Signal
    topic: Signal
    words: int = 0  # how many words describe the matter (after the letter's frame)
    addressee: Signal = field(default_factory=lambda: Signal("addressee"))
    competence: Signal = field(default_factory=lambda: Signal("competence"))
    kind: KindFinding = field(default_factory=lambda: KindFinding("feedback", None))
    addressed_place: Place | None = None  # the place a primary addressee line names
    province: str | None = None  # the words addressing or asking the province in general
    beyond_local: tuple[str, ...] = ()  # phrases of a matter no local committee runs
    head_asked: str | None = None  # the words asking the province's head to direct bodies
    commune_failed: str | None = None  # the words saying the commune was asked before
    # where the letter says the writer lives (not a signature or a Telegram location)
    residence: Signal = field(default_factory=lambda: Signal("residence"))
    own_place: str | None = None  # the words placing the matter where the writer lives
    at_home: str | None = None  # the words placing it at the writer's home ("ngõ nhà tôi")
    # the one commune whose committee the story names ("lên UBND xã Giao Liêm đăng ký")
    commune_office: str | None = None

    def all(self) -> tuple[Signal, ...]:
        """The signals in the order they are reported."""
        return (self.procedure, self.location, self.text_place, self.hint, self.addressee,
                self.competence, self.subject, self.classifier, self.topic)


@lru_cache(maxsize=4)
def load_table(path: Path = TABLE_FILE) -> DecisionTable:
    """Read and check decision.yml (``RoutingDataError`` for an unknown resolver)."""
    try:
        doc: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        rows = tuple(Row(str(r["name"]), str(r["use"]), float(r.get("min", 0.0)),
                         r.get("ask")) for r in doc["rules"])
        table = DecisionTable(float(doc["threshold"]), rows,
                              TopicWeights(**(doc.get("topic") or {})),
                              float(doc.get("local_boost", 0.5)),
                              float(doc.get("department_leaning", 1.0)),
                              float(doc.get("province_local_factor", 1.0)),
                              float(doc.get("beyond_local_factor", 1.0)),
                              str(doc.get("province_office", "VP_UBND")),
                              {str(label): frozenset(normalise(p).strip() for p in phrases)
                               for label, phrases in (doc.get("committee_runs") or {}).items()})
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise RoutingDataError(f"cannot read decision table {path}: {exc}") from exc
    unknown = [r.use for r in rows if r.use not in RESOLVERS]
    if unknown:
        raise RoutingDataError(f"{path}: unknown resolver(s) {', '.join(unknown)}")
    return table


def combine_topic(subject: Signal, classifier: Signal, procedure: Signal,
                  weights: TopicWeights, addressee: Signal | None = None,
                  today: Callable[[str], str] | None = None,
                  local_factor: float = 1.0) -> Signal:
    """One label from keyword rules, classifier and addressee:
    1-(1-ws·s)(1-wc·c)(1-wa·a), minus the rival. ``today`` maps a label to the unit that
    does its work now (a procedure re-assigned to Sở Xây dựng backs the rules' SO_GTVT).
    ``local_factor`` scales the local committee's labels (a letter to the province's
    bodies in general: decision.yml's ``province_local_factor``)."""
    scores: dict[str, list[float]] = {}
    for slot, signal in enumerate((subject, classifier, addressee or Signal("addressee"))):
        for cand in signal.candidates:
            scores.setdefault(cand.label, [0.0, 0.0, 0.0])[slot] = cand.score
    if not scores:
        return Signal("topic")
    proc = procedure.best.label if procedure.best else None
    combined = {}
    for label, (s, c, a) in scores.items():
        value = 1 - (1 - weights.subject_weight * s) * (1 - weights.classifier_weight * c) \
            * (1 - weights.addressee_weight * a)
        if proc is not None and (label == proc or (today and today(label) == proc)):
            value += weights.procedure_bonus
        if label in LEVELS:
            value *= local_factor
        combined[label] = min(0.99, value)
    ranked = sorted(combined.items(), key=lambda kv: -kv[1])
    top_label, top = ranked[0]
    # The rival is the next label of the same kind: departments compete with each other;
    # whether the matter is the local committee's is settled with the place rows.
    second = next((v for label, v in ranked[1:]
                   if (label in LEVELS) == (top_label in LEVELS)), 0.0)
    confidence = max(0.0, top - weights.rival_penalty * second)
    candidates = (Candidate(top_label, confidence),
                  *(Candidate(lbl, v) for lbl, v in ranked[1:4]))
    phrases = subject.detail.get("phrases", []) if (
        subject.best and subject.best.label == top_label) else []
    probability = scores[top_label][1] or None
    return Signal("topic", candidates, why.topic_reason(top_label, phrases, probability),
                  {"combined": {k: round(v, 3) for k, v in ranked[:4]}})


Resolver = Callable[["Router", Evidence], Outcome | None]


class Router:
    """Routes complaints with the signals and the decision table."""

    def __init__(self, places: PlaceIndex, triage_queue: str, *,
                 table: DecisionTable | None = None, rules: SubjectRules | None = None,
                 classifier: Classifier | None = None,
                 procedures: ProcedureFinder | None = None,
                 successors: dict[str, str] | None = None,
                 active: set[str] | None = None, bodies: BodyIndex | None = None,
                 addresses: AddressReader | None = None,
                 centres: Sequence[Centre] = ()) -> None:
        self.places = places
        self.addresses = addresses  # reads a form answer or a signature (old or new names)
        self.centres = centres  # communes' centres, for a Telegram location
        self.bodies = bodies
        self.triage_queue = triage_queue
        self.table = table or load_table()
        self.rules = rules or load_rules()
        self.classifier = classifier
        self.procedures = procedures
        self.successors = successors or {}
        self.active = active
        self._place_by_code: dict[str, Place] = {p.queue_code: p for p in places.places
                                                 if p.former_of is None}

    # -- signals --------------------------------------------------------------------
    def evidence(self, data: RoutingInput) -> Evidence:
        """Every signal for ``data``: the letter is read first, so that its addressees
        and the writer's own address are not taken for the subject or the place."""
        letter = read_letter(data.text)
        about = replace(data, text=subject_text(letter.incident))
        procedure = procedure_signal(about, self.procedures)
        subject = subject_signal(about, self.rules)
        classifier = classifier_signal(about, self.classifier)
        addressee = addressee_signal(letter, self.bodies)
        kind = detect_kind(f"{data.subject or ''}\n{data.text}")
        incident = without_person_names(letter.incident)
        named = "\n".join([*(a.text for a in letter.addressees), incident])
        local_factor = self.table.province_local_factor if letter.province else 1.0
        beyond = self._beyond_local(subject, addressee, letter)
        if beyond:
            local_factor *= self.table.beyond_local_factor
        return Evidence(
            procedure=procedure,
            location=location_signal(data, self.places, self.addresses),
            text_place=text_place_signal(data, self.places, named),
            hint=hint_signal(data, self.places, residence=letter.residence_text,
                             addresses=self.addresses, centres=self.centres),
            subject=subject, classifier=classifier,
            topic=combine_topic(subject, classifier, procedure, self.table.topic, addressee,
                                self.today, local_factor),
            province=letter.province, beyond_local=beyond,
            head_asked=province_head_asked(letter),
            commune_failed=commune_failed(letter),
            residence=residence_signal(letter.residence_text, self.places),
            own_place=own_place_words(letter), at_home=home_matter_words(letter),
            commune_office=None if sent_elsewhere(letter) else self._commune_office(incident),
            addressee=addressee, kind=kind, words=len(about.text.split()),
            addressed_place=self._addressed_place(letter),
            competence=competence_signal(letter.incident, kind, self.bodies, self.places))

    @staticmethod
    def _beyond_local(subject: Signal, addressee: Signal, letter: Letter) -> tuple[str, ...]:
        """The subject's phrases of a matter no commune's or district's committee runs
        (``beyond_local`` in subject_rules.yml: a power cut, nationality), unless the
        writer chose the local committee (its addressee line, "đề nghị xã …"): then a
        place named with them is only where it happened, not the competent body."""
        phrases = tuple(subject.detail.get("beyond_local", ()))
        if not phrases:
            return ()
        best = addressee.best
        chosen = best is not None and best.label in LEVELS
        if chosen or local_committee_addressed(letter) or local_committee_asked(letter.incident):
            return ()
        return phrases

    def _commune_office(self, incident: str) -> str | None:
        """The commune whose committee the story names, when it names one only."""
        if self.bodies is None:
            return None
        named = {m.place for m in self.bodies.find(incident)
                 if m.label == LEVEL_COMMUNE and m.place}
        return named.pop() if len(named) == 1 else None

    def _addressed_place(self, letter: Letter) -> Place | None:
        """The commune or district named in the primary addressee line that names a
        committee ("Kính gửi: Chủ tịch UBND xã Võ Tranh, huyện Lục Nam" → xã Võ Tranh);
        None when that line names no place, or several of the committee's level."""
        if self.bodies is None:
            return None
        for addressee in letter.addressees:
            levels = {m.label for m in self.bodies.find(addressee.text) if m.label in LEVELS}
            if not addressee.primary or len(levels) != 1:
                continue
            district = levels == {LEVEL_DISTRICT}
            named = {m.place.queue_code: m.place for m in self.places.find(addressee.text)
                     if m.place.is_district == district}
            return next(iter(named.values())) if len(named) == 1 else None
        return None

    # -- decision -------------------------------------------------------------------
    def route(self, data: RoutingInput) -> RoutingDecision:
        """The queue for ``data`` with confidence, reasons, alternatives and signals."""
        ev = self.evidence(data)
        place = ev.location.best.label if ev.location.best and \
            ev.location.detail.get("kind") != "conflict" else None
        considered: list[tuple[Row, Outcome]] = []
        chosen: tuple[Row, Outcome] | None = None
        for row in self.table.rows:
            outcome = RESOLVERS[row.use](self, ev)
            if outcome is None:
                continue
            considered.append((row, outcome))
            if chosen is None and outcome.confidence >= row.min:
                chosen = (row, outcome)
        decision = self._decision(ev, chosen, considered, place)
        said = (ev.kind.reason,) if ev.kind.cue else ()
        if (ev.province and decision.queue_code != self.triage_queue
                and not decision.queue_code.startswith(LOCAL_QUEUE_PREFIXES)):
            said = (why.province_reason(ev.province), *said)
        outranked = ev.subject.detail.get("outranked") or {}
        if outranked and ev.subject.best and decision.queue_code == ev.subject.best.label:
            said = (why.outranked_reason(outranked["by"], outranked["dropped"],
                                         str(outranked.get("said") or "hệ quả")), *said)
        if (ev.beyond_local and _first_place(ev) is not None
                and decision.queue_code != self.triage_queue
                and not decision.queue_code.startswith(LOCAL_QUEUE_PREFIXES)):
            said = (why.beyond_local_reason(ev.beyond_local), *said)
        return replace(decision, kind=ev.kind.kind, reasons=(*decision.reasons, *said))

    def _decision(self, ev: Evidence, chosen: tuple[Row, Outcome] | None,
                  considered: list[tuple[Row, Outcome]], place: str | None) -> RoutingDecision:
        alternatives = self._alternatives(ev, chosen, considered)
        codes = tuple(a.queue for a in alternatives)
        if chosen is None:
            found = [r for s in ev.all() if (r := s.reason)]
            best = max((o.confidence for _, o in considered), default=0.0)
            return RoutingDecision(self.triage_queue, best, (why.triage_reason(), *found),
                                   "triage", codes, ev.all(), alternatives, None, place)
        row, outcome = chosen
        queue, extra = self._follow(outcome.queue)
        if queue is None or outcome.confidence < self.table.threshold:
            reasons = outcome.reasons if row.ask else (why.triage_reason(
                f"độ tin cậy thấp ({outcome.confidence:.0%})"), *outcome.reasons)
            return RoutingDecision(self.triage_queue, outcome.confidence, reasons, row.name,
                                   codes, ev.all(), alternatives, row.ask, place)
        reasons = (*outcome.reasons, *extra)
        if queue == self.triage_queue and row.use != "province_head_queue":
            reasons = (f"{reasons[0]} ({why.TRIAGE})", *reasons[1:])
        return RoutingDecision(queue, outcome.confidence, reasons, row.name, codes, ev.all(),
                               alternatives, None, place)

    def _alternatives(self, ev: Evidence, chosen: tuple[Row, Outcome] | None,
                      considered: list[tuple[Row, Outcome]]) -> tuple[Alternative, ...]:
        taken = chosen[1].queue if chosen else None
        seen: dict[str, Alternative] = {}
        pool = [(r.name, q, o.confidence) for r, o in considered
                for q in ([o.queue] if o.queue else list(o.alternatives))]
        pool += [("topic", c.label, c.score) for c in ev.topic.candidates
                 if c.label not in LEVELS]
        for rule, queue, conf in pool:
            if queue and queue != taken and queue not in seen:
                seen[queue] = Alternative(queue, conf, rule)
        return tuple(sorted(seen.values(), key=lambda a: -a.confidence)[:3])

    def today(self, queue: str) -> str:
        """The queue that does ``queue``'s work now (itself unless retired)."""
        return self._follow(queue)[0] or queue

    def _follow(self, queue: str | None) -> tuple[str | None, tuple[str, ...]]:
        """The queue, or its successor after organisation changes (None if retired)."""
        if queue is None:
            return None, ()
        notes: list[str] = []
        for _ in range(MAX_SUCCESSOR_HOPS):
            if self.active is None or queue in self.active:
                return queue, tuple(notes)
            successor = self.successors.get(queue)
            if successor is None:
                return None, tuple(notes)
            notes.append(why.successor_reason(queue, successor))
            queue = successor
        return None, tuple(notes)

    # -- place helpers --------------------------------------------------------------
    def place(self, code: str) -> Place | None:
        """The commune or district whose committee's queue is ``code`` (None: not a
        place's queue)."""
        return self._place_by_code.get(code)

    def at_level(self, level: str | None, code: str, *, authority: bool = False) -> str:
        """A place's queue moved up to its district when the matter is district-level.
        Where the district was abolished (2025) a local matter stays with the commune,
        which took the district's local work; ``authority`` (who must settle a complaint
        or a denunciation, often about the commune itself) keeps the district, whose
        successor then decides."""
        place = self._place_by_code.get(code)
        if place is None or level != LEVEL_DISTRICT or place.is_district:
            return code
        if not authority and self.active is not None \
                and place.district_code not in self.active:
            return code
        return place.district_code or code

    def local_level(self, ev: Evidence) -> tuple[str | None, float]:
        """XA/HUYEN when the topic says the matter belongs to the local committee."""
        best = ev.topic.best
        if best and best.label in LEVELS and best.score >= LOCAL_TOPIC_MIN:
            return best.label, best.score
        return None, 0.0


def _usable_place(signal: Signal) -> Candidate | None:
    if signal.detail.get("kind") == "conflict":
        return None
    return signal.best


def _first_place(ev: Evidence) -> tuple[Signal, Candidate] | None:
    for signal in (ev.location, ev.text_place, ev.hint):
        cand = _usable_place(signal)
        if cand is not None:
            return signal, cand
    return None


def _place_outcome(router: Router, ev: Evidence, signal: Signal, level: str | None,
                   base: float, lead: tuple[str, ...] = (),
                   authority: bool = False) -> Outcome | None:
    cand = _usable_place(signal)
    if cand is None:
        return None
    queue = router.at_level(level, cand.label, authority=authority)
    moved = why.level_place_reason(level, cand.label, queue) if level else None
    reasons = tuple(r for r in (*lead, signal.reason, moved) if r)
    return Outcome(queue, min(0.99, base), reasons)


# -- resolvers (named by decision.yml's `use`) ---------------------------------------
def procedure_queue(router: Router, ev: Evidence) -> Outcome | None:
    """The procedure's own department."""
    best = ev.procedure.best
    if best is None or best.label in LEVELS or _addressed_elsewhere(ev, best.label) \
            or _topic_elsewhere(router, ev, best.label):
        return None
    topic = ev.topic.best
    bonus = 0.05 if topic and router.today(topic.label) == best.label else 0.0
    return Outcome(best.label, min(0.99, best.score + bonus), (ev.procedure.reason or "",))


def _addressed_to(ev: Evidence) -> Candidate | None:
    """The body an addressee line names with confidence ("Kính gửi Sở Y tế"), if any."""
    best = ev.addressee.best
    if best is None or best.score < ADDRESSEE_MIN \
            or best.label not in ev.addressee.detail.get("addressed", ()):
        return None
    return best


def _department_and_local(ev: Evidence) -> tuple[float, float]:
    """The strongest department's and the local committee's combined topic scores."""
    combined: dict[str, float] = ev.topic.detail.get("combined", {})
    department = max((v for label, v in combined.items() if label not in LEVELS), default=0.0)
    local = max((v for label, v in combined.items() if label in LEVELS), default=0.0)
    return department, local


def _addressed_elsewhere(ev: Evidence, label: str) -> bool:
    """The letter is addressed to another body than ``label``: a procedure it mentions
    (the land certificate in a letter to Sở Giao thông) does not outweigh that; the
    addressee's row decides, with its own check for a misaddressed letter."""
    addressee = _addressed_to(ev)
    return addressee is not None and addressee.label != label


TOPIC_OVER_PROCEDURE = 0.6


def _topic_elsewhere(router: Router, ev: Evidence, label: str) -> bool:
    """The subject rules and the classifier agree on another department than the
    procedure's, well above it: the procedure is context of the matter, not the matter
    (a card an ethnic-minority policy no longer pays for, a clinic's X-ray room: the
    card's and the licence's departments are not the competent ones). The topic row then
    decides, with its own reason."""
    best = ev.topic.best
    if best is None or best.label in LEVELS or router.today(best.label) == label:
        return False
    combined: dict[str, float] = ev.topic.detail.get("combined", {})
    own = max((v for lbl, v in combined.items() if router.today(lbl) == label), default=0.0)
    return best.score >= TOPIC_OVER_PROCEDURE and combined.get(best.label, 0.0) - own \
        >= DEPARTMENT_MARGIN


DEPARTMENT_OVER_PROCEDURE = 0.6
DEPARTMENT_MARGIN = 0.1
PROVINCE_DEPARTMENT_MIN = 0.3  # a department this supported, in a letter to the province
LOCAL_QUEUE_PREFIXES = ("XA_", "HUYEN_")


def _clearly_departmental(ev: Evidence) -> bool:
    """The letter is addressed to a provincial body, or its subject points at a department
    well above the local committee, or the writer took the matter to the province's
    bodies in general and the subject names a department: a local procedure it mentions
    ("giấy phép xây dựng", "khai tử") is context, not the matter (a social-housing
    complaint to Sở Xây dựng; houses built on a dyke, in a letter to the province)."""
    addressee = _addressed_to(ev)
    if addressee is not None and addressee.label not in LEVELS:
        return True
    department, local = _department_and_local(ev)
    if ev.province and department >= PROVINCE_DEPARTMENT_MIN:
        return True
    return department >= DEPARTMENT_OVER_PROCEDURE and department - local >= DEPARTMENT_MARGIN


def _procedure_level(ev: Evidence, level: str) -> tuple[str, tuple[str, ...]]:
    """The level a local procedure is handled at: the catalog's, unless the letter is
    addressed to the other level's committee ("Kính gửi UBND xã …"), which knows."""
    addressee = _addressed_to(ev)
    if addressee is not None and addressee.label in LEVELS and addressee.label != level:
        return addressee.label, ((ev.addressee.reason,) if ev.addressee.reason else ())
    return level, ()


def procedure_at_place(router: Router, ev: Evidence) -> Outcome | None:
    """A commune/district-level procedure at the place the citizen or text names."""
    best = ev.procedure.best
    found = _first_place(ev)
    if best is None or best.label not in LEVELS or found is None \
            or _clearly_departmental(ev):
        return None
    signal, place = found
    level, addressed = _procedure_level(ev, best.label)
    office = _office_within(router, ev, level, place.label)
    if office is not None:
        return Outcome(office.queue_code, min(best.score, place.score), (
            ev.procedure.reason or "", *addressed,
            why.procedure_office_reason(office.full_name, office.queue_code)))
    return _place_outcome(router, ev, signal, level, min(best.score, place.score),
                          (ev.procedure.reason or "", *addressed))


def _office_within(router: Router, ev: Evidence, level: str, found: str) -> Place | None:
    """A commune's procedure where the places settle on a district only (two communes
    of it: where the child was born, where the parents live), and the story names the
    one commune's committee the citizen went to: that committee handles the dossier."""
    office = router.place(ev.commune_office) if ev.commune_office else None
    named = router.place(found)
    if level != LEVEL_COMMUNE or office is None or named is None or not named.is_district \
            or office.district_code != named.queue_code \
            or router.today(office.queue_code) != office.queue_code:
        return None
    return office


def procedure_without_place(router: Router, ev: Evidence) -> Outcome | None:
    """A commune/district-level procedure and no usable place: ask, never guess."""
    best = ev.procedure.best
    if best is None or best.label not in LEVELS or _first_place(ev) is not None \
            or _clearly_departmental(ev):
        return None
    return Outcome(None, best.score, (why.triage_reason(
        f"{ev.procedure.reason}, nhưng chưa rõ xã/huyện nào"),), _conflict_codes(ev))


def topic_queue(router: Router, ev: Evidence) -> Outcome | None:
    """The department the subject rules, the classifier and the addressee point at,
    unless the letter chose the local committee for a matter it runs itself."""
    best = ev.topic.best
    if best is None or best.label in LEVELS or _committee_runs_it(router, ev, best.label):
        return None
    return Outcome(best.label, best.score, (ev.topic.reason or "", *_addressed(ev, best.label),
                                            *_procedure_context(router, ev, best.label)))


def _procedure_context(router: Router, ev: Evidence, label: str) -> tuple[str, ...]:
    """Says that a procedure the text mentions (a department's, or one the commune or
    district carries out) was taken for context: another department's matter decided."""
    proc = ev.procedure.best
    if proc is None or not ev.procedure.reason \
            or router.today(proc.label) == router.today(label):
        return ()
    return (why.procedure_context_reason(ev.procedure.reason, label),)


MIN_DESCRIBED_WORDS = 6


def described_topic(router: Router, ev: Evidence) -> Outcome | None:
    """A weak topic, only for a text that describes something ("cảm ơn" or a row of
    letters is no department's matter, whatever the classifier makes of it)."""
    if ev.words < MIN_DESCRIBED_WORDS:
        return None
    return topic_queue(router, ev)


def _addressed(ev: Evidence, label: str) -> tuple[str, ...]:
    """The addressee's reason when it backs ``label``."""
    best = ev.addressee.best
    return (ev.addressee.reason,) if best and best.label == label and ev.addressee.reason \
        else ()


LEANING_DISCOUNT = 0.5
ADDRESSEE_MIN = 0.85
ADDRESSEE_OVERRIDE = 0.8


def addressee_queue(router: Router, ev: Evidence) -> Outcome | None:
    """The provincial body the letter is addressed to ("Kính gửi Sở Y tế"), unless the
    content clearly belongs to another department (a misaddressed letter)."""
    best = _addressed_to(ev)
    if best is None or best.label in LEVELS:
        return None
    combined: dict[str, float] = ev.topic.detail.get("combined", {})
    own = combined.get(best.label, 0.0)
    # the triage desk is no rival: it forwards what it receives, it is not competent
    rival = max((v for label, v in combined.items()
                 if label not in (best.label, router.triage_queue) and label not in LEVELS),
                default=0.0)
    if rival >= ADDRESSEE_OVERRIDE and rival > own:
        return None
    if _local_over_addressee(ev, own):
        return None  # the place rows decide, and say why (``misaddressed_local``)
    reasons = (ev.addressee.reason or "",
               *((ev.topic.reason,) if ev.topic.best and ev.topic.best.label == best.label
                 and ev.topic.reason else ()))
    return Outcome(best.label, min(0.95, 0.7 + 0.25 * own), reasons)


def _local_over_addressee(ev: Evidence, own: float) -> bool:
    """The content is the local committee's well above the addressed department's, and
    the text names where (a neighbour's loudspeakers in a letter to the police, a lower
    secondary school's fees in one to Sở Giáo dục): the letter is misaddressed, the
    committee of that place is competent, not the body the writer chose."""
    _, local = _department_and_local(ev)
    best = ev.topic.best
    return best is not None and best.label in LEVELS and local >= ADDRESSEE_OVERRIDE \
        and local > own and _first_place(ev) is not None


def _committee_runs_it(router: Router, ev: Evidence, label: str) -> bool:
    """The letter is addressed to a commune's or district's committee at a named place,
    and what the subject rules found for ``label`` is all of a kind that committee runs
    itself (decision.yml's ``committee_runs``: order and security in the commune, which its
    Chairman directs the commune police to keep, Luật Tổ chức chính quyền địa phương 2015,
    Điều 35-36): the addressed committee's row decides, not the department's topic."""
    runs = router.table.committee_runs.get(label)
    addressee = _addressed_to(ev)
    if not runs or addressee is None or addressee.label not in LEVELS \
            or ev.addressed_place is None or ev.kind.kind == "denunciation":
        return False
    phrases = ev.subject.detail.get("phrases", []) if (
        ev.subject.best and ev.subject.best.label == label) else []
    return bool(phrases) and all(p in runs for p in phrases)


def province_head_queue(router: Router, ev: Evidence) -> Outcome | None:
    """A letter to the province's People's Committee or its Chairman asking to direct
    several bodies ("chỉ đạo các sở, ngành"): a matter across bodies, which the Chairman
    coordinates; the province's office (decision.yml's ``province_office``) prepares it."""
    if ev.head_asked is None:
        return None
    return Outcome(router.table.province_office, PROVINCE_HEAD,
                   (why.province_head_reason(ev.head_asked, router.table.province_office),))


PROVINCE_HEAD = 0.8


def competence_queue(router: Router, ev: Evidence) -> Outcome | None:
    """Who must settle a khiếu nại or tố cáo (signals/competence.py); a level needs its
    place: the one named with the decision-maker or official, else the text's."""
    best = ev.competence.best
    reason = ev.competence.reason or ""
    if best is None:
        return None
    if best.label not in LEVELS:
        return Outcome(best.label, best.score, (reason,))
    named = ev.competence.detail.get("place")
    if named:
        queue = router.at_level(best.label, str(named), authority=True)
        return Outcome(queue, best.score, (reason, why.level_place_reason(
            best.label, str(named), queue) or _place_said(ev, queue)))
    found = _first_place(ev)
    if found is None:
        return None
    signal, _ = found
    return _place_outcome(router, ev, signal, best.label, best.score, (reason,),
                          authority=True)


def _place_said(ev: Evidence, queue: str) -> str:
    """The text's own place reason when it names ``queue`` (it says "xã Tân Mộc (cũ) → Xã
    Nam Dương" for a former name), else a short one."""
    best = ev.text_place.best
    if best is not None and best.label == queue and ev.text_place.reason:
        return ev.text_place.reason
    return f"địa điểm → {queue}"


def addressed_committee(router: Router, ev: Evidence) -> Outcome | None:
    """The commune's or district's committee the letter is addressed to, where its
    addressee line names the place: the writer chose that body, so the writer's residence
    or another place in the story does not make the letter ambiguous."""
    addressee = _addressed_to(ev)
    place = ev.addressed_place
    if addressee is None or addressee.label not in LEVELS or place is None \
            or place.is_district != (addressee.label == LEVEL_DISTRICT):
        return None
    elsewhere = _matter_in_another_district(router, ev, place)
    if elsewhere is not None:
        return _committee_where_it_is(router, ev, place, elsewhere)
    found = _commune_of_addressed_district(router, ev, place)
    if found is not None:
        commune, is_residence = found
        return Outcome(commune.queue_code, ADDRESSED_COMMITTEE, (
            ev.addressee.reason or "", ev.topic.reason or "",
            why.commune_of_district_reason(place.full_name, commune.full_name,
                                           commune.queue_code, is_residence)))
    queue = router.at_level(addressee.label, place.queue_code)
    if router.today(queue) != queue:
        return None  # a committee abolished since (2025): the place rows find its heir
    best = ev.topic.best
    runs = (why.committee_runs_reason(place.full_name, ev.subject.detail.get("phrases", [])),) \
        if best is not None and _committee_runs_it(router, ev, best.label) else ()
    return Outcome(queue, ADDRESSED_COMMITTEE, (
        ev.addressee.reason or "", why.addressed_place_reason(place.name, queue), *runs))


ADDRESSED_COMMITTEE = 0.9


def _district_of(place: Place) -> str | None:
    """The district a place is (a district) or lies in (a commune)."""
    return place.queue_code if place.is_district else place.district_code


def _matter_in_another_district(router: Router, ev: Evidence, addressed: Place) -> Place | None:
    """The place the text names for the matter (the writer's residence is not read as
    one), when it lies in another district than the committee the letter is addressed to
    and the matter is the local committee's: a commune's or district's committee acts
    only within its own territory (Luật Tổ chức chính quyền địa phương 2015, Điều 2), so
    the writer who took a farm's culvert in Yên Thế to the committee of Lục Nam, where
    the writer lives, chose a body that cannot settle it. None when the text names no
    single place, or one in the addressed district; when the content (the subject rules
    and the classifier: the addressee line alone makes any letter to a committee local)
    is the local committee's less than ``LOCAL_TOPIC_MIN``; or when the text places the
    matter where the writer lives in the addressed district ("đường trục thôn tôi": the
    other place is a workplace, a school)."""
    cand = _usable_place(ev.text_place)
    best = ev.topic.best
    if cand is None or best is None or best.label not in LEVELS \
            or best.score < LOCAL_TOPIC_MIN or _content_local(router, ev) < LOCAL_TOPIC_MIN \
            or _at_home_in(router, ev, addressed):
        return None
    named = router.place(cand.label)
    if named is None or router.today(named.queue_code) != named.queue_code:
        return None
    district = _district_of(named)
    if district is None or district == _district_of(addressed):
        return None
    return named


def _content_local(router: Router, ev: Evidence) -> float:
    """How much the subject rules and the classifier (not the addressee line) say the
    matter is the local committee's: the topic's combination of the two, best level."""
    weights = router.table.topic

    def level_score(signal: Signal, level: str) -> float:
        return max((c.score for c in signal.candidates if c.label == level), default=0.0)

    return max(1 - (1 - weights.subject_weight * level_score(ev.subject, level))
               * (1 - weights.classifier_weight * level_score(ev.classifier, level))
               for level in LEVELS)


def _at_home_in(router: Router, ev: Evidence, addressed: Place) -> bool:
    """The text places the matter in the writer's own place ("thôn tôi", "xóm em") and
    the letter says the writer lives in the addressed district."""
    home = _residence_place(router, ev)
    return ev.own_place is not None and home is not None \
        and _district_of(home) == _district_of(addressed)


def _residence_place(router: Router, ev: Evidence) -> Place | None:
    """The place the letter says the writer lives in (its residence clauses only)."""
    return _named_place(router, ev.residence)


def _committee_where_it_is(router: Router, ev: Evidence, addressed: Place,
                           named: Place) -> Outcome:
    """The committee of the place where the matter is: the commune's when the content is
    a commune's (or the place is a commune of an abolished district), else the
    district's."""
    combined: dict[str, float] = ev.topic.detail.get("combined", {})
    commune_level = not named.is_district and \
        combined.get(LEVEL_COMMUNE, 0.0) >= LOCAL_TOPIC_MIN
    level = LEVEL_COMMUNE if commune_level else LEVEL_DISTRICT
    queue = router.at_level(level, named.queue_code)
    where = router.place(queue)
    return Outcome(queue, ADDRESSED_COMMITTEE, (
        ev.addressee.reason or "",
        why.committee_elsewhere_reason(addressed.full_name,
                                       where.full_name if where else named.full_name,
                                       queue)))


def _commune_of_addressed_district(router: Router, ev: Evidence,
                                   district: Place) -> tuple[Place, bool] | None:
    """The commune the text names, in the district whose committee the letter is
    addressed to, when the matter is a commune's (the topic's best is XA: a village
    road, the waste collection of a market, the commune's public land): the commune's
    committee runs it (Luật Tổ chức chính quyền địa phương 2015, Điều 35-36), the
    district's would send it down. None when the text names no single commune there, or
    says the commune was asked before or did not act (the district is asked over it).
    Where the text names no commune there, the commune the letter says the writer lives
    in stands for it (its residence clauses: not an e-mail signature or a Telegram
    location): a village's matter told by one who lives there. Returns the commune and
    whether it is the residence."""
    best = ev.topic.best
    if not district.is_district or best is None or best.label != LEVEL_COMMUNE \
            or best.score < LOCAL_TOPIC_MIN or ev.commune_failed:
        return None
    for signal, is_residence in ((ev.text_place, False), (ev.residence, True)):
        cand = _named_commune(router, signal)
        commune = router.place(cand.label) if cand is not None else None
        if commune is not None and commune.district_code == district.queue_code \
                and router.today(commune.queue_code) == commune.queue_code:
            return commune, is_residence
    return None


def _named_commune(router: Router, signal: Signal) -> Candidate | None:
    """The signal's place when it is a commune (not a district)."""
    cand = _usable_place(signal)
    place = router.place(cand.label) if cand is not None else None
    return cand if place is not None and not place.is_district else None


def place_given(router: Router, ev: Evidence) -> Outcome | None:
    """The place the citizen gave, at the level a local topic implies."""
    return _local_place(router, ev, ev.location)


def place_in_text(router: Router, ev: Evidence) -> Outcome | None:
    """The place named in the text (settled when there are two)."""
    district = _only_the_home_district(router, ev)
    if district is None:
        return _local_place(router, ev, ev.text_place)
    found = _local_place(router, ev, ev.residence)
    if found is None:
        return None
    said = why.at_home_reason(ev.at_home or "", district.full_name)
    return Outcome(found.queue, found.confidence, (*found.reasons, said))


def _only_the_home_district(router: Router, ev: Evidence) -> Place | None:
    """The district or city the text names, when it is the only place named, the writer
    lives in one of its communes, and the text places a commune's matter at the writer's
    home ("trên phố trước nhà tôi", "xóm em"; often the place is only in the addressee
    line: "Công an thành phố Bắc Giang"): then the matter is in the writer's commune or
    ward, whose committee runs it; the city's would send it down. Else None."""
    level, _ = router.local_level(ev)
    named = _named_place(router, ev.text_place)
    home = _residence_place(router, ev)
    if level == LEVEL_COMMUNE and ev.at_home is not None and named is not None \
            and named.is_district and home is not None and not home.is_district \
            and home.district_code == named.queue_code \
            and router.today(home.queue_code) == home.queue_code:
        return named
    return None


def _named_place(router: Router, signal: Signal) -> Place | None:
    """The signal's place, if it names one usable place."""
    cand = _usable_place(signal)
    return router.place(cand.label) if cand is not None else None


def _local_place(router: Router, ev: Evidence, signal: Signal) -> Outcome | None:
    cand = _usable_place(signal)
    if cand is None:
        return None
    level, strength = router.local_level(ev)
    base = 1 - (1 - cand.score) * (1 - router.table.local_boost * strength)
    if level is None and _department_leaning(router, ev):
        # a department's matter that names a place: the committee stays an alternative
        base *= LEANING_DISCOUNT
    lead = (*_misaddressed(ev, level), ev.topic.reason or "") if level else ()
    return _place_outcome(router, ev, signal, level, base, lead)


def _misaddressed(ev: Evidence, level: str) -> tuple[str, ...]:
    """Says that the department the letter is addressed to was set aside for a local
    matter (``_local_over_addressee``)."""
    addressee = _addressed_to(ev)
    if addressee is None or addressee.label in LEVELS or not ev.addressee.reason:
        return ()
    return (why.misaddressed_local_reason(ev.addressee.reason, level),)


def _department_leaning(router: Router, ev: Evidence) -> bool:
    """The subject points at a department (at least ``department_leaning`` of
    decision.yml) more than at the local committee."""
    department, local = _department_and_local(ev)
    return department >= router.table.department_leaning and department > local


def _conflict_codes(ev: Evidence) -> tuple[str, ...]:
    for signal in (ev.location, ev.text_place):
        if signal.detail.get("kind") == "conflict":
            return tuple(c.label for c in signal.candidates)
    return ()


def places_conflict(router: Router, ev: Evidence) -> Outcome | None:
    """Places in different districts and none given by the citizen: ask which."""
    if _usable_place(ev.location) is not None or _department_leaning(router, ev):
        return None  # a department's matter: which commune it is in does not matter
    codes = _conflict_codes(ev)
    if not codes:
        return None
    signal = ev.location if ev.location.detail.get("kind") == "conflict" else ev.text_place
    return Outcome(None, signal.candidates[0].score, (why.triage_reason(signal.reason),), codes)


def local_without_place(router: Router, ev: Evidence) -> Outcome | None:
    """A matter of the local committee, but no place: ask where."""
    level, strength = router.local_level(ev)
    if level is None or _first_place(ev) is not None or _conflict_codes(ev):
        return None
    return Outcome(None, strength, (why.triage_reason(
        f"{ev.topic.reason}, nhưng chưa rõ xã/huyện nào"),))


def department_without_place(router: Router, ev: Evidence) -> Outcome | None:
    """A matter of the local committee but no place, where a department leads the other
    departments by as much as a topic must to decide (its combined score less the topic's
    rival penalty of the next department's): that department, rather than asking where.
    On the working blind sets and our own, the leading department was the right queue 4
    times in 5 in such letters, while the local committee could not be chosen without the
    place (a child beaten at home: Sở Lao động; a decision of the district's Chairman
    kept: Thanh tra; a ditch silted up: Sở Nông nghiệp)."""
    level, _ = router.local_level(ev)
    if level is None or _first_place(ev) is not None or _conflict_codes(ev):
        return None
    combined: dict[str, float] = ev.topic.detail.get("combined", {})
    # the triage desk forwards what it receives: it is no competent body to lead
    departments = sorted(((v, label) for label, v in combined.items()
                          if label not in LEVELS and label != router.triage_queue),
                         reverse=True)
    if not departments or _committee_runs_it(router, ev, departments[0][1]):
        return None
    (score, label), rest = departments[0], departments[1:]
    lead = score - router.table.topic.rival_penalty * (rest[0][0] if rest else 0.0)
    return Outcome(label, max(0.0, lead), (why.department_without_place_reason(
        level, label, score),))


def place_hint(router: Router, ev: Evidence) -> Outcome | None:
    """Where the citizen is (signature, Telegram location), for local matters only."""
    level, strength = router.local_level(ev)
    cand = _usable_place(ev.hint)
    if level is None or cand is None:
        return None
    base = 1 - (1 - cand.score) * (1 - router.table.local_boost * strength)
    return _place_outcome(router, ev, ev.hint, level, base,
                          (*_misaddressed(ev, level), ev.topic.reason or ""))


RESOLVERS: dict[str, Resolver] = {
    "procedure_queue": procedure_queue, "procedure_at_place": procedure_at_place,
    "procedure_without_place": procedure_without_place, "topic_queue": topic_queue,
    "competence_queue": competence_queue, "addressee_queue": addressee_queue,
    "addressed_committee": addressed_committee, "province_head_queue": province_head_queue,
    "described_topic": described_topic,
    "place_given": place_given, "place_in_text": place_in_text,
    "places_conflict": places_conflict, "local_without_place": local_without_place,
    "place_hint": place_hint, "department_without_place": department_without_place,
}
