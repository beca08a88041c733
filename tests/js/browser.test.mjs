// The page in a real browser: Debian's Chromium driven by playwright-core, against the real nginx
// with deploy/nginx.conf, on a free port of its own (tests/helpers/nginx.mjs), so a main job
// already serving 8080 does not get in the way. Skips, saying why, without Chromium or the page.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli, root } from '../helpers/native.mjs';
import { CHROMIUM, launchChromium, pasteCode } from '../helpers/browser.mjs';
import { builtSite, startNginx } from '../helpers/nginx.mjs';

const SITE = join(builtSite, 'index.html');
const ARTIFACTS = join(root, 'build-web', 'artifacts');
const skip = !existsSync(CHROMIUM) ? 'Chromium is not installed' : !existsSync(SITE) ? 'the page is not built' : false;
// The slowest of these took 1.6 s here (the file 14 s); a hung page fails at this bound instead.
const timeout = 60_000;
// Child processes the tests run: the CLI answers in well under a second.
const CHILD_TIMEOUT = 30_000;

let browser, server;
const URL_ = () => server.url;
const consoleErrors = [];

async function openPage(context, url = URL_()) {
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${m.text()} @ ${page.url()}`); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
  return page;
}

async function typeCode(page, text) {
  const current = await page.evaluate(() => [...document.querySelectorAll('.cm-content .cm-line')].map((l) => l.textContent).join('\n'));
  if (current === text) return;  // nothing to change, nothing to revalidate
  const before = Number(await page.getAttribute('body', 'data-validations'));
  await page.click('.cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  await page.waitForFunction((n) => Number(document.body.dataset.validations) > n, before);
  // The debounce may fold several edits into one validation; wait for the settled state.
  await page.waitForTimeout(300);
}

// Runs `action` and waits for the validation it starts to be shown.
async function afterValidation(page, action) {
  const before = Number(await page.getAttribute('body', 'data-validations'));
  await action();
  await page.waitForFunction((n) => Number(document.body.dataset.validations) > n, before);
}

before(async () => {
  if (skip) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startNginx();
  browser = await launchChromium();
}, { timeout: 60_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
}, { timeout: 30_000 });

const bell = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n';

test('the page loads, validates, and reports its figures', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const transferred = [], wasm = [];
  context.on('requestfinished', async (req) => {
    if (req.serviceWorker()) return;  // the service worker's precache reads the HTTP cache
    if (req.url().endsWith('.wasm')) wasm.push(req.url().split('/').pop());
    const sizes = await req.sizes().catch(() => null);
    if (sizes && sizes.responseBodySize >= 0) transferred.push(sizes.responseBodySize + sizes.responseHeadersSize);
  });
  const page = await openPage(context);
  assert.match(await page.textContent('#status'), /^Valid/);
  const readyAt = Number(await page.getAttribute('body', 'data-ready-at'));
  await page.waitForTimeout(500);
  const bytes = transferred.reduce((a, b) => a + b, 0);
  console.log(`# figures: first load transferred ${bytes} bytes in ${transferred.length} responses; first validation result ${readyAt} ms after navigation`);
  writeFileSync(join(ARTIFACTS, 'figures.json'), JSON.stringify({ transferredBytes: bytes, responses: transferred.length, firstResultMs: readyAt }));
  assert.ok(bytes < 400 * 1024, `first load ${bytes} bytes (goal: 400 KB)`);
  // OpenQASM needs only the small module; the Python front end comes when a document needs it.
  assert.equal(wasm.length, 1, wasm.join(', '));
  assert.match(wasm[0], /^qvet-lean-/);
  await page.screenshot({ path: join(ARTIFACTS, 'loaded.png'), fullPage: true });
  await context.close();
});

test('a broken circuit shows the diagnostic at its line, and fixing it clears it', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const broken = bell.replace('cx q[0], q[1];', 'cx q[0], q[5];');
  await typeCode(page, broken);
  await page.waitForSelector('.cm-lintRange-error');
  const line = await page.evaluate(() => {
    const mark = document.querySelector('.cm-lintRange-error');
    const lines = [...document.querySelectorAll('.cm-content .cm-line')];
    return lines.findIndex((l) => l.contains(mark)) + 1;
  });
  assert.equal(line, 6, 'the error is underlined on line 6');
  assert.match(await page.textContent('#status'), /1 error/);
  await page.screenshot({ path: join(ARTIFACTS, 'diagnostic.png'), fullPage: true });
  await typeCode(page, bell);
  await page.waitForSelector('.cm-lintRange-error', { state: 'detached' });
  assert.match(await page.textContent('#status'), /^Valid/);
  await context.close();
});

