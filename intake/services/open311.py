"""Open311 GeoReport v2: the service list, filing a request, and the public requests.

- The service list is data (``data/open311_services.yml``): categories with Vietnamese
  names and descriptions, each naming its usual unit; a category's ``attributes`` are its
  service definition.
- ``submit`` files a complaint through ``IntakeService.create_complaint`` (the same
  validation, routing, tracking code and due date as every channel) in one transaction
  with the client's rate-limit count, the ``open311_requests`` row and the
  acknowledgement on the channel given (e-mail; a phone number only is kept for staff to
  call back). The category's name leads the subject, which routing reads.
- ``requests`` / ``request`` answer the public side: no names, contacts, addresses or
  coordinates; the text anonymised (``intake.redact``); the place only as the
  administrative unit routing found. Denunciations (tố cáo) are never listed: the law
  protects the denouncer (Luật Tố cáo 2018, điều 47).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from intake.codes import parse_code
from intake.contacts import Contact, normalise_email, normalise_phone
from intake.db import Database
from intake.delivery import Outgoing, Purpose, enqueue, templates
from intake.errors import ComplaintNotFound, InvalidTrackingCode, SenderError, ValidationError
from intake.models import (
    OPEN_VALUES,
    Channel,
    Complaint,
    ComplaintKind,
    Open311Request,
    Queue,
    Status,
    utcnow,
)
from intake.org.successors import heirs
from intake.redact import redact
from intake.services.api_clients import ApiClients, ApiClientView
from intake.services.complaints import IntakeService, NewComplaint
from intake.services.lifecycle import label_vi
from intake.text import clean, nfc

DATA = Path(__file__).resolve().parent / "data" / "open311_services.yml"
MAX_RESULTS = 1000
MAX_SPAN = timedelta(days=90)
MAX_ATTRIBUTE_CHARS = 500
MAX_NAME_CHARS = 100
HIDDEN_KINDS = ("denunciation",)


class UnknownService(SenderError):
    """A service code that is not in the service list (404 on a definition)."""

    message_vi = "Không có dịch vụ (service_code) này."


@dataclass(frozen=True)
class AttributeValue:
    """One choice of a list attribute."""

    key: str
    name: str


@dataclass(frozen=True)
class Attribute:
    """One field of a service definition."""

    code: str
    description: str
    datatype: str
    required: bool
    order: int
    values: tuple[AttributeValue, ...] = ()


@dataclass(frozen=True)
class ServiceType:
    """One category of the service list."""

    code: str
    name: str
    description: str
    group: str
    keywords: tuple[str, ...]
    department: str
    attributes: tuple[Attribute, ...] = ()

    @property
    def metadata(self) -> bool:
        """True when the category has a definition to read (attributes)."""
        return bool(self.attributes)


@dataclass(frozen=True)
class Submission:
    """The fields of ``POST requests`` as the specification names them."""

    service_code: str = ""
    description: str = ""
    jurisdiction_id: str = ""
    lat: str = ""
    long: str = ""
    address_string: str = ""
    address_id: str = ""
    email: str = ""
    phone: str = ""
    first_name: str = ""
    last_name: str = ""
    device_id: str = ""
    account_id: str = ""
    media_url: str = ""
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Receipt:
    """What ``POST requests`` answers."""

    service_request_id: str
    service_notice: str
    account_id: str | None


@dataclass(frozen=True)
class PublicRequest:
    """One request as the public reads it (the specification's fields)."""

    service_request_id: str
    status: str
    status_notes: str
    service_name: str
    service_code: str
    description: str
    agency_responsible: str
    service_notice: str | None
    requested_datetime: str
    updated_datetime: str
    expected_datetime: str | None
    address: str | None
    address_id: str | None = None
    zipcode: str | None = None
    lat: float | None = None
    long: float | None = None
    media_url: str | None = None


@dataclass(frozen=True)
class RequestQuery:
    """The filters of ``GET requests`` (raw strings as the client sent them)."""

    service_request_id: str = ""
    service_code: str = ""
    start_date: str = ""
    end_date: str = ""
    status: str = ""


@lru_cache(maxsize=4)
def load_services(path: Path = DATA) -> tuple[ServiceType, ...]:
    """The service list from its data file."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for entry in doc["services"]:
        attributes = tuple(
            Attribute(a["code"], a["description"], a.get("datatype", "string"),
                      bool(a.get("required", False)), order,
                      tuple(AttributeValue(v["key"], v["name"]) for v in a.get("values", [])))
            for order, a in enumerate(entry.get("attributes", []), start=1))
        out.append(ServiceType(entry["code"], entry["name"], entry["description"],
                               entry["group"], tuple(entry.get("keywords", [])),
                               entry["department"], attributes))
    return tuple(out)


def _todays_units(services: tuple[ServiceType, ...], db: Database) -> tuple[ServiceType, ...]:
    """Each category's unit as it is today: a department merged by an organisation change
    (Sở Giao thông vận tải → Sở Xây dựng) is replaced by its successor."""
    with db.reading() as session:
        today = heirs(session)
    return tuple(replace(s, department=today.get(s.department, s.department))
                 for s in services)


def w3_time(value: datetime | None) -> str | None:
    """``2026-12-02T08:15:00+07:00`` (W3C date-time, Vietnam time)."""
    from intake.deadlines import VIETNAM

    return value.astimezone(VIETNAM).isoformat(timespec="seconds") if value else None


def parse_w3(value: str, name: str) -> datetime:
    """A W3C date-time (``2010-01-01T00:00:00Z``) or a date; 400 otherwise."""
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(f"bad {name}",
                              f"{name} phải theo định dạng W3C, ví dụ "
                              "2026-01-31T00:00:00Z.") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class Open311:
    """The GeoReport v2 services over one ``IntakeService``."""

    def __init__(self, intake: IntakeService, services: tuple[ServiceType, ...] | None = None
                 ) -> None:
        self.intake = intake
        self.db = intake.db
        self.clients = ApiClients(intake.db)
        self.services = _todays_units(services or load_services(), intake.db)
        self.by_code = {s.code: s for s in self.services}

    @property
    def jurisdiction_id(self) -> str:
        """The province's jurisdiction id (its domain)."""
        return self.intake.settings.mail_domain

    def service(self, code: str) -> ServiceType:
        """One category; ``UnknownService`` otherwise."""
        found = self.by_code.get(code)
        if found is None:
            raise UnknownService(f"unknown service {code[:64]!r}")
        return found

    def check_jurisdiction(self, jurisdiction_id: str) -> None:
        """Empty or the province's; 404 otherwise (the specification's answer)."""
        if jurisdiction_id and jurisdiction_id.strip().lower() != self.jurisdiction_id:
            raise UnknownService("unknown jurisdiction",
                                 f"jurisdiction_id không đúng; dùng {self.jurisdiction_id}.")

    # -- write ----------------------------------------------------------------------
    def submit(self, client: ApiClientView, sub: Submission) -> Receipt:
        """File the request as a complaint; one transaction with the count, the request
        row and the acknowledgement."""
        self.check_jurisdiction(sub.jurisdiction_id)
        if not sub.service_code.strip():
            raise ValidationError("service_code missing", "Thiếu tham số service_code.")
        if sub.service_code not in self.by_code:
            raise ValidationError("unknown service_code",
                                  "service_code không có trong danh sách dịch vụ.")
        service = self.by_code[sub.service_code]
        if not nfc(sub.description).strip():
            raise ValidationError("description missing",
                                  "Thiếu tham số description (nội dung phản ánh).")
        coordinates = _coordinates(sub.lat, sub.long)
        place = clean(sub.address_string)[:255] or None
        if coordinates is None and place is None:
            raise ValidationError("no location", "Cần lat và long, hoặc address_string "
                                  "(address_id không được hỗ trợ).")
        values = _attribute_values(service, sub.attributes)
        contact = _contact(sub)
        text = nfc(sub.description).strip()
        lines = [f"{a.description}: {v}" for a, v in values]
        if lines:
            text += "\n\n" + "\n".join(lines)
        new = NewComplaint(
            channel=Channel.API, text=text,
            reply_channel=Channel.EMAIL if contact.email else Channel.API,
            reply_address=contact.email, location_text=place, coordinates=coordinates,
            contact=contact, subject=f"{service.name}: {clean(sub.description)[:100]}",
            sender=f"api:{client.name}")
        actor = f"api:{client.name}"
        with self.db.transaction() as session:
            self.clients.count_write(session, client)
            view = self.intake.create_complaint(new, actor, session=session)
            assert view.record_id is not None
            session.add(Open311Request(
                complaint_id=view.record_id, client_id=client.id, service_code=service.code,
                attributes={a.code: v for a, v in values} | _extras(sub)))
            if contact.email:
                enqueue(session, Outgoing(
                    Channel.EMAIL, contact.email, Purpose.API_RECEIVED, templates.api_received(
                        view.code, label_vi(Status.RECEIVED.value), view.queue_name,
                        view.due_at, service.name), view.record_id, view.code),
                    self.intake.settings.mail_domain)
        due = view.due_at.astimezone(_vn()).strftime("%d/%m/%Y") if view.due_at else "—"
        notice = (f"Đã tiếp nhận. Đơn vị xử lý: {view.queue_name or '—'}; hạn xử lý: {due}. "
                  f"Tra cứu bằng mã {view.code}.")
        return Receipt(view.code, notice, sub.account_id.strip()[:64] or None)

    # -- read -----------------------------------------------------------------------
    def requests(self, query: RequestQuery, now: datetime | None = None
                 ) -> list[PublicRequest]:
        """The public requests matching ``query`` (newest first, at most 1,000)."""
        statement = self._public_select()
        ids = _split(query.service_request_id)
        if ids:
            statement = statement.where(Complaint.code.in_(_codes(ids)))
        else:
            statement = self._filtered(statement, query, now or utcnow())
        statement = statement.order_by(Complaint.created_at.desc(), Complaint.id.desc()
                                       ).limit(MAX_RESULTS)
        with self.db.reading() as session:
            return [self._public(session, *row) for row in session.execute(statement)]

    def request(self, code: str) -> PublicRequest:
        """One public request by its tracking code; ``ComplaintNotFound`` otherwise
        (a denunciation is not found either)."""
        (canonical,) = _codes([code])
        with self.db.reading() as session:
            row = session.execute(self._public_select().where(
                Complaint.code == canonical)).first()
            if row is None:
                raise ComplaintNotFound("no public request with that code")
            return self._public(session, *row)

    def _public_select(self) -> Any:
        kind = aliased(ComplaintKind)
        return (select(Complaint, Open311Request.service_code)
                .outerjoin(Open311Request, Open311Request.complaint_id == Complaint.id)
                .outerjoin(kind, kind.complaint_id == Complaint.id)
                .where(or_(kind.kind.is_(None), kind.kind.not_in(HIDDEN_KINDS))))

    def _filtered(self, statement: Any, query: RequestQuery, now: datetime) -> Any:
        end = parse_w3(query.end_date, "end_date") if query.end_date.strip() else None
        start = parse_w3(query.start_date, "start_date") if query.start_date.strip() else None
        if start is None and end is None:
            end = now
        if start is None and end is not None:
            start = end - MAX_SPAN
        if end is None and start is not None:
            end = start + MAX_SPAN
        assert start is not None and end is not None
        if end < start or end - start > MAX_SPAN:
            raise ValidationError("bad date range", "Khoảng start_date–end_date phải hợp lệ "
                                  "và không quá 90 ngày.")
        statement = statement.where(Complaint.created_at >= start, Complaint.created_at <= end)
        codes = _split(query.service_code)
        if codes:
            statement = statement.where(self._service_in(codes))
        statuses = {s.lower() for s in _split(query.status)}
        if statuses - {"open", "closed"}:
            raise ValidationError("bad status", "status chỉ nhận open hoặc closed.")
        if statuses == {"open"}:
            statement = statement.where(Complaint.status.in_(OPEN_VALUES))
        elif statuses == {"closed"}:
            statement = statement.where(Complaint.status.not_in(OPEN_VALUES))
        return statement

    def _service_in(self, codes: list[str]) -> Any:
        """Filed under one of ``codes`` through the API, or (filed elsewhere) in the
        queue of one of those categories' units."""
        unknown = [c for c in codes if c not in self.by_code]
        if unknown:
            raise ValidationError("unknown service_code",
                                  "service_code không có trong danh sách dịch vụ.")
        departments = {self.by_code[c].department for c in codes}
        return or_(Open311Request.service_code.in_(codes),
                   and_(Open311Request.service_code.is_(None),
                        Complaint.queue_code.in_(departments)))

    def _category_of(self, service_code: str | None, queue_code: str | None) -> ServiceType:
        if service_code and service_code in self.by_code:
            return self.by_code[service_code]
        for service in self.services:
            if service.department == queue_code and service.department != "VP_UBND":
                return service
        return self.by_code.get("khac", self.services[-1])

    def _public(self, session: Session, complaint: Complaint, service_code: str | None
                ) -> PublicRequest:
        category = self._category_of(service_code, complaint.queue_code)
        queue = session.get(Queue, complaint.queue_code) if complaint.queue_code else None
        place = (session.get(Queue, complaint.place_queue_code)
                 if complaint.place_queue_code else None)
        is_open = complaint.status in OPEN_VALUES
        return PublicRequest(
            service_request_id=complaint.code, status="open" if is_open else "closed",
            status_notes=label_vi(complaint.status), service_name=category.name,
            service_code=category.code,
            description=redact(complaint.text, _names_of(complaint)),
            agency_responsible=queue.name if queue else "",
            service_notice=None,
            requested_datetime=w3_time(complaint.created_at) or "",
            updated_datetime=w3_time(complaint.updated_at) or "",
            expected_datetime=w3_time(complaint.due_at) if is_open else None,
            address=place.name if place else None)


def _vn() -> Any:
    from intake.deadlines import VIETNAM

    return VIETNAM


def _names_of(complaint: Complaint) -> list[str | None]:
    return [complaint.citizen_name]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()][:MAX_RESULTS]


