"""Writes the opaque and encrypted S/MIME fixtures with OpenSSL (run once; files kept).

Real S/MIME as a mail program sends it, made by the ``openssl`` command line (``cms`` and
``smime``) with a throwaway self-signed certificate, so the tests read what OpenSSL
writes, not what our own code would expect:

- ``vi_smime_opaque.eml``: ``openssl cms -sign -nodetach`` (``application/pkcs7-mime;
  smime-type=signed-data``); the signed entity is a letter with a PDF attached;
- ``vi_smime_opaque_x.eml``: ``openssl smime -sign -nodetach`` (the older
  ``application/x-pkcs7-mime``), a plain-text letter;
- ``vi_smime_encrypted.eml``: ``openssl cms -encrypt`` (enveloped-data, AES-256) to a
  key the hotline does not have.

    .venv/bin/python -m tests.mail.make_smime_fixtures
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from tests.mail.make_fixtures import HERE, PDF, b64, multipart, qp, word_b

DATE = "Date: Tue, 13 May 2025 09:05:00 +0700"
LETTER = ("Kính gửi Đường dây nóng,\n\nTôi phản ánh việc Trạm y tế xã Nghĩa Trung, huyện "
          "Việt Yên thu tiền khám bệnh của người có thẻ bảo hiểm y tế mà không đưa hoá "
          "đơn. Tôi gửi kèm biên lai.\n\nTrân trọng,\nĐinh Văn Khoa\n")
SHORT = ("Tôi phản ánh UBND xã Tân Dĩnh, huyện Lạng Giang chậm trả kết quả chứng thực "
         "hợp đồng chuyển nhượng quyền sử dụng đất đã quá hạn 10 ngày.\n")


def openssl(*args: str, data: bytes) -> bytes:
    """Run ``openssl`` with ``data`` on stdin; its stdout."""
    return subprocess.run(["openssl", *args], input=data, capture_output=True,
                          check=True).stdout


def outer(frm: str, subject: str, msgid: str) -> bytes:
    """The envelope headers a mail program puts before OpenSSL's MIME output."""
    return (f"From: {frm}\nTo: thutuchanhchinh@bacgiang.gov.vn\nSubject: {subject}\n{DATE}\n"
            f"Message-ID: <{msgid}>\n").encode()


def text_entity(text: str) -> bytes:
    """A text/plain MIME entity (what gets signed)."""
    return ("Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
            "quoted-printable\n\n" + qp(text)).encode()


def mixed_entity() -> bytes:
    """A multipart/mixed entity: the letter and a PDF."""
    head = 'Content-Type: multipart/mixed; boundary="inner1"\n'
    return multipart(head, "inner1", [
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: "
        "quoted-printable\n\n" + qp(LETTER),
        "Content-Type: application/pdf; name=\"bien-lai.pdf\"\nContent-Disposition: "
        "attachment; filename=\"bien-lai.pdf\"\nContent-Transfer-Encoding: base64\n\n"
        + b64(PDF) + "\n"]).encode()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        key, cert = Path(tmp, "key.pem"), Path(tmp, "cert.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                        "3650", "-subj", "/CN=Dinh Van Khoa/emailAddress=dinhvankhoa@example.vn",
                        "-keyout", str(key), "-out", str(cert)], capture_output=True,
                       check=True)
        files = {
            "vi_smime_opaque.eml": outer(
                "Dinh Van Khoa <dinhvankhoa@example.vn>", word_b("Phản ánh trạm y tế (ký số)"),
                "smime-opaque-1@example.vn") + openssl(
                "cms", "-sign", "-nodetach", "-md", "sha256", "-signer", str(cert), "-inkey",
                str(key), "-outform", "SMIME", data=mixed_entity()),
            "vi_smime_opaque_x.eml": outer(
                "Dinh Van Khoa <dinhvankhoa@example.vn>", word_b("Phản ánh chậm chứng thực"),
                "smime-opaque-2@example.vn") + openssl(
                "smime", "-sign", "-nodetach", "-md", "sha256", "-signer", str(cert),
                "-inkey", str(key), data=text_entity(SHORT)),
            "vi_smime_encrypted.eml": outer(
                "Dinh Van Khoa <dinhvankhoa@example.vn>", word_b("Phản ánh (thư mã hoá)"),
                "smime-enc-1@example.vn") + openssl(
                "cms", "-encrypt", "-aes256", "-outform", "SMIME", str(cert),
                data=text_entity(SHORT)),
        }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
