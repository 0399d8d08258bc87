"""Native steps for corpus engines: :mod:`cleaner.integrations.datatrove` and
:mod:`cleaner.integrations.ray` (optional extras: ``pip install 'newsnoise[datatrove]'`` or
``'newsnoise[ray]'``)."""
