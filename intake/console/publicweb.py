"""Public pages of the console (issue 16), and the coordinators' publication review.

- ``/cong-khai``: published answers, anonymised, searchable with or without
  diacritics, by unit and field, with the question, the answer, the unit and the dates.
  Nothing but published answers is ever read here.
- ``/danh-gia/<token>``: the signed link of the satisfaction e-mail; 1–5 and an optional
  comment (a comment alone when the score came from a Telegram button). The form carries
  a token derived from the link (CSRF): a page of another site cannot post it without
  the link itself.
- ``/cong-khai/duyet`` (coordinators and administrators): the proposed answers, their
  anonymised texts to correct, publish or refuse; published ones can be withdrawn.

Handlers that touch the database run in the thread pool; pages are server-rendered,
autoescaped, with the console's strict CSP (no script).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from intake.config import Settings
from intake.console.auth import Auth
from intake.console.guards import DbId
from intake.deadlines import VIETNAM
from intake.errors import ComplaintNotFound, SenderError
from intake.services.complaints import IntakeService
from intake.services.identity import StaffIdentity
from intake.services.publication import NotCoordinator, Publication
from intake.services.satisfaction import InvalidLink, RatingState, Satisfaction
from intake.services.staff import StaffService
from intake.text import nfc

MAX_QUERY_CHARS = 200


class PublicPages:
    """Routes of the public pages and of the publication review."""

    def __init__(self, publication: Publication, satisfaction: Satisfaction, auth: Auth,
                 templates: Jinja2Templates) -> None:
        self.publication = publication
        self.satisfaction = satisfaction
        self.auth = auth
        self.templates = templates
        self.router = APIRouter()
        add = self.router.add_api_route
        add("/cong-khai", self.answers_page, methods=["GET"], response_class=HTMLResponse)
        add("/cong-khai/duyet", self.review_page, methods=["GET"],
            response_class=HTMLResponse)
        add("/cong-khai/duyet/{answer_id}", self.review, methods=["POST"])
        add("/danh-gia/{token}", self.rating_page, methods=["GET"],
            response_class=HTMLResponse)
        add("/danh-gia/{token}", self.rate, methods=["POST"], response_class=HTMLResponse)

    # -- /cong-khai ---------------------------------------------------------------------
    def answers_page(self, request: Request) -> Response:
        """Search the published answers."""
        params = request.query_params
        text = nfc(params.get("q", ""))[:MAX_QUERY_CHARS]
        unit = params.get("don_vi", "")[:32]
        field = params.get("linh_vuc", "")[:255]
        page = params.get("trang", "1")
        found = self.publication.search(text, unit, field,
                                        int(page) if page.isdigit() and len(page) < 6 else 1)
        units, fields = self.publication.facets()
        return self.templates.TemplateResponse(request, "public_answers.html", {
            "found": found, "q": text, "unit": unit, "field": field, "units": units,
            "fields": fields})

    # -- /danh-gia ------------------------------------------------------------------------
    def rating_page(self, request: Request, token: str) -> Response:
        """The rating form of a signed link."""
        try:
            code = self.satisfaction.code_of_token(token)
            state = self.satisfaction.state(code)
        except (InvalidLink, ComplaintNotFound):
            return self._rating(request, token, None, InvalidLink.message_vi, 404)
        return self._rating(request, token, state, None, 200)

    async def rate(self, request: Request, token: str) -> Response:
        """Record the score and comment (or the comment after a button's score)."""
        form = await request.form()
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        if not hmac.compare_digest(fields.get("csrf", ""), self._form_token(token)):
            return self._rating(request, token, None, "Biểu mẫu không hợp lệ.", 403)
        return await run_in_threadpool(self._record, request, token, fields)

    def _record(self, request: Request, token: str, fields: dict[str, str]) -> Response:
        try:
            code = self.satisfaction.code_of_token(token)
            state = self.satisfaction.state(code)
            score = fields.get("score", "")
            if state.score is None:
                if not score.isdigit():
                    raise SenderError("no score", "Vui lòng chọn mức hài lòng từ 1 đến 5.")
                state = self.satisfaction.rate(code, int(score), fields.get("comment", ""),
                                               "email")
            else:
                state = self.satisfaction.comment(code, fields.get("comment", ""))
        except (InvalidLink, ComplaintNotFound):
            return self._rating(request, token, None, InvalidLink.message_vi, 404)
        except SenderError as exc:
            current = self._state_or_none(token)
            return self._rating(request, token, current, exc.message_vi, 400)
        return self._rating(request, token, state, None, 200, thanked=True)

    def _state_or_none(self, token: str) -> RatingState | None:
        try:
            return self.satisfaction.state(self.satisfaction.code_of_token(token))
        except (InvalidLink, ComplaintNotFound):
            return None

    def _rating(self, request: Request, token: str, state: RatingState | None,
                error: str | None, status: int, thanked: bool = False) -> Response:
        return self.templates.TemplateResponse(request, "rating.html", {
            "state": state, "error": error, "thanked": thanked, "token": token,
            "csrf": self._form_token(token)}, status_code=status)

    def _form_token(self, token: str) -> str:
        return hmac.new(self.satisfaction.secret(), f"rating-form:{token}".encode(),
                        hashlib.sha256).hexdigest()

    # -- /cong-khai/duyet -------------------------------------------------------------------
    def review_page(self, request: Request) -> Response:
        """The proposals waiting for a coordinator, and what is published."""
        user = self.auth.user(request)
        try:
            waiting = self.publication.proposed(user)
        except NotCoordinator as exc:
            return self._staff_error(request, user, exc.message_vi, 403)
        published = self.publication.search(page=int(
            request.query_params.get("trang", "1") or 1) if request.query_params.get(
            "trang", "1").isdigit() else 1)
        return self.templates.TemplateResponse(request, "publication_review.html", {
            "user": user, "csrf": self.auth.csrf(request), "waiting": waiting,
            "published": published, "done": request.query_params.get("done")})

    def review(self, request: Request, answer_id: DbId) -> Response:
        """Publish, refuse or withdraw one answer (CSRF-checked form)."""
        user, fields = self.auth.posted_form(request)
        action = fields.get("action", "")
        try:
            if action == "withdraw":
                self.publication.withdraw(user, answer_id)
            elif action in ("publish", "refuse"):
                self.publication.decide(user, answer_id, action == "publish",
                                        fields.get("question"), fields.get("answer"))
            else:
                raise SenderError("bad action", "Thao tác không hợp lệ.")
        except NotCoordinator as exc:
            return self._staff_error(request, user, exc.message_vi, 403)
        except SenderError as exc:
            return self._staff_error(request, user, exc.message_vi, 400)
        return RedirectResponse(f"/cong-khai/duyet?done={action}", status_code=303)

    def _staff_error(self, request: Request, user: object, message: str,
                     status: int) -> Response:
        return self.templates.TemplateResponse(request, "error.html", {
            "user": user, "csrf": self.auth.csrf(request), "message": message,
            "back": "/queue"}, status_code=status)


def install(app: FastAPI, service: IntakeService, auth: Auth, templates: Jinja2Templates,
            settings: Settings) -> None:
    """Add the public pages and the review to ``app`` (called by ``staffweb.install``)."""
    templates.env.filters["vn_date"] = vn_date
    pages = PublicPages(Publication(service.db, settings.mail_domain, settings.public_url),
                        Satisfaction(service.db, settings), auth, templates)
    app.include_router(pages.router)


def propose_on_resolve(staff: StaffService, user: StaffIdentity, code: str, field: str,
                       resolution: str) -> None:
    """Staff ticked "propose for publication" when resolving ``code``."""
    settings = staff.intake.settings
    Publication(staff.db, settings.mail_domain, settings.public_url).propose(
        user, code, field, resolution)


def vn_date(value: datetime | None) -> str:
    """``dd/mm/yyyy`` in Vietnam time (template filter)."""
    return value.astimezone(VIETNAM).strftime("%d/%m/%Y") if value else "—"
