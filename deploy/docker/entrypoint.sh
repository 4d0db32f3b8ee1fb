#!/bin/sh
# The container's entrypoint: reads the dashboard password from a secret file when
# HUSH_WEB_PASSWORD_FILE names one (the Docker secrets convention), then runs the command.
set -eu
if [ -n "${HUSH_WEB_PASSWORD_FILE:-}" ]; then
  if [ ! -r "$HUSH_WEB_PASSWORD_FILE" ]; then
    echo "hush: HUSH_WEB_PASSWORD_FILE names $HUSH_WEB_PASSWORD_FILE, which cannot be read" >&2
    exit 1
  fi
  HUSH_WEB_PASSWORD="$(cat "$HUSH_WEB_PASSWORD_FILE")"
  export HUSH_WEB_PASSWORD
fi
exec "$@"
