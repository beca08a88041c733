// The page's first script: everything the first result waits for starts here, before the editor's
// JavaScript (most of the page's) has arrived. The small WebAssembly module is fetched and compiled
// at once (streamed: compiling while the bytes arrive). The opening circuit is validated on this
// thread, once, as soon as that module is compiled: a Web Worker takes a few hundred milliseconds
// to start on a slow machine, and this first call takes a few. The worker starts meanwhile, gets
// the compiled module (it only instantiates it), and does every later validation.
import { makeValidator } from '../../dist/api.mjs';
import createLeanModule from '../../dist/qvet-lean.mjs';
import { createWorkerValidator } from 'qvet/worker';
import { MAX_OPS, drawCircuit, setGates } from './diagram.mjs';
import { examples } from './examples.mjs';
import { showMetrics, statusText } from './metrics.mjs';
import { decode } from './share.mjs';

const leanModule = WebAssembly.compileStreaming(fetch(new URL('../../dist/qvet-lean.wasm', import.meta.url)));
const ui = import('./main.mjs');
const validator = createWorkerValidator({ leanModule });
const code = decode(location.hash) ?? examples['Bell pair'];
// What the page's controls say when it opens (format auto-detect, no backend; the operations the
// diagram draws): main.mjs uses this answer only while they still say so.
const options = { format: 'auto', operations: true, maxOperations: MAX_OPS };

async function validateHere() {
  const compiled = await leanModule;
  const mod = await createLeanModule({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled));
      return {};
    },
  });
  const v = makeValidator(mod);
  // The small module reads OpenQASM 2 only: OpenQASM 3 and Python wait for the worker's full one.
  const front = v.frontEnd(code, options, 'validate');
  if (front === 'qasm3' || front === 'python') throw new Error(`the opening circuit is ${front}`);
  performance.mark('qvet:validate-sent');  // bench/page_first_result.mjs reads the marks
  const report = v.validate(code, options);
  performance.mark('qvet:result');
  return { code, options, report, backends: v.backends, gates: v.gates, codes: v.codes };
}
// Until the editor's JavaScript has arrived: the code as plain text where the editor goes, and the
// first result's figures, diagram and status as soon as it is known (main.mjs redraws them all).
const $ = (id) => document.getElementById(id);
const plain = document.createElement('pre');
plain.className = 'editor-plain';
plain.textContent = code;
$('editor').append(plain);
const first = validateHere();
first.then(
  ({ report, gates }) => {
    if (document.body.dataset.ready) return;  // the editor was quicker
    setGates(gates);
    showMetrics($('metrics'), report);
    drawCircuit($('diagram'), report, { overview: $('overview') });
    $('status').textContent = statusText(report);
    document.body.dataset.firstResultAt = performance.now().toFixed(0);
    performance.mark('qvet:shown');
  },
  () => {},  // then the page waits for the worker and validates there
);
await (await ui).start(validator, first);
