"""Rasa custom actions: thin adapters from a conversation to the intake services."""
