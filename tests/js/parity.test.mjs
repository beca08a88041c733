// Native/WASM parity: for every circuit the C++ tests validate (replayed from their helpers) and
// every corpus circuit present, the package's report equals the CLI's --json report.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createValidator } from 'qvet';
import createLeanModule from '../../dist/qvet-lean.mjs';
import { makeValidator } from '../../dist/api.mjs';
import { cli, cliExport, cliReports, cliSimulate, corpusFiles, cppFixtures, nativeTests, root } from '../helpers/native.mjs';

const haveNative = existsSync(cli) && existsSync(nativeTests);
const utf8 = new TextDecoder('utf-8', { fatal: true });

// A JavaScript string cannot hold bytes that are not UTF-8, so those few hostile fixtures (NUL is
// fine; invalid UTF-8 is not) can only be compared natively.
function text(file) {
  try {
    return utf8.decode(readFileSync(file));
  } catch {
    return null;
  }
}

test('reports equal the CLI for every C++ test circuit', { skip: !haveNative && 'native build absent' }, async () => {
  const v = await createValidator();
  const { plain, ops } = cppFixtures();
  assert.ok(plain.length > 150, `expected the C++ tests' circuits, got ${plain.length}`);
  for (const [files, flags, options] of [[plain, [], {}], [ops, ['--ops'], { operations: true }]]) {
    const native = cliReports(files, flags);
    let skipped = 0;
    for (const file of files) {
      const src = text(file);
      if (src === null) {
        skipped++;
        continue;
      }
      assert.deepEqual(v.validate(src, options), native.get(file), file);
    }
    assert.ok(skipped <= 5, `${skipped} fixtures were not UTF-8`);
  }
});

test('reports equal the CLI for every corpus circuit', async (t) => {
  const files = corpusFiles();
  if (!haveNative || files.length === 0) return t.skip('corpus or native build absent');
  const v = await createValidator();
  const native = cliReports(files);
  for (const file of files) assert.deepEqual(v.validate(readFileSync(file, 'utf8')), native.get(file), file);
  assert.equal(files.length, 121);
});

test('exports equal the CLI\'s for every corpus circuit and Python test file, in both languages', async (t) => {
  const python = readdirSync(join(root, 'tests', 'data', 'python')).filter((f) => f.endsWith('.py')).map((f) => join(root, 'tests', 'data', 'python', f));
  const three = join(root, '..', 'shared', 'corpus', 'openqasm3-examples');
  const examples = existsSync(three) ? readdirSync(three).filter((f) => f.endsWith('.qasm')).map((f) => join(three, f)) : [];
  const files = [...corpusFiles().filter((f) => statSync(f).size < (1 << 20)), ...examples, ...python];
  if (!haveNative) return t.skip('native build absent');
  const v = await createValidator();
  let written = 0;
  for (const file of files) {
    for (const to of ['qasm2', 'qasm3']) {
      const native = cliExport(file, to);
      assert.deepEqual(v.export(readFileSync(file, 'utf8'), to), native, `${file} to ${to}`);
      if (native.ok) written++;
    }
  }
  assert.ok(written > 150, `${written} exports written`);
});