test('the metrics equal the CLI report for the same circuit', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const circuit = readFileSync(join(root, 'examples', 'teleport.qasm'), 'utf8');
  await typeCode(page, circuit);
  const shown = Object.fromEntries(await page.$$eval('#metrics dd', (dds) => dds.map((d) => [d.dataset.metric, d.textContent])));
  const r = JSON.parse(execFileSync(cli, ['validate', '--json', join(root, 'examples', 'teleport.qasm')], { encoding: 'utf8', timeout: CHILD_TIMEOUT }));
  assert.equal(shown.qubits, String(r.qubits));
  assert.equal(shown.clbits, String(r.clbits));
  assert.equal(shown.depth, String(r.depth));
  assert.equal(shown.gates, String(r.gates));
  assert.equal(shown.size, String(r.size));
  assert.equal(shown['two-qubit gates'], String(r.two_qubit_gates));
  assert.equal(shown['gate types'], Object.entries(r.gate_types).map(([k, v]) => `${k}: ${v}`).join(', '));
  assert.equal(await page.getAttribute('#metrics dd[data-metric="hash"]', 'title'), r.circuit_hash);
  // The diagram has every operation: 11 instructions, conditions drawn to their registers.
  assert.equal(await page.locator('#diagram g.op').count(), r.gates);
  assert.equal(await page.locator('#diagram .ccontrol').count(), 2);
  await context.close();
});

test('OpenQASM 3: highlighted as OpenQASM 3, with the CLI\'s figures', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const file = join(root, 'examples', 'teleport3.qasm');
  await typeCode(page, readFileSync(file, 'utf8').replace('h $0;', 'h $0;\nfoo $1;'));
  await page.waitForSelector('.cm-lintRange-error');
  await typeCode(page, readFileSync(file, 'utf8'));
  await page.waitForSelector('.cm-lintRange-error', { state: 'detached' });
  assert.equal(await page.getAttribute('.cm-editor', 'data-language'), 'qasm3', 'highlighted as OpenQASM 3');
  const shown = Object.fromEntries(await page.$$eval('#metrics dd', (dds) => dds.map((d) => [d.dataset.metric, d.textContent])));
  const r = JSON.parse(execFileSync(cli, ['validate', '--json', file], { encoding: 'utf8', timeout: CHILD_TIMEOUT }));
  assert.equal(r.format, 'qasm3');
  assert.equal(shown.qubits, String(r.qubits));
  assert.equal(shown.depth, String(r.depth));
  assert.equal(shown['gate types'], Object.entries(r.gate_types).map(([k, v]) => `${k}: ${v}`).join(', '));
  assert.match(shown['gate types'], /if_else: 2/);
  assert.equal(await page.locator('#diagram g.op').count(), r.gates);
  // A Braket-style program: Braket's gate names read as Qiskit's, with the CLI's figures.
  const braket = join(root, 'examples', 'braket_ghz.qasm');
  await typeCode(page, readFileSync(braket, 'utf8'));
  await page.waitForFunction(() => /cx: 2/.test(document.querySelector('#metrics dd[data-metric="gate types"]')?.textContent ?? ''));
  const b = JSON.parse(execFileSync(cli, ['validate', '--json', braket], { encoding: 'utf8', timeout: CHILD_TIMEOUT }));
  const braketShown = Object.fromEntries(await page.$$eval('#metrics dd', (dds) => dds.map((d) => [d.dataset.metric, d.textContent])));
  assert.equal(b.valid, true);
  assert.equal(braketShown.depth, String(b.depth));
  assert.equal(braketShown['gate types'], Object.entries(b.gate_types).map(([k, v]) => `${k}: ${v}`).join(', '));
  await context.close();
});

