// Batch validation at CI scale: the corpus's OpenQASM files copied COPIES times, validated by one
// qvet process, with one job against one per core, each without the cache, with a cold cache (an
// empty folder: every file validated and stored) and with a warm one (the same files again: every
// report read back), alternated run by run, medians of RUNS, whole processes.
//   node bench/batch.mjs [COPIES] [RUNS]     (after scripts/build.sh; default 10 3: 1,420 files, 190 MB)
// With COPIES of 50 or more the runs without the cache are left out (they cost what a cold run
// does, less the stores; measure them at 10).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
  // Each copy its own bytes (a last comment line naming the copy), as a repository's files are: the
  // cache keys by content, and identical copies would be hits within the cold run itself.
  sources.forEach((s, i) => {
    const f = join(String(c), `${i}-${relative(corpus, s).replaceAll('/', '_')}`);
    writeFileSync(join(dir, f), Buffer.concat([readFileSync(s), Buffer.from(`\n// copy ${c}\n`)]));
    files.push(f);
  });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
// cache: null (--no-cache) or a folder.
const time = (jobs, cache) => {
  const t = process.hrtime.bigint();
  // SARIF: one log for every file, as a CI job writes it (the JSON reports of 7,000 files are more
  // than a Node string holds).
  const cacheArgs = cache ? ['--cache-dir', cache] : ['--no-cache'];
  const r = spawnSync(cli, ['validate', '--no-config', ...cacheArgs, '--output', 'sarif', '--jobs', String(jobs), ...files], { cwd: dir, maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, out: createHash('sha256').update(r.stdout).digest('hex') };
};
const all = cpus().length;
const configs = [];
for (const jobs of [1, all]) {
  if (copies < 50) configs.push({ name: `--jobs ${jobs}, no cache`, jobs, cache: 'none' });
  configs.push({ name: `--jobs ${jobs}, cold cache`, jobs, cache: 'cold' });
  configs.push({ name: `--jobs ${jobs}, warm cache`, jobs, cache: 'warm' });
}
const ms = new Map(configs.map((c) => [c.name, []]));
const outputs = new Set();
for (let r = 0; r < runs; ++r) {
  for (const jobs of [1, all]) {
    const folder = join(dir, `cache-${r}-${jobs}`);
    for (const c of configs.filter((x) => x.jobs === jobs)) {
      const res = time(jobs, c.cache === 'none' ? null : folder);  // cold empties nothing: it runs first
      ms.get(c.name).push(res.ms);
      outputs.add(res.out);
    }
    rmSync(folder, { recursive: true, force: true });
  }
}
console.log(`${files.length} files (${sources.length} corpus files x ${copies}), medians of ${runs}, whole processes`);
const base = median(ms.get(`--jobs 1, ${copies < 50 ? 'no' : 'cold'} cache`));
for (const c of configs) {
  const m = median(ms.get(c.name));
  console.log(`${c.name.padEnd(24)} ${m.toFixed(0).padStart(8)} ms  ${(base / m).toFixed(2)}x`);
}
console.log(`output identical in every run: ${outputs.size === 1}`);
rmSync(dir, { recursive: true, force: true });
