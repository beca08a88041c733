// The real nginx with deploy/nginx.conf, for tests: on a free port of its own, with its own pid,
// log and temp paths in a fresh prefix folder, so it never collides with a running main job
// (`scripts/run.sh` / `scripts/serve.sh` on 8080) or another test. start() resolves once /health
// answers and rejects at once, with nginx's own words, if nginx exits first; stop() never waits
// forever.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './native.mjs';

export const deployConf = join(root, 'deploy', 'nginx.conf');
export const builtSite = join(root, 'build-web', 'site');

// A port nothing listens on right now: the kernel's pick for port 0. Another process may take it
// before nginx binds it; start() then tries again with a new one.
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// The deployed config with only what must differ for a test: the port in every listen directive,
// and the pid file, error log and temp folders (all under /tmp in deploy/nginx.conf) in the prefix.
export function testConfig(text, port, prefix) {
  const listen = /^(\s*listen\s+(?:\S*:)?)\d+\b/gm;
  // Without a listen directive nginx would take port 80 (or 8000): not a port of our own.
  if (text.search(listen) < 0) throw new Error('the nginx config has no `listen PORT` directive to replace');
  const pid = `pid ${join(prefix, 'nginx.pid')};`;
  // The temp folders first: the prefix itself lives under /tmp.
  const own = text.replaceAll('/tmp/qvet-nginx-', `${join(prefix, 'temp')}/`);
  return (/^\s*pid\s/m.test(own) ? own.replace(/^(\s*)pid\s+[^;]+;/m, `$1${pid}`) : `${pid}\n${own}`)
    .replace(listen, `$1${port}`)
    .replace(/^(\s*error_log\s+)\S+/m, `$1${join(prefix, 'error.log')}`);
}

const tail = (text, lines = 15) => text.trim().split('\n').slice(-lines).join('\n');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Ends a child process without ever hanging: at once if it has already exited (waiting for an
// 'exit' event that was already emitted is the hang this module exists to prevent); else SIGQUIT
// (nginx's graceful stop), then SIGKILL after graceMs.
export async function stopProcess(child, graceMs = 3000) {
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  if (gone()) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGQUIT');
  if (await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)])) return;
  child.kill('SIGKILL');
  // SIGKILL cannot be caught; the bound only guards against a process stuck in the kernel.
  await Promise.race([exited, sleep(1000)]);
}

// One try on one port. Resolves with the running server, or rejects with `bindFailed` set when
// the port was taken (so that start() may try another).
async function startOnce({ site, conf, port, readyMs }) {
  const prefix = mkdtempSync(join(tmpdir(), 'qvet-test-nginx-'));
  chmodSync(prefix, 0o755);  // as root the worker runs as nobody, which must reach html/
  mkdirSync(join(prefix, 'temp'));
  symlinkSync(site, join(prefix, 'html'));
  const confPath = join(prefix, 'nginx.conf');
  try {
    writeFileSync(confPath, testConfig(readFileSync(conf, 'utf8'), port, prefix));
  } catch (e) {
    rmSync(prefix, { recursive: true, force: true });
    throw e;
  }

  // -e: the log nginx writes before it has read the config (Debian's default is /var/log/nginx).
  const child = spawn('nginx', ['-e', 'stderr', '-p', `${prefix}/`, '-c', confPath, '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => { stderr += d; });
  // A process left behind by a test file that is torn down: kill is synchronous, so it runs here.
  const reap = () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL'); };
  process.once('exit', reap);

  let exited = null;
  const exitedP = new Promise((r) => child.once('exit', (code, signal) => { exited = { code, signal }; r(); }));
  let spawnError = null;
  child.once('error', (e) => { spawnError = e; });

  const url = `http://127.0.0.1:${port}/`;
  const pidFile = join(prefix, 'nginx.pid');
  const ownPid = () => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : null);
  const cleanup = () => { process.removeListener('exit', reap); rmSync(prefix, { recursive: true, force: true }); };
  const fail = async (why) => {
    if (!spawnError) await stopProcess(child);  // a process that never started has nothing to stop
    const log = existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '';
    cleanup();
    const err = new Error(`nginx on port ${port} ${why}\n--- nginx stderr:\n${tail(stderr) || '(empty)'}\n--- error.log:\n${tail(log) || '(empty)'}`);
    err.bindFailed = /Address already in use/.test(stderr + log);
    throw err;
  };

  const deadline = Date.now() + readyMs;
  while (Date.now() < deadline) {
    if (spawnError) return fail(`could not be started: ${spawnError.message}`);
    if (exited) return fail(`exited (code ${exited.code}, signal ${exited.signal}) before /health answered`);
    try {
      const res = await fetch(`${url}health`, { signal: AbortSignal.timeout(1000) });
      // Only our own nginx counts, not another server on a port we were told to use: nginx writes
      // its pid file once it holds the port.
      if (res.ok && !exited && ownPid() === child.pid) {
        return {
          url, port, prefix, process: child,
          stop: async (graceMs) => { await stopProcess(child, graceMs); cleanup(); },
        };
      }
    } catch {}
    await Promise.race([exitedP, sleep(50)]);
  }
  return fail(`did not answer /health within ${readyMs} ms`);
}

// Starts nginx serving `site` with `conf` (a deploy/nginx.conf-style file). With `port`, that
// port and no other (a restart on the same origin); without, a free port, tried up to `attempts`
// times if another process binds it first.
export async function startNginx({ site = builtSite, conf = deployConf, port, attempts = 5, readyMs = 10000 } = {}) {
  for (let i = 1; ; i++) {
    try {
      return await startOnce({ site, conf, port: port ?? (await freePort()), readyMs });
    } catch (e) {
      if (!e.bindFailed || port !== undefined || i >= attempts) throw e;
    }
  }
}
