"""A local Telegram Bot API double: the real paths and JSON, in a thread of the tests.

    with TelegramApiDouble(token) as api:          # http://127.0.0.1:<port>
        bot env: PAKN_TELEGRAM_BASE_URL=api.base_url, PAKN_TELEGRAM_BASE_FILE_URL=api.file_url
        api.push_text(chat_id, "xin chào")           # a citizen writes (an Update queued)
        api.wait_messages(chat_id, count=1)          # what the bot sent to that chat

Methods: getMe, getUpdates (long polling with offset/timeout), sendMessage,
sendPhoto and sendDocument (multipart uploads, kept in ``files_to``; an upload over
``max_upload_bytes`` answers 413 like Telegram's 50 MB limit), sendChatAction,
answerCallbackQuery, editMessageReplyMarkup, getFile and the file
download path, setWebhook/deleteWebhook/getWebhookInfo, close/logOut. Once a webhook is
set (``setWebhook`` with ``url`` and ``secret_token``, recorded in ``webhooks``), pushed
updates are no longer offered to getUpdates (Telegram answers 409 there) but POSTed to
the URL, in order, with the ``X-Telegram-Bot-Api-Secret-Token`` header; each delivery's
HTTP status is kept in ``deliveries``. Requests are
parsed the way python-telegram-bot sends them (form fields whose non-string values are
JSON, or JSON bodies). Failures can be injected: ``fail_next(method, 429, retry_after)``
and ``block(chat_id)`` (sendMessage answers 403 "bot was blocked by the user").
Anything else answers 404 like Telegram does, and is recorded in ``unknown_methods``.
"""

from __future__ import annotations

import itertools
import json
import queue
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.harness.ports import free_port

STRING_FIELDS = frozenset({"text", "callback_query_id", "file_id", "url", "secret_token",
                           "action", "parse_mode", "inline_message_id"})
BOT_USER = {"id": 700000001, "is_bot": True, "first_name": "PAKN Bắc Giang",
            "username": "pakn_bacgiang_bot", "can_join_groups": False,
            "can_read_all_group_messages": False, "supports_inline_queries": False}


@dataclass
class Sent:
    """One message the bot sent (or an edit of one)."""

    chat_id: int
    text: str
    message_id: int
    reply_markup: dict[str, Any] | None
    at: float

    def buttons(self) -> list[tuple[str, str]]:
        """(text, callback_data) of every inline button."""
        rows = (self.reply_markup or {}).get("inline_keyboard") or []
        return [(b["text"], b.get("callback_data", "")) for row in rows for b in row]


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request (what the bot uploaded)."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class SentFile:
    """A photo or document the bot sent to a chat."""

    chat_id: int
    method: str  # sendPhoto or sendDocument
    filename: str
    data: bytes


@dataclass
class _State:
    updates: list[dict[str, Any]] = field(default_factory=list)
    sent: list[Sent] = field(default_factory=list)
    calls: list[tuple[str, dict[str, Any], float]] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    failures: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    webhook: dict[str, Any] = field(default_factory=dict)
    webhooks: list[dict[str, Any]] = field(default_factory=list)
    deliveries: list[tuple[int, int]] = field(default_factory=list)
    unknown_methods: list[str] = field(default_factory=list)
    sent_files: list[SentFile] = field(default_factory=list)


