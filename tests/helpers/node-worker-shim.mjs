// Runs the package's Web Worker entry inside a Node worker thread: provides the `self` a browser
// worker has (postMessage, onmessage) over worker_threads' parentPort, and a fetch that reads the
// package's own file: URLs (Node's fetch refuses them; a browser fetches them over HTTP), telling
// the test each URL it reads ({fetched}) so it can check which modules a call loaded. Test-only.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';

globalThis.self = {
  postMessage: (message) => parentPort.postMessage(message),
  set onmessage(handler) {
    parentPort.on('message', (data) => handler({ data }));
  },
};
const networkFetch = globalThis.fetch;
globalThis.fetch = async (url, init) => {
  const href = String(url);
  if (!href.startsWith('file:')) return networkFetch(url, init);
  parentPort.postMessage({ fetched: href });
  return new Response(await readFile(new URL(href)), { headers: { 'Content-Type': 'application/wasm' } });
};
await import('../../dist/worker-entry.mjs');
