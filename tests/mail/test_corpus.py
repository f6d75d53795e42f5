"""The 103 real-world messages of mikel/mail (MIT): each ingested or quarantined, no crash."""

from __future__ import annotations

from collections import Counter

from intake.mail.ingest import MailIngestor
from intake.mail.models import IngestStatus
from intake.mail.parse import parse_message
from tests.mail.conftest import MIKEL

CORPUS = sorted(MIKEL.rglob("*.eml"))


def test_corpus_is_complete() -> None:
    assert len(CORPUS) == 103


def test_every_corpus_message_is_ingested_or_quarantined(ingestor: MailIngestor) -> None:
    outcomes: Counter[str] = Counter()
    for path in CORPUS:
        result = ingestor.ingest(path.read_bytes(), f"file:{path.name}")
        assert result.status in set(IngestStatus), path.name
        outcomes[result.status.value] += 1
        again = ingestor.ingest(path.read_bytes(), f"file:{path.name}")
        assert again.ingest_id == result.ingest_id or again.status is IngestStatus.DUPLICATE
    assert sum(outcomes.values()) == 103
    assert outcomes["ingested"] >= 60, outcomes
    print(f"\ncorpus outcomes: {dict(outcomes)}")


def test_corpus_text_has_no_surrogates_and_is_nfc() -> None:
    import unicodedata

    for path in CORPUS:
        try:
            mail = parse_message(path.read_bytes())
        except ValueError:
            continue
        for text in (mail.subject, mail.text, mail.sender or ""):
            text.encode("utf-8")
            assert unicodedata.is_normalized("NFC", text), path.name