test('Qiskit Python: inline diagnostics, Python highlighting, and the CLI\'s figures', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const good = readFileSync(join(root, 'examples', 'bell.py'), 'utf8');
  await typeCode(page, good.replace('qc.cx(0, 1)', 'qc.cx(0, 5)'));
  await page.waitForSelector('.cm-lintRange-error');
  const line = await page.evaluate(() => {
    const mark = document.querySelector('.cm-lintRange-error');
    return [...document.querySelectorAll('.cm-content .cm-line')].findIndex((l) => l.contains(mark)) + 1;
  });
  assert.equal(line, 6, 'the out-of-range qubit is underlined on its line');
  assert.equal(await page.getAttribute('.cm-editor', 'data-language'), 'python', 'highlighted as Python');
  await typeCode(page, good);
  await page.waitForSelector('.cm-lintRange-error', { state: 'detached' });
  const shown = Object.fromEntries(await page.$$eval('#metrics dd', (dds) => dds.map((d) => [d.dataset.metric, d.textContent])));
  const r = JSON.parse(execFileSync(cli, ['validate', '--json', join(root, 'examples', 'bell.py')], { encoding: 'utf8', timeout: CHILD_TIMEOUT }));
  assert.equal(shown.qubits, String(r.qubits));
  assert.equal(shown.depth, String(r.depth));
  assert.equal(shown['gate types'], Object.entries(r.gate_types).map(([k, v]) => `${k}: ${v}`).join(', '));
  assert.equal(await page.locator('#diagram g.op').count(), r.gates);
  await page.screenshot({ path: join(ARTIFACTS, 'python.png'), fullPage: true });
  await context.close();
});

test('a tutorial file with run code: its infos underlined in the editor, the CLI\'s figures', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const file = join(root, 'examples', 'qft_on_aer.py');
  const src = readFileSync(file, 'utf8');
  await typeCode(page, src);
  await page.waitForSelector('.cm-lintRange-info');
  const lines = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('.cm-content .cm-line')];
    return [...document.querySelectorAll('.cm-lintRange-info')].map((m) => rows.findIndex((l) => l.contains(m)) + 1);
  });
  const aer = src.split('\n').findIndex((l) => l.includes('AerSimulator()')) + 1;
  assert.ok(lines.includes(aer), `the skipped simulator run is marked on line ${aer} (marks on ${lines})`);
  assert.equal(await page.locator('.cm-lintRange-error').count(), 0);
  const r = JSON.parse(execFileSync(cli, ['validate', '--json', file], { encoding: 'utf8', timeout: CHILD_TIMEOUT }));
  const shown = Object.fromEntries(await page.$$eval('#metrics dd', (dds) => dds.map((d) => [d.dataset.metric, d.textContent])));
  assert.equal(shown.depth, String(r.depth));
  assert.equal(shown['gate types'], Object.entries(r.gate_types).map(([k, v]) => `${k}: ${v}`).join(', '));
  await context.close();
});

test('a backend picked on the page: findings in the editor, flagged gates, the CLI\'s figures', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const star = readFileSync(join(root, 'examples', 'star.py'), 'utf8');
  await typeCode(page, star);
  await afterValidation(page, () => page.selectOption('#backend', 'ibm_brisbane'));
  await page.waitForSelector('.cm-lintRange-warning');
  const r = JSON.parse(execFileSync(cli, ['validate', '--json', '--backend', 'ibm_brisbane', join(root, 'examples', 'star.py')], { encoding: 'utf8', timeout: CHILD_TIMEOUT }));
  assert.equal(r.backend.connectivity.layout_status, 'none');
  const shown = Object.fromEntries(await page.$$eval('#metrics dd', (dds) => dds.map((d) => [d.dataset.metric, d.textContent])));
  assert.match(shown.backend, /^ibm_brisbane \(Eagle r3\): fits, 5 of 127 qubits/);
  assert.match(shown.connectivity, new RegExp(`^${r.backend.connectivity.uncoupled_as_written} uncoupled as written; no SWAP-free layout`));
  assert.equal(shown['est. duration'], `${(r.backend.estimated_duration_seconds * 1e6).toFixed(2)} µs`);
  assert.equal(shown['est. success'], `${(100 * r.backend.estimated_success_probability).toFixed(1)} %`);
  assert.ok(await page.locator('#diagram g.op.flagged').count() >= 1, 'the uncoupled cx are flagged in the diagram');
  await page.screenshot({ path: join(ARTIFACTS, 'backend.png'), fullPage: true });
  await context.close();
});

test('simulating a Bell circuit draws a histogram near 50/50', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await typeCode(page, bell);
  await page.fill('#shots', '2000');
  await page.click('#run');
  await page.waitForSelector('body[data-simulations="1"]', { timeout: 15000 });
  const bars = await page.$$eval('#histogram g.bar title', (ts) => ts.map((t) => t.textContent));
  assert.equal(bars.length, 2);
  const counts = Object.fromEntries(bars.map((b) => { const m = /^(\d+): (\d+)/.exec(b); return [m[1], Number(m[2])]; }));
  assert.equal(counts['00'] + counts['11'], 2000);
  assert.ok(counts['00'] > 900 && counts['11'] > 900, JSON.stringify(counts));
  await page.screenshot({ path: join(ARTIFACTS, 'simulated.png'), fullPage: true });
  await context.close();
});

