"""The Rasa assistant seen from the product side: training and serving processes.

Rasa 3.6 runs in its own Python 3.10 environment (``.venv-rasa``), so the product never
imports ``rasa``: it drives the ``rasa`` executable as a subprocess.

- :mod:`intake.assistant.training` decides whether the model is stale (a fingerprint of
  the training inputs) and trains it when needed.
- :mod:`intake.assistant.processes` builds the command lines and configuration of the
  Rasa server and the action server and waits until they answer.
- :mod:`intake.assistant.action_server` runs ``rasa_sdk``'s action server bound to a
  chosen host (``python -m rasa_sdk`` always binds 0.0.0.0).
- :mod:`intake.assistant.cli` is the ``pakn assistant …`` command group.
"""
