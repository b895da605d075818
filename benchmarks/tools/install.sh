#!/usr/bin/env bash
# Install the tools that the benchmarks compare newslint with, outside the repository.
#
#   bash benchmarks/tools/install.sh            # everything
#   bash benchmarks/tools/install.sh proselint vale
#
# Everything goes under $NEWSLINT_BENCH_HOME (default ~/.cache/newslint-bench):
#   bench-venv/        Python venv: proselint, language-tool-python, matplotlib, psutil
#   go/bin/vale        Vale, built from source with `go install`
#   textlint/          npm prefix with textlint and a few common rules
#   languagetool/lib/  LanguageTool jars (resolved with Maven from newslint/languagetool/pom.xml)
#
# Versions are pinned below so that two runs compare the same tools.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
BENCH_HOME="${NEWSLINT_BENCH_HOME:-$HOME/.cache/newslint-bench}"

PROSELINT_VERSION="0.16.0"
LANGUAGE_TOOL_PYTHON_VERSION="3.4.0"
MATPLOTLIB_SPEC="matplotlib>=3.8,<4"
VALE_VERSION="v3.19.0"
TEXTLINT_VERSION="15.8.0"
TEXTLINT_RULES=(
  "textlint-rule-write-good@2.0.0"
  "textlint-rule-no-todo@2.0.1"
  "textlint-rule-terminology@5.2.16"
  "textlint-rule-common-misspellings@1.0.1"
  "textlint-rule-stop-words@5.2.0"
)

mkdir -p "$BENCH_HOME"
PYTHON="${PYTHON:-python3}"

log() { printf '==> %s\n' "$*" >&2; }

install_python() {
  local venv="$BENCH_HOME/bench-venv"
  if [ ! -x "$venv/bin/python" ]; then
    log "creating $venv"
    "$PYTHON" -m venv "$venv"
  fi
  log "installing proselint $PROSELINT_VERSION, language-tool-python, matplotlib into $venv"
  "$venv/bin/pip" install -q --upgrade pip
  "$venv/bin/pip" install -q "proselint==$PROSELINT_VERSION" \
    "language-tool-python==$LANGUAGE_TOOL_PYTHON_VERSION" "$MATPLOTLIB_SPEC" psutil
  "$venv/bin/proselint" version
}

install_vale() {
  log "building Vale $VALE_VERSION with go install"
  GOBIN="$BENCH_HOME/go/bin" go install "github.com/errata-ai/vale/v3/cmd/vale@$VALE_VERSION"
  "$BENCH_HOME/go/bin/vale" --version
}

install_textlint() {
  local prefix="$BENCH_HOME/textlint"
  mkdir -p "$prefix"
  log "installing textlint $TEXTLINT_VERSION and rules into $prefix"
  if [ ! -f "$prefix/package.json" ]; then
    printf '{"name":"newslint-bench-textlint","private":true}\n' > "$prefix/package.json"
  fi
  npm install --prefix "$prefix" --no-audit --no-fund --silent \
    "textlint@$TEXTLINT_VERSION" "${TEXTLINT_RULES[@]}"
  "$prefix/node_modules/.bin/textlint" --version
}

install_languagetool() {
  local dest="$BENCH_HOME/languagetool/lib"
  if ls "$dest"/languagetool-server-*.jar >/dev/null 2>&1; then
    log "LanguageTool jars already in $dest"
    return
  fi
  mkdir -p "$dest"
  log "resolving LanguageTool jars into $dest"
  mvn -q -f "$REPO/newslint/languagetool/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$dest" -DincludeScope=runtime
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(python vale textlint languagetool)
fi
for t in "${targets[@]}"; do
  case "$t" in
    python|proselint) install_python ;;
    vale) install_vale ;;
    textlint) install_textlint ;;
    languagetool|lt) install_languagetool ;;
    *) echo "unknown target: $t (python, vale, textlint, languagetool)" >&2; exit 2 ;;
  esac
done
log "done; tools are under $BENCH_HOME"
