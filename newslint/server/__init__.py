"""newslint's warm server: one background process per user that keeps a loaded
:class:`~newslint.checker.Checker` and a running LanguageTool, so that ``newslint check`` on one
file costs a socket round trip instead of loading everything again.

The client side (:mod:`.client`, :mod:`.protocol`, :mod:`.paths`, :mod:`.settings`) imports only
the standard library; :mod:`.daemon` is the server process itself.
"""