// 20 qubits, a few hundred gates, all measured: big enough for the pool (16 qubits and up) and
// long enough to report progress several times.
function wideCircuit(n = 20, layers = 12) {
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', `qreg q[${n}];`, `creg c[${n}];`];
  for (let l = 0; l < layers; ++l) {
    for (let q = 0; q < n; ++q) lines.push(`${['h', 't', 'sx'][(q + l) % 3]} q[${q}];`, `rz(${(0.1 * (q + 1) * (l + 1)).toFixed(3)}) q[${q}];`);
    for (let q = l % 2; q + 1 < n; q += 2) lines.push(`cx q[${q}], q[${q + 1}];`);
  }
  lines.push('measure q -> c;');
  return lines.join('\n') + '\n';
}

test('on the cross-origin isolated page a simulation runs on threads, with progress, and the same counts', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const { isolated, cores } = await page.evaluate(() => ({ isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency }));
  assert.equal(isolated, true, 'COOP and COEP from deploy/nginx.conf');
  const circuit = wideCircuit();
  await typeCode(page, circuit);
  await page.fill('#shots', '3000');
  await page.fill('#seed', '17');
  await page.click('#run');
  await page.waitForSelector('body[data-simulations="1"]', { timeout: 30000 });
  assert.equal(Number(await page.getAttribute('body', 'data-sim-threads')), Math.min(cores, 8));
  assert.ok(Number(await page.getAttribute('body', 'data-sim-progress')) >= 3, 'the worker posted progress as it ran');
  // The same counts as the native CLI, which splits the work its own way (threads change no amplitude).
  const file = join(ARTIFACTS, 'wide.qasm');
  writeFileSync(file, circuit);
  const native = JSON.parse(execFileSync(cli, ['simulate', '--json', '--shots', '3000', '--seed', '17', file], { encoding: 'utf8', timeout: CHILD_TIMEOUT }));
  const bars = await page.$$eval('#histogram g.bar title', (ts) => ts.map((t) => t.textContent));
  const shown = bars.map((b) => /^([01]+): (\d+)/.exec(b)).map((m) => [m[1], Number(m[2])]);
  assert.ok(shown.length > 0);
  for (const [key, count] of shown) assert.equal(native.simulation.counts[key], count, key);
  assert.match(await page.textContent('#sim-status'), new RegExp(`20 qubits, 3000 shots, seed 17, sampling, ${Math.min(cores, 8) > 1 ? `${Math.min(cores, 8)} threads, ` : ''}\\d+ ms`));
  await context.close();
});

test('Qiskit Parameters get their values in the simulation form', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await typeCode(page, 'from qiskit import QuantumCircuit\nfrom qiskit.circuit import Parameter\n\ntheta = Parameter("theta")\n' +
    'qc = QuantumCircuit(1)\nqc.ry(theta, 0)\nqc.measure_all()\n');
  await page.waitForSelector('#params-label:not([hidden])');
  await page.click('#run');
  await page.waitForFunction(() => /E509/.test(document.getElementById('sim-status').textContent), null, { timeout: 15000 });
  await page.fill('#params', 'theta=3.141592653589793');
  await page.fill('#shots', '500');
  await page.click('#run');
  await page.waitForSelector('body[data-simulations="1"]', { timeout: 15000 });
  const bars = await page.$$eval('#histogram g.bar title', (ts) => ts.map((t) => t.textContent));
  assert.deepEqual(bars.map((b) => /^(\d+): (\d+)/.exec(b).slice(1, 3)), [['1', '500']]);
  await context.close();
});

