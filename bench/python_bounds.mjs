// Each hostile program of bench/python_bounds.json, natively (the CLI) and in WebAssembly (the
// package in Node), with the time until its bound stopped it and the process's peak memory, in one
// run. Prints a Markdown table (medians of 3 runs). Not a test: the machine is shared and noisy.
//   node bench/python_bounds.mjs            (after scripts/build.sh and scripts/build-wasm.sh)
// Native time is the whole process; WebAssembly time is the validate() call alone, measured in
// the process (Node's start and the module's compilation are not counted). Peak memory is the
// process's maximum resident set (GNU time), shown beside the same process on an empty program so
// the part the program took can be read off.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const RUNS = 3;
const TIMEOUT_MS = 60_000;

// --one FILE: the child of a WebAssembly measurement.
if (process.argv[2] === '--one') {
  const { createValidator } = await import(join(root, 'dist/index.node.mjs'));
  const v = await createValidator();
  const code = readFileSync(process.argv[3], 'utf8');
  const t0 = performance.now();
  const r = v.validate(code, { format: 'python' });
  const ms = performance.now() - t0;
  const first = (r.diagnostics ?? []).find((d) => d.severity === 'error');
  process.stdout.write(JSON.stringify({ ms, code: first ? first.code : '' }) + '\n');
  process.exit(0);
}

function timed(cmd, args) {
  const p = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { encoding: 'utf8', timeout: TIMEOUT_MS });
  const last = p.stderr.trim().split('\n').pop().split(' ');
  return { out: p.stdout, seconds: Number(last[0]), peakMb: Number(last[1]) / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const qvet = join(root, 'build/qvet');
const dir = mkdtempSync(join(tmpdir(), 'qvet-bounds-'));
const { programs } = JSON.parse(readFileSync(join(here, 'python_bounds.json'), 'utf8'));
const all = [{ name: '(empty program)', code: 'x = 1\n' }, ...programs];

console.log('| program | error | native ms | native peak MB | wasm ms | wasm process peak MB |');
console.log('|---|---|---:|---:|---:|---:|');
for (const p of all) {
  const file = join(dir, `${p.name.replace(/\W/g, '_')}.py`);
  writeFileSync(file, p.code);
  const nat = [], wasm = [];
  let code = '', wcode = '';
  for (let i = 0; i < RUNS; i++) {
    const n = timed(qvet, ['validate', '--format', 'python', '--json', file]);
    try {
      const first = JSON.parse(n.out).diagnostics.find((d) => d.severity === 'error');
      code = first ? first.code : '';
    } catch {
      code = '?';
    }
    nat.push(n);
    const w = timed(process.execPath, [fileURLToPath(import.meta.url), '--one', file]);
    let ms = NaN;
    try {
      ({ ms, code: wcode } = JSON.parse(w.out));
    } catch {
      wcode = '?';
    }
    wasm.push({ ms, peakMb: w.peakMb });
  }
  const shown = code === wcode ? code || '-' : `${code} / wasm ${wcode}`;
  console.log(
    `| ${p.name} | ${shown} | ${(median(nat.map((x) => x.seconds)) * 1000).toFixed(0)} | ` +
      `${median(nat.map((x) => x.peakMb)).toFixed(0)} | ${median(wasm.map((x) => x.ms)).toFixed(0)} | ` +
      `${median(wasm.map((x) => x.peakMb)).toFixed(0)} |`,
  );
}
