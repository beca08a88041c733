// The package's surface: entry points, the validator object, the report contract, bad calls.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createValidator } from 'qvet';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const bell = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n';

test('createValidator returns the documented object, loading the module once', async () => {
  const v = await createValidator();
  assert.equal(typeof v.validate, 'function');
  assert.equal(typeof v.simulate, 'function');
  assert.equal(typeof v.equivalent, 'function');
  assert.equal(typeof v.export, 'function');
  assert.deepEqual([...v.formats], ['auto', 'qasm2', 'qasm3', 'python']);
  assert.equal(v.version, pkg.version);
  assert.ok(Object.isFrozen(v));
  assert.equal(await createValidator(), v, 'the default module is shared');
});

test('validate returns the report object with the old service fields', async () => {
  const v = await createValidator();
  const r = v.validate(bell);
  assert.equal(r.valid, true);
  assert.equal(r.depth, 3);
  assert.equal(r.qubits, 2);
  assert.equal(r.gates, 4);
  assert.deepEqual(r.gate_types, { measure: 2, h: 1, cx: 1 });
  assert.equal(r.estimated_execution_time, 0.34);
  assert.deepEqual(r.errors, []);
  assert.match(r.circuit_hash, /^[0-9a-f]{64}$/);
  const bad = v.validate('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nx q[7];\n');
  assert.equal(bad.valid, false);
  assert.equal(bad.diagnostics[0].code, 'E204');
  assert.equal(bad.diagnostics[0].line, 4);
  assert.equal(bad.diagnostics[0].column, 5);
});

test('options: strict, operations, limits', async () => {
  const v = await createValidator();
  assert.equal(v.validate('include "qelib1.inc";\nqreg q[1];\nh q[0];\n').valid, true);
  assert.equal(v.validate('include "qelib1.inc";\nqreg q[1];\nh q[0];\n', { strict: true }).valid, false);
  const ops = v.validate(bell, { operations: true }).operations;
  assert.equal(ops.length, 4);
  assert.deepEqual(ops[1], { name: 'cx', qubits: [0, 1], clbits: [], params: [], layer: 1, line: 6, column: 1 });
  const limited = v.validate('OPENQASM 2.0;\nqreg q[20];\n', { limits: { maxQubits: 10 } });
  assert.equal(limited.diagnostics[0].code, 'E402');
});

test('rules: codes switched off or made errors, in options and in the source\'s comments', async () => {
  const v = await createValidator();
  const src = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nqreg spare[1];\ncreg c[2];\nmeasure q -> c;\nh q[0];\n';
  const codes = (r) => r.diagnostics.map((d) => `${d.severity}:${d.code}`);
  assert.deepEqual(codes(v.validate(src)), ['warning:W202', 'warning:W204']);
  const off = v.validate(src, { rules: { disable: ['W204'] } });
  assert.deepEqual(codes(off), ['warning:W202']);
  assert.equal(off.suppressed_diagnostics, 1);
  const harsh = v.validate(src, { rules: { error: ['W202'] } });
  assert.equal(harsh.valid, false);
  assert.deepEqual(codes(harsh), ['error:W202', 'warning:W204']);
  assert.deepEqual(codes(v.validate(`${src}// qvet: disable W202, W204\n`)), []);
  // What the core refuses comes back as E100, saying why; a wrong type is a TypeError first.
  const refused = v.validate(src, { rules: { disable: ['E204'] } });
  assert.equal(refused.diagnostics[0].code, 'E100');
  assert.match(refused.diagnostics[0].message, /E204 is an error/);
  assert.throws(() => v.validate(src, { rules: { disable: 'W204' } }), TypeError);
  assert.throws(() => v.validate(src, { rules: { disabled: ['W204'] } }), /unknown rule 'disabled'/);
});

