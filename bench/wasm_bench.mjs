// npm run bench: the package in Node against the native CLI and against the npm package
// `quantum-circuit` (a devDependency used only here), all in one run. Prints a Markdown table.
//   validation: p50/p95 latency for 10..10,000-gate circuits, WASM vs native (in-process timing
//               from `qvet validate --repeat`, so process start-up is not counted)
//   simulation: 16- and 20-qubit random circuits, WASM vs quantum-circuit
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createValidator } from 'qvet';
import { cli } from '../tests/helpers/native.mjs';

const QC_TIMEOUT_S = Number(process.env.QC_TIMEOUT_S ?? 120);

function gates(n) {
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', 'qreg q[16];', 'creg c[16];'];
  let x = 7;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    const a = x % 16, b = (a + 1 + ((x >>> 8) % 15)) % 16;
    lines.push([`h q[${a}];`, `rz(0.125) q[${b}];`, `cx q[${a}], q[${b}];`, `x q[${b}];`][i % 4]);
  }
  return lines.join('\n') + '\n';
}

export function randomCircuit(n, cycles) {
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${n}];`, `creg c[${n}];`];
  for (let i = 0; i < n; i++) lines.push(`h q[${i}];`);
  let x = 1;
  for (let c = 0; c < cycles; c++) {
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      lines.push([`t q[${i}];`, `sx q[${i}];`, `ry(pi/2) q[${i}];`][x % 3]);
    }
    for (let i = c % 2; i + 1 < n; i += 2) lines.push(`cz q[${i}], q[${i + 1}];`);
  }
  lines.push('measure q -> c;');
  return lines.join('\n') + '\n';
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

function timeIt(fn, runs) {
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { p50: percentile(t, 50), p95: percentile(t, 95) };
}

const fmt = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(2)} ms` : `${(ms / 1000).toFixed(2)} s`);

const v = await createValidator();
const dir = mkdtempSync(join(tmpdir(), 'qvet-bench-'));

console.log('| validation | WASM p50 | WASM p95 | native p50 | native p95 | WASM / native (p50) |');
console.log('|---|---|---|---|---|---|');
for (const n of [10, 100, 1000, 10000]) {
  const src = gates(n);
  const runs = n >= 10000 ? 50 : 300;
  // Warm up until V8 has tiered the wasm and the JS glue up to optimised code (as on a page where
  // every keystroke validates): 2,000 calls or half a second, whichever comes first.
  for (let i = 0, t0 = performance.now(); i < 2000 && performance.now() - t0 < 500; i++) v.validate(src);
  const w = timeIt(() => v.validate(src), runs);
  const file = join(dir, `g${n}.qasm`);
  writeFileSync(file, src);
  const res = spawnSync(cli, ['validate', '--repeat', String(runs), file], { encoding: 'utf8' });
  const m = /median ([\d.]+) us, p95 ([\d.]+) us/.exec(res.stderr);
  const nat = { p50: Number(m[1]) / 1000, p95: Number(m[2]) / 1000 };
  console.log(`| ${n} gates | ${fmt(w.p50)} | ${fmt(w.p95)} | ${fmt(nat.p50)} | ${fmt(nat.p95)} | ${(w.p50 / nat.p50).toFixed(2)}x |`);
}

// quantum-circuit in a child process, so a slow run can be stopped at the timeout.
function quantumCircuitSeconds(src) {
  const script = `
    import QuantumCircuit from 'quantum-circuit';
    import { readFileSync } from 'node:fs';
    const c = new QuantumCircuit();
    c.importQASM(readFileSync(process.argv[1], 'utf8'), (errors) => { if (errors.length) throw new Error(JSON.stringify(errors)); });
    const t0 = performance.now();
    c.run();
    c.measureAll();
    console.log((performance.now() - t0) / 1000);
  `;
  const file = join(dir, `qc-${Date.now()}.qasm`);
  writeFileSync(file, src);
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', script, file], {
    encoding: 'utf8', timeout: QC_TIMEOUT_S * 1000, cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  if (res.error || res.status !== 0) return null;
  return Number(res.stdout.trim());
}

console.log('\n| simulation (1000 shots) | gates | qvet WASM | quantum-circuit | ratio |');
console.log('|---|---|---|---|---|');
for (const [n, cycles] of [[16, 10], [20, 10]]) {
  const src = randomCircuit(n, cycles);
  v.simulate(src, { shots: 1000 });  // warm up
  const w = timeIt(() => v.simulate(src, { shots: 1000 }), 3);
  const size = v.validate(src).size;
  const qc = quantumCircuitSeconds(src);
  const qcText = qc === null ? `> ${QC_TIMEOUT_S} s (stopped)` : fmt(qc * 1000);
  const ratio = qc === null ? `> ${((QC_TIMEOUT_S * 1000) / w.p50).toFixed(0)}x` : `${((qc * 1000) / w.p50).toFixed(0)}x`;
  console.log(`| ${n} qubits, ${cycles} cycles | ${size} | ${fmt(w.p50)} | ${qcText} | ${ratio} |`);
}
execFileSync('rm', ['-rf', dir]);
