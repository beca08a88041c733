// Packaging: the real tarball from `npm pack`, installed into an empty project, imported from an
// .mjs file; and a page importing it, bundled by Vite, ships the .wasm as an asset.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { root } from '../helpers/native.mjs';

const work = mkdtempSync(join(tmpdir(), 'qvet-pack-'));
after(() => rmSync(work, { recursive: true, force: true }));
// npm pack/install (offline) and a Vite build each take seconds; a stuck one fails at the bound.
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });

let project;
test('npm pack, then install the tarball into an empty project and import it', () => {
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  const files = packed[0].files.map((f) => f.path).sort();
  for (const f of ['dist/index.mjs', 'dist/index.node.mjs', 'dist/qvet.wasm', 'dist/qvet.mjs', 'dist/worker.mjs', 'dist/index.d.ts',
    'dist/qvet-threads.mjs', 'dist/qvet-threads.wasm', 'dist/qvet-threads.worker.js', 'dist/cli.cjs', 'dist/qvet-cli.cjs',
    'dist/qvet-cli.wasm', 'package.json', 'LICENSE', 'CHANGELOG.md'])
    assert.ok(files.includes(f), `${f} is in the tarball`);
  assert.ok(!files.some((f) => f.startsWith('core/') || f.startsWith('tests/')), 'only dist/ ships');
  project = join(work, 'app');
  run('mkdir', ['-p', project], work);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--offline', join(work, packed[0].filename)], project);
  writeFileSync(join(project, 'check.mjs'), `
    import { createValidator } from 'qvet';
    const v = await createValidator();
    const r = v.validate('OPENQASM 2.0;\\ninclude "qelib1.inc";\\nqreg q[2];\\nh q[0];\\ncx q[0], q[1];\\n');
    console.log(JSON.stringify({ valid: r.valid, depth: r.depth, version: v.version }));
  `);
  const out = JSON.parse(run('node', ['check.mjs'], project));
  assert.deepEqual(out, { valid: true, depth: 2, version: '0.1.0' });
  // The package's bin, as `npx qvet` runs it from the project: the CLI on WebAssembly.
  writeFileSync(join(project, 'bell.qasm'), 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nh q[0];\ncx q[0], q[1];\n');
  assert.match(run('npx', ['--offline', '--no-install', 'qvet', 'validate', 'bell.qasm'], project),
    /^bell\.qasm: valid: 2 qubits, 0 clbits, depth 2, 2 instructions/);
  const pkg = JSON.parse(run('cat', [join(project, 'node_modules', 'qvet', 'package.json')], project));
  assert.equal(pkg.license, 'Apache-2.0');
  for (const key of ['repository', 'homepage', 'bugs', 'bin']) assert.ok(pkg[key], `package.json has ${key}`);
});

test('a page importing the package bundles with Vite, wasm asset included', () => {
  assert.ok(project, 'the install test ran first');
  writeFileSync(join(project, 'index.html'), '<!doctype html><html><body><script type="module" src="./main.mjs"></script></body></html>');
  writeFileSync(join(project, 'main.mjs'), `
    import { createValidator } from 'qvet';
    const v = await createValidator();
    document.body.textContent = JSON.stringify(v.validate('OPENQASM 2.0;\\nqreg q[1];\\n'));
  `);
  run(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], project);
  const assets = readdirSync(join(project, 'dist', 'assets'));
  assert.ok(assets.some((f) => /^qvet-.*\.wasm$/.test(f)), `wasm asset in ${assets.join(', ')}`);
  assert.ok(assets.some((f) => f.endsWith('.js')), 'the page script');
});
