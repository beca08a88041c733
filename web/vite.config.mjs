// Builds the page into build-web/site. The page imports the package from this repository's dist/
// (the same files npm ships), its worker included as a module worker.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    alias: [
      { find: /^qvet\/worker$/, replacement: `${dist}worker.mjs` },
      { find: /^qvet$/, replacement: `${dist}index.mjs` },
    ],
  },
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../build-web/site/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,  // the .wasm stays a file: streamed, cached, served as application/wasm
    reportCompressedSize: false,
  },
});
