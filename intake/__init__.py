"""Intake core: complaints, queues, routing and the services every edge calls.

The Rasa actions, the Telegram bot, the mail worker and the staff console are thin
edges around this package; none of them touches the tables directly.
"""

__version__ = "0.1.0"
