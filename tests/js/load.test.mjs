// The server under load: the real nginx with deploy/nginx.conf serving the built page on a port of
// its own, driven by autocannon for a bounded time. Every response must be a 200 with its security
// headers and the right MIME type, and /health must keep answering while the load runs. Prints the
// figures (requests, throughput, p50/p99 latency) the README quotes.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import autocannon from 'autocannon';
import { builtSite, startNginx } from '../helpers/nginx.mjs';

const built = existsSync(join(builtSite, 'index.html'));
const SECONDS = Number(process.env.QVET_LOAD_SECONDS ?? 5);

// What each path must be served as.
function paths() {
  const assets = readdirSync(join(builtSite, 'assets'));
  const js = assets.find((f) => f.endsWith('.js'));
  const wasm = assets.find((f) => f.endsWith('.wasm'));
  return [
    { path: '/', type: /^text\/html/ },
    { path: `/assets/${js}`, type: /^(application|text)\/javascript/ },
    { path: `/assets/${wasm}`, type: /^application\/wasm$/ },
    { path: '/sw.js', type: /^(application|text)\/javascript/ },
    { path: '/health', type: /^application\/json/ },
  ];
}

test('nginx serves the page under load: no errors, every response with its headers and type, /health answering',
  { skip: !built && 'the page is not built (scripts/build-web.sh)', timeout: 120_000 }, async () => {
    const server = await startNginx();
    const problems = [];
    try {
      const base = server.url.replace(/\/$/, '');
      const requests = paths().map(({ path, type }) => ({
        method: 'GET',
        path,
        headers: { 'accept-encoding': 'gzip' },
        onResponse: (status, _body, _context, raw) => {
          const h = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), String(v)]));
          const bad = [];
          if (status !== 200) bad.push(`status ${status}`);
          if (!type.test(h['content-type'] ?? '')) bad.push(`content-type ${h['content-type']}`);
          if (!/script-src 'self' 'wasm-unsafe-eval'/.test(h['content-security-policy'] ?? '')) bad.push('no CSP');
          if (h['x-content-type-options'] !== 'nosniff') bad.push('no nosniff');
          if (h['referrer-policy'] !== 'no-referrer') bad.push('no Referrer-Policy');
          if (bad.length && problems.length < 10) problems.push(`${path}: ${bad.join(', ')}`);
        },
      }));
      // /health polled beside the load, as a container health check would.
      let polling = true;
      const health = [];
      const poller = (async () => {
        while (polling) {
          const t0 = performance.now();
          const res = await fetch(`${base}/health`, { signal: AbortSignal.timeout(5000) });
          await res.text();
          health.push({ ok: res.status === 200, ms: performance.now() - t0 });
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      const result = await autocannon({ url: base, connections: 32, duration: SECONDS, requests, timeout: 10 });
      polling = false;
      await poller;
      const worstHealth = Math.max(...health.map((x) => x.ms));
      console.log(`load: ${result.requests.total} requests in ${SECONDS} s over ${result.connections} connections, ` +
        `${Math.round(result.requests.average)} a second, ${(result.throughput.average / 1e6).toFixed(1)} MB/s; latency ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; /health answered ` +
        `${health.length} polls, slowest ${worstHealth.toFixed(1)} ms`);
      assert.deepEqual(problems, []);
      assert.equal(result.errors, 0, 'connection errors');
      assert.equal(result.timeouts, 0, 'timeouts');
      assert.equal(result.non2xx, 0, 'responses other than 2xx');
      assert.ok(result.requests.total > 1000, `only ${result.requests.total} requests`);
      assert.ok(health.length >= SECONDS * 5 && health.every((x) => x.ok), '/health kept answering');
      assert.ok(worstHealth < 2000, `/health took ${worstHealth} ms under load`);
    } finally {
      await server.stop();
    }
  });
