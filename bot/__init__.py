"""Telegram front end (python-telegram-bot): relays chats to the assistant.

Not built yet: the Telegram issue adds it. Until then ``pakn run`` reports that the bot
is not started; the web chat of the console is the embedded default channel.
"""
