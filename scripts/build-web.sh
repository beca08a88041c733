#!/usr/bin/env bash
# Builds the page into build-web/site: Vite bundles web/ with the package from dist/, then a
# service worker listing every asset is written, and every text asset gets a .gz twin for
# nginx's gzip_static, precompressed once with zopfli (plain gzip, ~5% smaller than gzip -9; any
# browser inflates it) instead of per request; gzip -9 where zopfli is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/qvet-threads.wasm ] || bash scripts/build-wasm.sh
node_modules/.bin/vite build --config web/vite.config.mjs --logLevel warn
# The threaded module, as published: it finds its .wasm and .worker.js beside it, so it is not a
# hashed asset (the page tells the worker where it is: web/src/main.mjs).
mkdir -p build-web/site/threads
cp dist/qvet-threads.mjs dist/qvet-threads.wasm dist/qvet-threads.worker.js build-web/site/threads/
node scripts/write-sw.mjs build-web/site "$(node -p 'require("./package.json").version')"
find build-web/site -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.css' -o -name '*.html' -o -name '*.wasm' -o -name '*.json' -o -name '*.svg' \) \
  -print0 | while IFS= read -r -d '' f; do
  if command -v zopfli > /dev/null; then zopfli --i15 "$f"; else gzip -9 -k -f "$f"; fi
done
echo "build-web/site: $(find build-web/site -type f ! -name '*.gz' | wc -l) files"