test('a long circuit: the diagram holds only what is in view, scrolls to the end, and the overview jumps', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const lines = ['OPENQASM 2.0;', 'include "qelib1.inc";', 'qreg q[4];', 'creg c[4];'];
  for (let i = 0; i < 2000; i++) lines.push(`rz(0.1) q[${i % 4}];`);
  lines.push('cx q[0], q[3];', 'measure q -> c;');
  const circuit = `${lines.join('\n')}\n`;
  const file = join(ARTIFACTS, 'long.qasm');
  writeFileSync(file, circuit);
  const r = JSON.parse(execFileSync(cli, ['validate', '--json', file], { encoding: 'utf8', timeout: CHILD_TIMEOUT }));
  await pasteCode(page, circuit);
  await page.waitForFunction((n) => document.querySelector('#metrics dd[data-metric="gates"]')?.textContent === String(n), r.gates);
  const drawn = await page.locator('#diagram g.op').count();
  assert.ok(drawn > 0 && drawn < r.gates / 4, `${drawn} of ${r.gates} operations in the DOM`);
  assert.equal(await page.locator('#overview').isVisible(), true, 'the overview is shown for a circuit wider than the view');
  assert.equal(await page.locator('#diagram g.op-cx').count(), 0, 'the last columns are not drawn yet');
  // The register names stay in view while the circuit scrolls.
  await page.$eval('#diagram', (d) => { d.scrollLeft = d.scrollWidth; });
  await page.waitForSelector('#diagram g.op-cx');
  assert.equal(await page.locator('#diagram g.op-measure').count(), 4);
  const labelX = await page.$eval('#diagram .wire-labels', (l) => l.getBoundingClientRect().left - l.closest('.diagram').getBoundingClientRect().left);
  assert.ok(Math.abs(labelX) < 2, `the register names stay at the left edge (${labelX} px)`);
  // A click in the middle of the overview shows the middle of the circuit (scrolled to, as a user
  // would: the page is taller than the window).
  await page.locator('#overview').scrollIntoViewIfNeeded();
  const box = await page.locator('#overview').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => !document.querySelector('#diagram g.op-cx'));
  const shownLines = await page.$$eval('#diagram g.op title', (ts) => ts.map((t) => Number(/line (\d+)/.exec(t.textContent)[1])));
  shownLines.sort((a, b) => a - b);
  const middle = shownLines[shownLines.length >> 1];
  assert.ok(Math.abs(middle - 1004) < 200, `the middle of the circuit is drawn (lines ${shownLines[0]}-${shownLines.at(-1)})`);
  const [left, width] = (await page.getAttribute('#overview', 'data-view')).split(' ').map(Number);
  assert.ok(width > 0 && width < 0.2, `the view is a part of the circuit (${width})`);
  assert.ok(Math.abs(left + width / 2 - 0.5) < 0.05, `the outlined part is centred on the click (${left} + ${width})`);
  await page.screenshot({ path: join(ARTIFACTS, 'long-circuit.png'), fullPage: true });
  // A small circuit again: every operation drawn, no overview.
  await typeCode(page, bell);
  await page.waitForFunction(() => document.querySelector('#metrics dd[data-metric="gates"]')?.textContent === '4');
  assert.equal(await page.locator('#diagram g.op').count(), 4);
  assert.equal(await page.locator('#overview').isVisible(), false);
  await context.close();
});

test('the rules panel switches a warning off, makes one an error, turns on one off by default, and remembers', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  // W204 (a gate after a measurement) and, once switched on, W214 (a measurement of q[1], which no
  // gate touches).
  const code = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\nmeasure q -> c;\nx q[0];\n';
  await typeCode(page, code);
  await page.waitForSelector('.cm-lintRange-warning');
  assert.equal(await page.textContent('#status'), 'Valid, 1 warning.');
  const settled = (action) => afterValidation(page, action);
  await page.click('#rules');
  assert.ok(await page.evaluate(() => document.querySelector('#settings').open), 'the dialog opens');
  // The list is the code table's warnings and infos: no error, every live W code, W214 said off.
  const listed = await page.$$eval('#settings .rule', (rows) => rows.map((r) => r.dataset.code));
  assert.ok(listed.includes('W204') && listed.includes('W604') && listed.includes('I601'), listed.join(' '));
  assert.ok(!listed.some((c) => c.startsWith('E')), 'errors cannot be switched off');
  assert.match(await page.textContent('#settings .rule[data-code="W214"]'), /off by default/);
  assert.match(await page.getAttribute('#settings .rule[data-code="W204"] a', 'href'), /docs\/diagnostics\.md#w204$/);
  await page.fill('#settings .rules-filter', 'after measurement');
  assert.deepEqual(await page.$$eval('#settings .rule:not([hidden])', (rows) => rows.map((r) => r.dataset.code)), ['W204']);
  await page.fill('#settings .rules-filter', '');
  // Off: the warning goes.
  await settled(() => page.uncheck('#rule-W204'));
  assert.equal(await page.textContent('#status'), 'Valid.');
  assert.equal(await page.textContent('#rules'), 'Rules (1)');
  // On again, as an error: the circuit is invalid.
  await settled(() => page.check('#rule-W204'));
  await settled(() => page.selectOption('#settings .rule[data-code="W204"] select', 'error'));
  assert.equal(await page.textContent('#status'), '1 error.');
  // Off by default, switched on, with the keyboard.
  await page.focus('#rule-W214');
  await settled(() => page.keyboard.press('Space'));
  assert.equal(await page.textContent('#status'), '1 error, 1 warning.');
  await page.keyboard.press('Escape');
  assert.ok(!(await page.evaluate(() => document.querySelector('#settings').open)), 'Escape closes it');
  // Remembered on the next visit, and applied to its first result.
  await page.reload();
  await page.waitForSelector('body[data-ready="1"]');
  await typeCode(page, code);
  await page.waitForFunction(() => document.querySelector('#status').textContent === '1 error, 1 warning.');
  assert.equal(await page.textContent('#rules'), 'Rules (2)');
  // Reset: the defaults.
  await page.click('#rules');
  await settled(() => page.click('#settings .rules-reset'));
  assert.equal(await page.textContent('#status'), 'Valid, 1 warning.');
  assert.equal(await page.textContent('#rules'), 'Rules');
  await page.keyboard.press('Escape');
  await context.close();
});

