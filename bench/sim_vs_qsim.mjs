// Side by side with Google's qsim (built from source outside this repository: README,
// "Simulating"): the same random circuit (bench/random_circuit.py, in both formats), whole
// processes, alternated run by run so that both see the same machine, medians and ratios.
//   QSIM_BASE=/path/to/qsim_base.x node bench/sim_vs_qsim.mjs [QUBITS] [CYCLES] [RUNS]
// qvet: build/qvet simulate --shots 1000, in each precision, on 1 and 2 threads; qsim: qsim_base
// with its best fusion setting (-f 2, 3 and 4 are tried, the fastest kept), on 1 and 2 threads.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const qubits = Number(process.argv[2] ?? 24), cycles = Number(process.argv[3] ?? 14), runs = Number(process.argv[4] ?? 5);
const qvet = join(root, 'build', 'qvet');
const qsim = process.env.QSIM_BASE;
if (!existsSync(qvet)) throw new Error(`build qvet first (${qvet})`);

const dir = mkdtempSync(join(tmpdir(), 'qvet-qsim-'));
const gen = (extra) => execFileSync('python3', [join(root, 'bench', 'random_circuit.py'), ...extra, String(qubits), String(cycles)]);
const qasm = join(dir, 'circuit.qasm'), native = join(dir, 'circuit.qsim');
writeFileSync(qasm, gen([]));
writeFileSync(native, gen(['--qsim']));

const configs = [];
for (const threads of [1, 2]) {
  for (const precision of ['single', 'double'])
    configs.push({ name: `qvet ${precision}, ${threads} thread${threads > 1 ? 's' : ''}`, cmd: qvet,
      args: ['simulate', qasm, '--shots', '1000', '--seed', '1', '--precision', precision, '--threads', String(threads)] });
  if (qsim)
    for (const f of [2, 3, 4])
      configs.push({ name: `qsim float, ${threads} thread${threads > 1 ? 's' : ''}, -f ${f}`, qsim: threads, cmd: qsim,
        args: ['-c', native, '-d', '1000', '-t', String(threads), '-f', String(f), '-v', '0'] });
}
if (!qsim) console.log('QSIM_BASE is not set: qvet alone (README, "Simulating", says how to build qsim_base)');

const times = configs.map(() => []);
for (let r = 0; r < runs; ++r)
  configs.forEach((c, i) => {
    const t0 = process.hrtime.bigint();
    const res = spawnSync(c.cmd, c.args, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (res.status !== 0) throw new Error(`${c.name} failed: ${res.stderr}`);
    times[i].push(Number(process.hrtime.bigint() - t0) / 1e6);
  });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const med = configs.map((c, i) => ({ ...c, ms: median(times[i]) }));
// qsim's best fusion setting per thread count is the reference.
const best = {};
for (const m of med) if (m.qsim && (!best[m.qsim] || m.ms < best[m.qsim].ms)) best[m.qsim] = m;
console.log(`${qubits} qubits, ${cycles} cycles, medians of ${runs} whole processes`);
for (const m of med) {
  const threads = Number(m.args[m.args.indexOf(m.qsim ? '-t' : '--threads') + 1]);
  const ref = best[threads];
  const ratio = ref && !m.qsim ? ` (${(m.ms / ref.ms).toFixed(2)}x ${ref.name})` : '';
  console.log(`  ${m.name.padEnd(34)} ${(m.ms / 1000).toFixed(2)} s${ratio}`);
}
