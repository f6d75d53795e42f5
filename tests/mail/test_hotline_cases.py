"""Issue 12: no genuine complaint set aside, forwarded letters read, threading that
cannot be forged — every case through the pipeline, through Dovecot and through
``pakn mail ingest``, then the details of each."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import tracemalloc
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from asn1crypto import cms
from sqlalchemy import select

from intake.config import Settings
from intake.db import Database
from intake.mail.auth import Verdict, check_from
from intake.mail.config import MailSettings
from intake.mail.ingest import MailIngestor
from intake.mail.models import IngestStatus, MailIngest
from intake.mail.quarantine import overview
from intake.mail.signed import MAX_INFLATED, Layer, opaque_content
from intake.mail.worker import MailWorker
from intake.models import Attachment, Complaint, Outbox
from intake.services.complaints import IntakeService
from tests.conftest import ROOT
from tests.harness.dovecot import DovecotServer
from tests.mail.conftest import fixture_bytes, test_mail_settings
from tests.mail.hotline_cases import (
    BASE,
    CASES,
    HOTLINE_ENV,
    OTHER_ADDRESS,
    OUR_MX,
    assert_outcomes,
    base_thread,
    case_messages,
)
from tests.mail.make_fixtures import PDF, file_part, headers, multipart, winmail_rtf

LETTER = "đăng ký biến động đất đai (tách thửa)"


@pytest.fixture
def hotline(settings: Settings) -> MailSettings:
    """Test mail settings with our server's authserv-id and our second address."""
    return test_mail_settings(settings.var_dir, **HOTLINE_ENV)


@pytest.fixture
def pipeline(service: IntakeService, hotline: MailSettings) -> MailIngestor:
    """The pipeline with those settings."""
    return MailIngestor(service, hotline)


def _outbox(db: Database) -> list[Outbox]:
    with db.reading() as session:
        return list(session.scalars(select(Outbox).order_by(Outbox.id)))


def _ack_for(db: Database, recipient: str) -> Outbox:
    return [o for o in _outbox(db) if o.recipient == recipient][-1]


def _row(db: Database, ingest_id: int) -> MailIngest:
    with db.reading() as session:
        row = session.get(MailIngest, ingest_id)
        assert row is not None
        return row


def _attachments(db: Database, code: str) -> list[tuple[str, str]]:
    """(file name, type) of a complaint's attachments, in the order staff see them."""
    with db.reading() as session:
        rows = session.execute(select(Attachment.filename, Attachment.content_type).join(
            Complaint, Complaint.id == Attachment.complaint_id).where(
            Complaint.code == code).order_by(Attachment.id)).all()
    return [(str(name), str(ctype)) for name, ctype in rows]


def _take(pipeline: MailIngestor, name: str, **placeholders: str) -> tuple[str, MailIngest]:
    result = pipeline.ingest(fixture_bytes(name, **placeholders), name)
    return result.code or "", _row(pipeline.db, result.ingest_id)


# -- every case, three ways ----------------------------------------------------------
def test_every_case_through_the_pipeline(pipeline: MailIngestor, db: Database) -> None:
    pipeline.ingest(fixture_bytes(BASE), BASE)
    messages = case_messages(*base_thread(db))
    for name, raw in messages:
        pipeline.ingest(raw, name)
    assert_outcomes(db, messages)


def test_every_case_through_dovecot(imap: DovecotServer, live_settings: MailSettings,
                                    service: IntakeService, db: Database) -> None:
    settings = replace(live_settings, authserv_ids=(OUR_MX,), other_addresses=(OTHER_ADDRESS,))
    worker = MailWorker(MailIngestor(service, settings), settings)
    imap.append("hotline", [fixture_bytes(BASE)])
    assert worker.run(once=True, max_failures=0).processed == 1
    messages = case_messages(*base_thread(db))
    imap.append("hotline", [raw for _, raw in messages])
    stats = worker.run(once=True, max_failures=0)
    assert stats.processed == len(CASES) and stats.quarantined == 0
    assert imap.count("hotline", "INBOX") == 0
    assert_outcomes(db, messages)


