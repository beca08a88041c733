// A big circuit pasted into the page: how long the worker takes to validate it (the round trip,
// with the operations the diagram needs) and the page to show it, in Debian's Chromium against the
// real nginx. Circuits of 10^3..10^5 gates (h, cx, rz over 64 qubits), medians of RUNS pastes.
//   node bench/page_big_circuit.mjs [RUNS]     (after scripts/build-web.sh; default 3)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtSite, startNginx } from '../tests/helpers/nginx.mjs';
import { launchChromium, paste } from '../tests/helpers/browser.mjs';

const runs = Number(process.argv[2] ?? 3);
if (!existsSync(join(builtSite, 'index.html'))) throw new Error('build the page first: bash scripts/build-web.sh');

function circuit(gates) {
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', 'qreg q[64];'];
  let x = 3;
  for (let i = 0; i < gates; ++i) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const a = x % 64, b = (a + 1 + ((x >>> 8) % 63)) % 64;
    lines.push([`h q[${a}];`, `cx q[${a}], q[${b}];`, `rz(0.25) q[${b}];`][i % 3]);
  }
  return lines.join('\n') + '\n';
}

const server = await startNginx();
const browser = await launchChromium();
const page = await (await browser.newContext()).newPage();
await page.goto(server.url);
await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`a circuit pasted into the editor, medians of ${runs} (ms)`);
console.log(`${'gates'.padStart(8)} ${'worker round trip'.padStart(18)} ${'shown'.padStart(8)}`);
for (const gates of [1000, 10000, 100000]) {
  const text = circuit(gates);
  const trip = [], shown = [];
  for (let r = 0; r < runs; ++r) {
    const before = Number(await page.getAttribute('body', 'data-validations'));
    await page.evaluate(() => performance.clearMeasures());
    // A paste, as a user's: one clipboard event on the editor with the whole text.
    await paste(page, text + `// run ${r}\n`);
    await page.waitForFunction((n) => Number(document.body.dataset.validations) > n, before, { timeout: 60000 });
    const m = await page.evaluate(() => ({
      trip: performance.getEntriesByName('qvet:validate').at(-1)?.duration,
      shown: performance.getEntriesByName('qvet:render').at(-1)?.duration,
    }));
    trip.push(m.trip);
    shown.push(m.shown);
  }
  console.log(`${String(gates).padStart(8)} ${median(trip).toFixed(0).padStart(18)} ${median(shown).toFixed(0).padStart(8)}`);
}
await browser.close();
await server.stop();