test('simulate tells onProgress the share done, rising to 1, and the counts do not change', async () => {
  const v = await createValidator();
  let code = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[10];\ncreg c[10];\n';
  for (let i = 0; i < 300; ++i) code += `${i % 2 ? 'cx' : 'h'} q[${i % 10}]${i % 2 ? `, q[${(i + 3) % 10}]` : ''};\n`;
  code += 'measure q -> c;\n';
  const seen = [];
  const r = v.simulate(code, { shots: 200, seed: 3 }, { onProgress: (f) => seen.push(f) });
  assert.ok(r.simulation.ok);
  assert.ok(seen.length >= 3 && seen.length <= 101, `${seen.length} calls`);
  assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
  assert.equal(seen.at(-1), 1);
  assert.ok(seen[0] > 0 && seen[0] < 1);
  assert.deepEqual(r.simulation.counts, v.simulate(code, { shots: 200, seed: 3 }).simulation.counts);
  // A hook that throws is reported, not thrown through the module, which stays usable.
  const errors = [];
  const original = console.error;
  console.error = (...args) => errors.push(args.join(' '));
  try {
    assert.ok(v.simulate(code, { shots: 10 }, { onProgress: () => { throw new Error('boom'); } }).simulation.ok);
  } finally {
    console.error = original;
  }
  assert.ok(errors.some((e) => /onProgress threw.*boom/.test(e)), errors.join('\n'));
  assert.throws(() => v.simulate(code, {}, { onProgress: 5 }), { name: 'TypeError', message: /onProgress must be a function/ });
  assert.throws(() => v.simulate(code, {}, 'fast'), { name: 'TypeError', message: /third argument must be an object/ });
  assert.equal(v.simulate(code, { shots: 5 }, {}).simulation.shots, 5);
});

test('simulate: seeded counts equal the native ones', async () => {
  const v = await createValidator();
  const r = v.simulate(bell, { shots: 1000, seed: 42 });
  assert.equal(r.simulation.ok, true);
  assert.deepEqual(r.simulation.counts, { '00': 506, '11': 494 });
  const sv = v.simulate('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nx q[0];\n', { statevector: true, paulis: ['Z'] });
  assert.deepEqual(sv.simulation.statevector, [[0, 0], [1, 0]]);
  assert.equal(sv.simulation.expectation_values.Z, -1);
  const big = v.simulate('OPENQASM 2.0;\nqreg q[25];\n');
  assert.equal(big.simulation.ok, false);
  assert.equal(big.simulation.error.code, 'E502', 'the WebAssembly cap is 24 qubits');
});

test('Qiskit Python: read statically, circuit chosen by name, Parameters bound to simulate', async () => {
  const v = await createValidator();
  const py = 'from qiskit import QuantumCircuit\nfrom qiskit.circuit import Parameter\nt = Parameter("t")\n' +
    'prep = QuantumCircuit(1)\nqc = QuantumCircuit(2, 2)\nqc.ry(t, 0)\nqc.cx(0, 1)\nqc.measure([0, 1], [0, 1])\n';
  const r = v.validate(py);
  assert.equal(r.valid, true);
  assert.equal(r.format, 'python');
  assert.equal(r.circuit, 'qc');
  assert.deepEqual(r.parameters, ['t']);
  assert.equal(r.depth, 3);
  assert.equal(r.warnings.length, 1, 'two circuits built: a warning says which is reported');
  assert.equal(v.validate(py, { circuit: 'prep' }).qubits, 1);
  assert.equal(v.validate('qreg q[1];', { format: 'python' }).format, 'python');
  const refused = v.validate('import os\nos.system("true")\n');
  assert.equal(refused.valid, false);
  assert.equal(refused.diagnostics[0].code, 'E603');
  assert.equal(refused.diagnostics[0].line, 1);
  assert.equal(v.simulate(py, { seed: 1 }).simulation.error.code, 'E509');
  const bound = v.simulate(py, { seed: 1, shots: 200, parameters: { t: Math.PI } });
  assert.deepEqual(bound.simulation.counts, { 11: 200 });
  assert.throws(() => v.validate(py, { circuit: 'not a name' }), TypeError);
  assert.throws(() => v.simulate(py, { parameters: { t: 'pi' } }), TypeError);
});

