"""Two of Rasa 3.6's per-turn costs, done once per process instead of on every turn.

Profiled with py-spy on a Rasa server answering the chat benchmark (``bench/chat_latency.py
--scale --servers 1 --rates 5``: one server, PostgreSQL tracker store, Redis lock store),
60 s, 2,999 samples of the server's CPU:

- 21.7% went to ``RemoteAction._validate_action_result``: for every answer of the action
  server (one per custom action, and one more for each form validation) Rasa calls
  ``jsonschema.validate(response, schema)``, which first checks the *schema* against
  JSON Schema's meta-schema and builds a new validator, before it checks the response.
  The schema is a constant (``RemoteAction.action_response_format_spec``). Here it is
  checked once and its validator built once; each response is then validated against it.
  An invalid response still raises the ``jsonschema.ValidationError`` Rasa's call
  raises (the best match of its errors), with Rasa's own hint appended to its message.
- 8.6% went to ``Event.resolve_by_type``: to turn each stored event back into an object,
  for every event of the conversation read from the tracker store on every turn, Rasa
  walks the whole tree of ``Event`` subclasses (``all_subclasses`` with an
  ``inspect.isabstract`` test for each class) to find the one with that ``type_name``.
  Here each name is looked up Rasa's way once and its class kept in a table; a name
  with no class of its own (an old "topic" event, an unknown name) goes Rasa's way every
  time and gets Rasa's own answer (``None``, the default, or ``ValueError``).

``install()`` is called by the launcher (``rasa_addons.serve``) before Rasa starts, so
every server of the product, and only those, runs with it. Runs inside ``.venv-rasa``: it
must not import the product.
"""

from __future__ import annotations

from typing import Any

_installed = False


def install() -> None:
    """Replace the two methods on Rasa's classes (idempotent)."""
    global _installed
    if _installed:
        return
    _install_action_result_validator()
    _install_event_type_table()
    _installed = True


def _install_action_result_validator() -> None:
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.constants import DOCS_BASE_URL

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def validate_action_result(self: Any, result: dict[str, Any]) -> bool:
        """Rasa's check of an action server's answer, against a validator built once."""
        invalid = best_match(validator.iter_errors(result))  # the error Rasa's call names
        if invalid is None:
            return True
        invalid.message += (
            ". Failed to validate Action server response from API, make sure your "
            "response from the Action endpoint is valid. For more information about "
            f"the format visit {DOCS_BASE_URL}/custom-actions")
        raise invalid

    RemoteAction._validate_action_result = validate_action_result


def _install_event_type_table() -> None:
    from rasa.shared.core.events import Event

    rasa_resolve = Event.resolve_by_type
    table: dict[str, type[Any]] = {}

    def resolve_by_type(type_name: str, default: type[Any] | None = None) -> type[Any] | None:
        """The event class named ``type_name``, from a table of the known subclasses."""
        found = table.get(type_name)
        if found is not None:
            return found
        found = rasa_resolve(type_name, default)
        if found is not None and getattr(found, "type_name", None) == type_name:
            table[type_name] = found
        return found

    Event.resolve_by_type = staticmethod(resolve_by_type)
