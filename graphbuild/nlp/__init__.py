"""The spaCy layer: the only package that holds ``Doc`` and ``Span`` objects.

Everything it hands out is one of our records (see :mod:`graphbuild.models`).
"""
