// The module survives bad calls and hostile input, and does not leak.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createValidator } from 'qvet';

const good = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n';
const hostile = [
  'OPENQASM 2.0;\nqreg q[1000000000000];\nh q;\n',
  `OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nrz(${'('.repeat(100000)}1${')'.repeat(100000)}) q[0];\n`,
  'OPENQASM 2.0;\0\0\0qreg q[2];',
  '\uFFFF\uD800garbage',
  'OPENQASM 4.0;\nqreg q[1];\n',
  'import os\nos.system("touch /tmp/qvet-robustness")\n',
  `from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\nx = ${'['.repeat(100000)}${']'.repeat(100000)}\n`,
  'from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\nfor i in range(10**15):\n    qc.h(0)\n',
  'from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\ns = "x" * 10**12\n',
  'gate g0 a { U(0,0,0) a; }\n' + Array.from({ length: 60 }, (_, i) => `gate g${i + 1} a { g${i} a; g${i} a; }`).join('\n') + '\nqreg q[1];\ng60 q[0];\n',
];

test('1,000 alternating bad and good calls leave the module working', async () => {
  const v = await createValidator();
  const bad = [
    () => v.validate(undefined),
    () => v.validate({}),
    () => v.simulate(good, { shots: 'many' }),
    () => v.validate(good, { limits: [] }),
    () => v.equivalent(good, 3),
  ];
  for (let i = 0; i < 1000; i++) {
    if (i % 2 === 0) {
      const kind = (i / 2) % (bad.length + hostile.length);
      if (kind < bad.length) assert.throws(bad[kind], TypeError);
      else assert.equal(v.validate(hostile[kind - bad.length]).valid, false);
    } else {
      const r = v.validate(good);
      assert.equal(r.valid, true);
      assert.equal(r.depth, 3);
    }
  }
  assert.equal(v.simulate(good, { shots: 100, seed: 1 }).simulation.ok, true);
});

// Every kind of answer the module gives: valid reports from each front end, each front end's
// errors, the core's own E100 (options it refuses), simulations that run and that stop (E502,
// E509), exports written and refused (E800), and the tools.
const bell3 = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n';
const bellPy = 'from qiskit import QuantumCircuit\nqc = QuantumCircuit(2, 2)\nqc.h(0)\nqc.cx(0, 1)\nqc.measure([0, 1], [0, 1])\n';
const paramPy = 'from qiskit import QuantumCircuit\nfrom qiskit.circuit import Parameter\nt = Parameter("t")\nqc = QuantumCircuit(1)\nqc.rx(t, 0)\n';
const loop3 = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nbit[1] c;\nc[0] = measure q[0];\nif (c[0]) x q[0];\n';
const calls = [
  (v) => v.validate(good),
  (v) => v.validate(bell3, { operations: true }),
  (v) => v.validate(bellPy),
  (v) => v.validate(good.replace('h q[0]', 'foo q[0]')),
  (v) => v.validate(bell3.replace('q[1];\nc', 'q[7];\nc')),
  (v) => v.validate(bellPy.replace('qc.h(0)', 'qc.h(9)')),
  (v) => v.validate(good, { backend: 'nope' }),
  (v) => v.validate(good, { backend: 'line-3' }),
  (v) => v.validate(hostile[0]),
  // A bound reached at once (the step budget takes a second: the 1,000-call test has it).
  (v) => v.validate('from qiskit import QuantumCircuit\nqc = QuantumCircuit(2)\nx = [0] * 10**12\n'),
  (v) => v.validate('import os\nos.system("true")\n'),
  (v) => v.export(bellPy, 'qasm3'),
  (v) => v.export(loop3, 'qasm2'),
  (v) => v.equivalent(good, good),
];
const simulations = [
  (v) => v.simulate(good, { shots: 64, seed: 3 }),
  (v) => v.simulate(bell3, { shots: 16, statevector: true }),
  (v) => v.simulate(loop3, { shots: 8 }),
  (v) => v.simulate(paramPy, { shots: 8 }),
  (v) => v.simulate(paramPy, { shots: 8, parameters: { t: 0.5 } }),
  (v) => v.simulate('OPENQASM 2.0;\nqreg q[40];\n', { shots: 1 }),
];

test('100,000 validations and 1,000 simulations of every kind leave the wasm heap flat', async () => {
  const v = await createValidator();
  // Warm up: caches and the heap's growth to its working size.
  for (let i = 0; i < 300; i++) calls[i % calls.length](v);
  for (let i = 0; i < 60; i++) simulations[i % simulations.length](v);
  const before = v.heapTop();
  const kinds = new Set();
  for (let i = 0; i < 100000; i++) {
    const r = calls[i % calls.length](v);
    if (i < calls.length) kinds.add(JSON.stringify([r.valid ?? r.ok ?? r.equivalent, (r.errors ?? []).length > 0]));
  }
  for (let i = 0; i < 1000; i++) simulations[i % simulations.length](v);
  const after = v.heapTop();
  assert.equal(after, before, `heap top moved from ${before} to ${after}`);
  assert.ok(kinds.size >= 3, 'valid, invalid and refused answers were all given');
  // ...and the module still answers as before.
  assert.equal(v.validate(good).depth, 3);
  assert.equal(v.simulate(good, { shots: 100, seed: 1 }).simulation.ok, true);
});
