// qvet for Node (>= 18): the same API; the .wasm beside this file is read with fs, since Node's
// fetch cannot load file: URLs.
import { readFile } from 'node:fs/promises';
import createQvetModule from './qvet.mjs';
import { makeValidator, moduleArguments } from './api.mjs';

let shared = null;

export async function createValidator(options) {
  const custom = options && (options.wasmBinary !== undefined || options.wasmUrl !== undefined);
  if (custom) {
    let args = moduleArguments(options);
    if (!args.wasmBinary) args = { wasmBinary: await readFile(new URL(String(options.wasmUrl))) };
    return makeValidator(await createQvetModule(args));
  }
  moduleArguments(options);  // type-checks the argument
  shared ??= readFile(new URL('./qvet.wasm', import.meta.url))
    .then((wasmBinary) => createQvetModule({ wasmBinary }))
    .then(makeValidator);
  try {
    return await shared;
  } catch (err) {
    shared = null;
    throw err;
  }
}
