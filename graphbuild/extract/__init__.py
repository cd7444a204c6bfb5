"""Extraction: from a parsed article to candidate entities, relations and events.

The modules here read spaCy documents; what they return are our records.
"""
