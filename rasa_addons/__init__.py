"""Custom NLU components loaded by the Rasa server (``.venv-rasa``, Python 3.10).

Rasa imports them by module path from the project root (its working directory). They
must not import the product (``intake`` needs Python 3.11 and other libraries).
"""
