"""LanguageTool integration: provisioning, server lifecycle, mapping."""
