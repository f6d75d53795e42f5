"""The hotline mailbox: fetch (IMAP) → store raw → parse → classify → ingest → acknowledge.

One module per stage: ``config`` (settings), ``models`` (tables), ``fetch`` (IMAP),
``parse`` (MIME → text, with ``charsets``, ``forward``, ``tnef``, ``signed``), ``auth``
(our server's verdict on the From), ``classify`` (new / reply / automatic), ``ingest``
(the pipeline, raw bytes stored first), ``pool`` (ingest processes), ``ack``
(acknowledgements, queued through ``intake.delivery``, which also sends them),
``quarantine`` (what could not be processed), ``worker`` (the poll / IDLE loop) and
``cli`` (``pakn mail …``).
"""
