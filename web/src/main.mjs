// The page: each feature is its own module; this file wires them. Validation runs in one Web
// Worker (debounced, stale answers dropped) and simulation in another, so neither ever blocks
// typing and a long simulation never delays the diagnostics.
import { createWorkerValidator } from 'qvet/worker';
import { MAX_OPS, drawCircuit, setGates } from './diagram.mjs';
import { Compartment } from '@codemirror/state';
import { applyFix, initEditor, selectRange, setDoc, setLanguage, showDiagnostics } from './editor.mjs';
import { examples } from './examples.mjs';
import { drawHistogram } from './histogram.mjs';
import { showMetrics, statusText } from './metrics.mjs';
import { showProblems } from './problems.mjs';
import { initSettings } from './settings.mjs';
import { decode, encode } from './share.mjs';

const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 150;

let validator = null;  // for validation
let simulator = null;  // a promise of the simulation worker, separate so cancelling keeps validation alive
let latest = 0;        // sequence number of the newest validation request
let report = null;     // the report shown
let timer = 0;
let rules;             // the settings panel's `rules` option (undefined: every rule as qvet sets it)
let docsOf = new Map();  // diagnostic code -> its documentation link (the package's code table)
let code = decode(location.hash) ?? examples['Bell pair'];

function status(text) {
  $('status').textContent = text;
}

function render(r) {
  report = r;
  if (r.format !== 'unknown') setLanguage(editor, r.format);
  // Qiskit code with Parameters: the simulation needs their values.
  $('params-label').hidden = !(r.parameters?.length);
  if (r.parameters?.length) $('params').placeholder = r.parameters.map((p) => `${p}=0.5`).join(', ');
  showDiagnostics(editor, r);
  const problems = showProblems($('problems'), r, {
    docs: (c) => docsOf.get(c),
    onPick: (d) => selectRange(editor, d),
    onFix: (fix) => applyFix(editor, fix),
  });
  $('problem-count').textContent = problems ? `(${problems})` : '';
  showMetrics($('metrics'), r);
  drawCircuit($('diagram'), r, { overview: $('overview') });
  status(statusText(r));
  document.body.dataset.validations = String(Number(document.body.dataset.validations ?? 0) + 1);
  if (!document.body.dataset.ready) {
    document.body.dataset.readyAt = performance.now().toFixed(0);  // for the figures
    performance.mark('qvet:rendered');  // bench/page_first_result.mjs reads the marks
  }
  document.body.dataset.ready = '1';
}

async function validateNow() {
  if (!validator) {  // a setting changed before the worker answered: try again shortly
    scheduleValidation();
    return;
  }
  const seq = ++latest;
  const source = code;
  try {
    const options = { format: $('format').value, operations: true, maxOperations: MAX_OPS };
    if ($('backend').value) options.backend = $('backend').value;
    if (rules) options.rules = rules;
    if (!report) performance.mark('qvet:validate-sent');
    const sent = performance.now();
    const r = await validator.validate(source, options);
    if (!report) performance.mark('qvet:result');
    // The worker's round trip and the render, for bench/page_big_circuit.mjs.
    performance.measure('qvet:validate', { start: sent });
    if (seq === latest) render(r);  // an older answer arriving late is dropped
    performance.measure('qvet:render', { start: sent });
  } catch (err) {
    if (seq === latest) status(`Validation failed: ${err.message}`);
  }
}

function scheduleValidation() {
  clearTimeout(timer);
  timer = setTimeout(validateNow, DEBOUNCE_MS);
}

$('editor').replaceChildren();  // boot.mjs's plain view of the code, until now
const languageSlot = new Compartment();
const editor = initEditor($('editor'), {
  doc: code,
  onChange(text) {
    code = text;
    status('Checking…');
    if (validator) scheduleValidation();
  },
  extensions: [languageSlot.of([])],
});

// Hover, completion, F12 and F2, from the validation worker's language service: their code (with
// CodeMirror's autocompletion) is loaded when the editor is first used, or once the page is idle,
// so the first load carries only what the first result needs.
let languageLoaded = false;
function loadLanguage() {
  if (languageLoaded) return;
  languageLoaded = true;
  import('./language.mjs').then(({ languageFeatures }) => {
    const features = languageFeatures({ service: () => validator, options: () => ({ format: $('format').value }), onStatus: status });
    editor.dispatch({ effects: languageSlot.reconfigure(features) });
    document.body.dataset.language = 'ready';
  }, (err) => console.warn('qvet: the editor\'s language features did not load:', err.message));
}
for (const event of ['pointerover', 'focusin', 'keydown']) $('editor').addEventListener(event, loadLanguage, { once: true });

// ---- examples, format, share, download, theme
for (const name of Object.keys(examples)) $('example').append(new Option(name, name));
$('example').addEventListener('change', () => setDoc(editor, examples[$('example').value]));
$('format').addEventListener('change', scheduleValidation);
$('backend').addEventListener('change', scheduleValidation);

// The backend picker: each built-in profile, then the devices that select it.
function fillBackends(profiles) {
  for (const p of profiles) {
    if (!p.qubits) continue;  // the generic shapes need a size; the CLI and the package take them
    const group = document.createElement('optgroup');
    group.label = `${p.processor} (${p.qubits} qubits)`;
    group.append(new Option(p.name, p.name), ...p.devices.map((d) => new Option(d, d)));
    $('backend').append(group);
  }
}

