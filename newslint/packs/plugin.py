"""Registers the rules of shipped packs and of packs named in config."""

from newslint import hookimpl
from newslint.packs import load_pack, shipped_pack_files


@hookimpl
def newslint_register_rules(config):
    rules = []
    for path in shipped_pack_files():
        rules.extend(load_pack(path))
    for path in (config.pack_paths if config is not None else ()):
        rules.extend(load_pack(path))
    return rules