// The worker's small first module (the OpenQASM 2 front end only) must answer exactly as the full
// module for everything it reads, and hand everything else back (E617 for Python, E618 for
// OpenQASM 3) rather than misread it.
test('the small module (qvet-lean) equals the full one on OpenQASM 2 and refuses the rest', async () => {
  const full = await createValidator();
  const lean = makeValidator(await createLeanModule({ wasmBinary: readFileSync(new URL('../../dist/qvet-lean.wasm', import.meta.url)) }));
  const files = [...corpusFiles(), ...(haveNative ? cppFixtures().plain : [])];
  let qasm = 0, python = 0, three = 0;
  for (const file of files) {
    const src = text(file);
    if (src === null) continue;
    const front = lean.frontEnd(src);
    assert.equal(full.frontEnd(src), front, file);
    if (front === 'qasm3') {
      three++;
      assert.deepEqual(lean.validate(src).diagnostics.map((d) => d.code), ['E618'], file);
      continue;
    }
    if (lean.readsAsPython(src)) {
      python++;
      assert.equal(full.readsAsPython(src), true);
      // An unreadable notebook (E614) is refused before any front end, so alike in both.
      const f = full.validate(src);
      if (f.diagnostics.some((d) => d.code === 'E614')) assert.deepEqual(lean.validate(src), f, file);
      else assert.deepEqual(lean.validate(src).diagnostics.map((d) => d.code), ['E617'], file);
      continue;
    }
    qasm++;
    assert.deepEqual(lean.validate(src), full.validate(src), file);
  }
  const bell = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n';
  assert.deepEqual(lean.simulate(bell, { shots: 500, seed: 7 }), full.simulate(bell, { shots: 500, seed: 7 }));
  assert.equal(lean.readsAsPython(bell, { format: 'python' }), true, 'the format option decides');
  assert.equal(lean.readsAsPython('from qiskit import QuantumCircuit\n', { format: 'qasm2' }), false);
  assert.equal(lean.readsAsPython('from qiskit import QuantumCircuit\n', { shots: 5 }, 'simulate'), true, 'simulate options');
  assert.equal(lean.readsAsPython(bell, { nonsense: 1 }), false, 'options the call refuses');
  assert.equal(lean.frontEnd(bell), 'qasm2');
  assert.equal(lean.frontEnd('OPENQASM 3.0;\nqubit q;\n'), 'qasm3');
  assert.equal(lean.frontEnd(bell, { format: 'qasm3' }), 'qasm3', 'the format option decides');
  assert.equal(lean.frontEnd(bell, { nonsense: 1 }), '', 'options the call refuses');
  assert.ok(qasm >= (haveNative ? 150 : 0) && (!haveNative || python > 20), `${qasm} OpenQASM and ${python} Python sources compared`);
});

// A 12-qubit circuit of the kinds the fuser meets (1-, 2-, 3-qubit and wider gates), written out.
function randomCircuit(n, gates, seed) {
  let x = seed;
  const next = (mod) => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) >>> 8) % mod;
  const distinct = (k) => {
    const q = [];
    while (q.length < k) {
      const v = next(n);
      if (!q.includes(v)) q.push(v);
    }
    return q.map((v) => `q[${v}]`).join(', ');
  };
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${n}];`, `creg c[${n}];`];
  const kinds = [() => `h ${distinct(1)};`, () => `rx(${0.1 + 0.37 * next(17)}) ${distinct(1)};`, () => `cx ${distinct(2)};`,
    () => `rzz(0.7) ${distinct(2)};`, () => `ccx ${distinct(3)};`, () => `cswap ${distinct(3)};`, () => `c3x ${distinct(4)};`];
  for (let g = 0; g < gates; ++g) lines.push(kinds[next(kinds.length)]());
  lines.push('measure q -> c;');
  return lines.join('\n') + '\n';
}

test('simulations equal the CLI\'s amplitude for amplitude, in both precisions', { skip: !haveNative && 'native build absent' },
  async () => {
    const v = await createValidator();
    const dir = mkdtempSync(join(tmpdir(), 'qvet-parity-'));
    const files = [join(root, 'examples', 'bell.qasm'), join(root, 'examples', 'teleport.qasm'), join(dir, 'random.qasm')];
    writeFileSync(files[2], randomCircuit(12, 150, 5));
    for (const file of files) {
      if (!existsSync(file)) continue;
      for (const precision of ['double', 'single']) {
        const native = cliSimulate(file, ['--shots', '300', '--seed', '9', '--statevector', '--precision', precision]);
        const wasm = v.simulate(readFileSync(file, 'utf8'), { shots: 300, seed: 9, statevector: true, precision });
        assert.ok(native.simulation.ok, `${file}: ${JSON.stringify(native.simulation.error)}`);
        assert.equal(wasm.simulation.precision, precision);
        assert.deepEqual(wasm.simulation, native.simulation, `${file}, ${precision}`);
      }
    }
  });
