// Runs the package's Web Worker entry inside a Node worker thread: provides the `self` a browser
// worker has (postMessage, onmessage) over worker_threads' parentPort. Test-only.
import { parentPort } from 'node:worker_threads';

globalThis.self = {
  postMessage: (message) => parentPort.postMessage(message),
  set onmessage(handler) {
    parentPort.on('message', (data) => handler({ data }));
  },
};
await import('../../dist/worker-entry.mjs');
