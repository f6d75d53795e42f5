"""The hotline mailbox: fetch (IMAP) → store raw → parse → classify → ingest → acknowledge.

One module per stage: ``config`` (settings), ``models`` (tables), ``store`` (raw bytes),
``fetch`` (IMAP), ``parse`` (MIME → text), ``classify`` (new / reply / automatic),
``ingest`` (the pipeline), ``ack`` (acknowledgements through the outbox), ``outbox``
(SMTP delivery), ``worker`` (the poll / IDLE loop) and ``cli`` (``pakn mail …``).
"""
