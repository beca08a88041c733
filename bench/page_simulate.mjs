// A simulation run from the page, in Debian's Chromium against the real nginx: the page as served
// (cross-origin isolated, so its worker simulates in the threaded module on every core) against
// the same page with the Cross-Origin-Embedder-Policy header taken off (not isolated: one thread),
// and the native CLI on 1 and 2 threads, all in one run on the same circuit (bench/random_circuit.py,
// 1000 shots). The page's figure is its own: Run pressed to counts drawn, after a warm-up run that
// loads the modules. Medians of RUNS.
//   node bench/page_simulate.mjs [QUBITS] [CYCLES] [RUNS]     (after scripts/build-web.sh; 22 14 3)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, root } from '../tests/helpers/native.mjs';
import { builtSite, startNginx } from '../tests/helpers/nginx.mjs';
import { launchChromium, paste } from '../tests/helpers/browser.mjs';

const qubits = Number(process.argv[2] ?? 22), cycles = Number(process.argv[3] ?? 14), runs = Number(process.argv[4] ?? 3);
if (!existsSync(join(builtSite, 'index.html'))) throw new Error('build the page first: bash scripts/build-web.sh');
const dir = mkdtempSync(join(tmpdir(), 'qvet-page-sim-'));
const file = join(dir, 'circuit.qasm');
execFileSync('sh', ['-c', `python3 "${join(root, 'bench', 'random_circuit.py')}" ${qubits} ${cycles} > "${file}"`]);
const code = readFileSync(file, 'utf8') + `creg c[${qubits}];\nmeasure q -> c;\n`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startNginx();
const browser = await launchChromium();

async function pageRuns(isolated) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  if (!isolated) {
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    });
  }
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  if ((await page.evaluate(() => crossOriginIsolated)) !== isolated) throw new Error(`crossOriginIsolated is not ${isolated}`);
  await paste(page, code);
  await page.waitForFunction(() => /^Valid/.test(document.getElementById('status').textContent), null, { timeout: 30000 });
  await page.fill('#shots', '1000');
  const times = [];
  let threads = 0;
  for (let r = 0; r <= runs; ++r) {  // run 0 loads the modules
    const before = Number((await page.getAttribute('body', 'data-simulations')) ?? 0);
    await page.click('#run');
    await page.waitForFunction((n) => Number(document.body.dataset.simulations ?? 0) > n, before, { timeout: 300000 });
    const status = await page.textContent('#sim-status');
    const ms = Number(/(\d+) ms\.$/.exec(status)?.[1]);
    threads = Number(await page.getAttribute('body', 'data-sim-threads'));
    if (r > 0) times.push(ms);
  }
  await context.close();
  return { ms: median(times), threads };
}

function cliRun(threads) {
  const times = [];
  for (let r = 0; r < runs; ++r) {
    const t0 = process.hrtime.bigint();
    execFileSync(cli, ['simulate', '--json', '--shots', '1000', '--threads', String(threads), file], { maxBuffer: 1 << 26 });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(times);
}

const rows = [];
const threaded = await pageRuns(true);
rows.push([`page, cross-origin isolated (${threaded.threads} threads)`, threaded.ms]);
const single = await pageRuns(false);
rows.push([`page, not isolated (${single.threads} thread)`, single.ms]);
await browser.close();
await server.stop();
if (existsSync(cli)) {
  rows.push(['native CLI, 1 thread (whole process)', cliRun(1)]);
  rows.push(['native CLI, 2 threads (whole process)', cliRun(2)]);
}
rmSync(dir, { recursive: true, force: true });

console.log(`${qubits} qubits, ${cycles} cycles, 1000 shots, double precision; medians of ${runs} (ms)`);
for (const [name, ms] of rows) console.log(`${name.padEnd(42)} ${ms.toFixed(0).padStart(7)}`);
console.log(`threads on the page: ${(single.ms / threaded.ms).toFixed(2)}x faster than one thread`);
if (rows.length > 2) console.log(`page threaded / native 2 threads: ${(threaded.ms / rows[3][1]).toFixed(2)}x`);
