# Everything a new machine needs, from a clone: Python 3.10+, and for the grammar checks
# Java 17+ and Maven (LanguageTool is resolved from Maven Central).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: install example languagetool test clean

$(BIN)/newslint: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/newslint

## Run newslint on the example article (exit 1 means it found something, as it should).
example: install
	$(BIN)/newslint check examples/wikinews-facebook-ecj-ruling.md || test $$? -eq 1

## Download LanguageTool into the user cache (outside the repository).
languagetool: install
	$(BIN)/newslint languagetool install

## The whole test suite, with a real LanguageTool server.
test: install languagetool
	$(BIN)/pytest

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .hypothesis
