"""The organisation: queues of departments and People's Committees, and the places."""