class TelegramApiDouble:
    """The double's server and the tests' handle on it (thread-safe)."""

    def __init__(self, token: str = "123456:TEST-token", port: int | None = None) -> None:
        self.token = token
        self.max_upload_bytes = 50 * 1024 * 1024  # the Bot API's upload limit
        self.port = port or free_port()
        self.state = _State()
        self.cond = threading.Condition()
        self._ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._server = _QuietServer(("127.0.0.1", self.port), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._outgoing: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._deliverer = threading.Thread(target=self._deliver_forever, daemon=True)

    # -- lifecycle ----------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        """What the bot uses as ``base_url`` (the token is appended)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def file_url(self) -> str:
        """What the bot uses as ``base_file_url``."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    def __enter__(self) -> TelegramApiDouble:
        self._thread.start()
        self._deliverer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._outgoing.put(None)
        with self.cond:
            self.cond.notify_all()
        self._server.shutdown()
        self._server.server_close()

    # -- what citizens do ---------------------------------------------------------------
    def _push(self, kind: str, payload: dict[str, Any]) -> int:
        with self.cond:
            update_id = next(self._ids)
            update = {"update_id": update_id, kind: payload}
            if self.state.webhook.get("url"):
                self._outgoing.put(update)
            else:
                self.state.updates.append(update)
            self.cond.notify_all()
            return update_id

    def _deliver_forever(self) -> None:
        """POST queued updates to the webhook, one at a time (Telegram keeps order)."""
        while (update := self._outgoing.get()) is not None:
            with self.cond:
                url = str(self.state.webhook.get("url") or "")
                secret = str(self.state.webhook.get("secret_token") or "")
            request = urllib.request.Request(
                url, data=json.dumps(update).encode(), method="POST",
                headers={"Content-Type": "application/json",
                         "X-Telegram-Bot-Api-Secret-Token": secret})
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    status = int(response.status)
            except urllib.error.HTTPError as exc:
                status = exc.code
            except OSError:
                status = 0
            with self.cond:
                self.state.deliveries.append((int(update["update_id"]), status))
                self.cond.notify_all()

    def _message(self, chat_id: int, chat_type: str = "private",
                 user_id: int | None = None, **extra: Any) -> dict[str, Any]:
        user = {"id": user_id or chat_id, "is_bot": False, "first_name": "Công dân",
                "language_code": "vi"}
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type != "private":
            chat["title"] = "Nhóm thôn"
        return {"message_id": next(self._message_ids), "date": int(time.time()),
                "chat": chat, "from": user, **extra}

    def push_text(self, chat_id: int, text: str, chat_type: str = "private") -> int:
        """A text message (``/command`` texts carry the bot_command entity)."""
        extra: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            extra["entities"] = [{"type": "bot_command", "offset": 0,
                                  "length": len(text.split()[0])}]
        return self._push("message", self._message(chat_id, chat_type, **extra))

    def add_file(self, file_id: str, data: bytes) -> None:
        """Make a file downloadable through getFile."""
        with self.cond:
            self.state.files[file_id] = data

    def push_photo(self, chat_id: int, data: bytes, caption: str | None = None) -> int:
        """A photo in two sizes (thumbnail and full), both downloadable."""
        n = next(self._ids)
        small, full = f"photo-{n}-s", f"photo-{n}-f"
        self.add_file(small, data[:64])
        self.add_file(full, data)
        sizes = [{"file_id": small, "file_unique_id": f"u{n}s", "width": 90, "height": 60,
                  "file_size": 64},
                 {"file_id": full, "file_unique_id": f"u{n}f", "width": 1280, "height": 960,
                  "file_size": len(data)}]
        extra: dict[str, Any] = {"photo": sizes}
        if caption:
            extra["caption"] = caption
        return self._push("message", self._message(chat_id, **extra))

    def push_document(self, chat_id: int, data: bytes, name: str, mime: str) -> int:
        """A document."""
        file_id = f"doc-{next(self._ids)}"
        self.add_file(file_id, data)
        return self._push("message", self._message(chat_id, document={
            "file_id": file_id, "file_unique_id": file_id + "u", "file_name": name,
            "mime_type": mime, "file_size": len(data)}))

    def push_location(self, chat_id: int, latitude: float, longitude: float) -> int:
        """A shared map position."""
        return self._push("message", self._message(
            chat_id, location={"latitude": latitude, "longitude": longitude}))

    def push_voice(self, chat_id: int) -> int:
        """A voice note."""
        return self._push("message", self._message(chat_id, voice={
            "file_id": "voice-1", "file_unique_id": "voice-1u", "duration": 3,
            "mime_type": "audio/ogg", "file_size": 2048}))

    def push_callback(self, chat_id: int, sent: Sent, data: str) -> int:
        """The citizen presses an inline button of message ``sent``."""
        message = {"message_id": sent.message_id, "date": int(time.time()),
                   "chat": {"id": chat_id, "type": "private"}, "from": BOT_USER,
                   "text": sent.text, "reply_markup": sent.reply_markup}
        return self._push("callback_query", {
            "id": f"cq-{next(self._ids)}", "chat_instance": f"ci-{chat_id}", "data": data,
            "from": {"id": chat_id, "is_bot": False, "first_name": "Công dân",
                     "language_code": "vi"}, "message": message})

    # -- failures -----------------------------------------------------------------------
    def fail_next(self, method: str, status: int = 429, retry_after: int = 1,
                  times: int = 1) -> None:
        """The next ``times`` calls of ``method`` fail with ``status``."""
        with self.cond:
            self.state.failures.setdefault(method, []).extend([(status, retry_after)] * times)

    def block(self, chat_id: int) -> None:
        """The citizen of ``chat_id`` blocked the bot: sendMessage answers 403."""
        with self.cond:
            self.state.blocked.add(chat_id)

    # -- what the bot did ---------------------------------------------------------------
    def sent_to(self, chat_id: int) -> list[Sent]:
        """Messages the bot sent to the chat, in order."""
        with self.cond:
            return [s for s in self.state.sent if s.chat_id == chat_id]

    def files_to(self, chat_id: int) -> list[SentFile]:
        """Photos and documents the bot sent to the chat, in order."""
        with self.cond:
            return [f for f in self.state.sent_files if f.chat_id == chat_id]

    def calls(self, method: str) -> list[dict[str, Any]]:
        """Parameters of every call of ``method``."""
        with self.cond:
            return [p for m, p, _ in self.state.calls if m == method]

    def wait_messages(self, chat_id: int, count: int, timeout: float = 30.0,
                      after: int = 0) -> list[Sent]:
        """Wait until the chat has ``after + count`` messages; the new ones."""
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                sent = [s for s in self.state.sent if s.chat_id == chat_id]
                if len(sent) >= after + count:
                    return sent[after:]
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"chat got {len(sent) - after} of {count} messages: "
                                       f"{[s.text[:80] for s in sent[after:]]}")
                self.cond.wait(left)

    def converse(self, chat_id: int, push: Any, settle: float = 0.5,
                 timeout: float = 30.0, count: int = 1) -> list[Sent]:
        """Run ``push()`` (a citizen action), wait for ``count`` answers, then for quiet.

        Give ``count`` when the bot answers in several messages from different places
        (an acknowledgement, then the form's question from the assistant): on a loaded
        machine the second can come later than the quiet window."""
        before = len(self.sent_to(chat_id))
        push()
        self.wait_messages(chat_id, count, timeout, after=before)
        while True:
            count = len(self.sent_to(chat_id))
            time.sleep(settle)
            if len(self.sent_to(chat_id)) == count:
                return self.sent_to(chat_id)[before:]

    def say(self, chat_id: int, text: str, **kw: Any) -> str:
        """Send text; the bot's answers joined."""
        return "\n".join(s.text for s in self.converse(chat_id,
                                                        lambda: self.push_text(chat_id, text),
                                                        **kw))

    # -- the HTTP side ------------------------------------------------------------------
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        double = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Answers go out at once: without TCP_NODELAY the body written after the
            # headers waits for the client's delayed ACK (~40 ms per getUpdates).
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_GET(self) -> None:
                self._route()

            def do_POST(self) -> None:
                self._route()

            def _route(self) -> None:
                path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
                file_prefix = f"/file/bot{double.token}/"
                api_prefix = f"/bot{double.token}/"
                if path.startswith(file_prefix):
                    self._file(path[len(file_prefix):])
                elif path.startswith(api_prefix):
                    method = path[len(api_prefix):]
                    status, body = double._call(method, self._params())
                    self._json(status, body)
                else:
                    self._json(404, {"ok": False, "error_code": 404,
                                     "description": "Not Found"})

            def _params(self) -> dict[str, Any]:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                query = urllib.parse.urlsplit(self.path).query
                kind = self.headers.get("Content-Type", "")
                if "json" in kind and raw:
                    parsed: dict[str, Any] = json.loads(raw)
                    return parsed
                if "multipart/form-data" in kind and raw:
                    return _multipart(kind, raw)
                fields = urllib.parse.parse_qs(raw.decode() + "&" + query if raw else query)
                return {k: _value(k, v[-1]) for k, v in fields.items()}

            def _file(self, file_path: str) -> None:
                file_id = file_path.rsplit("/", 1)[-1]
                with double.cond:
                    data = double.state.files.get(file_id)
                if data is None:
                    self._json(404, {"ok": False, "error_code": 404,
                                     "description": "Not Found"})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(data)))
                self._headers_buffer.append(b"\r\n" + data)  # one write with the headers
                self.flush_headers()

            def _json(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body, ensure_ascii=False).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self._headers_buffer.append(b"\r\n" + data)  # headers + body, one write
                    self.flush_headers()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True  # the bot hung up (shutdown, timeout)

        return Handler

    def _call(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self.cond:
            self.state.calls.append((method, params, time.monotonic()))
            failures = self.state.failures.get(method)
            if failures:
                status, retry_after = failures.pop(0)
                return status, _error(status, retry_after)
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(params)}
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            with self.cond:
                self.state.unknown_methods.append(method)
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        result = handler(params)
        if isinstance(result, tuple):
            return result
        return 200, {"ok": True, "result": result}

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 5.0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + timeout
        with self.cond:
            self.state.updates = [u for u in self.state.updates if u["update_id"] >= offset]
            while not self.state.updates and time.monotonic() < deadline:
                self.cond.wait(deadline - time.monotonic())
            return list(self.state.updates[:limit])

    # -- methods ------------------------------------------------------------------------
    def _m_getMe(self, _: dict[str, Any]) -> dict[str, Any]:
        return BOT_USER

    def _m_sendMessage(self, p: dict[str, Any]) -> Any:
        chat_id = int(p["chat_id"])
        with self.cond:
            if chat_id in self.state.blocked:
                return 403, {"ok": False, "error_code": 403,
                             "description": "Forbidden: bot was blocked by the user"}
            sent = Sent(chat_id, str(p.get("text", "")), next(self._message_ids),
                        p.get("reply_markup"), time.monotonic())
            self.state.sent.append(sent)
            self.cond.notify_all()
        message: dict[str, Any] = {"message_id": sent.message_id, "date": int(time.time()),
                                   "chat": {"id": chat_id, "type": "private"},
                                   "from": BOT_USER, "text": sent.text}
        if sent.reply_markup:
            message["reply_markup"] = sent.reply_markup
        return message

    def _m_sendPhoto(self, p: dict[str, Any]) -> Any:
        return self._file_sent("sendPhoto", "photo", p)

    def _m_sendDocument(self, p: dict[str, Any]) -> Any:
        return self._file_sent("sendDocument", "document", p)

    def _file_sent(self, method: str, field_name: str, p: dict[str, Any]) -> Any:
        """A photo or document upload: kept, or refused like Telegram (403 blocked, 413
        over the upload limit, 400 without a file)."""
        chat_id = int(p["chat_id"])
        upload = p.get(field_name)
        if not isinstance(upload, Upload):
            return 400, {"ok": False, "error_code": 400,
                         "description": f"Bad Request: there is no {field_name} in the "
                                        "request"}
        with self.cond:
            if chat_id in self.state.blocked:
                return 403, {"ok": False, "error_code": 403,
                             "description": "Forbidden: bot was blocked by the user"}
            if len(upload.data) > self.max_upload_bytes:
                return 413, {"ok": False, "error_code": 413,
                             "description": "Request Entity Too Large"}
            self.state.sent_files.append(SentFile(chat_id, method, upload.filename,
                                                  upload.data))
            self.cond.notify_all()
        file = {"file_id": f"sent{len(self.state.sent_files)}", "file_unique_id": "u",
                "file_size": len(upload.data)}
        body: dict[str, Any] = {"message_id": next(self._message_ids),
                                "date": int(time.time()),
                                "chat": {"id": chat_id, "type": "private"}, "from": BOT_USER}
        if field_name == "photo":
            body["photo"] = [dict(file, width=1, height=1)]
        else:
            body["document"] = dict(file, file_name=upload.filename)
        return body

    def _m_sendChatAction(self, _: dict[str, Any]) -> bool:
        return True

    def _m_answerCallbackQuery(self, _: dict[str, Any]) -> bool:
        return True

    def _m_editMessageReplyMarkup(self, p: dict[str, Any]) -> dict[str, Any]:
        return {"message_id": int(p.get("message_id") or 0), "date": int(time.time()),
                "chat": {"id": int(p.get("chat_id") or 0), "type": "private"},
                "from": BOT_USER, "text": "…"}

    def _m_getFile(self, p: dict[str, Any]) -> Any:
        file_id = str(p["file_id"])
        with self.cond:
            data = self.state.files.get(file_id)
        if data is None:
            return 400, {"ok": False, "error_code": 400,
                         "description": "Bad Request: invalid file_id"}
        return {"file_id": file_id, "file_unique_id": file_id + "u", "file_size": len(data),
                "file_path": f"documents/{file_id}"}

    def _m_setWebhook(self, p: dict[str, Any]) -> bool:
        with self.cond:
            self.state.webhook = dict(p)
            self.state.webhooks.append(dict(p))
            self.cond.notify_all()
        return True

    def webhooks(self) -> list[dict[str, Any]]:
        """Parameters of every setWebhook call."""
        with self.cond:
            return list(self.state.webhooks)

    def deliveries(self) -> list[tuple[int, int]]:
        """(update_id, HTTP status) of every webhook delivery (0: no connection)."""
        with self.cond:
            return list(self.state.deliveries)

    def _m_deleteWebhook(self, _: dict[str, Any]) -> bool:
        with self.cond:
            self.state.webhook = {}
        return True

    def _m_getWebhookInfo(self, _: dict[str, Any]) -> dict[str, Any]:
        with self.cond:
            return {"url": self.state.webhook.get("url", ""), "has_custom_certificate": False,
                    "pending_update_count": len(self.state.updates)}

    def _m_close(self, _: dict[str, Any]) -> bool:
        return True

    def _m_logOut(self, _: dict[str, Any]) -> bool:
        return True


