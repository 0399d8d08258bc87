"""The edges: reading and decoding input (decode, files, streams, html), running many
documents (batch, progress, stats) and corpora (corpus). They use the core (pipeline,
stages, rules, kinds); nothing in the core imports them (``tests/test_layers.py``)."""
