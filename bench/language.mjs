// The language service's calls on a 1,000-line OpenQASM 2 file (a program gate, four registers,
// 1,000 gate calls) and on the corpus's largest OpenQASM 3 example, through the package as the
// page's worker calls it (the same WebAssembly module): each call at a spread of positions,
// medians and the slowest of RUNS rounds, milliseconds. The goal is 16 ms a call (one frame).
//   node bench/language.mjs [RUNS]     (after scripts/build-wasm.sh; default 5)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createValidator } from '../dist/index.node.mjs';
import { root } from '../tests/helpers/native.mjs';

const runs = Number(process.argv[2] ?? 5);
const v = await createValidator();

function thousandLines() {
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', 'gate entangle(theta) a, b { h a; cx a, b; rz(theta) b; }',
    'qreg q[16];', 'qreg anc[4];', 'creg c[16];', 'creg flag[1];'];
  let x = 7;
  while (lines.length < 998) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const a = x % 16, b = (a + 1 + ((x >>> 8) % 15)) % 16;
    lines.push([`h q[${a}];`, `cx q[${a}], q[${b}];`, `entangle(0.25) q[${a}], anc[${b % 4}];`, `rz(0.5) q[${b}];`][lines.length % 4]);
  }
  lines.push('measure q -> c;', 'if (c == 1) x anc[0];');
  return `${lines.join('\n')}\n`;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function time(f) {
  const t = performance.now();
  f();
  return performance.now() - t;
}

function bench(name, code) {
  const lines = code.split('\n');
  // Positions on names: the first identifier of lines spread over the file.
  const at = [];
  for (let i = 0; i < lines.length; i += Math.max(1, Math.floor(lines.length / 20))) {
    const m = /[A-Za-z_]\w*/.exec(lines[i]);
    if (m) at.push([i + 1, m.index + 1]);
  }
  const calls = {
    hover: ([l, c]) => v.hover(code, l, c),
    completions: ([l, c]) => v.completions(code, l, c),
    definition: ([l, c]) => v.definition(code, l, c),
    references: ([l, c]) => v.references(code, l, c),
    rename: ([l, c]) => v.rename(code, l, c, 'renamed_name'),
    documentSymbols: () => v.documentSymbols(code),
  };
  console.log(`${name}: ${lines.length} lines, ${at.length} positions, ${runs} rounds (ms)`);
  console.log(`${'call'.padEnd(16)} ${'median'.padStart(8)} ${'slowest'.padStart(8)}`);
  for (const [call, f] of Object.entries(calls)) {
    f(at[0]);  // warm
    const ms = [];
    for (let r = 0; r < runs; ++r) for (const p of at) ms.push(time(() => f(p)));
    console.log(`${call.padEnd(16)} ${median(ms).toFixed(3).padStart(8)} ${Math.max(...ms).toFixed(3).padStart(8)}`);
  }
  const validateMs = [];
  for (let r = 0; r < runs; ++r) validateMs.push(time(() => v.validate(code)));
  console.log(`${'(validate)'.padEnd(16)} ${median(validateMs).toFixed(3).padStart(8)} ${Math.max(...validateMs).toFixed(3).padStart(8)}`);
}

bench('OpenQASM 2, generated', thousandLines());
const big3 = join(root, '..', 'shared', 'corpus', 'openqasm3-examples', 'scqec.qasm');
if (existsSync(big3)) bench('OpenQASM 3, scqec.qasm', readFileSync(big3, 'utf8'));
