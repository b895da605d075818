"""Output formatters: they write findings and never influence the engine."""
