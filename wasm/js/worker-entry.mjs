// Runs inside a Web Worker: owns one validator and answers {id, method, args} messages. Started by
// worker.mjs; the first message may carry {init: {wasmBinary | wasmUrl}}.
import { createValidator } from './index.mjs';

let validator = null;

self.onmessage = async (event) => {
  const { id, method, args, init } = event.data;
  try {
    validator ??= createValidator(init);
    const v = await validator;
    if (method === 'hello') {
      self.postMessage({ id, ok: true, result: { version: v.version, formats: v.formats, backends: v.backends, gates: v.gates } });
      return;
    }
    if (!['validate', 'simulate', 'equivalent'].includes(method)) throw new TypeError(`qvet: unknown method '${method}'`);
    self.postMessage({ id, ok: true, result: v[method](...args) });
  } catch (err) {
    self.postMessage({ id, ok: false, error: { name: err?.name ?? 'Error', message: err?.message ?? String(err) } });
  }
};
