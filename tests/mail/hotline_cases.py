"""The messages of issue 12 and what must become of each (shared by the pipeline, Dovecot
and ``pakn mail ingest`` tests): status, kind, whether the sender is acknowledged, and
what routing must have read."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from intake.db import Database
from intake.mail.models import MailIngest, MailThread
from intake.models import Attachment, Complaint, Event, Outbox
from intake.storage import sha256_hex
from tests.mail.conftest import fixture_bytes

OUR_MX = "mx.bacgiang.gov.vn"
OTHER_ADDRESS = "tiepcongdan@bacgiang.gov.vn"
# The settings every path runs with: our server's authserv-id and our second address.
HOTLINE_ENV = {"PAKN_MAIL_AUTHSERV_ID": OUR_MX, "PAKN_MAIL_ADDRESSES": OTHER_ADDRESS}
BASE = "vi_utf8_qp.eml"  # the complaint the threaded cases refer to


@dataclass(frozen=True)
class Expect:
    """What must become of one message."""

    status: str
    kind: str | None
    acked: bool                 # an acknowledgement went to the outbox for it
    reads: str | None = None    # routing's signals must have found this in the text
    says: str | None = None     # the complaint's text must contain this
    files: tuple[str, ...] | None = None  # the complaint's attachments, in order
    queue: str | None = None    # the queue routing chose (where the matter is clear)
    candidate: str | None = None  # the decision or one of routing's alternatives


NEW = Expect("ingested", "new", True)
TAN_DINH = "XA_07432"  # xã Tân Dĩnh, huyện Lạng Giang
TRIAGE = "VP_UBND"     # nothing to read: the triage queue
LAND = "SO_TN_MT"      # the forwarded letter's matter (land registration)
SCANNED = "Nội dung phản ánh nằm trong tệp đính kèm (xem tệp trước)"
CASES: dict[str, Expect] = {
    # 1. officials of the province's domain: Zimbra, Exchange Online, Roundcube/Postfix
    "vi_official_zimbra.eml": Expect("ingested", "new", True, "Tân Dĩnh", candidate=LAND),
    "vi_official_exchange.eml": NEW,
    "vi_official_roundcube.eml": NEW,
    "vi_official_ooo.eml": Expect("recorded", "auto", False),
    # 2. forwarded letters: attached, Gmail, Outlook, Vietnamese Gmail
    "vi_fwd_rfc822.eml": Expect("ingested", "new", True, "Tân Dĩnh", candidate=LAND),
    "vi_fwd_gmail.eml": Expect("ingested", "new", True, "Tân Dĩnh", candidate=LAND),
    "vi_fwd_outlook.eml": Expect("ingested", "new", True, "Tân Dĩnh", candidate=LAND),
    "vi_fwd_chuyen_tiep.eml": Expect("ingested", "new", True, "Tân Dĩnh", candidate=LAND),
    # 3. From as one encoded word; From unusable, Reply-To
    "vi_from_one_word.eml": NEW,
    "vi_from_reply_to.eml": NEW,
    # 4. legacy charsets
    "vi_charset_vni.eml": Expect("ingested", "new", True, "Tân Dĩnh", queue=TAN_DINH),
    "vi_charset_viscii.eml": Expect("ingested", "new", True, "Tân Dĩnh", queue=TAN_DINH),
    "vi_charset_tcvn3.eml": Expect("ingested", "new", True, queue=TAN_DINH),
    # 5. forged From on the victim's thread (a new linked complaint); a verified reply
    "vi_forged_reply.eml": Expect("ingested", "linked", True),
    "vi_verified_reply.eml": Expect("ingested", "reply", True),
    # 6. a prize and a link in the subject and display name
    "vi_phishing_subject.eml": NEW,
    "vi_phishing_verified.eml": NEW,
    # also: scans, winmail.dat, signed mail, invitations, receipts, cc'd copies
    "vi_scan_pdf.eml": Expect("ingested", "new", True, says=SCANNED,
                              files=("don-khieu-nai.pdf",)),
    "vi_scan_photo.eml": Expect("ingested", "new", True, says=SCANNED, queue=TRIAGE,
                                files=("IMG_0412.jpg", "IMG_0413.jpg")),
    "vi_winmail.eml": Expect("ingested", "new", True, "Tân Dĩnh",
                             files=("bien-ban-lam-viec.pdf", "anh-hien-truong.jpg")),
    "vi_winmail_broken.eml": NEW,
    "vi_winmail_rtf.eml": Expect("ingested", "new", True, "Tân Dĩnh",
                                 says="chưa trả, không báo lý do", files=("giay-hen.pdf",)),
    "vi_smime_signed.eml": Expect("ingested", "new", True, files=("smime.p7s",)),
    "vi_smime_opaque.eml": Expect("ingested", "new", True, "Nghĩa Trung",
                                  says="thu tiền khám bệnh",
                                  files=("smime.p7m", "bien-lai.pdf")),
    "vi_smime_opaque_x.eml": Expect("ingested", "new", True, "Tân Dĩnh",
                                    says="chậm trả kết quả chứng thực", files=("smime.p7m",),
                                    queue=TAN_DINH),
    "vi_smime_encrypted.eml": Expect("ingested", "new", True, says="Thư được mã hoá (S/MIME)",
                                     files=("smime.p7m",), queue=TRIAGE),
    "vi_pgp_inline.eml": NEW,
    "vi_pgp_mime.eml": NEW,
    "vi_calendar_invite.eml": Expect("recorded", "calendar", False),
    "vi_read_receipt.eml": Expect("recorded", "receipt", False),
    "vi_cc_copy_a.eml": Expect("ingested", "new", True, queue="SO_Y_TE"),
    "vi_cc_copy_b.eml": Expect("duplicate", None, False),
}


def case_messages(code: str, ack_id: str) -> list[tuple[str, bytes]]:
    """The messages in the order they are sent, placeholders filled in."""
    return [(name, fixture_bytes(name, code=code, ack_id=ack_id)) for name in CASES]


def base_thread(db: Database) -> tuple[str, str]:
    """(code, Message-ID of its acknowledgement) of the base complaint."""
    with db.reading() as session:
        code = session.scalars(select(Complaint.code).order_by(Complaint.id)).first() or ""
        ack = session.scalars(select(MailThread.message_id).where(
            MailThread.complaint_code == code)).first() or ""
    return code, ack


def assert_outcomes(db: Database, messages: list[tuple[str, bytes]]) -> None:
    """Every message ended as ``CASES`` says: status, kind, acknowledgement, routing."""
    with db.reading() as session:
        rows = {r.sha256: r for r in session.scalars(select(MailIngest))}
        acked = {r.recipient for r in session.scalars(select(Outbox))}
        seen: dict[str, tuple[object, ...]] = {}
        for name, raw in messages:
            crlf = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")  # as IMAP gives it
            row = rows.get(sha256_hex(raw)) or rows[sha256_hex(crlf)]
            expect = CASES[name]
            seen[name] = (row.status, row.kind, row.ack == "queued")
            assert seen[name] == (expect.status, expect.kind, expect.acked), name
            assert row.kind != "own", name
            if expect.acked:
                assert row.sender in acked, name
            if expect.status == "ingested" and expect.kind != "reply":
                complaint = session.scalar(select(Complaint).where(
                    Complaint.code == row.complaint_code))
                assert complaint is not None and complaint.queue_code, name
                if expect.queue:
                    assert complaint.queue_code == expect.queue, (name, complaint.queue_code)
                if expect.says:
                    assert expect.says in complaint.text, (name, complaint.text[:500])
                if expect.files is not None:
                    files = tuple(session.scalars(select(Attachment.filename).where(
                        Attachment.complaint_id == complaint.id).order_by(Attachment.id)))
                    assert files == expect.files, (name, files)
                if expect.reads:
                    routed = session.scalars(select(Event).where(
                        Event.complaint_id == complaint.id, Event.kind == "routed")).first()
                    # what the signals found (the decision itself is routing's business)
                    found = str(routed.data["signals"]) if routed is not None else ""
                    assert expect.reads in found, (name, found[:2000])
                if expect.candidate:
                    routed = session.scalars(select(Event).where(
                        Event.complaint_id == complaint.id, Event.kind == "routed")).first()
                    assert routed is not None, name
                    candidates = [complaint.queue_code, *(
                        a.get("queue") for a in routed.data.get("alternatives") or [])]
                    assert expect.candidate in candidates, (name, candidates)
