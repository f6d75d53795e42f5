"""The procedure catalog: model, importers, search and answers (issue 3).

Stages, one module each: ``records`` (the normalised record every importer produces),
``normalise`` (parsing published wordings: time limits, fees, levels), ``importers``
(national detailed export, flat JSON/CSV/XLSX), ``store`` (upsert into the tables),
``search`` (BM25 with synonyms and typo correction), ``answers`` (Vietnamese answers),
``service`` (the facade the CLI and the assistant call), ``cli``.
"""
