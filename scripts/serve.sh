#!/usr/bin/env bash
# Serves build-web/site with Debian's nginx and deploy/nginx.conf, as the image does, on
# http://127.0.0.1:8080. Foreground; Ctrl-C stops it. With --background, prints the pid instead.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="$PWD/build-web/prefix"
mkdir -p "$prefix"
ln -sfn "$PWD/build-web/site" "$prefix/html"
nginx -t -q -p "$prefix/" -c "$PWD/deploy/nginx.conf"
if [ "${1:-}" = "--background" ]; then
  nginx -p "$prefix/" -c "$PWD/deploy/nginx.conf" -g 'daemon off;' > /dev/null 2> "$PWD/build-web/nginx.log" &
  echo $!
else
  echo "qvet is served at http://127.0.0.1:8080 (Ctrl-C stops it)"
  exec nginx -p "$prefix/" -c "$PWD/deploy/nginx.conf" -g 'daemon off;'
fi
