// The page's first script: it starts the validation worker (which fetches and compiles the wasm)
// at once, then loads the editor and the rest, which is most of the page's JavaScript, in parallel.
import { createWorkerValidator } from 'qvet/worker';

const validator = createWorkerValidator();
const ui = await import('./main.mjs');
await ui.start(validator);