test('a tutorial file with def, if, compose, QFT and Aer run code: Qiskit\'s figures, the run code as infos', async () => {
  const v = await createValidator();
  const src = readFileSync(new URL('../../examples/qft_on_aer.py', import.meta.url), 'utf8');
  const r = v.validate(src);
  assert.equal(r.valid, true);
  assert.equal(r.circuit, 'circuit');
  assert.deepEqual(r.gate_types, { measure: 4, x: 2, barrier: 1, QFT: 1 });
  assert.equal(r.depth, 3);
  assert.equal(r.size, 7);
  const infos = r.diagnostics.filter((d) => d.severity === 'info');
  assert.deepEqual([...new Set(infos.map((d) => d.code))], ['I601']);
  assert.equal(infos.length, 3, 'one info per kind of run code: simulator, transpile, plot');
  const sim = infos.find((d) => /simulator/.test(d.message));
  assert.ok(sim && src.split('\n')[sim.line - 1].includes('AerSimulator()'), 'the first simulator line');
  // A notebook of the same code, one cell per part: the diagnostics name the cell.
  const cells = src.split('\n\n').map((part) => ({ cell_type: 'code', metadata: {}, source: part.split(/(?<=\n)/) }));
  const nb = v.validate(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
  assert.equal(nb.valid, true);
  assert.deepEqual(nb.gate_types, r.gate_types);
  assert.ok(nb.diagnostics.every((d) => d.cell >= 1), 'every diagnostic names its cell');
});

test('backends: the profile list, a named device, a configuration object, and bad ones', async () => {
  const v = await createValidator();
  const names = v.backends.map((b) => b.name);
  assert.ok(names.includes('eagle-r3') && names.includes('heron-r2') && names.includes('line-N'));
  assert.ok(v.backends.find((b) => b.name === 'eagle-r3').devices.includes('ibm_brisbane'));
  const r = v.validate(bell, { backend: 'ibm_brisbane' });
  assert.equal(r.valid, true);
  assert.equal(r.backend.fits, true);
  assert.equal(r.backend.connectivity.layout_status, 'as written');
  assert.deepEqual(r.backend.translations.map((t) => [t.gate, t.basis_gates_each]), [['h', 3], ['cx', 4]]);
  assert.ok(Math.abs(r.backend.estimated_duration_seconds - 806.9e-9) < 1e-12);
  assert.equal(r.estimated_execution_time, r.backend.estimated_duration_seconds);
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['W701', 'W701']);
  const toy = { backend_name: 'toy', n_qubits: 2, basis_gates: ['cx', 'rz', 'sx', 'x'], coupling_map: [[0, 1], [1, 0]] };
  assert.equal(v.validate(bell, { backend: toy }).backend.name, 'toy');
  const tooSmall = v.validate(bell, { backend: 'line-1' });
  assert.equal(tooSmall.valid, false);
  assert.equal(tooSmall.diagnostics[0].code, 'E701');
  assert.equal(v.validate(bell, { backend: 'ibm_nowhere' }).diagnostics[0].code, 'E100');
  assert.equal(v.validate(bell, { backend: { n_qubits: 2 } }).diagnostics[0].code, 'E100');
  assert.throws(() => v.validate(bell, { backend: 7 }), TypeError);
});

test('equivalent up to a global phase', async () => {
  const v = await createValidator();
  const head = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\n';
  const e = v.equivalent(head + 'rz(0.5) q[0];\n', head + 'u1(0.5) q[0];\n');
  assert.equal(e.equivalent, true);
  assert.ok(Math.abs(e.global_phase - 0.25) < 1e-12);
  assert.equal(e.error, null);
  const sizes = v.equivalent(head, 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\n');
  assert.equal(sizes.ok, false);
  assert.equal(sizes.error.code, 'E512');
  // One error shape (a report's diagnostic may also carry its optional fixes).
  const shape = Object.keys(v.validate('x').diagnostics[0]).filter((k) => k !== 'fixes');
  assert.deepEqual(Object.keys(sizes.error), shape, 'one error shape');
  assert.equal(v.equivalent(head + 'x q[0];\n', head + 'h q[0];\n').equivalent, false);
});

test('export: Qiskit Python becomes OpenQASM 2 and 3 that validate with the same figures', async () => {
  const v = await createValidator();
  const py = 'from qiskit import QuantumCircuit\nqc = QuantumCircuit(2, 2)\nqc.h(0)\nqc.cx(0, 1)\nqc.rzz(0.5, 0, 1)\n' +
    'qc.measure([0, 1], [0, 1])\n';
  const source = v.validate(py);
  for (const to of ['qasm2', 'qasm3']) {
    const e = v.export(py, to);
    assert.equal(e.ok, true, JSON.stringify(e.errors));
    assert.equal(e.format, to);
    assert.equal(e.source_format, 'python');
    assert.deepEqual(e.renamed, []);
    assert.match(e.code, to === 'qasm3' ? /^OPENQASM 3\.0;\ninclude "stdgates.inc";/ : /^OPENQASM 2\.0;\ninclude "qelib1.inc";/);
    const back = v.validate(e.code, { format: to });
    assert.equal(back.valid, true);
    for (const k of ['qubits', 'clbits', 'gates', 'depth', 'size']) assert.equal(back[k], source[k], `${to}: ${k}`);
    assert.deepEqual(back.gate_types, source.gate_types, to);
  }
  // What the target cannot say is an E800, and nothing is written.
  const loop = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nbit[1] c;\nc[0] = measure q[0];\nif (c[0]) x q[0];\n';
  const refused = v.export(loop, 'qasm2');
  assert.equal(refused.ok, false);
  assert.equal(refused.code, null);
  assert.deepEqual(refused.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.line]), [['E800', 6]]);
  assert.equal(v.export('qreg q[1];\nh q[5];\n', 'qasm3').errors.length > 0, true);
  assert.throws(() => v.export(py, 'qasm4'), { name: 'TypeError', message: "qvet: export target must be 'qasm2' or 'qasm3', got 'qasm4'" });
  assert.throws(() => v.export(py), { name: 'TypeError', message: /got undefined/ });
  assert.throws(() => v.export(py, 'qasm3', { shots: 3 }), { name: 'TypeError', message: /unknown export option 'shots'/ });
});

