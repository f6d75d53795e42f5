"""``/open311/v2/``: the GeoReport v2 routes on the console's app.

Thin: each route reads the specification's parameters, calls ``intake.services.open311``
and answers in the format the path asks for (``.json`` or ``.xml``). Errors use the
specification's format (``[{"code": 400, "description": "…"}]``) with the HTTP status:
400 bad or missing parameters, 403 a missing, unknown or revoked ``api_key``, 404 an
unknown service, request or path, 429 over a limit (``Retry-After``). Every request
counts against its client address (``PAKN_OPEN311_LIMIT_PER_CLIENT`` a minute, in this
process's memory); writes also against the client application's limits (in the
database). No cookies, sessions or CSRF: writes are authorised by the key alone.
``GET tokens/{token}`` is not offered: a request's tracking code is given at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from intake.config import Settings
from intake.console.ratelimit import RateLimiter
from intake.console.webchat import client_key
from intake.errors import ComplaintNotFound, SenderError
from intake.open311 import formats
from intake.services.api_clients import InvalidApiKey, RateLimited
from intake.services.factory import get_service
from intake.services.open311 import Open311, RequestQuery, Submission, UnknownService

log = logging.getLogger(__name__)
PREFIX = "/open311/v2"
READS_PER_MINUTE = 120
SUBMISSION_FIELDS = ("service_code", "description", "jurisdiction_id", "lat", "long",
                     "address_string", "address_id", "email", "phone", "first_name",
                     "last_name", "device_id", "account_id", "media_url")


class Open311Api:
    """The routes over one ``Open311`` service."""

    def __init__(self, open311: Open311, per_client_minute: int = READS_PER_MINUTE) -> None:
        self.open311 = open311
        self.limiter = RateLimiter(per_client_minute, 60.0)
        self.router = APIRouter(prefix=PREFIX)
        add = self.router.add_api_route
        add("/services.{fmt}", self.services, methods=["GET"])
        add("/services/{code}.{fmt}", self.definition, methods=["GET"])
        add("/requests.{fmt}", self.list_requests, methods=["GET"])
        add("/requests.{fmt}", self.create_request, methods=["POST"])
        add("/requests/{code}.{fmt}", self.one_request, methods=["GET"])
        add("/{rest:path}", self.unknown, methods=["GET", "POST"])

    def services(self, request: Request, fmt: str) -> Response:
        """The service list."""
        def answer() -> Response:
            self.open311.check_jurisdiction(request.query_params.get("jurisdiction_id", ""))
            return formats.render(fmt, "services", "service",
                                  [formats.service_entry(s) for s in self.open311.services])
        return self._guarded(request, fmt, answer)

    def definition(self, request: Request, code: str, fmt: str) -> Response:
        """One category's attributes."""
        def answer() -> Response:
            self.open311.check_jurisdiction(request.query_params.get("jurisdiction_id", ""))
            service = self.open311.service(code)
            return formats.render_one(fmt, "service_definition", formats.definition(service))
        return self._guarded(request, fmt, answer)

    def list_requests(self, request: Request, fmt: str) -> Response:
        """The public, anonymised requests matching the filters."""
        params = request.query_params
        def answer() -> Response:
            self.open311.check_jurisdiction(params.get("jurisdiction_id", ""))
            found = self.open311.requests(RequestQuery(
                params.get("service_request_id", ""), params.get("service_code", ""),
                params.get("start_date", ""), params.get("end_date", ""),
                params.get("status", "")))
            return formats.render(fmt, "service_requests", "request",
                                  [formats.request_entry(r) for r in found])
        return self._guarded(request, fmt, answer)

    def one_request(self, request: Request, code: str, fmt: str) -> Response:
        """One public request (a list of one, as the specification has it)."""
        def answer() -> Response:
            self.open311.check_jurisdiction(request.query_params.get("jurisdiction_id", ""))
            return formats.render(fmt, "service_requests", "request",
                                  [formats.request_entry(self.open311.request(code))])
        return self._guarded(request, fmt, answer)

    async def create_request(self, request: Request, fmt: str) -> Response:
        """File a request from a form-encoded POST (``api_key`` among the fields)."""
        if fmt not in formats.FORMATS:
            return formats.error("json", 404, "Định dạng phải là .json hoặc .xml.")
        if not self._allowed(request):
            return _too_many(fmt, 60)
        form = await request.form()
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        return await run_in_threadpool(self._submit, fmt, fields)

    def unknown(self, request: Request, rest: str) -> Response:
        """Any other path under the API (``tokens/…`` included)."""
        fmt = rest.rsplit(".", 1)[-1] if "." in rest else "json"
        return formats.error(fmt, 404, "Không có tài nguyên này trong API Open311 v2.")

    def _submit(self, fmt: str, fields: dict[str, str]) -> Response:
        def answer() -> Response:
            client = self.open311.clients.authenticate(fields.get("api_key"))
            submission = Submission(
                **{name: fields.get(name, "") for name in SUBMISSION_FIELDS},
                attributes=_attributes(fields))
            receipt = self.open311.submit(client, submission)
            return formats.render(fmt, "service_requests", "request",
                                  [formats.receipt_entry(receipt)])
        return _answered(fmt, answer)

    def _guarded(self, request: Request, fmt: str, answer: Callable[[], Response]
                 ) -> Response:
        if fmt not in formats.FORMATS:
            return formats.error("json", 404, "Định dạng phải là .json hoặc .xml.")
        if not self._allowed(request):
            return _too_many(fmt, 60)
        return _answered(fmt, answer)

    def _allowed(self, request: Request) -> bool:
        return self.limiter.allow(client_key(request.client.host if request.client else ""))


def _answered(fmt: str, answer: Callable[[], Response]) -> Response:
    """``answer()``, or its error in the specification's format."""
    try:
        return answer()
    except InvalidApiKey as exc:
        return formats.error(fmt, 403, exc.message_vi)
    except RateLimited as exc:
        return _too_many(fmt, exc.retry_after)
    except (UnknownService, ComplaintNotFound) as exc:
        return formats.error(fmt, 404, exc.message_vi)
    except SenderError as exc:
        return formats.error(fmt, 400, exc.message_vi)


def _too_many(fmt: str, retry_after: int) -> Response:
    return formats.error(fmt, 429, RateLimited.message_vi,
                         headers={"Retry-After": str(retry_after)})


def _attributes(fields: dict[str, str]) -> dict[str, str]:
    """``attribute[code]=value`` fields as ``{code: value}``."""
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key.startswith("attribute[") and key.endswith("]"):
            out[key[len("attribute["):-1]] = value
    return out


def install(app: FastAPI, settings: Settings) -> None:
    """Add ``/open311/v2/`` to the console's app."""
    api = Open311Api(Open311(get_service(settings)), settings.open311_per_client_minute)
    app.include_router(api.router)