class _QuietServer(ThreadingHTTPServer):
    """A client hanging up mid-request (the bot stopping) is not an error worth a trace."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _value(key: str, raw: str) -> Any:
    """A form field as python-telegram-bot encodes it: strings raw, the rest JSON."""
    if key in STRING_FIELDS:
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _multipart(content_type: str, raw: bytes) -> dict[str, Any]:
    """A multipart/form-data body as python-telegram-bot uploads files: fields as
    ``_value`` reads them, file parts as ``Upload``."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=default_policy).parsebytes(head + raw)
    params: dict[str, Any] = {}
    for part in message.iter_parts():
        name = str(part.get_param("name", header="content-disposition") or "")
        data = part.get_payload(decode=True)
        payload = data if isinstance(data, bytes) else b""
        filename = part.get_filename()
        if filename is not None:
            params[name] = Upload(filename, part.get_content_type(), payload)
        else:
            params[name] = _value(name, payload.decode())
    return params


def _error(status: int, retry_after: int) -> dict[str, Any]:
    if status == 429:
        return {"ok": False, "error_code": 429,
                "description": f"Too Many Requests: retry after {retry_after}",
                "parameters": {"retry_after": retry_after}}
    descriptions = {403: "Forbidden: bot was blocked by the user",
                    400: "Bad Request: chat not found", 502: "Bad Gateway"}
    return {"ok": False, "error_code": status,
            "description": descriptions.get(status, "Internal Server Error")}
