"""Filters applied to findings after rules ran: selection, suppressions, baseline."""
