// Batch validation at CI scale: the corpus's OpenQASM files copied COPIES times
// validated by one qvet process, with one job against one per core, alternated run by run,
// medians of RUNS, whole processes.
//   node bench/batch.mjs [COPIES] [RUNS]     (after scripts/build.sh; default 10 3: 1,420 files, 190 MB)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cli, root } from '../tests/helpers/native.mjs';

const copies = Number(process.argv[2] ?? 10), runs = Number(process.argv[3] ?? 3);
const corpus = join(root, '..', 'shared', 'corpus');
if (!existsSync(corpus)) throw new Error('../shared/corpus is absent');
const sources = [];
const walk = (d) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else if (n.endsWith('.qasm')) sources.push(p); } };
walk(corpus);
const dir = mkdtempSync(join(tmpdir(), 'qvet-batch-'));
const files = [];
for (let c = 0; c < copies; ++c) {
  mkdirSync(join(dir, String(c)));
  sources.forEach((s, i) => { const f = join(String(c), `${i}-${relative(corpus, s).replaceAll('/', '_')}`); copyFileSync(s, join(dir, f)); files.push(f); });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const time = (jobs) => {
  const t = process.hrtime.bigint();
  // SARIF: one log for every file, as a CI job writes it (the JSON reports of 7,000 files are more
  // than a Node string holds).
  const r = spawnSync(cli, ['validate', '--no-config', '--output', 'sarif', '--jobs', String(jobs), ...files], { cwd: dir, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, out: createHash('sha256').update(r.stdout).digest('hex') };
};
const all = cpus().length;
const one = [], many = [];
let same = true;
for (let r = 0; r < runs; ++r) {
  const a = time(1), b = time(all);
  one.push(a.ms);
  many.push(b.ms);
  same = same && a.out === b.out;
}
console.log(`${files.length} files (${sources.length} corpus files x ${copies}), medians of ${runs}, whole processes`);
console.log(`--jobs 1: ${median(one).toFixed(0)} ms; --jobs ${all}: ${median(many).toFixed(0)} ms; ${(median(one) / median(many)).toFixed(2)}x`);
console.log(`output identical: ${same}`);
rmSync(dir, { recursive: true, force: true });
