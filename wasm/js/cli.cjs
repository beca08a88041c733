#!/usr/bin/env node
// `npx qvet`: the qvet command-line tool, compiled to WebAssembly from the same cli/ sources as the
// native one (qvet-cli.wasm, on Node's own file system), so it takes the same commands and flags,
// prints the same output and exits with the same codes: 0 valid, 1 invalid, 2 usage or I/O error.
'use strict';
// The module reads its .wasm beside it with fs; Node's fetch would be tried first and cannot
// load a path.
globalThis.fetch = undefined;
require('./qvet-cli.cjs');