def _codes(values: list[str]) -> list[str]:
    try:
        return [parse_code(v) for v in values]
    except InvalidTrackingCode as exc:
        raise ValidationError("bad service_request_id",
                              "service_request_id phải là mã tra cứu dạng PA-XXXXXXXX.") from exc


def _coordinates(lat: str, long: str) -> tuple[float, float] | None:
    if not lat.strip() and not long.strip():
        return None
    try:
        point = (float(lat), float(long))
    except ValueError as exc:
        raise ValidationError("bad lat/long", "lat và long phải là số thập phân.") from exc
    if not all(math.isfinite(v) for v in point) or not (
            -90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise ValidationError("lat/long out of range", "lat/long nằm ngoài phạm vi.")
    return point


def _attribute_values(service: ServiceType, given: dict[str, str]
                      ) -> list[tuple[Attribute, str]]:
    """The category's attributes with the values given, checked; labels for lists."""
    known = {a.code for a in service.attributes}
    extra = sorted(set(given) - known)
    if extra:
        raise ValidationError("unknown attribute",
                              f"Thuộc tính không có trong định nghĩa dịch vụ: {extra[0][:64]}.")
    out = []
    for attribute in service.attributes:
        value = clean(given.get(attribute.code, ""))
        if not value:
            if attribute.required:
                raise ValidationError("attribute missing",
                                      f"Thiếu thuộc tính bắt buộc attribute[{attribute.code}].")
            continue
        if len(value) > MAX_ATTRIBUTE_CHARS:
            raise ValidationError("attribute too long",
                                  f"attribute[{attribute.code}] quá dài.")
        if attribute.values:
            names = {v.key: v.name for v in attribute.values}
            if value not in names:
                raise ValidationError("bad attribute value",
                                      f"attribute[{attribute.code}] không có giá trị này.")
            value = names[value]
        out.append((attribute, value))
    return out


def _contact(sub: Submission) -> Contact:
    name = clean(f"{sub.first_name} {sub.last_name}")[:MAX_NAME_CHARS] or None
    email = normalise_email(sub.email) if sub.email.strip() else None
    phone = normalise_phone(sub.phone) if sub.phone.strip() else None
    return Contact(name=name, phone=phone, email=email)


def _extras(sub: Submission) -> dict[str, str]:
    """What the specification lets a client add that we keep for staff only."""
    extras = {"device_id": sub.device_id, "account_id": sub.account_id,
              "media_url": sub.media_url}
    return {f"_{k}": clean(v)[:500] for k, v in extras.items() if v.strip()}


__all__ = ["Attribute", "Open311", "PublicRequest", "Receipt", "RequestQuery",
           "ServiceType", "Submission", "UnknownService", "load_services", "parse_w3"]
