"""Parsers turn decoded text into a :class:`~newslint.document.Document`."""
