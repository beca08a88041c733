// `npx qvet` (dist/cli.cjs, the CLI compiled to WebAssembly) against the native CLI (build/qvet):
// the same command lines, in the same folder, must give the same standard output, standard error
// and exit code. Skips, saying why, without either.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, root } from '../helpers/native.mjs';

const wasmCli = join(root, 'dist', 'cli.cjs');
const skip = !existsSync(cli) ? 'the native CLI is not built (scripts/build.sh)'
  : !existsSync(wasmCli) ? 'dist/cli.cjs is not built (scripts/build-wasm.sh)' : false;
const TIMEOUT = 60_000;

// Each CLI with a cache of its own, so that neither reads a report the other computed.
const caches = mkdtempSync(join(tmpdir(), 'qvet-parity-cache-'));
function both(args, { cwd = root, input, env: extra = {} } = {}) {
  const env = { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1', ...extra };
  const opts = { cwd, encoding: 'utf8', timeout: TIMEOUT, input, maxBuffer: 1 << 26 };
  const native = spawnSync(cli, args, { ...opts, env: { ...env, QVET_CACHE_DIR: join(caches, 'native') } });
  const wasm = spawnSync(process.execPath, [wasmCli, ...args], { ...opts, env: { ...env, QVET_CACHE_DIR: join(caches, 'wasm') } });
  for (const r of [native, wasm]) if (r.error) throw r.error;
  return { native, wasm };
}

// The one designed difference: WebAssembly's 4 GB address space caps simulations at 24 qubits by
// default (natively 28), as in the package; --help says so.
const simCap = (text) => text.replace(/(--max-qubits N .*\(default )(24|28)\)/, '$1CAP)');

function same(args, options) {
  const { native, wasm } = both(args, options);
  const what = `qvet ${args.join(' ')}`;
  assert.equal(simCap(wasm.stdout), simCap(native.stdout), `${what}: standard output`);
  assert.equal(wasm.stderr, native.stderr, `${what}: standard error`);
  assert.equal(wasm.status, native.status, `${what}: exit code`);
  return native;
}

test('npx qvet: validate in every output, with the same exit codes', { skip, timeout: 5 * TIMEOUT }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'qvet-parity-'));
  writeFileSync(join(tmp, 'bad.qasm'), 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nx q[5];\nfoo q[0];\n');
  writeFileSync(join(tmp, 'warn.qasm'), 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\ncreg c[1];\nmeasure q -> c;\nh q[0];\n');
  const examples = ['examples/bell.qasm', 'examples/teleport.qasm', 'examples/teleport3.qasm', 'examples/bell.py', 'examples/qft_on_aer.py'];
  assert.equal(same(['validate', ...examples]).status, 0);
  assert.equal(same(['validate', '--json', 'examples/teleport.qasm']).status, 0);
  assert.equal(same(['validate', '--json', ...examples]).status, 0);
  assert.equal(same(['validate', join(tmp, 'bad.qasm')]).status, 1);
  assert.equal(same(['validate', '--output', 'sarif', 'bad.qasm', 'warn.qasm'], { cwd: tmp }).status, 1);
  assert.equal(same(['validate', '--output', 'github', 'bad.qasm', 'warn.qasm'], { cwd: tmp }).status, 1);
  assert.equal(same(['validate', '--quiet', '--error', 'W204', 'warn.qasm'], { cwd: tmp }).status, 1);
  assert.equal(same(['validate', '--backend', 'ibm_brisbane', '--json', 'examples/teleport.qasm']).status, 0);
  assert.equal(same(['validate', '-'], { input: readFileSync(join(root, 'examples', 'bell.qasm'), 'utf8') }).status, 0);
  // A project's .qvet.json, found from the file upwards, in both.
  mkdirSync(join(tmp, 'project', 'sub'), { recursive: true });
  writeFileSync(join(tmp, 'project', '.qvet.json'), '{"rules": {"disable": ["W204"]}}');
  writeFileSync(join(tmp, 'project', 'sub', 'warn.qasm'), readFileSync(join(tmp, 'warn.qasm')));
  assert.doesNotMatch(same(['validate', 'project/sub/warn.qasm'], { cwd: tmp }).stdout, /W204/);
  // Usage and I/O errors.
  assert.equal(same(['validate', 'no-such-file.qasm'], { cwd: tmp }).status, 2);
  assert.equal(same(['validate', '--output', 'xml', 'warn.qasm'], { cwd: tmp }).status, 2);
  assert.equal(same(['validate', '--disable', 'E204', 'warn.qasm'], { cwd: tmp }).status, 2);
  assert.equal(same(['validate']).status, 2);
  // The environment reaches both: GITHUB_ACTIONS=true makes annotations the default output.
  const actions = both(['validate', 'warn.qasm'], { cwd: tmp, env: { GITHUB_ACTIONS: 'true' } });
  assert.match(actions.native.stdout, /^::warning file=warn\.qasm,/m);
  assert.equal(actions.wasm.stdout, actions.native.stdout);
});

