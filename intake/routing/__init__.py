"""Routing: which queue answers a complaint, and why."""