// The language service on the page: a program gate, registers, a slip.
const adder = 'OPENQASM 2.0;\ninclude "qelib1.inc";\ngate majority a, b, c {\n  cx c, b;\n  cx c, a;\n  ccx a, b, c;\n}\n' +
  'qreg cin[1];\nqreg a[4];\ncreg ans[5];\nx a[0];\nmajority cin[0], a[0], a[1];\nmeasure a[0] -> ans[0];\n';

// The screen point of a line and column (1-based) of the editor, for the mouse: the middle of that
// character, found in the line's text nodes (a highlighted line is split into spans).
async function pointAt(page, line, column) {
  return page.evaluate(([l, c]) => {
    const row = [...document.querySelectorAll('.cm-content .cm-line')][l - 1];
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    let left = c - 1;
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (left < t.length) {
        const range = document.createRange();
        range.setStart(t, left);
        range.setEnd(t, left + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      left -= t.length;
    }
    throw new Error(`no column ${c} on line ${l}`);
  }, [line, column]);
}

async function cursorAt(page, line, column) {
  const p = await pointAt(page, line, column);
  await page.mouse.click(p.x, p.y);
}

test('hover shows what a name is: a register, the program\'s gate, a standard gate\'s matrix', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await typeCode(page, adder);
  // The language features load with the editor's first use (typing here).
  await page.waitForSelector('body[data-language="ready"]', { timeout: 10_000 });
  const hoverText = async (line, column) => {
    const p = await pointAt(page, line, column);
    await page.mouse.move(1, 1);
    await page.mouse.move(p.x, p.y);
    const tip = await page.waitForSelector('.cm-tooltip-hover .qvet-hover', { timeout: 5000 });
    return tip.textContent();
  };
  assert.match(await hoverText(12, 11), /Quantum register of 1 qubit/);  // cin
  assert.match(await hoverText(12, 2), /gate majority a, b, c \{[\s\S]*The program's gate: 0 parameters, 3 qubits/);
  assert.match(await hoverText(11, 1), /Standard gate: 0 parameters, 1 qubit; Qiskit's x[\s\S]*\[0\s+1\]/);  // x and its matrix
  assert.match(await hoverText(4, 6), /Qubit argument c of gate majority/);
  await page.screenshot({ path: join(ARTIFACTS, 'hover.png'), fullPage: true });
  await context.close();
});

test('completion lists the program\'s gates and registers with their shapes, and inserts one', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await typeCode(page, adder);
  // The language features load with the editor's first use (typing here).
  await page.waitForSelector('body[data-language="ready"]', { timeout: 10_000 });
  await page.click('.cm-content');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('maj');
  const list = await page.waitForSelector('.cm-tooltip-autocomplete', { timeout: 5000 });
  const labels = await list.$$eval('li', (items) => items.map((li) => li.textContent));
  assert.ok(labels.some((l) => l.startsWith('majority') && l.includes('a, b, c')), labels.join(' | '));
  await page.keyboard.press('Enter');
  await page.keyboard.type(' cin[0], a[1], a[2];');
  await page.waitForFunction(() => /majority cin\[0\], a\[1\], a\[2\];$/.test(document.querySelector('.cm-content').textContent));
  await page.waitForFunction(() => /^Valid/.test(document.getElementById('status').textContent));
  // Registers with their sizes after a gate name.
  await page.keyboard.type('\nx ');
  await page.keyboard.press('Control+Space');
  const regs = await (await page.waitForSelector('.cm-tooltip-autocomplete')).$$eval('li', (items) => items.map((li) => li.textContent));
  assert.ok(regs.some((l) => l.startsWith('a') && l.includes('4 qubits')), regs.join(' | '));
  await page.keyboard.press('Escape');
  await context.close();
});

test('the problems panel lists every diagnostic, jumps to it, and links its documentation', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await typeCode(page, adder.replace('x a[0];', 'x a[7];\nfoo a[0];'));
  await page.waitForFunction(() => document.querySelectorAll('#problems .problem').length === 2);
  const items = await page.$$eval('#problems .problem', (li) => li.map((x) => [x.querySelector('.problem-jump').textContent,
    x.querySelector('.problem-code').textContent]));
  assert.match(items[0][0], /^11:5 error index 7 is out of range/);
  assert.equal(items[0][1], 'E204');
  assert.match(items[1][0], /^12:1 error unknown gate 'foo'/);
  assert.equal(items[1][1], 'E305');
  assert.equal(await page.textContent('#problem-count'), '(2)');
  assert.match(await page.getAttribute('#problems .problem-code', 'href'), /docs\/diagnostics\.md#e204$/);
  // By the keyboard: Tab to the second entry, Enter; the editor selects what it names.
  await page.focus('#problems .problem:nth-child(2) .problem-jump');
  await page.keyboard.press('Enter');
  const selected = await page.evaluate(() => getSelection().toString());
  assert.equal(selected, 'foo');
  // Fixed: only the warning that a[2] and a[3] are never used is left.
  await typeCode(page, adder);
  await page.waitForFunction(() => document.querySelectorAll('#problems .problem').length === 1);
  assert.match(await page.textContent('#problems .problem .problem-jump'), /^9:1 warning 2 qubits are never used: a\[2\], a\[3\]$/);
  assert.equal(await page.textContent('#problem-count'), '(1)');
  await typeCode(page, bell);
  await page.waitForFunction(() => document.querySelectorAll('#problems .problem').length === 0);
  assert.equal(await page.textContent('#problem-count'), '');
  await context.close();
});

test('F12 goes to a definition and F2 renames every use (refused with a reason where unsafe)', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await typeCode(page, adder);
  // The language features load with the editor's first use (typing here).
  await page.waitForSelector('body[data-language="ready"]', { timeout: 10_000 });
  await cursorAt(page, 13, 9);  // `a` in `measure a[0] -> ans[0];`
  await page.keyboard.press('F12');
  await page.waitForFunction(() => getSelection().toString() === 'a');
  const line = await page.evaluate(() => {
    const sel = getSelection().anchorNode.parentElement.closest('.cm-line');
    return [...document.querySelectorAll('.cm-content .cm-line')].indexOf(sel) + 1;
  });
  assert.equal(line, 9, 'the declaration qreg a[4]');
  page.once('dialog', (d) => d.accept('data'));
  await afterValidation(page, () => page.keyboard.press('F2'));
  const text = await page.evaluate(() => [...document.querySelectorAll('.cm-content .cm-line')].map((l) => l.textContent).join('\n'));
  assert.match(text, /qreg data\[4\];/);
  assert.match(text, /majority cin\[0\], data\[0\], data\[1\];/);
  assert.match(text, /gate majority a, b, c/, 'the gate\'s own a is another name');
  assert.match(await page.textContent('#status'), /^Valid/);
  // A standard gate cannot be renamed: the status says why.
  await cursorAt(page, 11, 1);
  page.once('dialog', (d) => d.accept('flip'));
  await page.keyboard.press('F2');
  await page.waitForFunction(() => /Cannot rename: 'x' is a standard gate/.test(document.getElementById('status').textContent));
  await context.close();
});

test('quick fixes: a light bulb in the problems panel and in the editor applies the fix', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  await typeCode(page, 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncnot q[0], q[1];\nx q[2];\n');
  await page.waitForFunction(() => document.querySelectorAll('#problems .problem-fix').length === 2);
  const bulbs = await page.$$eval('#problems .problem-fix', (b) => b.map((x) => x.textContent));
  assert.deepEqual(bulbs, ["💡 Change 'cnot' to 'cx'", "💡 Grow 'q' to 3 qubits"]);
  await afterValidation(page, () => page.click('#problems .problem-fix >> nth=0'));
  await page.waitForFunction(() => document.querySelectorAll('#problems .problem-fix').length === 1);
  // The other from the editor's own tooltip, as a user hovering the underline would.
  const mark = await page.locator('.cm-lintRange-error').first().boundingBox();
  await page.mouse.move(mark.x + 2, mark.y + mark.height / 2);
  const action = await page.waitForSelector('.cm-tooltip-lint .cm-diagnosticAction', { timeout: 5000 });
  assert.equal(await action.textContent(), "💡 Grow 'q' to 3 qubits");
  await afterValidation(page, () => action.click());
  await page.waitForFunction(() => /^Valid/.test(document.getElementById('status').textContent));
  const text = await page.evaluate(() => [...document.querySelectorAll('.cm-content .cm-line')].map((l) => l.textContent).join('\n'));
  assert.equal(text, 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[3];\ncx q[0], q[1];\nx q[2];\n');
  await context.close();
});

test('the shared URL restores the circuit', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  const circuit = bell.replace('h q[0];', 'h q[0];\nrz(pi/3) q[1]; // shared ✓');
  await typeCode(page, circuit);
  await page.click('#share');
  await page.waitForFunction(() => location.hash.startsWith('#code='));
  const url = page.url();
  const other = await openPage(context, url);
  const text = await other.evaluate(() => [...document.querySelectorAll('.cm-content .cm-line')].map((l) => l.textContent).join('\n'));
  assert.equal(text, circuit);
  await context.close();
});

test('security headers and the health endpoint', { skip, timeout }, async () => {
  const page = await (await browser.newContext()).newPage();
  const res = await page.goto(URL_());
  const h = res.headers();
  assert.match(h['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(h['content-security-policy'], /frame-ancestors 'none'/);
  assert.doesNotMatch(h['content-security-policy'], /script-src[^;]*'unsafe-(inline|eval)'/);
  assert.doesNotMatch(h['content-security-policy'], /default-src[^;]*\*/);
  assert.equal(h['x-content-type-options'], 'nosniff');
  assert.equal(h['referrer-policy'], 'no-referrer');
  assert.equal(h['cache-control'], 'no-cache');
  // Cross-origin isolation, for the simulation's threads: on the page and on its scripts (a worker's too).
  assert.equal(h['cross-origin-opener-policy'], 'same-origin');
  assert.equal(h['cross-origin-embedder-policy'], 'require-corp');
  const threads = await fetch(`${URL_()}threads/qvet-threads.worker.js`);
  assert.equal(threads.status, 200);
  assert.equal(threads.headers.get('cross-origin-embedder-policy'), 'require-corp');
  assert.equal(h.server, 'nginx', 'no version in the Server header');
  const health = await fetch(`${URL_()}health`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: 'healthy', version: JSON.parse(readFileSync(join(root, 'package.json'))).version, service: 'qvet-web' });
  const wasmName = execFileSync('ls', [join(root, 'build-web', 'site', 'assets')], { encoding: 'utf8', timeout: CHILD_TIMEOUT }).split('\n').find((f) => f.endsWith('.wasm'));
  const wasm = await fetch(`${URL_()}assets/${wasmName}`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.match(wasm.headers.get('cache-control'), /immutable/);
});

test('after the first visit the page works with the server stopped', { skip, timeout }, async () => {
  const context = await browser.newContext();
  const page = await openPage(context);
  // The service worker installs (precaching every asset) and takes control of the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  await server.stop();
  try {
    await page.reload();
    await page.waitForSelector('body[data-ready="1"]', { timeout: 15000 });
    assert.match(await page.textContent('#status'), /^Valid/);
    await page.screenshot({ path: join(ARTIFACTS, 'offline.png'), fullPage: true });
  } finally {
    // The same port: the service worker and the later tests belong to this origin.
    server = await startNginx({ port: server.port });
    await context.close();
  }
});

test('no console errors on any page', { skip, timeout }, () => {
  // With the server stopped, Chromium logs the failed page fetch the service worker then answers.
  assert.deepEqual(consoleErrors.filter((e) => !/ERR_CONNECTION_REFUSED/.test(e)), []);
});
