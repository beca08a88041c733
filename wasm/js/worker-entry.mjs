// Runs inside a Web Worker: owns the validators and answers {id, method, args} messages. Started
// by worker.mjs; the first message may carry {init: {wasmBinary | wasmUrl}} (the full module's) or
// {init: {leanModule}} (the small module, compiled by the page).
//
// Without init it starts with the small module (qvet-lean.wasm: the OpenQASM 2 front end only),
// which is what a page needs for OpenQASM 2 and about half as much to fetch and compile; a call
// whose code is OpenQASM 3 or Python (the small module says so: frontEnd) goes to the full module,
// imported and // fetched the first time one comes. With init, the bytes or URL given are the full module's and
// only it is loaded.
import createLeanModule from './qvet-lean.mjs';
import { makeValidator, moduleArguments } from './api.mjs';

// A load that failed (offline, a bad URL) is tried again by the next call.
function once(load) {
  let promise = null;
  return () =>
    (promise ??= load().catch((err) => {
      promise = null;
      throw err;
    }));
}

let init;  // the first message's: bytes or a URL of the full module, or the small module compiled
// The small module: instantiated from the page's compiled copy when it sent one, else fetched.
const leanValidator = once(() => {
  const compiled = init?.leanModule;
  const args = compiled
    ? {
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled));
          return {};
        },
      }
    : moduleArguments(undefined, new URL('./qvet-lean.wasm', import.meta.url).href);
  return createLeanModule(args).then(makeValidator);
});
// With bytes or a URL, the caller chose the full module and only it is loaded.
const fullOnly = () => init?.wasmBinary !== undefined || init?.wasmUrl !== undefined;
const fullValidator = once(() => import('./index.mjs').then((m) => m.createValidator(init)));

// The validator for one call: the full one when the code needs a front end the small one lacks.
async function validatorFor(method, args) {
  if (fullOnly()) return fullValidator();
  const v = await leanValidator();
  if (method === 'hello') return v;
  const needsFull = (code, options, call) => {
    const front = v.frontEnd(code, options, call);
    return front === 'qasm3' || front === 'python';
  };
  const full =
    method === 'equivalent'
      ? args.some((code) => needsFull(code))
      : method === 'export'
        ? needsFull(args[0], args[2], 'validate')
        : (method === 'validate' || method === 'simulate') && needsFull(args[0], args[1], method);
  return full ? fullValidator() : v;
}

self.onmessage = async (event) => {
  const { id, method, args } = event.data;
  if (event.data.init) init = event.data.init;
  try {
    const v = await validatorFor(method, args);
    if (method === 'hello') {
      self.postMessage({ id, ok: true, result: { version: v.version, formats: v.formats, backends: v.backends, gates: v.gates } });
      return;
    }
    if (!['validate', 'simulate', 'export', 'equivalent'].includes(method)) throw new TypeError(`qvet: unknown method '${method}'`);
    self.postMessage({ id, ok: true, result: v[method](...args) });
  } catch (err) {
    self.postMessage({ id, ok: false, error: { name: err?.name ?? 'Error', message: err?.message ?? String(err) } });
  }
};
