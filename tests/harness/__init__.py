"""Test harness: real services for the tests, started and stopped by fixtures.

- :mod:`tests.harness.ports`: free TCP ports on loopback.
- :mod:`tests.harness.postgres`: a throwaway PostgreSQL cluster in a temp directory.
- :mod:`tests.harness.rasa_stack`: the Rasa server and the action server, on free ports.
"""