test('npx qvet and the native CLI share a cache: the same build, the same entries', { skip, timeout: 5 * TIMEOUT }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'qvet-parity-shared-'));
  const args = (dir) => ['validate', '--cache-dir', join(tmp, dir), '--output', 'sarif', 'examples/bell.qasm', 'examples/teleport3.qasm', 'examples/bell.py'];
  const opts = { cwd: root, encoding: 'utf8', timeout: TIMEOUT, env: { ...process.env, GITHUB_ACTIONS: '' } };
  const native = spawnSync(cli, args('n'), opts);
  const wasm = spawnSync(process.execPath, [wasmCli, ...args('w')], opts);
  assert.equal(wasm.stdout, native.stdout);
  // The same entry names and bytes: one build id, one encoding, on x86-64 and in WebAssembly.
  const entries = (dir) => {
    const out = {};
    const walk = (d) => {
      for (const n of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, n.name);
        if (n.isDirectory()) walk(p);
        else out[p.slice(join(tmp, dir).length)] = readFileSync(p).toString('base64');
      }
    };
    walk(join(tmp, dir));
    return out;
  };
  const n = entries('n');
  assert.equal(Object.keys(n).length, 4, 'three entries and the .gitignore');
  assert.deepEqual(entries('w'), n);
  // The WebAssembly CLI reading what the native one wrote prints what it printed.
  const warm = spawnSync(process.execPath, [wasmCli, ...args('n')], opts);
  assert.equal(warm.stdout, native.stdout);
});

test('npx qvet: simulate, export, equivalent, backends, help and version', { skip, timeout: 5 * TIMEOUT }, () => {
  assert.equal(same(['simulate', 'examples/bell.qasm', '--shots', '500', '--seed', '7']).status, 0);
  assert.equal(same(['simulate', '--json', 'examples/teleport.qasm', '--seed', '3', '--statevector']).status, 0);
  assert.equal(same(['simulate', 'examples/qaoa.py', '--param', 'gamma0=0.8', '--param', 'gamma1=0.4', '--param', 'beta0=0.4',
    '--param', 'beta1=0.2', '--seed', '1', '--precision', 'single']).status, 0);
  assert.equal(same(['export', '--to', 'qasm3', 'examples/bell.py']).status, 0);
  assert.equal(same(['export', '--to', 'qasm2', '--json', 'examples/teleport3.qasm']).status, 1);  // E800: its if_else
  const tmp = mkdtempSync(join(tmpdir(), 'qvet-parity-'));
  writeFileSync(join(tmp, 'hzh.qasm'), 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nh q[0];\nz q[0];\nh q[0];\n');
  writeFileSync(join(tmp, 'x.qasm'), 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nx q[0];\n');
  assert.equal(same(['equivalent', 'hzh.qasm', 'x.qasm'], { cwd: tmp }).status, 0);
  assert.equal(same(['equivalent', 'examples/bell.qasm', 'examples/bell.qasm']).status, 2);  // measures: no unitary
  assert.equal(same(['backends']).status, 0);
  assert.equal(same(['--help']).status, 0);
  assert.match(same(['--version']).stdout, /0\.1\.0/);
});