$('share').addEventListener('click', async () => {
  const url = `${location.origin}${location.pathname}#code=${encode(code)}`;
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    status('Link copied.');
  } catch {
    status('The link is in the address bar.');
  }
});

$('download').addEventListener('click', () => {
  if (!report) return;
  const blob = new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' });
  const a = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: 'qvet-report.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});

function applyTheme(dark) {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  $('theme').setAttribute('aria-pressed', String(dark));
  $('theme').textContent = dark ? 'Light theme' : 'Dark theme';
}
applyTheme(matchMedia('(prefers-color-scheme: dark)').matches);
$('theme').addEventListener('click', () => applyTheme(document.documentElement.dataset.theme !== 'dark'));

// ---- simulation
let running = null;
$('sim-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (running) return;
  const shots = Number($('shots').value), seed = Number($('seed').value);
  if (!Number.isSafeInteger(shots) || shots < 1 || !Number.isSafeInteger(seed) || seed < 0) {
    $('sim-status').textContent = 'Shots must be a positive whole number and the seed a non-negative one.';
    return;
  }
  const parameters = {};
  for (const part of $('params-label').hidden ? [] : $('params').value.split(',')) {
    if (!part.trim()) continue;
    const [name, value, extra] = part.split('=').map((x) => x.trim());
    if (!name || value === undefined || extra !== undefined || !Number.isFinite(Number(value)) || value === '') {
      $('sim-status').textContent = `Parameters are name=number pairs separated by commas; '${part.trim()}' is not one.`;
      return;
    }
    parameters[name] = Number(value);
  }
  running = new AbortController();
  $('run').disabled = true;
  $('cancel').disabled = false;
  const started = performance.now();
  let done = 0;  // the share of the run the worker reported
  const tick = setInterval(() => {
    const percent = done > 0 ? ` ${Math.floor(done * 100)}%,` : '';
    $('sim-status').textContent = `Running…${percent} ${((performance.now() - started) / 1000).toFixed(1)} s`;
  }, 100);
  $('sim-status').textContent = 'Running…';
  try {
    // Started on first use: the first load fetches one wasm. On a cross-origin isolated page the
    // worker simulates on threads, with the threaded module that build-web.sh puts in threads/.
    simulator ??= createWorkerValidator({ threadsUrl: new URL('./threads/qvet-threads.mjs', document.baseURI) });
    const onProgress = (fraction) => {
      done = fraction;
      document.body.dataset.simProgress = String(Number(document.body.dataset.simProgress ?? 0) + 1);
    };
    const simOptions = { format: $('format').value, shots, seed, parameters };
    if (rules) simOptions.rules = rules;
    const r = await (await simulator).simulate(code, simOptions, { signal: running.signal, onProgress });
    const s = r.simulation;
    if (!r.valid) $('sim-status').textContent = 'Fix the errors first.';
    else if (!s.ok) $('sim-status').textContent = `${s.error.message} [${s.error.code}]`;
    else {
      const ms = performance.now() - started;
      const threads = s.threads > 1 ? `${s.threads} threads, ` : '';
      $('sim-status').textContent = `${s.qubits} qubits, ${s.shots} shots, seed ${s.seed}, ${s.method}, ${threads}${ms.toFixed(0)} ms.`;
      document.body.dataset.simThreads = String(s.threads);
      drawHistogram($('histogram'), Object.entries(s.counts), { total: s.shots, unit: 'counts' });
      document.body.dataset.simulations = String(Number(document.body.dataset.simulations ?? 0) + 1);
    }
  } catch (err) {
    $('sim-status').textContent = err.name === 'AbortError' ? 'Cancelled.' : `Simulation failed: ${err.message}`;
  } finally {
    clearInterval(tick);
    running = null;
    $('run').disabled = false;
    $('cancel').disabled = true;
  }
});
$('cancel').addEventListener('click', () => running?.abort());
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('sim-form').requestSubmit();
});

// ---- start: boot.mjs started the validation worker before this module (and CodeMirror) loaded, so
// the wasm compiles while the editor is built; the service worker makes the page work offline.
// `first`: boot.mjs's validation of the opening circuit on the page's own thread, a promise of
// {code, options, report, backends, gates, codes}; shown while the document and the controls are still what it
// was asked with. Every later validation goes to the worker.
// The rules panel, from the code table; a change validates again.
function fillSettings(codes) {
  docsOf = new Map(codes.map((c) => [c.code, c.docs]));
  rules = initSettings({
    dialog: $('settings'),
    opener: $('rules'),
    codes,
    onChange(next) {
      rules = next;
      scheduleValidation();
    },
  });
}

export async function start(validatorPromise, first) {
  performance.mark('qvet:ui');  // the editor is up
  const early = await first?.catch(() => null);
  if (early) {
    fillBackends(early.backends);
    setGates(early.gates);
    fillSettings(early.codes);
    const unchanged = early.code === code && $('format').value === early.options.format && !$('backend').value && !rules;
    if (unchanged) render(early.report);
  }
  validator = await validatorPromise;
  performance.mark('qvet:worker-ready');  // the worker answered: its module is instantiated
  if (!early) {
    fillBackends(validator.backends);
    setGates(validator.gates);
    fillSettings(validator.codes);
  }
  if (!report || code !== early?.code) await validateNow();
  setTimeout(() => (window.requestIdleCallback ?? setTimeout)(loadLanguage), 3000);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('./sw.js').catch((err) => console.warn('offline cache unavailable:', err.message));
  }
}
