// Typing in a big file on the page: a 10,000-line OpenQASM 2 circuit is pasted into the editor,
// then text is typed into its middle a key at a time, as a person would (every keystroke
// revalidates in the worker after the debounce, and the page redraws). A Chromium performance
// trace of the typing gives every task of the page's main thread; the figure is the longest one
// (a frame cannot be shorter than the task that holds it) and how many exceed 50 ms. The page's
// own Long Animation Frame entries are counted beside it as a cross-check.
//   node bench/page_typing.mjs [LINES] [KEYS]     (after scripts/build-web.sh; default 10000 200)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite, startNginx } from '../tests/helpers/nginx.mjs';
import { launchChromium, paste } from '../tests/helpers/browser.mjs';

const lines = Number(process.argv[2] ?? 10000);
const keys = Number(process.argv[3] ?? 200);
if (!existsSync(join(builtSite, 'index.html'))) throw new Error('build the page first: bash scripts/build-web.sh');

function circuit(n) {
  const out = ['OPENQASM 2.0;', 'include "qelib1.inc";', 'qreg q[64];', 'creg c[64];'];
  let x = 7;
  while (out.length < n - 1) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const a = x % 64, b = (a + 1 + ((x >>> 8) % 63)) % 64;
    out.push([`h q[${a}];`, `cx q[${a}], q[${b}];`, `rz(0.25) q[${b}];  // a comment`][out.length % 3]);
  }
  out.push('measure q -> c;');
  return out.join('\n') + '\n';
}

const server = await startNginx();
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  const text = circuit(lines);
  const before = Number(await page.getAttribute('body', 'data-validations'));
  await paste(page, text);
  await page.waitForFunction((n) => Number(document.body.dataset.validations) > n, before, { timeout: 60000 });
  // The cursor some 100 screens up from the end, by the keys a user would press.
  await page.keyboard.press('Control+End');
  for (let i = 0; i < 100; ++i) await page.keyboard.press('PageUp');
  await page.keyboard.press('End');
  await page.evaluate(() => {
    window.qvetFrames = [];
    try {
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.qvetFrames.push(e.duration); })
        .observe({ type: 'long-animation-frame', buffered: false });
    } catch { window.qvetFrames = null; }
  });
  const validationsBefore = Number(await page.getAttribute('body', 'data-validations'));
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const typed = '\nrx(0.5) q[3];';
  const started = Date.now();
  for (let i = 0; i < keys; ++i) {
    const ch = typed[i % typed.length];
    await page.keyboard.press(ch === '\n' ? 'Enter' : ch, { delay: 0 });
    // ~25 keys a second, a fast typist, who stops for a moment after each statement: then the
    // worker validates the whole file and the page redraws while the next line is typed.
    await page.waitForTimeout(ch === ';' ? 250 : 40);
  }
  await page.waitForTimeout(600);  // the last validation and its render
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  const seconds = (Date.now() - started) / 1000;
  const validations = Number(await page.getAttribute('body', 'data-validations')) - validationsBefore;
  const frames = await page.evaluate(() => window.qvetFrames);

  // The page's renderer main thread: the CrRendererMain with the most tasks in the trace.
  const events = trace.traceEvents ?? trace;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'RunTask' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!tasks.has(key)) tasks.set(key, []);
    tasks.get(key).push(e.dur / 1000);
  }
  const main = [...tasks.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  main.sort((a, b) => a - b);
  const pct = (p) => (main.length ? main[Math.min(main.length - 1, Math.floor(p * main.length))] : NaN);
  console.log(`typing ${keys} keys into the middle of a ${lines}-line file in ${seconds.toFixed(1)} s (${validations} validations)`);
  console.log(`main-thread tasks: ${main.length}; median ${pct(0.5).toFixed(2)} ms, p99 ${pct(0.99).toFixed(1)} ms, longest ${(main.at(-1) ?? NaN).toFixed(1)} ms; over 50 ms: ${main.filter((d) => d > 50).length}`);
  if (frames) console.log(`long animation frames (over 50 ms) the page saw: ${frames.length}${frames.length ? ` (longest ${Math.max(...frames).toFixed(0)} ms)` : ''}`);
  else console.log('long animation frames: not supported by this Chromium');
} finally {
  await browser.close();
  await server.stop();
}
