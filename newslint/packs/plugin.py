"""Registers the rules of shipped packs and of packs named in config."""

from newslint import hookimpl
from newslint.packs import load_pack, shipped_pack_files


@hookimpl
def newslint_register_rules(config):
    from newslint.packs.known import KnownPatterns

    paths = [*shipped_pack_files(), *(config.pack_paths if config is not None else ())]
    cache_dir = config.cache_dir_or_none if config is not None else None
    warn = getattr(config, "warn", None)
    known = KnownPatterns(cache_dir, warn) if cache_dir is not None else None
    rules = []
    for path in paths:
        rules.extend(load_pack(path, known_patterns=known))
    if known is not None:
        known.save()
    return rules
