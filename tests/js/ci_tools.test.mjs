// The drop-in CI pieces, run here as a workflow and pre-commit would run them: action.yml's step
// (scripts/action.sh) and the .pre-commit-hooks.yaml entry, both on the package's CLI built here
// (dist/cli.cjs) instead of the one npx would fetch. Skips, saying why, without it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers/native.mjs';

const wasmCli = join(root, 'dist', 'cli.cjs');
const skip = existsSync(wasmCli) ? false : 'dist/cli.cjs is not built (scripts/build-wasm.sh)';
const TIMEOUT = 60_000;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function repo() {
  const dir = mkdtempSync(join(tmpdir(), 'qvet-repo-'));
  mkdirSync(join(dir, 'circuits', 'deep'), { recursive: true });
  writeFileSync(join(dir, 'circuits', 'ok.qasm'), 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nqreg spare[1];\nh q[0];\ncx q[0], q[1];\n');
  writeFileSync(join(dir, 'circuits', 'deep', 'bad.qasm'), 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncx q[0], q[7];\n');
  writeFileSync(join(dir, 'README.md'), 'not a circuit\n');
  return dir;
}

function action(cwd, env) {
  const res = spawnSync('bash', [join(root, 'scripts', 'action.sh')], {
    cwd, encoding: 'utf8', timeout: TIMEOUT,
    env: { ...process.env, NO_COLOR: '1', QVET_CLI: `${process.execPath} ${wasmCli}`, ...env },
  });
  if (res.error) throw res.error;
  return res;
}

test('action.yml: its inputs reach the step, which annotates, writes the SARIF log and fails on an invalid circuit', { skip, timeout: 4 * TIMEOUT }, () => {
  // Every QVET_* the step passes comes from a declared input, and the step runs scripts/action.sh.
  const yml = readFileSync(join(root, 'action.yml'), 'utf8');
  const declared = [...yml.matchAll(/^ {2}([a-z-]+):\n {4}description:/gm)].map((m) => m[1]);
  const passed = [...yml.matchAll(/QVET_[A-Z]+: \$\{\{ inputs\.([a-z-]+) \}\}/g)].map((m) => m[1]);
  assert.deepEqual([...passed].sort(), [...declared].sort(), 'each input is passed to the step, once');
  assert.match(yml, /run: bash "\$GITHUB_ACTION_PATH\/scripts\/action\.sh"/);
  assert.match(yml, /uses: github\/codeql-action\/upload-sarif@v3/);

  const dir = repo();
  const res = action(dir, { QVET_PATHS: 'circuits/**/*.qasm', QVET_UPLOAD: 'true', QVET_SARIF: 'out.sarif' });
  assert.equal(res.status, 1, res.stderr);
  const lines = res.stdout.trim().split('\n');
  assert.ok(lines.some((l) => /^::error file=circuits\/deep\/bad\.qasm,line=4,col=\d+,.*title=E204 index out of range::/.test(l)), res.stdout);
  assert.ok(lines.some((l) => l.startsWith('::warning file=circuits/ok.qasm,line=4,')), res.stdout);
  assert.equal(lines.at(-1), 'qvet: 2 files, 1 valid, 1 invalid; 1 error, 1 warning');
  const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
  assert.deepEqual(sarif.runs[0].artifacts.map((a) => a.location.uri).sort(), ['circuits/deep/bad.qasm', 'circuits/ok.qasm']);
  // fail-on-invalid: false; a configuration for every file; no file matched.
  assert.equal(action(dir, { QVET_PATHS: 'circuits/**/*.qasm', QVET_FAIL: 'false' }).status, 0);
  writeFileSync(join(dir, 'strict.json'), JSON.stringify({ rules: { error: ['W202'] } }));
  const strict = action(dir, { QVET_PATHS: 'circuits/ok.qasm', QVET_CONFIG: 'strict.json' });
  assert.equal(strict.status, 1);
  assert.match(strict.stdout, /^::error file=circuits\/ok\.qasm,line=4,.*title=W202 unused register::/m);
  const none = action(dir, { QVET_PATHS: '*.qasm3' });
  assert.equal(none.status, 0);
  assert.match(none.stdout, /^::warning title=qvet::no file matches '\*\.qasm3'/);
  // The cache: on by default (the second of the step's two runs reads what the first stored), off
  // with cache: false; and the workflow keeps .qvet_cache with actions/cache.
  assert.match(yml, /uses: actions\/cache@v4\n\s+with:\n\s+path: \.qvet_cache/);
  for (const [cache, stored] of [['true', true], ['false', false]]) {
    const folder = mkdtempSync(join(tmpdir(), 'qvet-action-cache-'));
    const cached = action(dir, { QVET_PATHS: 'circuits/**/*.qasm', QVET_UPLOAD: 'true', QVET_CACHE: cache, QVET_CACHE_DIR: folder });
    assert.equal(cached.stdout, res.stdout, `cache: ${cache}, the same annotations`);
    assert.equal(readdirSync(folder).length > 0, stored, `cache: ${cache}: entries stored`);
  }
  // output: sarif prints the log too.
  const printed = action(dir, { QVET_PATHS: 'circuits/ok.qasm', QVET_OUTPUT: 'sarif' });
  assert.equal(printed.status, 0);
  assert.equal(JSON.parse(printed.stdout).version, '2.1.0');
});

test('.pre-commit-hooks.yaml: its entry, run on the files it matches, passes good circuits and stops bad ones', { skip, timeout: 2 * TIMEOUT }, () => {
  const hooks = readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8');
  const entry = /^ {2}entry: (.+)$/m.exec(hooks)[1];
  const files = new RegExp(/^ {2}files: (.+)$/m.exec(hooks)[1]);
  assert.equal(/^ {2}language: (.+)$/m.exec(hooks)[1], 'system');
  // The entry pins the package's own version; here it runs the one built in dist/.
  const pinned = `npx --yes qvet@${pkg.version} `;
  assert.ok(entry.startsWith(pinned), `${entry} starts with ${pinned}`);
  const args = entry.slice(pinned.length).split(' ');
  const dir = repo();
  const staged = ['circuits/ok.qasm', 'circuits/deep/bad.qasm', 'README.md'].filter((f) => files.test(f));
  assert.deepEqual(staged, ['circuits/ok.qasm', 'circuits/deep/bad.qasm']);
  const run = (list) => spawnSync(process.execPath, [wasmCli, ...args, ...list], { cwd: dir, encoding: 'utf8', timeout: TIMEOUT, env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' } });
  const bad = run(staged);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /circuits\/deep\/bad\.qasm:4:\d+: error\[E204\]/);
  assert.doesNotMatch(bad.stdout, /warning\[/, '--quiet: errors only');
  assert.equal(run(['circuits/ok.qasm']).status, 0);
});
