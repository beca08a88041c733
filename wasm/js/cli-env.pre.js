// Linked into qvet-cli.cjs (--pre-js; wasm/CMakeLists.txt). Emscripten gives a program a made-up
// environment; the CLI reads the real one (GITHUB_ACTIONS picks the annotations, NO_COLOR,
// QVET_CACHE_DIR), copied into ENV before main runs, as the native CLI's getenv() sees it.
Module['preRun'] = (Module['preRun'] || []).concat([function () {
  for (var name in process.env) ENV[name] = process.env[name];
}]);