test('bad calls are TypeErrors with a clear message', async () => {
  const v = await createValidator();
  assert.throws(() => v.validate(), { name: 'TypeError', message: /code must be a string.*got undefined/ });
  assert.throws(() => v.validate(42), { name: 'TypeError', message: /got number/ });
  assert.throws(() => v.validate(bell, 'strict'), { name: 'TypeError', message: /options must be an object/ });
  assert.throws(() => v.validate(bell, { strcit: true }), { name: 'TypeError', message: /unknown validate option 'strcit'/ });
  assert.throws(() => v.simulate(bell, { shots: -1 }), { name: 'TypeError', message: /'shots' must be a non-negative integer/ });
  assert.throws(() => v.simulate(bell, { shots: 1.5 }), TypeError);
  assert.throws(() => v.validate(bell, { format: 'qasm4' }), { message: /must be one of auto, qasm2, qasm3, python/ });
  assert.throws(() => v.validate(bell, { limits: { maxQbits: 3 } }), { message: /unknown limit 'maxQbits'/ });
  assert.throws(() => v.equivalent(bell), { message: /second circuit must be a string/ });
  await assert.rejects(createValidator(7), TypeError);
  await assert.rejects(createValidator({ wasmBinary: 'nope' }), TypeError);
});

test('the package passes bytes or a URL for the wasm', async () => {
  const bytes = readFileSync(new URL('../../dist/qvet.wasm', import.meta.url));
  const a = await createValidator({ wasmBinary: bytes });
  assert.equal(a.validate(bell).depth, 3);
  const b = await createValidator({ wasmUrl: new URL('../../dist/qvet.wasm', import.meta.url) });
  assert.equal(b.validate(bell).depth, 3);
});

test('typings and exports are shipped', () => {
  assert.equal(pkg.exports['.'].types, './dist/index.d.ts');
  const dts = readFileSync(new URL('../../dist/index.d.ts', import.meta.url), 'utf8');
  for (const name of ['createValidator', 'Report', 'SimulateOptions', 'Validator']) assert.match(dts, new RegExp(name));
  const wdts = readFileSync(new URL('../../dist/worker.d.ts', import.meta.url), 'utf8');
  assert.match(wdts, /createWorkerValidator/);
});

// The gate table reaches the package: every gate it lists is one the core reads, under that name,
// and reports under its Qiskit name, so a row added to the core appears here with no other edit.
test('gates: the core\'s gate table, each gate readable and reported by its Qiskit name', async () => {
  const v = await createValidator();
  assert.ok(Object.isFrozen(v.gates) && v.gates.length >= 50);
  const byName = new Map(v.gates.map((g) => [g.name, g]));
  assert.deepEqual({ ...byName.get('cx') }, {
    name: 'cx', qiskit_name: 'cx', aliases: [], params: 0, qubits: 2, target_qubits: 1, controlled: true, kernel: 'controlled', label: 'x',
    inverse: 'cx', controlled_form: 'ccx', openqasm2: 'qelib1', python_method: 'cx', python_class: 'CXGate',
  });
  assert.equal(byName.get('cswap').target_qubits, 2);
  assert.equal(byName.get('swap').controlled, false);
  assert.deepEqual(byName.get('p').aliases, ['phase']);
  assert.equal(byName.get('iswap').openqasm2, null);
  let checked = 0;
  for (const g of v.gates) {
    if (g.qubits === 0 || g.openqasm2 === 'builtin') continue;
    const params = Array.from({ length: g.params }, (_, i) => (0.25 * (i + 1)).toString());
    const qubits = Array.from({ length: g.qubits }, (_, i) => i);
    const code = g.openqasm2
      ? `OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[${g.qubits}];\n${g.name}${g.params ? `(${params})` : ''} ${qubits.map((q) => `q[${q}]`)};\n`
      : `from qiskit import QuantumCircuit\nqc = QuantumCircuit(${g.qubits})\nqc.${g.python_method}(${[...params, ...qubits]})\n`;
    const r = v.validate(code, { operations: true });
    assert.equal(r.valid, true, `${g.name}: ${JSON.stringify(r.errors)}`);
    assert.deepEqual(r.gate_types, { [g.qiskit_name]: 1 }, g.name);
    assert.equal(r.operations[0].qubits.length, g.qubits, g.name);
    checked++;
  }
  assert.ok(checked >= 45, `${checked} gates read back`);
});

