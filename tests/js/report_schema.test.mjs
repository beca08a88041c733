// The report's JSON Schema (docs/report.schema.json, shipped as dist/report.schema.json) against
// real reports: the native CLI's over the examples, the Python test files and the corpus, valid and
// invalid, with operations, a backend and simulations; and the package's. Ajv checks; the schema
// forbids unknown keys, so a field added to the report without the schema fails here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createValidator } from 'qvet';
import { cli, root } from '../helpers/native.mjs';

const schema = JSON.parse(readFileSync(join(root, 'docs', 'report.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
const check = ajv.compile(schema);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function conforms(report, what) {
  assert.ok(check(report), `${what}: ${ajv.errorsText(check.errors)}`);
  assert.equal(report.schema_version, '1.2.0', what);
}

function reports(args, cwd = root) {
  const res = spawnSync(cli, args, { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28 });
  if (res.error) throw res.error;
  const out = JSON.parse(res.stdout);
  return out.reports ? out.reports.map((r) => [r.file, r.report]) : [[args.at(-1), out]];
}

function filesUnder(dir, pattern) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, pattern));
    else if (pattern.test(name)) out.push(p);
  }
  return out;
}

const skipCli = existsSync(cli) ? false : 'the native CLI is not built (scripts/build.sh)';

test('the schema is shipped in the package as it is in docs/', { skip: existsSync(join(root, 'dist')) ? false : 'dist/ is not built' }, () => {
  assert.deepEqual(JSON.parse(readFileSync(join(root, 'dist', 'report.schema.json'), 'utf8')), schema);
  assert.ok(pkg.files.includes('dist/'));
});

test('the CLI\'s reports conform: examples, Python files, the corpus, with operations and a backend', { skip: skipCli, timeout: 300_000 }, () => {
  const examples = readdirSync(join(root, 'examples')).map((f) => join(root, 'examples', f));
  const python = filesUnder(join(root, 'tests', 'data', 'python'), /\.(py|ipynb)$/);
  let n = 0;
  for (const [file, report] of reports(['validate', '--json', '--ops', ...examples, ...python])) {
    conforms(report, file);
    n++;
  }
  for (const [file, report] of reports(['validate', '--json', '--ops', '--max-operations', '3', '--backend', 'ibm_brisbane', ...examples])) {
    conforms(report, `${file} on a backend`);
    n++;
  }
  const corpus = join(root, '..', 'shared', 'corpus');
  if (existsSync(corpus)) {
    for (const [file, report] of reports(['validate', '--json', '--enable', 'W214', ...filesUnder(corpus, /\.qasm$/)])) {
      conforms(report, file);
      n++;
    }
  } else {
    console.log('# ../shared/corpus is absent: its reports are not checked');
  }
  // Simulations: sampling, trajectories, a statevector and Pauli values, and one that cannot run.
  for (const args of [
    ['simulate', '--json', '--statevector', '--pauli', 'ZZ', 'examples/bell.qasm'],
    ['simulate', '--json', '--seed', '2', 'examples/teleport.qasm'],
    ['simulate', '--json', '--precision', 'single', 'examples/qaoa.py', '--param', 'gamma0=1', '--param', 'gamma1=1', '--param', 'beta0=1', '--param', 'beta1=1'],
    ['simulate', '--json', 'examples/qaoa.py'],
  ]) {
    const [[, report]] = reports(args);
    conforms(report, args.join(' '));
    assert.ok(report.simulation, args.join(' '));
    n++;
  }
  assert.ok(n > 100, `${n} reports checked`);
});

test('the package\'s reports conform, and the schema refuses what a report never holds', async () => {
  const v = await createValidator();
  const bell = readFileSync(join(root, 'examples', 'bell.qasm'), 'utf8');
  conforms(v.validate(bell, { operations: true }), 'validate');
  conforms(v.validate('OPENQASM 2.0;\nqreg q[1];\nx q[3];\n'), 'an invalid circuit');
  conforms(v.validate(bell, { rules: { disable: ['E204'] } }), 'options the core refuses (E100)');
  conforms(v.simulate(bell, { shots: 10, statevector: true, paulis: ['ZZ'] }), 'simulate');
  // The schema can fail: an unknown key, a wrong type, a missing field.
  const r = v.validate(bell);
  assert.equal(check({ ...r, extra: 1 }), false);
  assert.equal(check({ ...r, depth: -1 }), false);
  const { schema_version: _, ...missing } = r;
  assert.equal(check(missing), false);
});
