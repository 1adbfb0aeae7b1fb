#!/usr/bin/env bash
# The CI step of the Flux setup (README.md): fail when the rendered output committed in a mesh package is stale.
#   examples/flux/render.sh [PACKAGE]           check: writes nothing, prints a diff, exit code 1 when stale
#   examples/flux/render.sh [PACKAGE] --write   render in place, then commit (locally, or a job that pushes back)
# PACKAGE defaults to examples/flux/mesh (bookinfo, rendered and committed); `multicluster-routes` must be on PATH.
set -euo pipefail

package="${1:-examples/flux/mesh}"
case "${2:-}" in
  "") exec multicluster-routes files "$package" --check ;;
  --write) exec multicluster-routes files "$package" ;;
  *) echo "usage: $0 [PACKAGE] [--write]" >&2; exit 2 ;;
esac