test('codes: the core\'s code table, each with its severity, origins and documentation', async () => {
  const v = await createValidator();
  assert.ok(Object.isFrozen(v.codes) && v.codes.length > 90);
  const w214 = v.codes.find((c) => c.code === 'W214');
  assert.deepEqual({ ...w214, origins: [...w214.origins] }, {
    code: 'W214', severity: 'warning', title: 'measurement of an untouched qubit', origins: ['qasm2', 'qasm3', 'python'],
    off_by_default: true, strict_error: false, retired: false, docs: `${pkg.homepage}/blob/main/docs/diagnostics.md#w214`,
  });
  // Every code a report gives is in the table, with the report's severity.
  const r = v.validate('OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\ncreg c[1];\nmeasure q -> c;\nh q[0];\nx q[3];\n');
  for (const d of r.diagnostics) assert.equal(v.codes.find((c) => c.code === d.code)?.severity, d.severity, d.code);
  // The docs name every code of the table (its row's anchor).
  const doc = readFileSync(new URL('../../docs/diagnostics.md', import.meta.url), 'utf8');
  for (const c of v.codes) assert.ok(doc.includes(`<a id="${c.docs.split('#')[1]}"></a>${c.code}`), c.code);
});

test('the language service: hover, completions, definition, references, rename, outline', async () => {
  const v = await createValidator();
  const src = 'OPENQASM 2.0;\ninclude "qelib1.inc";\ngate bell a, b { h a; cx a, b; }\nqreg q[2];\ncreg c[2];\nbell q[0], q[1];\nmeasure q -> c;\n';
  const h = v.hover(src, 6, 2);
  assert.deepEqual(h.span, { line: 6, column: 1, end_line: 6, end_column: 5 });
  assert.match(h.markdown, /^```qasm\ngate bell a, b \{ h a; cx a, b; \}\n```\nThe program's gate: 0 parameters, 2 qubits\.$/);
  assert.equal(v.hover(src, 1, 1), null);
  const items = v.completions(src + 'be', 8, 3);
  assert.deepEqual(items.find((c) => c.label === 'bell'), { label: 'bell', kind: 'gate', detail: 'a, b' });
  assert.deepEqual(v.definition(src, 7, 9), [{ line: 4, column: 6, end_line: 4, end_column: 7 }]);
  assert.equal(v.references(src, 4, 6).length, 4);  // qreg q, q[0], q[1], measure q
  assert.equal(v.references(src, 4, 6, {}, false).length, 3);
  const r = v.rename(src, 4, 6, 'data');
  assert.equal(r.ok, true);
  assert.equal(r.error, null);
  assert.equal(r.edits.length, 4);
  assert.deepEqual(v.rename(src, 6, 1, 'x'), { ok: false, error: "'x' is a standard gate's name", edits: [] });
  const outline = v.documentSymbols(src);
  assert.deepEqual(outline.map((s) => [s.name, s.kind, s.parent]), [['bell', 'gate', null], ['a', 'qubit', 0], ['b', 'qubit', 0],
    ['q', 'qreg', null], ['c', 'creg', null]]);
  // The format option is validate's; bad positions and names are TypeErrors.
  assert.equal(v.documentSymbols(src, { format: 'python' }).length, 0);
  assert.throws(() => v.hover(src, 0, 1), /hover's line must be a whole number from 1/);
  assert.throws(() => v.rename(src, 1, 1, 7), /rename's new name must be a string/);
  assert.throws(() => v.completions(src, 1, 1, { nope: 1 }), /unknown completions option 'nope'/);
});
