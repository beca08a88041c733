// Runs inside a Web Worker: owns the validators and answers {id, method, args} messages. Started
// by worker.mjs; the first message may carry {init: {wasmBinary | wasmUrl}} (the full module's) or
// {init: {leanModule}} (the small module, compiled by the page), and {threadsUrl}.
//
// Without init it starts with the small module (qvet-lean.wasm: the OpenQASM 2 front end only),
// which is what a page needs for OpenQASM 2 and about half as much to fetch and compile; a call
// whose code is OpenQASM 3 or Python (the small module says so: frontEnd) goes to the full module,
// imported and fetched the first time one comes. With init, the bytes or URL given are the full
// module's and only it is loaded.
//
// A simulation on a cross-origin isolated page (SharedArrayBuffer is there) runs in the threaded
// module (qvet-threads.mjs: pthreads, a pool of one worker a core up to 8), loaded the first time;
// elsewhere, or if it cannot load, in the module above on this one thread. A call with
// {progress: true} is posted {id, progress} as it goes.
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
let threadsUrl;  // the first message's: where qvet-threads.mjs is, or false (never use it)
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

// The threaded module. Its name is a variable so that a bundler leaves the URL alone: the module
// finds its .wasm and .worker.js beside it, so it is served as published, not as a hashed asset.
const THREADS_FILE = 'qvet-threads.mjs';
const MAX_THREADS = 8;  // sim/pool.cpp's kMaxWasmThreads
const threadsValidator = once(async () => {
  const url = threadsUrl ? String(threadsUrl) : new URL(THREADS_FILE, import.meta.url).href;
  const { default: createThreadsModule } = await import(/* @vite-ignore */ url);
  const mod = await createThreadsModule({
    qvetPoolSize: Math.min(navigator.hardwareConcurrency || 1, MAX_THREADS) - 1,
    locateFile: (file) => new URL(file, url).href,
  });
  return makeValidator(mod);
});
const isolated = () => self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';

// The validator for one call: the threaded one for a simulation where it can run, else the full
// one when the code needs a front end the small one lacks.
async function validatorFor(method, args) {
  if (method === 'simulate' && threadsUrl !== false && isolated()) {
    try {
      return await threadsValidator();
    } catch (err) {
      console.warn('qvet: simulating on one thread; the threaded module did not load:', err?.message ?? err);
      threadsUrl = false;  // not again
    }
  }
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
        : Object.hasOwn(SERVICE_OPTIONS, method)
          ? needsFull(args[0], args[SERVICE_OPTIONS[method]], 'validate')
          : (method === 'validate' || method === 'simulate') && needsFull(args[0], args[1], method);
  return full ? fullValidator() : v;
}

// The language service's calls, and where their options are among the arguments: an OpenQASM 2
// document is answered by the small module, OpenQASM 3 and Python by the full one.
const SERVICE_OPTIONS = { hover: 3, completions: 3, definition: 3, references: 3, rename: 4, documentSymbols: 1 };
// What a page may call.
const METHODS = ['validate', 'simulate', 'export', 'equivalent', ...Object.keys(SERVICE_OPTIONS)];

self.onmessage = async (event) => {
  const { id, method, args, progress } = event.data;
  if (event.data.init) init = event.data.init;
  if ('threadsUrl' in event.data) threadsUrl = event.data.threadsUrl;
  try {
    const v = await validatorFor(method, args);
    if (method === 'hello') {
      self.postMessage({ id, ok: true, result: { version: v.version, formats: v.formats, backends: v.backends, gates: v.gates, codes: v.codes } });
      return;
    }
    if (!METHODS.includes(method)) throw new TypeError(`qvet: unknown method '${method}'`);
    const call = method === 'simulate' && progress ? [{ onProgress: (f) => self.postMessage({ id, progress: f }) }] : [];
    self.postMessage({ id, ok: true, result: v[method](...args, ...call) });
  } catch (err) {
    self.postMessage({ id, ok: false, error: { name: err?.name ?? 'Error', message: err?.message ?? String(err) } });
  }
};
