"""Why we write: the purpose of every outgoing message, stored as a column."""

from __future__ import annotations

import enum


class Purpose(enum.StrEnum):
    """The purpose of an outgoing message (``outbox.purpose``)."""

    ACK = "ack"                    # a complaint received by e-mail was filed
    ACK_REPLY = "ack_reply"        # the citizen's e-mail reply was added to the complaint
    REJECTED = "rejected"          # nothing could be filed from the citizen's e-mail
    RECORDED = "recorded"          # a phone or walk-in complaint was filed for the citizen
    ANSWER = "answer"              # staff answered
    INFO_REQUEST = "info_request"  # staff ask the citizen for more information
    STATUS = "status"              # the complaint changed status (closed, rejected …)
    MERGED = "merged"              # the complaint was closed as a duplicate of another
    DIGEST = "digest"              # the daily digest to a member of staff
    API_RECEIVED = "api_received"  # a complaint filed for the citizen through the Open311 API
    SATISFACTION = "satisfaction"  # after resolution: how satisfied is the citizen (1–5)?
    PUBLISHED = "published"        # the complaint's answer was published (anonymised)


# Answers to mail a citizen sent: limited per sender and per hour (see ``intake.mail.ack``).
ACK_PURPOSES = frozenset({Purpose.ACK, Purpose.ACK_REPLY, Purpose.REJECTED})
# Queued in the transaction that files the complaint (an e-mail's acknowledgement):
# nothing of ours can be on its thread yet, so it is not looked for (a query fewer for
# each mail without a Message-ID of its own to answer).
OPENING_PURPOSES = frozenset({Purpose.ACK})
# Written by a person: no ``Auto-Submitted`` header (RFC 3834), the rest is automatic.
HUMAN_PURPOSES = frozenset({Purpose.ANSWER, Purpose.INFO_REQUEST})
