"""Telegram front end (python-telegram-bot 22): relays chats to the assistant.

``python -m bot`` (started by ``pakn run`` when ``TELEGRAM_BOT_TOKEN`` is set) polls or
serves a webhook, relays text and buttons to the assistant's signed channel, answers
its own commands and holds files and locations for the complaint being written.
Messages to citizens from staff leave through ``intake.delivery``, not through here.
"""
