"""The GeoReport v2 response formats: JSON and XML with the specification's element
names (``services/service``, ``service_definition/attributes/attribute/values/value``,
``service_requests/request``, ``errors/error``)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any
from xml.etree import ElementTree

from fastapi.responses import Response

from intake.services.open311 import PublicRequest, Receipt, ServiceType

JSON_TYPE = "application/json; charset=utf-8"
XML_TYPE = "text/xml; charset=utf-8"
FORMATS = ("json", "xml")


def service_entry(service: ServiceType) -> dict[str, Any]:
    """One ``service`` of the list."""
    return {"service_code": service.code, "service_name": service.name,
            "description": service.description, "metadata": service.metadata,
            "type": "realtime", "keywords": ", ".join(service.keywords),
            "group": service.group}


def definition(service: ServiceType) -> dict[str, Any]:
    """A ``service_definition``."""
    return {"service_code": service.code, "attributes": [
        {"variable": True, "code": a.code, "datatype": a.datatype, "required": a.required,
         "datatype_description": None, "order": a.order, "description": a.description,
         "values": [{"key": v.key, "name": v.name} for v in a.values]}
        for a in service.attributes]}


def request_entry(request: PublicRequest) -> dict[str, Any]:
    """One ``request`` of ``GET requests``."""
    return asdict(request)


def receipt_entry(receipt: Receipt) -> dict[str, Any]:
    """The answer of ``POST requests``."""
    return {"service_request_id": receipt.service_request_id,
            "service_notice": receipt.service_notice, "account_id": receipt.account_id}


def render(fmt: str, root: str, item: str, entries: Iterable[Mapping[str, Any]],
           status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    """A list of ``entries`` as JSON (an array) or XML (``<root><item>…``)."""
    items = list(entries)
    if fmt == "xml":
        element = ElementTree.Element(root)
        for entry in items:
            _fill(ElementTree.SubElement(element, item), entry)
        body = ElementTree.tostring(element, encoding="unicode", xml_declaration=False)
        return Response('<?xml version="1.0" encoding="utf-8"?>\n' + body, status,
                        headers=dict(headers or {}), media_type=XML_TYPE)
    return Response(json.dumps(items, ensure_ascii=False), status,
                    headers=dict(headers or {}), media_type=JSON_TYPE)


def render_one(fmt: str, root: str, entry: Mapping[str, Any]) -> Response:
    """One object as JSON, or XML under ``root`` (a service definition)."""
    if fmt == "xml":
        element = ElementTree.Element(root)
        _fill(element, entry)
        body = ElementTree.tostring(element, encoding="unicode")
        return Response('<?xml version="1.0" encoding="utf-8"?>\n' + body,
                        media_type=XML_TYPE)
    return Response(json.dumps(entry, ensure_ascii=False), media_type=JSON_TYPE)


def error(fmt: str, status: int, description: str,
          headers: Mapping[str, str] | None = None) -> Response:
    """The specification's error format: ``[{"code": …, "description": …}]``."""
    return render(fmt if fmt in FORMATS else "json", "errors", "error",
                  [{"code": status, "description": description}], status, headers)


_CHILD = {"attributes": "attribute", "values": "value"}


def _fill(element: ElementTree.Element, entry: Mapping[str, Any]) -> None:
    for key, value in entry.items():
        child = ElementTree.SubElement(element, key)
        if isinstance(value, list):
            for part in value:
                _fill(ElementTree.SubElement(child, _CHILD.get(key, "item")), part)
        elif isinstance(value, bool):
            child.text = "true" if value else "false"
        elif value is not None:
            child.text = str(value)
