"""Delivery: every message to a citizen or to staff leaves through here.

- ``templates``: the Vietnamese texts, one function per purpose;
- ``outbox.enqueue``: the one way to queue a message, inside the caller's transaction
  (our Message-ID and a thread row for every e-mail; purpose and complaint code as
  columns); ``fail_bounced`` for bounces of our mail;
- ``dispatcher``: claims due rows and sends them through the configured
  ``transports`` (SMTP, Telegram) under one lease/backoff/give-up policy;
- ``config``: which transports are configured; ``cli``: ``pakn delivery send``.
"""

from intake.delivery.outbox import Outgoing, Queued, enqueue, push_channel
from intake.delivery.purposes import Purpose
from intake.delivery.templates import Letter

__all__ = ["Letter", "Outgoing", "Purpose", "Queued", "enqueue", "push_channel"]
