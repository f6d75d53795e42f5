"""The Open311 GeoReport v2 edge: HTTP routes under ``/open311/v2/`` on the console's app
(``api.py``, with the JSON and XML formats in ``formats.py``) and the operator's
``pakn api-keys`` command line (``cli.py``). The decisions are in
``intake.services.open311`` and ``intake.services.api_clients``."""