def test_every_case_through_pakn_mail_ingest(tmp_path: Path, settings: Settings, db: Database,
                                             database_url: str) -> None:
    env = {**os.environ, "PAKN_DATABASE_URL": database_url, **HOTLINE_ENV,
           "PAKN_VAR_DIR": str(settings.var_dir), "PAKN_MAIL_FSYNC": "0"}

    def pakn_ingest(*paths: Path) -> list[dict[str, object]]:
        done = subprocess.run([sys.executable, "-m", "intake.cli", "mail", "ingest", "--json",
                               *map(str, paths)], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        return [json.loads(line) for line in done.stdout.splitlines()]

    pakn_ingest(Path(__file__).parent / "fixtures" / BASE)
    messages = case_messages(*base_thread(db))
    paths = []
    for name, raw in messages:
        (tmp_path / name).write_bytes(raw)
        paths.append(tmp_path / name)
    printed = pakn_ingest(*paths)
    assert [(p["status"], p["kind"]) for p in printed] == [
        (e.status, e.kind) for e in CASES.values()]
    assert_outcomes(db, messages)


# -- 1. our own mail is only what we sent ------------------------------------------------
def test_officials_mail_is_never_taken_for_our_own(pipeline: MailIngestor, db: Database,
                                                   service: IntakeService) -> None:
    for name in ("vi_official_zimbra.eml", "vi_official_exchange.eml",
                 "vi_official_roundcube.eml"):
        code, row = _take(pipeline, name)
        assert (row.status, row.kind, row.ack) == ("ingested", "new", "queued"), name
        assert service.get(code).reply_address == row.sender
        assert row.message_id and row.message_id.split("@")[1].endswith(
            ("bacgiang.gov.vn", "outlook.com"))
    _code, ooo = _take(pipeline, "vi_official_ooo.eml")
    assert (ooo.status, ooo.kind) == ("recorded", "auto")


def test_own_mail_is_a_message_id_we_recorded_or_our_address_with_our_marker(
        pipeline: MailIngestor, db: Database) -> None:
    code = _take(pipeline, BASE)[0]
    _code, ack_id = base_thread(db)
    ours = (f"From: thutuchanhchinh@bacgiang.gov.vn\nTo: nguyenvanan@example.vn\n"
            f"Subject: [{code}] x\nMessage-ID: <{ack_id}>\n\nx\n").encode()
    assert pipeline.ingest(ours, "t").kind == "own"  # our acknowledgement, come back
    marker = (b"From: thutuchanhchinh@bacgiang.gov.vn\nTo: x@example.vn\nSubject: x\n"
              b"X-Loop: thutuchanhchinh@bacgiang.gov.vn\nMessage-ID: <zz-1@mail.example>\n\nx\n")
    assert pipeline.ingest(marker, "t").kind == "own"
    # Our domain's Message-ID, or our X-Loop with another From, is not enough.
    unknown = ours.replace(ack_id.encode(), b"pakn.0000@bacgiang.gov.vn").replace(
        b"From: thutuchanhchinh", b"From: canbo.vp")
    assert pipeline.ingest(unknown, "t").kind == "linked"  # an official quoting a code
    other = marker.replace(b"From: thutuchanhchinh", b"From: canbo.vp").replace(
        b"zz-1@", b"zz-2@")
    assert pipeline.ingest(other, "t").kind == "auto"  # an X-Loop is someone's loop marker


# -- 2. forwarded letters ----------------------------------------------------------------
@pytest.mark.parametrize("name", ["vi_fwd_rfc822.eml", "vi_fwd_gmail.eml", "vi_fwd_outlook.eml",
                                  "vi_fwd_chuyen_tiep.eml"])
def test_forwarded_letter_is_the_substance_and_kept(
        pipeline: MailIngestor, service: IntakeService, db: Database, name: str) -> None:
    code, row = _take(pipeline, name)
    view = service.get(code)
    assert view.text.startswith("Tôi gửi lại đơn đã gửi xã từ tháng 3")
    assert "--- Thư chuyển tiếp ---" in view.text and LETTER in view.text
    assert "Người gửi: Hoàng Văn Minh" in view.text and "hoangvanminh@example.vn" in view.text
    assert "Tiêu đề: Đơn đề nghị trả kết quả tách thửa" in view.text
    assert "Ngày gửi: " in view.text
    (routed,) = [e for e in service.events(code) if e.kind == "routed"]
    assert "Tân Dĩnh" in str(routed.data["signals"])  # routing read the forwarded letter
    files = [f for f, _ in _attachments(db, code)]
    assert files == (["don-gui-xa.eml"] if name == "vi_fwd_rfc822.eml"
                     else ["thu-chuyen-tiep-1.txt"])
    assert row.kind == "new"


def test_quoted_history_of_a_reply_is_not_a_forward(pipeline: MailIngestor,
                                                    service: IntakeService) -> None:
    raw = fixture_bytes("vi_fwd_outlook.eml").replace(b"Subject: FW: ", b"Subject: RE: ")
    raw = raw.replace(b"fwd-outlook-1@", b"re-outlook-1@").replace(
        "Tôi gửi lại đơn".encode(), ("Đường ở thôn Hạ hỏng nặng. " * 12 + "Tôi gửi lại đơn")
        .encode())
    code, _ = _take_raw(pipeline, raw)
    text = service.get(code).text
    assert "Thư chuyển tiếp" not in text and LETTER not in text


def _take_raw(pipeline: MailIngestor, raw: bytes) -> tuple[str, MailIngest]:
    result = pipeline.ingest(raw, "t")
    return result.code or "", _row(pipeline.db, result.ingest_id)


# -- 3. From written as one encoded word; Reply-To, Sender --------------------------------
def test_from_as_one_encoded_word_is_read(pipeline: MailIngestor, service: IntakeService,
                                          db: Database) -> None:
    code, row = _take(pipeline, "vi_from_one_word.eml")
    assert row.sender == "lethihong@example.vn" and row.ack == "queued"
    assert service.get(code).reply_address == "lethihong@example.vn"
    assert [f for f, _ in _attachments(db, code)] == ["bien-ban-thon.pdf", "anh-duong.jpg"]
    assert _ack_for(db, "lethihong@example.vn").body.startswith("Kính gửi Ông/Bà,")


def test_without_a_from_address_reply_to_then_sender(pipeline: MailIngestor,
                                                     db: Database) -> None:
    _code, row = _take(pipeline, "vi_from_reply_to.eml")
    assert row.sender == "phamvantu@example.vn" and row.ack == "queued"
    sender_only = fixture_bytes("vi_from_reply_to.eml").replace(
        b"Reply-To:", b"Sender:").replace(b"from-replyto-1@", b"from-sender-1@")
    _code, other = _take_raw(pipeline, sender_only)
    assert other.sender == "phamvantu@example.vn" and other.kind == "new"


# -- 4. legacy charsets ------------------------------------------------------------------
@pytest.mark.parametrize(("name", "subject"), [
    ("vi_charset_vni.eml", "Phản ánh đường hỏng ở xã Tân Dĩnh"),
    ("vi_charset_viscii.eml", "Phản ánh đường hỏng ở xã Tân Dĩnh"),
    ("vi_charset_tcvn3.eml", "phản ánh đường hỏng ở xã tân dĩnh")])
def test_legacy_vietnamese_charsets_are_read(pipeline: MailIngestor, service: IntakeService,
                                             db: Database, name: str, subject: str) -> None:
    code, row = _take(pipeline, name)
    view = service.get(code)
    assert view.subject == subject
    assert "huyện lạng giang hỏng nặng" in view.text.lower()
    ack = _ack_for(db, str(row.sender))
    assert ack.subject == f"[{code}] Đã tiếp nhận phản ánh, kiến nghị: {subject}"
    assert "\ufffd" not in (ack.subject or "") + ack.body


def test_no_replacement_character_in_a_subject_we_send(pipeline: MailIngestor,
                                                       db: Database) -> None:
    raw = fixture_bytes("vi_charset_tcvn3.eml").replace(
        b"Subject: =?unknown-8bit?Q?", b"Subject: =?x-no-such-charset?Q?=FF=FE=FD?= =?utf-8?Q?")
    raw = raw.replace(b"charset-tcvn3-1@", b"charset-junk-1@")
    _code, row = _take_raw(pipeline, raw)
    ack = _ack_for(db, str(row.sender))
    assert "\ufffd" not in (ack.subject or "") and "\ufffd" not in (row.subject or "")


# -- 5. forged From ----------------------------------------------------------------------
def test_forged_from_does_not_join_the_victims_complaint(
        pipeline: MailIngestor, service: IntakeService, db: Database) -> None:
    victim, _ = _take(pipeline, BASE)
    code, ack_id = base_thread(db)
    new, row = _take(pipeline, "vi_forged_reply.eml", code=code, ack_id=ack_id)
    assert row.kind == "linked" and new != victim
    assert "failed authentication" in (row.reason or "") and "dmarc=fail" in (row.reason or "")
    assert len(service.messages(victim)) == 1  # the victim's thread is untouched
    (link,) = [e for e in service.events(new) if e.kind == "linked"]
    assert link.data["related"] == victim and "giả mạo" in (link.reason or "")
    # The real sender's reply, verified by our server, still joins.
    _same, reply = _take(pipeline, "vi_verified_reply.eml", code=code, ack_id=ack_id)
    assert reply.kind == "reply" and reply.complaint_code == victim
    assert len(service.messages(victim)) == 2


def test_only_our_servers_authentication_results_count() -> None:
    ours = [f"{OUR_MX}; spf=fail smtp.mailfrom=x.example; dkim=none; dmarc=fail "
            "header.from=example.vn"]
    forged_below = [f"{OUR_MX}; dmarc=pass header.from=example.vn"]
    others = ["mailer.attacker.example; dmarc=pass header.from=example.vn"]
    check = check_from
    assert check(ours + forged_below, [OUR_MX], "a@example.vn").verdict is Verdict.FAIL
    assert check(others, [OUR_MX], "a@example.vn").verdict is Verdict.NONE
    assert check(others + ours, [], "a@example.vn").verdict is Verdict.NONE  # not configured
    aligned = [f"{OUR_MX} 1; spf=softfail smtp.mailfrom=b.vn; dkim=pass header.d=example.vn"]
    assert check(aligned, [OUR_MX], "a@example.vn").verdict is Verdict.PASS
    unaligned = [f"{OUR_MX}; spf=pass smtp.mailfrom=other.example; dkim=none"]
    assert check(unaligned, [OUR_MX], "a@example.vn").verdict is Verdict.NONE
    assert check([f"{OUR_MX}; spf=fail smtp.mailfrom=x.example"], [OUR_MX],
                 "a@example.vn").verdict is Verdict.FAIL


# -- 6. acknowledgements carry nothing of an unverified sender -------------------------
def test_ack_echoes_nothing_to_an_unverified_sender(pipeline: MailIngestor,
                                                    db: Database) -> None:
    code, _ = _take(pipeline, "vi_phishing_subject.eml")
    ack = _ack_for(db, "nan.nhan@example.vn")
    assert ack.subject == f"[{code}] Đã tiếp nhận phản ánh, kiến nghị"
    assert ack.body.startswith("Kính gửi Ông/Bà,\n")
    for bait in ("http", "bit.ly", "www.", "trungthuong", "thưởng", "Ngân hàng"):
        assert bait not in (ack.subject or "") + ack.body, bait


def test_ack_to_a_verified_sender_repeats_no_link(pipeline: MailIngestor,
                                                  db: Database) -> None:
    _take(pipeline, "vi_phishing_verified.eml")
    ack = _ack_for(db, "nguoi.gui@example.vn")
    assert "Chúc mừng trúng thưởng 50.000.000đ" in (ack.subject or "")
    assert ack.body.startswith("Kính gửi Ông/Bà Ngân hàng nhận thưởng,")
    for link in ("http", "bit.ly", "www.", "trungthuong-bacgiang"):
        assert link not in (ack.subject or "") + ack.body, link


def test_hourly_cap_holds_acknowledgements_and_says_so(
        service: IntakeService, hotline: MailSettings, db: Database) -> None:
    pipeline = MailIngestor(service, replace(hotline, ack_limit_per_hour=3))
    raw = fixture_bytes("vi_phishing_subject.eml")
    for i in range(5):
        pipeline.ingest(raw.replace(b"phish-1@", f"phish-flood-{i}@".encode()).replace(
            b"nan.nhan@", f"nan.nhan{i}@".encode()), "t")
    assert len(_outbox(db)) == 3 and service.count() == 5
    with db.reading() as session:
        acks = [r.ack for r in session.scalars(select(MailIngest).order_by(MailIngest.id))]
    assert acks == ["queued"] * 3 + ["hourly_limit"] * 2
    assert overview(db).hourly_limit_hit == 2


# -- also: scans, winmail.dat, signed mail ------------------------------------------------
@pytest.mark.parametrize(("name", "files"), [
    ("vi_scan_pdf.eml", ["don-khieu-nai.pdf"]),
    ("vi_scan_photo.eml", ["IMG_0412.jpg", "IMG_0413.jpg"])])
def test_scanned_letter_says_the_content_is_attached(
        pipeline: MailIngestor, service: IntakeService, db: Database, name: str,
        files: list[str]) -> None:
    code, row = _take(pipeline, name)
    text = service.get(code).text
    assert text.startswith("Nội dung phản ánh nằm trong tệp đính kèm (xem tệp trước): "
                           + ", ".join(files))
    assert [f for f, _ in _attachments(db, code)] == files
    ack = _ack_for(db, str(row.sender))
    assert "gửi dưới dạng tệp đính kèm (" + ", ".join(files) + ")" in ack.body


def test_winmail_dat_is_unpacked(pipeline: MailIngestor, db: Database) -> None:
    code, row = _take(pipeline, "vi_winmail.eml")
    assert _attachments(db, code) == [("bien-ban-lam-viec.pdf", "application/pdf"),
                                      ("anh-hien-truong.jpg", "image/jpeg")]
    assert "winmail.dat" not in _ack_for(db, str(row.sender)).body


def test_unreadable_winmail_dat_is_kept_and_named(pipeline: MailIngestor,
                                                  db: Database) -> None:
    code, row = _take(pipeline, "vi_winmail_broken.eml")
    assert _attachments(db, code) == [("winmail.dat", "application/ms-tnef")]
    assert "Tệp winmail.dat (định dạng riêng của Outlook) đã được lưu" in _ack_for(
        db, str(row.sender)).body


@pytest.mark.parametrize(("name", "signature"), [
    ("vi_smime_signed.eml", ("smime.p7s", "application/pkcs7-signature")),
    ("vi_pgp_inline.eml", ("chu-ky-pgp.asc", "application/pgp-signature")),
    ("vi_pgp_mime.eml", ("signature.asc", "application/pgp-signature"))])
def test_signed_text_is_the_complaint_and_the_signature_kept(
        pipeline: MailIngestor, service: IntakeService, db: Database, name: str,
        signature: tuple[str, str]) -> None:
    code, row = _take(pipeline, name)
    text = service.get(code).text
    assert text.startswith("Tôi phản ánh việc cán bộ địa chính xã Bích Động")
    assert "PGP" not in text and "Hash:" not in text and "-----" not in text
    assert _attachments(db, code) == [signature]
    assert row.refused == []


# -- also: opaque and encrypted S/MIME ------------------------------------------------
def _smime_entity(raw: bytes) -> bytes:
    """The MIME entity of a fixture made by OpenSSL (from its MIME-Version line on)."""
    return raw[raw.index(b"MIME-Version:"):]


def _envelope(raw: bytes, msgid: str) -> bytes:
    """The fixture's envelope headers (From … Message-ID) with a new Message-ID."""
    head = raw[:raw.index(b"MIME-Version:")]
    return head.replace(b"<smime-", f"<{msgid}-smime-".encode())


@pytest.fixture(scope="module")
def signer(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway key and self-signed certificate made by openssl (key, cert)."""
    where = tmp_path_factory.mktemp("signer")
    key, cert = where / "key.pem", where / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=Dinh Van Khoa", "-keyout", str(key), "-out", str(cert)],
                   capture_output=True, check=True)
    return key, cert


def _openssl_sign(entity: bytes, signer: tuple[Path, Path]) -> bytes:
    key, cert = signer
    return subprocess.run(["openssl", "smime", "-sign", "-nodetach", "-signer", str(cert),
                           "-inkey", str(key)], input=entity, capture_output=True,
                          check=True).stdout


@pytest.mark.parametrize(("name", "starts", "files"), [
    ("vi_smime_opaque.eml", "Kính gửi Đường dây nóng,\n\nTôi phản ánh việc Trạm y tế xã "
     "Nghĩa Trung", [("smime.p7m", "application/pkcs7-mime"),
                     ("bien-lai.pdf", "application/pdf")]),
    ("vi_smime_opaque_x.eml", "Tôi phản ánh UBND xã Tân Dĩnh, huyện Lạng Giang chậm trả",
     [("smime.p7m", "application/x-pkcs7-mime")])])
def test_opaque_smime_the_signed_letter_is_read_and_the_p7m_kept(
        pipeline: MailIngestor, service: IntakeService, db: Database, name: str, starts: str,
        files: list[tuple[str, str]]) -> None:
    code, row = _take(pipeline, name)
    view = service.get(code)
    assert view.text.startswith(starts), view.text[:200]
    assert "MII" not in view.text and "smime.p7m" not in view.text  # no base64, no note
    assert view.subject and view.subject.startswith("Phản ánh")
    assert _attachments(db, code) == files
    assert row.refused == [] and row.kind == "new"
    ack = _ack_for(db, str(row.sender)).body
    assert "mã hoá" not in ack and "định dạng riêng" not in ack


def test_p7m_sent_as_octet_stream_is_opened_too(pipeline: MailIngestor,
                                                service: IntakeService, db: Database) -> None:
    raw = fixture_bytes("vi_smime_opaque_x.eml").replace(
        b"application/x-pkcs7-mime; smime-type=signed-data;", b"application/octet-stream;")
    assert b"application/octet-stream; name=" in raw
    code, _row = _take_raw(pipeline, raw.replace(b"smime-opaque-2@", b"octet-p7m@"))
    assert service.get(code).text.startswith("Tôi phản ánh UBND xã Tân Dĩnh")
    assert [f for f, _ in _attachments(db, code)] == ["smime.p7m"]


def test_encrypted_smime_is_filed_kept_and_the_citizen_asked_to_resend(
        pipeline: MailIngestor, service: IntakeService, db: Database) -> None:
    code, row = _take(pipeline, "vi_smime_encrypted.eml")
    assert (row.status, row.kind, row.ack) == ("ingested", "new", "queued")
    view = service.get(code)
    assert view.text.startswith("Thư được mã hoá (S/MIME), không đọc được nội dung; thư gốc "
                                "được lưu nguyên vẹn trong tệp đính kèm: smime.p7m.")
    assert "Tiêu đề thư: Phản ánh (thư mã hoá)" in view.text
    assert _attachments(db, code) == [("smime.p7m", "application/pkcs7-mime")]
    ack = _ack_for(db, "dinhvankhoa@example.vn")
    assert ack.subject == f"[{code}] Đã tiếp nhận phản ánh, kiến nghị"
    assert "được mã hoá (S/MIME) nên đường dây nóng không đọc được nội dung" in ack.body
    assert "vui lòng gửi lại nội dung phản ánh không mã hoá" in ack.body


def test_nested_smime_layers_are_opened(pipeline: MailIngestor, service: IntakeService,
                                        db: Database, signer: tuple[Path, Path]) -> None:
    """Signed twice (a gateway signing a signed letter): the letter inside is read;
    an encrypted letter inside a signature stays an encrypted letter."""
    signed = fixture_bytes("vi_smime_opaque_x.eml")
    twice = _envelope(signed, "twice") + _openssl_sign(_smime_entity(signed), signer)
    code, _row = _take_raw(pipeline, twice)
    assert service.get(code).text.startswith("Tôi phản ánh UBND xã Tân Dĩnh")
    assert [f for f, _ in _attachments(db, code)] == ["smime.p7m", "smime.p7m"]
    secret = fixture_bytes("vi_smime_encrypted.eml")
    wrapped = _envelope(secret, "wrapped") + _openssl_sign(_smime_entity(secret), signer)
    code, row = _take_raw(pipeline, wrapped)
    assert service.get(code).text.startswith("Thư được mã hoá (S/MIME)")
    assert "gửi lại nội dung phản ánh không mã hoá" in _ack_for(db, str(row.sender)).body


@pytest.mark.parametrize("damage", ["truncated", "not-cms", "not-base64", "empty",
                                    "detached-only"])
def test_a_pkcs7_blob_that_cannot_be_opened_is_kept_never_lost(
        pipeline: MailIngestor, service: IntakeService, db: Database, damage: str) -> None:
    raw = fixture_bytes("vi_smime_opaque_x.eml")
    head, blob = raw.split(b"\n\n", 1)
    blob = {"truncated": blob[:len(blob) // 2],
            "not-cms": b"MAMCAQE=\n",  # DER of a lone INTEGER
            "not-base64": b"\x00\xff\x80 kh\xf4ng ph\xe1i base64\n",
            "empty": b"",
            # signed-data without the content (a detached signature in an opaque wrapper)
            "detached-only": b"MCMGCSqGSIb3DQEHAqAWMBQCAQExADALBgkqhkiG9w0BBwExAA==\n"}[damage]
    code, row = _take_raw(pipeline, head.replace(b"smime-opaque-2@", f"{damage}@".encode())
                          + b"\n\n" + blob)
    assert (row.status, row.kind) == ("ingested", "new"), row.error
    assert service.get(code).text == "Phản ánh chậm chứng thực"  # the subject, all there is
    assert [f for f, _ in _attachments(db, code)] == ["smime.p7m"]


# -- also: winmail.dat whose only body is compressed RTF --------------------------------
def test_winmail_dat_with_only_an_rtf_body_is_read(pipeline: MailIngestor,
                                                   service: IntakeService,
                                                   db: Database) -> None:
    code, row = _take(pipeline, "vi_winmail_rtf.eml")
    text = service.get(code).text
    assert ("Bộ phận một cửa UBND xã Tân Dĩnh, huyện Lạng Giang hẹn trả giấy chứng nhận quyền "
            "sử dụng đất ngày 15/4/2025 nhưng đến nay vẫn chưa trả") in text
    assert "\\" not in text and "{" not in text and "rtf" not in text and "?" not in text
    assert _attachments(db, code) == [("giay-hen.pdf", "application/pdf")]
    (routed,) = [e for e in service.events(code) if e.kind == "routed"]
    assert "Tân Dĩnh" in str(routed.data["signals"])
    assert "winmail.dat" not in _ack_for(db, str(row.sender)).body


def test_winmail_dat_with_a_corrupt_rtf_body_still_gives_its_files(
        pipeline: MailIngestor, service: IntakeService, db: Database) -> None:
    rich = winmail_rtf([("giay-hen.pdf", PDF)], "Đường xã Tân Dĩnh ngập sau mưa.")
    at = rich.index(b"LZFu") + 20  # inside the compressed stream: its CRC no longer holds
    broken = rich[:at] + bytes([rich[at] ^ 0xFF]) + rich[at + 1:]
    raw = multipart(headers("Ly Van Thanh <lyvanthanh@example.vn>", "Gui tai lieu",
                            "winmail-crc@example.vn",
                            'Content-Type: multipart/mixed; boundary="t9"'),
                    "t9", [file_part("application/ms-tnef", "winmail.dat", broken)]).encode()
    code, row = _take_raw(pipeline, raw)
    assert (row.status, row.kind) == ("ingested", "new")
    # No text could be read: the PDF is the letter (a letter sent as a file).
    assert service.get(code).text == ("Nội dung phản ánh nằm trong tệp đính kèm (xem tệp "
                                      "trước): giay-hen.pdf.\nTiêu đề thư: Gui tai lieu")
    assert _attachments(db, code) == [("giay-hen.pdf", "application/pdf")]


# -- also: invitations, receipts, copies ----------------------------------------------
def test_invitation_and_read_receipt_are_recorded_never_answered(
        pipeline: MailIngestor, service: IntakeService, db: Database) -> None:
    _take(pipeline, BASE)
    code, ack_id = base_thread(db)
    _c, invite = _take(pipeline, "vi_calendar_invite.eml")
    _c, receipt = _take(pipeline, "vi_read_receipt.eml", code=code, ack_id=ack_id)
    assert (invite.status, invite.kind) == ("recorded", "calendar")
    assert (receipt.status, receipt.kind) == ("recorded", "receipt")
    (ack,) = _outbox(db)  # only the base complaint's, and a receipt is no bounce:
    assert ack.status == "pending" and ack.last_error is None
    assert service.count() == 1
    assert any(e.kind == "mail_receipt" for e in service.events(code))


def test_copy_to_our_second_address_is_one_complaint(
        pipeline: MailIngestor, service: IntakeService, db: Database) -> None:
    first = pipeline.ingest(fixture_bytes("vi_cc_copy_a.eml"), "t")
    second = pipeline.ingest(fixture_bytes("vi_cc_copy_b.eml"), "t")
    assert first.status is IngestStatus.INGESTED
    assert second.status is IngestStatus.DUPLICATE and second.code == first.code
    assert service.count() == 1 and len(_outbox(db)) == 1
    assert _outbox(db)[0].recipient == "ngothiha@example.vn"


def test_nothing_is_sent_to_our_second_address(pipeline: MailIngestor, db: Database) -> None:
    raw = fixture_bytes("vi_official_roundcube.eml").replace(
        b"tqhuy.snv@bacgiang.gov.vn", OTHER_ADDRESS.encode())
    _code, row = _take_raw(pipeline, raw)
    assert row.kind == "new" and row.ack == "ours" and _outbox(db) == []


def _compressed(content: bytes) -> bytes:
    """CMS compressed-data (RFC 3274, zlib) around ``content``, as base64 lines (the
    OpenSSL here is built without zlib, so asn1crypto writes it)."""
    info = cms.ContentInfo({"content_type": "compressed_data", "content": cms.CompressedData({
        "version": "v0", "compression_algorithm": {"algorithm": "zlib"},
        "encap_content_info": {"content_type": "data",
                               "content": zlib.compress(content, 9)}})})
    return base64.encodebytes(info.dump())


def test_compressed_smime_is_opened_but_a_bomb_is_not(pipeline: MailIngestor,
                                                      service: IntakeService) -> None:
    raw = fixture_bytes("vi_smime_opaque_x.eml")
    head, blob = raw.split(b"\n\n", 1)
    head = head.replace(b"smime-type=signed-data", b"smime-type=compressed-data")
    # compressed around the signed letter: opened layer by layer
    letter = _compressed(base64.b64decode(blob))
    code, _row = _take_raw(pipeline, head.replace(b"smime-opaque-2@", b"zlib-1@") + b"\n\n"
                           + letter)
    assert service.get(code).text.startswith("Tôi phản ánh UBND xã Tân Dĩnh")
    # 64 MB of nothing in 64 kB: not inflated past the limit, the file kept as it is
    bomb = _compressed(b"\0" * (64 * 1024 * 1024))
    assert len(bomb) < 200_000
    code, row = _take_raw(pipeline, head.replace(b"smime-opaque-2@", b"zlib-2@") + b"\n\n"
                          + bomb)
    assert (row.status, row.kind) == ("ingested", "new")
    assert service.get(code).text == "Phản ánh chậm chứng thực"
    tracemalloc.start()
    try:
        assert opaque_content(base64.b64decode(bomb)).layer is Layer.UNREADABLE
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # zlib builds its output, then copies it: twice the limit at most, never the 64 MB
    assert peak < 2 * MAX_INFLATED + 8 * 1024 * 1024, peak
