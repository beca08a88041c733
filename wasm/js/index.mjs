// qvet for browsers and workers: `import { createValidator } from "qvet"`. No Node built-ins here.
// The .wasm is found next to this file through import.meta.url (bundlers copy it as an asset), or
// passed as bytes ({ wasmBinary }) or a URL ({ wasmUrl }). It is fetched and compiled once.
import createQvetModule from './qvet.mjs';
import { makeValidator, moduleArguments } from './api.mjs';

let shared = null;

export async function createValidator(options) {
  const custom = options && (options.wasmBinary !== undefined || options.wasmUrl !== undefined);
  const args = moduleArguments(options, new URL('./qvet.wasm', import.meta.url).href);
  if (custom) return makeValidator(await createQvetModule(args));
  shared ??= createQvetModule(args).then(makeValidator);
  try {
    return await shared;
  } catch (err) {
    shared = null;  // a failed load (offline, bad URL) may be retried
    throw err;
  }
}
