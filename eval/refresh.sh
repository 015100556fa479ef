#!/usr/bin/env bash
# Refresh the committed results in eval/results/ (the explicit step: a plain `quotes eval`
# writes nothing into the repository). Each result file records the command that wrote it.
# Run from the repository root; the parse cache (~/.cache/quotes/parses) makes re-runs quick.
# Arguments: the results to refresh (default: all), e.g. `eval/refresh.sh wikinews-dev`.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A RUNS=(
  [wikinews-dev]="--corpus wikinews --split dev"
  [wikinews-dev-rules]="--corpus wikinews --split dev --method rules"
  [wikinews-train-5folds]="--corpus wikinews --split train --folds 5"
  [wikinews-train-5folds-rules]="--corpus wikinews --split train --folds 5 --method rules"
  [wikinews-dev-Direct]="--corpus wikinews --split dev --types Direct"
  [spkatt-trial]="--corpus spkatt --split trial"
  [spkatt-train]="--corpus spkatt --split train"
  [spkatt-train-5folds]="--corpus spkatt --split train --folds 5"
  [redewiedergabe-main]="--corpus redewiedergabe --split main"
  [redewiedergabe-main-5folds-learned]="--corpus redewiedergabe --split main --folds 5 --method learned"
)
ORDER=(wikinews-dev wikinews-dev-rules wikinews-train-5folds wikinews-train-5folds-rules wikinews-dev-Direct
       spkatt-trial spkatt-train spkatt-train-5folds redewiedergabe-main redewiedergabe-main-5folds-learned)

for name in "${@:-${ORDER[@]}}"; do
  [[ -n "${RUNS[$name]:-}" ]] || { echo "unknown result $name; one of ${ORDER[*]}" >&2; exit 2; }
  echo "== $name: quotes eval ${RUNS[$name]} --update-results" >&2
  started=$(date +%s)
  # shellcheck disable=SC2086
  python -m quotes eval ${RUNS[$name]} --update-results -q
  echo "== $name: $(( $(date +%s) - started )) s" >&2
done
