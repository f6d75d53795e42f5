"""The routing signals: procedure, place, subject matter, statistical classifier.

Each signal is a small stage that looks at a ``RoutingInput`` and returns a ``Signal``
(what it found, best first, and a reason); ``intake.routing.decision`` combines them.
"""
