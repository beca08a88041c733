// qvet/worker: the same API, promise-based, with cancellation. Node has no Web Worker, so the test
// runs the real worker entry in a worker thread behind the browser Worker interface.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { createWorkerValidator } from 'qvet/worker';

const wasmBinary = readFileSync(new URL('../../dist/qvet.wasm', import.meta.url));
const createWorker = () => {
  const w = new Worker(new URL('../helpers/node-worker-shim.mjs', import.meta.url));
  return {
    postMessage: (m) => w.postMessage(m),
    terminate: () => w.terminate(),
    set onmessage(fn) {
      w.on('message', (data) => fn({ data }));
    },
    set onerror(fn) {
      w.on('error', (e) => fn(e));
    },
  };
};
const bell = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n';

function slowCircuit() {
  let s = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[20];\ncreg c[1];\n';
  for (let i = 0; i < 400; i++) s += `h q[${i % 20}];\ncx q[${i % 20}], q[${(i + 1) % 20}];\n`;
  return s + 'measure q[0] -> c[0];\nh q[0];\n';  // mid-circuit: one trajectory per shot
}

test('the worker answers with the same reports', async () => {
  const w = await createWorkerValidator({ createWorker, wasmBinary });
  try {
    assert.deepEqual([...w.formats], ['auto', 'qasm2', 'python']);
    assert.ok(w.backends.some((b) => b.name === 'eagle-r3'), 'the worker lists the backends too');
    assert.ok(w.gates.some((g) => g.name === 'c3sqrtx' && g.qiskit_name === 'c3sx'), 'and the gate table');
    const r = await w.validate(bell);
    assert.equal(r.depth, 3);
    const s = await w.simulate(bell, { shots: 1000, seed: 42 });
    assert.deepEqual(s.simulation.counts, { '00': 506, '11': 494 });
    await assert.rejects(w.validate(5), { name: 'TypeError', message: /code must be a string/ });
    assert.equal((await w.validate(bell)).valid, true, 'usable after a bad call');
  } finally {
    w.terminate();
  }
});

test('a running simulation can be cancelled, and the next call works', async () => {
  const w = await createWorkerValidator({ createWorker, wasmBinary });
  try {
    const controller = new AbortController();
    const started = Date.now();
    const running = w.simulate(slowCircuit(), { shots: 200 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(running, { name: 'AbortError' });
    assert.ok(Date.now() - started < 2000, 'cancelled promptly');
    const r = await w.validate(bell);
    assert.equal(r.valid, true);
  } finally {
    w.terminate();
  }
});
