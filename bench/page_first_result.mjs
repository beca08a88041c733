// The page's first validation result, phase by phase, in Debian's Chromium against the real nginx
// (deploy/nginx.conf, a free port): cold (a fresh browser context: no HTTP cache, no service
// worker) and on a return visit (the same context a few seconds later: the service worker's cache
// and the engine's code cache warm).
//   node bench/page_first_result.mjs [RUNS]      (after scripts/build-web.sh; medians of RUNS, default 5)
// Phases, in ms after navigation start: the HTML's last byte, the last script's, the wasm module's
// request and last byte (from the network log), the first validation (on the page's thread, with
// the module the page compiled), its result shown, the editor up with it, and the worker ready.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite, startNginx } from '../tests/helpers/nginx.mjs';
import { launchChromium } from '../tests/helpers/browser.mjs';

const runs = Number(process.argv[2] ?? 5);
if (!existsSync(join(builtSite, 'index.html'))) throw new Error('build the page first: bash scripts/build-web.sh');

const server = await startNginx();
const browser = await launchChromium();

async function visit(context) {
  const wasm = [];
  const onFinished = (req) => {
    if (req.url().endsWith('.wasm')) wasm.push({ req, timing: req.timing() });
  };
  context.on('requestfinished', onFinished);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const scripts = performance.getEntriesByType('resource').filter((r) => /\.(m?js|css)$/.test(new URL(r.name).pathname));
    return {
      origin: performance.timeOrigin,
      html: nav.responseEnd,
      scripts: Math.max(0, ...scripts.map((r) => r.responseEnd)),
      ui: mark('qvet:ui'),
      worker: mark('qvet:worker-ready'),
      sent: mark('qvet:validate-sent'),
      result: mark('qvet:result'),
      shown: mark('qvet:shown'),
      rendered: mark('qvet:rendered'),
    };
  });
  context.off('requestfinished', onFinished);
  // The worker's wasm request, on the page's clock (Playwright's timing: an epoch start, then ms after it).
  const w = wasm[0]?.timing;
  t.wasmStart = w ? w.startTime - t.origin : NaN;
  t.wasmEnd = w ? w.startTime + w.responseEnd - t.origin : NaN;
  await page.close();
  return t;
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const cold = [], warm = [];
for (let i = 0; i < runs; ++i) {
  const context = await browser.newContext();
  cold.push(await visit(context));
  // Let the service worker install and precache, then come back.
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 }).catch(() => {});
  // A user comes back later: by then the engine has optimised the module and cached its code
  // (Chromium keeps the compiled code of a streamed wasm module once it has tiered up).
  await page.waitForTimeout(3000);
  await page.close();
  warm.push(await visit(context));
  await context.close();
}
await browser.close();
await server.stop();

const rows = [
  ['HTML received', 'html'],
  ['scripts and CSS received', 'scripts'],
  ['editor up', 'ui'],
  ['wasm requested', 'wasmStart'],
  ['wasm received', 'wasmEnd'],
  ['first validation sent (worker ready)', 'sent'],
  ['first validation answered', 'result'],
  ['first result shown (figures, diagram, status)', 'shown'],
  ['editor up with the result (diagnostics)', 'rendered'],
  ['worker ready (every later call)', 'worker'],
];
const fmt = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a');
console.log(`first validation result, medians of ${runs} (ms after navigation start)`);
console.log(`${'phase'.padEnd(40)} ${'cold'.padStart(8)} ${'return visit'.padStart(13)}`);
for (const [label, key] of rows)
  console.log(`${label.padEnd(40)} ${fmt(median(cold.map((t) => t[key]))).padStart(8)} ${fmt(median(warm.map((t) => t[key]))).padStart(13)}`);
