// The test server helper (tests/helpers/nginx.mjs) with the real nginx: a port of its own, a
// failure that says why and comes at once, and a stop that cannot hang. These are what kept the
// browser test from hanging when a main job already served 8080.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { deployConf, startNginx, stopProcess } from '../helpers/nginx.mjs';

const work = mkdtempSync(join(tmpdir(), 'qvet-nginx-helper-'));
after(() => rmSync(work, { recursive: true, force: true }));
// /health is answered by nginx itself: no built page is needed.
const site = work;
const timeout = 30_000;
const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

test('nginx starts on a port of its own, answers /health, and stops', { timeout }, async () => {
  const server = await startNginx({ site });
  try {
    assert.notEqual(server.port, 8080);
    const res = await fetch(`${server.url}health`);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).version, version);
  } finally {
    await server.stop();
  }
  assert.notEqual(server.process.exitCode ?? server.process.signalCode, null, 'nginx has exited');
  await assert.rejects(fetch(`${server.url}health`), 'nothing answers on its port any more');
  const t0 = performance.now();
  await server.stop();
  assert.ok(performance.now() - t0 < 100, 'stopping a server that has exited returns at once');
});

test('a broken config rejects at once, with nginx\'s message', { timeout }, async () => {
  const conf = join(work, 'broken.conf');
  writeFileSync(conf, readFileSync(deployConf, 'utf8').replace('server_tokens off;', 'server_tokens off;\n  no_such_directive on;'));
  const t0 = performance.now();
  await assert.rejects(startNginx({ site, conf }), (e) => {
    assert.match(e.message, /exited \(code 1, signal null\) before \/health answered/);
    assert.match(e.message, /unknown directive "no_such_directive"/);
    return true;
  });
  const ms = performance.now() - t0;
  assert.ok(ms < 2000, `rejected after ${ms.toFixed(0)} ms (the wait for /health is 10 s)`);
});

test('a port another server holds rejects at once, with the reason (no retry when the port is given)', { timeout }, async () => {
  // A plain TCP server: it accepts connections but answers no HTTP, so only nginx's exit can end
  // the wait quickly.
  const holder = createServer((socket) => socket.destroy());
  await new Promise((r) => holder.listen(0, r));
  try {
    const { port } = holder.address();
    const t0 = performance.now();
    await assert.rejects(startNginx({ site, port }), (e) => {
      assert.match(e.message, new RegExp(`nginx on port ${port} exited`));
      assert.match(e.message, new RegExp(`bind\\(\\) to \\S+:${port} failed \\(98: Address already in use\\)`));
      assert.equal(e.bindFailed, true);
      return true;
    });
    // nginx itself tries bind() 5 times, 500 ms apart, before it exits: about 2.5 s.
    const ms = performance.now() - t0;
    assert.ok(ms < 5000, `rejected after ${ms.toFixed(0)} ms (the wait for /health is 10 s)`);
  } finally {
    await new Promise((r) => holder.close(r));
  }
});

test('stop kills a process that ignores SIGQUIT after the grace period', { timeout }, async () => {
  // It says "ready" once its handler is in place, so the SIGQUIT cannot come before it.
  const stubborn = spawn(process.execPath, ['-e', 'process.on("SIGQUIT", () => {}); console.log("ready"); setInterval(() => {}, 1000);'],
    { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((r) => stubborn.stdout.once('data', r));
  const t0 = performance.now();
  await stopProcess(stubborn, 500);
  const ms = performance.now() - t0;
  assert.equal(stubborn.signalCode, 'SIGKILL');
  assert.ok(ms >= 450 && ms < 2000, `stopped after ${ms.toFixed(0)} ms (grace 500 ms)`);
});
