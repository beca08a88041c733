// qvet/worker: the same API, promise-based, with cancellation. Node has no Web Worker, so the test
// runs the real worker entry in a worker thread behind the browser Worker interface.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { createWorkerValidator } from 'qvet/worker';

const wasmBinary = readFileSync(new URL('../../dist/qvet.wasm', import.meta.url));
// `fetched` collects the file names the worker reads (the shim reports them).
const createWorker = (fetched = []) => {
  const w = new Worker(new URL('../helpers/node-worker-shim.mjs', import.meta.url));
  return {
    postMessage: (m) => w.postMessage(m),
    terminate: () => w.terminate(),
    set onmessage(fn) {
      w.on('message', (data) => (data.fetched ? fetched.push(data.fetched.split('/').pop()) : fn({ data })));
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
    assert.deepEqual([...w.formats], ['auto', 'qasm2', 'qasm3', 'python']);
    assert.ok(w.backends.some((b) => b.name === 'eagle-r3'), 'the worker lists the backends too');
    assert.ok(w.gates.some((g) => g.name === 'c3sqrtx' && g.qiskit_name === 'c3sx'), 'and the gate table');
    const r = await w.validate(bell);
    assert.equal(r.depth, 3);
    const s = await w.simulate(bell, { shots: 1000, seed: 42 });
    assert.deepEqual(s.simulation.counts, { '00': 506, '11': 494 });
    await assert.rejects(w.validate(5), { name: 'TypeError', message: /code must be a string/ });
    assert.equal((await w.validate(bell)).valid, true, 'usable after a bad call');
    // The code table and the language service, through the worker.
    assert.ok(w.codes.some((c) => c.code === 'W604' && c.severity === 'warning'));
    assert.match((await w.hover(bell, 5, 1)).markdown, /Standard gate: 0 parameters, 1 qubit; Qiskit's `h`/);
    assert.ok((await w.completions(bell, 3, 1)).some((c) => c.label === 'cx'));
    assert.deepEqual(await w.definition(bell, 7, 9), [{ line: 3, column: 6, end_line: 3, end_column: 7 }]);
    assert.equal((await w.references(bell, 3, 6, {}, false)).length, 4);
    assert.equal((await w.rename(bell, 3, 6, 'r')).edits.length, 5);
    assert.deepEqual((await w.documentSymbols(bell)).map((x) => x.name), ['q', 'c']);
  } finally {
    w.terminate();
  }
});

test('the worker posts a simulation\'s progress as it runs', async () => {
  const w = await createWorkerValidator({ createWorker, wasmBinary });
  try {
    const seen = [];
    const r = await w.simulate(slowCircuit(), { shots: 20, seed: 1 }, { onProgress: (f) => seen.push(f) });
    assert.ok(r.simulation.ok);
    assert.equal(r.simulation.method, 'trajectories');
    assert.ok(seen.length >= 10, `${seen.length} progress messages`);
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
    assert.equal(seen.at(-1), 1);
    const plain = await w.simulate(slowCircuit(), { shots: 20, seed: 1 });
    assert.deepEqual(plain.simulation.counts, r.simulation.counts);
    await assert.rejects(w.simulate(bell, {}, { onProgress: 'x' }), { name: 'TypeError' });
  } finally {
    w.terminate();
  }
});

test('a page that compiled the small module hands it over: the worker fetches nothing for OpenQASM', async () => {
  const fetched = [];
  const leanModule = WebAssembly.compile(readFileSync(new URL('../../dist/qvet-lean.wasm', import.meta.url)));
  const w = await createWorkerValidator({ createWorker: () => createWorker(fetched), leanModule });
  try {
    assert.equal((await w.validate(bell)).depth, 3);
    assert.deepEqual((await w.simulate(bell, { shots: 1000, seed: 42 })).simulation.counts, { '00': 506, '11': 494 });
    assert.deepEqual(fetched, [], 'the worker only instantiated the module it was given');
    // A cancelled call starts a fresh worker, which gets the compiled module again.
    w.cancel();
    assert.equal((await w.validate(bell)).valid, true);
    assert.deepEqual(fetched, []);
  } finally {
    w.terminate();
  }
  // A compile that failed leaves the worker to fetch the module itself.
  const fallback = [];
  const v = await createWorkerValidator({ createWorker: () => createWorker(fallback), leanModule: Promise.reject(new Error('offline')) });
  try {
    assert.equal((await v.validate(bell)).depth, 3);
    assert.deepEqual(fallback, ['qvet-lean.wasm']);
  } finally {
    v.terminate();
  }
});

test('by default the worker starts on the small module and loads the full one for OpenQASM 3 and Python', async () => {
  const fetched = [];
  const w = await createWorkerValidator({ createWorker: () => createWorker(fetched) });
  try {
    assert.deepEqual([...w.formats], ['auto', 'qasm2', 'qasm3', 'python'], 'the small module still lists every format');
    assert.equal((await w.validate(bell)).depth, 3);
    assert.deepEqual((await w.simulate(bell, { shots: 1000, seed: 42 })).simulation.counts, { '00': 506, '11': 494 });
    assert.deepEqual(fetched, ['qvet-lean.wasm'], 'OpenQASM needs only the small module');
    const py = 'from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\nqc.h(0)\nqc.cx(0, 1)\nqc.measure_all()\n';
    const r = await w.validate(py);
    assert.equal(r.format, 'python');
    assert.equal(r.valid, true, JSON.stringify(r.diagnostics));
    assert.equal(r.depth, 3);  // the barrier measure_all adds does not count (Qiskit's depth)
    assert.deepEqual(fetched, ['qvet-lean.wasm', 'qvet.wasm'], 'Python loads the full module once');
    // Told to read Python, by option or in a simulation or a comparison, the same way.
    // (the full front end's E604, not the small module's E617)
    const told = await w.validate('qc = QuantumCircuit(1)\nqc.x(0)\n', { format: 'python' });
    assert.deepEqual(told.diagnostics.map((d) => d.code), ['E604']);
    assert.deepEqual((await w.simulate(py, { shots: 100, seed: 1 })).simulation.shots, 100);
    assert.equal((await w.equivalent(bell.replace('measure q -> c;\n', ''), 'from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\nqc.h(0)\nqc.cx(0, 1)\n')).equivalent, true);
    assert.equal((await w.validate(bell)).depth, 3, 'OpenQASM still answered');
    // OpenQASM 3 is read by the full module too (the full reader's figures, not the small module's E618).
    const three = await w.validate('OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nh q[0];\nctrl @ x q[0], q[1];\n');
    assert.equal(three.format, 'qasm3');
    assert.equal(three.valid, true, JSON.stringify(three.diagnostics));
    assert.deepEqual(three.gate_types, { h: 1, cx: 1 });
    assert.deepEqual(fetched, ['qvet-lean.wasm', 'qvet.wasm'], 'each module fetched once');
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
