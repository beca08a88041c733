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

test('10,000 validations leave the wasm heap flat', async () => {
  const v = await createValidator();
  const mixed = [good, hostile[0], hostile[2], good.replace('h q[0]', 'foo q[0]')];
  for (let i = 0; i < 200; i++) v.validate(mixed[i % mixed.length]);  // warm up: caches, heap growth
  const before = v.heapTop();
  for (let i = 0; i < 10000; i++) v.validate(mixed[i % mixed.length], i % 3 === 0 ? { operations: true } : undefined);
  const after = v.heapTop();
  assert.equal(after, before, `heap top moved from ${before} to ${after}`);
});
