// qvet/worker: the same API in a Web Worker, promise-based, so a page never blocks. A running call
// can be cancelled (an AbortSignal, or cancel()): the worker is terminated, the promise rejects with
// an AbortError, and the next call starts a fresh worker.

function abortError() {
  try {
    return new DOMException('qvet: the call was cancelled', 'AbortError');
  } catch {
    const e = new Error('qvet: the call was cancelled');
    e.name = 'AbortError';
    return e;
  }
}

export async function createWorkerValidator(options = {}) {
  const { createWorker, wasmBinary, wasmUrl, leanModule, threadsUrl } = options;
  if (threadsUrl !== undefined && threadsUrl !== false && typeof threadsUrl !== 'string' && !(threadsUrl instanceof URL)) {
    throw new TypeError('qvet: threadsUrl must be a string, a URL or false');
  }
  const spawn =
    createWorker ?? (() => new Worker(new URL('./worker-entry.mjs', import.meta.url), { type: 'module' }));
  let init = wasmBinary !== undefined ? { wasmBinary } : wasmUrl !== undefined ? { wasmUrl: String(wasmUrl) } : undefined;

  let worker = null;
  let nextId = 1;
  const pending = new Map();

  function start() {
    worker = spawn();
    worker.onmessage = (event) => {
      const { id, ok, result, error, progress } = event.data;
      const p = pending.get(id);
      if (!p) return;  // an answer for a cancelled call
      if (progress !== undefined) {
        try {
          p.onProgress(progress);
        } catch (err) {
          console.error('qvet: onProgress threw:', err);
        }
        return;
      }
      pending.delete(id);
      if (ok) p.resolve(result);
      else p.reject(Object.assign(error.name === 'TypeError' ? new TypeError(error.message) : new Error(error.message), { name: error.name }));
    };
    worker.onerror = (event) => {
      const err = new Error(`qvet: worker failed: ${event?.message ?? 'unknown error'}`);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      worker = null;
    };
    worker.started = false;
  }

  function stop() {
    if (worker) worker.terminate();
    worker = null;
    const err = abortError();
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  }

  function call(method, args, signal, onProgress) {
    if (signal?.aborted) return Promise.reject(abortError());
    if (onProgress !== undefined && typeof onProgress !== 'function') {
      return Promise.reject(new TypeError('qvet: onProgress must be a function'));
    }
    if (!worker) start();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      const message = { id, method, args };
      if (onProgress) message.progress = true;
      if (!worker.started) {
        message.init = init;
        if (threadsUrl !== undefined) message.threadsUrl = threadsUrl === false ? false : String(threadsUrl);
        worker.started = true;
      }
      worker.postMessage(message);
      signal?.addEventListener('abort', () => {
        if (pending.has(id)) stop();
      }, { once: true });
    });
  }

  // A page that compiled the small module itself (WebAssembly.compileStreaming as early as it can)
  // hands it over: the worker's script loads meanwhile, and the worker then only instantiates it.
  // If that compile failed, the worker fetches the module as it always does.
  if (leanModule !== undefined && init === undefined) {
    start();
    const compiled = await Promise.resolve(leanModule).catch(() => null);
    if (compiled instanceof WebAssembly.Module) init = { leanModule: compiled };
  }
  const { version, formats, backends, gates, codes } = await call('hello', []);
  return Object.freeze({
    version,
    formats,
    backends,
    gates,
    codes,
    validate: (code, opts, { signal } = {}) => call('validate', [code, opts], signal),
    simulate: (code, opts, { signal, onProgress } = {}) => call('simulate', [code, opts], signal, onProgress),
    export: (code, to, opts, { signal } = {}) => call('export', [code, to, opts], signal),
    equivalent: (a, b, { signal } = {}) => call('equivalent', [a, b], signal),
    hover: (code, line, column, opts, { signal } = {}) => call('hover', [code, line, column, opts], signal),
    completions: (code, line, column, opts, { signal } = {}) => call('completions', [code, line, column, opts], signal),
    definition: (code, line, column, opts, { signal } = {}) => call('definition', [code, line, column, opts], signal),
    references: (code, line, column, opts, includeDeclaration = true, { signal } = {}) =>
      call('references', [code, line, column, opts, includeDeclaration], signal),
    rename: (code, line, column, newName, opts, { signal } = {}) => call('rename', [code, line, column, newName, opts], signal),
    documentSymbols: (code, opts, { signal } = {}) => call('documentSymbols', [code, opts], signal),
    /** Cancels every running call. */
    cancel: stop,
    /** Stops the worker for good (a later call starts a new one). */
    terminate: stop,
  });
}
