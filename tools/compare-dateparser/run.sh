#!/usr/bin/env bash
# marsad's time layer against dateparser on the gold articles (see compare.py). Not part of CI.
# Usage: tools/compare-dateparser/run.sh [--shared ../shared] [--reps 5]
# Makes a throwaway venv with dateparser (VENV, default /tmp/marsad-dateparser-venv) and builds
# marsad in release mode first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${VENV:-/tmp/marsad-dateparser-venv}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import dateparser" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet dateparser
fi
target="${CARGO_TARGET_DIR:-$root/target}"
(cd "$root" && cargo build --quiet --release -p marsad)
"$venv/bin/python" -c "import dateparser; print('dateparser', dateparser.__version__)"
exec "$venv/bin/python" "$here/compare.py" --marsad "$target/release/marsad" --shared "$root/../shared" "$@"
