#!/usr/bin/env bash
# Builds the release site and serves it on http://127.0.0.1:8080 with a plain static server.
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
TRUNK_SKIP_VERSION_CHECK=true trunk build --release --offline
python="$(command -v /usr/bin/python3 || command -v python3)"
echo "Milcoop is served on http://127.0.0.1:8080/ (Ctrl-C stops it)"
exec "$python" -m http.server 8080 --bind 127.0.0.1 --directory dist
