// The CLI's outputs for CI: SARIF 2.1.0, checked against the OASIS schema (tests/data/sarif/,
// the published file) by Ajv, a well-kept validator; and GitHub workflow annotations. Runs the
// native CLI (build/qvet); skips, saying why, without it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { cli, root } from '../helpers/native.mjs';

const skip = existsSync(cli) ? false : 'the native CLI is not built (scripts/build.sh)';
const TIMEOUT = 120_000;
const schema = JSON.parse(readFileSync(join(root, 'tests', 'data', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);  // uri, uri-reference, date-time: the schema's formats are checked too
const validateSarif = ajv.compile(schema);
const docs = readFileSync(join(root, 'docs', 'diagnostics.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function run(args, { cwd = root, env = {} } = {}) {
  const res = spawnSync(cli, args, { cwd, encoding: 'utf8', timeout: TIMEOUT, maxBuffer: 1 << 28, env: { ...process.env, GITHUB_ACTIONS: '', ...env } });
  if (res.error) throw res.error;
  return res;
}

// The corpus's files whose names match, relative to it, in a stable order.
const corpus = join(root, '..', 'shared', 'corpus');
function corpusFiles(pattern) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (pattern.test(name)) files.push(relative(corpus, p));
    }
  };
  walk(corpus);
  return files;
}

function sarif(args, options) {
  const res = run(['validate', '--output', 'sarif', ...args], options);
  const log = JSON.parse(res.stdout);
  const ok = validateSarif(log);
  assert.ok(ok, `schema: ${ajv.errorsText(validateSarif.errors, { separator: '\n' })}`);
  return { log, status: res.status };
}

const tmp = mkdtempSync(join(tmpdir(), 'qvet-ci-'));
const broken = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[5];\nmeasure q -> c;\nx q[0];\n';
writeFileSync(join(tmp, 'broken.qasm'), broken);
writeFileSync(join(tmp, 'warn.qasm'), 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nqreg unused[3];\ncreg c[2];\nh q[0];\nmeasure q -> c;\nh q[0];\n');

test('SARIF: a valid log with a rule per code, its description and help from docs/diagnostics.md', { skip, timeout: TIMEOUT }, () => {
  const { log, status } = sarif(['examples/bell.qasm', 'examples/qft_on_aer.py', join(tmp, 'broken.qasm'), join(tmp, 'warn.qasm')]);
  assert.equal(status, 1, 'an invalid file: exit 1, as with text');
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run0 = log.runs[0];
  assert.equal(run0.columnKind, 'unicodeCodePoints');
  assert.equal(run0.tool.driver.name, 'qvet');
  assert.equal(run0.tool.driver.version, pkg.version);
  assert.equal(run0.tool.driver.informationUri, pkg.homepage);
  // Every code docs/diagnostics.md documents, but the retired ones, is a rule.
  const documented = [...docs.matchAll(/^\| <a id="([ewi]\d+)"><\/a>([EWI]\d+) \| (.*) \|$/gm)]
    .filter((m) => !/\(retired/.test(m[3])).map((m) => ({ anchor: m[1], code: m[2], row: m[3] }));
  const rules = run0.tool.driver.rules;
  assert.deepEqual(rules.map((r) => r.id).sort(), documented.map((d) => d.code).sort());
  for (const d of documented) {
    const rule = rules.find((r) => r.id === d.code);
    assert.equal(rule.fullDescription.markdown, d.row, `${d.code}: the docs' row`);
    assert.doesNotMatch(rule.fullDescription.text, /\*\*|`/, `${d.code}: plain text`);
    assert.equal(rule.helpUri, `${pkg.homepage}/blob/main/docs/diagnostics.md#${d.anchor}`);
    assert.equal(rule.defaultConfiguration.level, { E: 'error', W: 'warning', I: 'note' }[d.code[0]]);
    assert.match(rule.name, /^[A-Z][A-Za-z0-9]*$/);
    assert.equal(rule.shortDescription.text, /^\*\*(.+?)\*\*/.exec(d.row)[1]);
  }
  // Results: each at its rule, with the region the JSON report gives.
  const uris = run0.artifacts.map((a) => a.location.uri);
  assert.deepEqual(uris.slice(0, 2), ['examples/bell.qasm', 'examples/qft_on_aer.py'], 'relative to the working directory');
  assert.equal(run0.artifacts[0].location.uriBaseId, '%SRCROOT%');
  assert.equal(run0.originalUriBaseIds['%SRCROOT%'].uri, `file://${root.replace(/\/$/, '')}/`);
  assert.equal(run0.artifacts[1].sourceLanguage, 'python');
  for (const [i, file] of ['examples/bell.qasm', 'examples/qft_on_aer.py', join(tmp, 'broken.qasm'), join(tmp, 'warn.qasm')].entries()) {
    const report = JSON.parse(run(['validate', '--json', file]).stdout);
    const mine = run0.results.filter((r) => r.locations[0].physicalLocation.artifactLocation.index === i);
    assert.equal(mine.length, report.diagnostics.length, file);
    mine.forEach((res, k) => {
      const d = report.diagnostics[k];
      assert.equal(res.ruleId, d.code);
      assert.equal(rules[res.ruleIndex].id, d.code);
      assert.equal(res.level, { error: 'error', warning: 'warning', info: 'note' }[d.severity]);
      assert.equal(res.message.text, d.message);
      assert.deepEqual(res.locations[0].physicalLocation.region,
        { startLine: d.line, startColumn: d.column, endLine: d.end_line, endColumn: d.end_column });
      assert.match(res.partialFingerprints['qvetLineHash/v1'], /^[0-9a-f]{16}:\d+$/);
    });
  }
  const codes = run0.results.map((r) => r.ruleId);
  for (const c of ['E204', 'W202', 'W204', 'I601']) assert.ok(codes.includes(c), `${c} among ${codes}`);
  assert.equal(run0.invocations[0].executionSuccessful, true);
});

test('SARIF: fingerprints stay when the file is edited elsewhere; an unreadable file is a notification', { skip, timeout: TIMEOUT }, () => {
  const before = sarif(['broken.qasm', 'warn.qasm'], { cwd: tmp }).log.runs[0].results;
  // Lines added above, and the flagged lines re-indented: the same fingerprints, the lines moved.
  writeFileSync(join(tmp, 'broken.qasm'), `// a comment\n\n${broken.replace('cx q[0], q[5];', '   cx q[0],  q[5];')}`);
  const after = sarif(['broken.qasm', 'warn.qasm'], { cwd: tmp }).log.runs[0].results;
  writeFileSync(join(tmp, 'broken.qasm'), broken);
  assert.deepEqual(after.map((r) => r.partialFingerprints), before.map((r) => r.partialFingerprints));
  const line = (r) => r.locations[0].physicalLocation.region.startLine;
  assert.equal(line(after[0]), line(before[0]) + 2);
  // Two equal findings on equal lines differ by their occurrence.
  writeFileSync(join(tmp, 'twice.qasm'), 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nx q[3];\nx q[3];\n');
  const twice = sarif(['twice.qasm'], { cwd: tmp }).log.runs[0].results.map((r) => r.partialFingerprints['qvetLineHash/v1']);
  assert.equal(twice.length, 2);
  assert.equal(twice[0].split(':')[0], twice[1].split(':')[0]);
  assert.notEqual(twice[0], twice[1]);
  // A path that cannot be read: exit 2, a tool notification, the run not successful.
  const { log, status } = sarif(['no-such-file.qasm', 'warn.qasm'], { cwd: tmp });
  assert.equal(status, 2);
  const inv = log.runs[0].invocations[0];
  assert.equal(inv.executionSuccessful, false);
  assert.match(inv.toolExecutionNotifications[0].message.text, /cannot read 'no-such-file.qasm'/);
  // A path outside the working directory is an absolute file URI; spaces are percent-encoded.
  writeFileSync(join(tmp, 'with space.qasm'), broken);
  const outside = sarif([join(tmp, 'with space.qasm')], { cwd: root }).log.runs[0].artifacts[0].location;
  assert.equal(outside.uri, `file://${tmp}/with%20space.qasm`);
  assert.equal(outside.uriBaseId, undefined);
});

test('SARIF over ../shared/corpus: one valid log for every file', { skip: skip || (!existsSync(corpus) && '../shared/corpus is absent'), timeout: TIMEOUT }, () => {
  const base = corpus;
  const files = corpusFiles(/\.(qasm|py|ipynb)$/);
  assert.ok(files.length > 100, `${files.length} files`);
  const { log } = sarif(files, { cwd: base });
  assert.equal(log.runs[0].artifacts.length, files.length);
  assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  const byRule = {};
  for (const r of log.runs[0].results) byRule[r.ruleId] = (byRule[r.ruleId] ?? 0) + 1;
  console.log(`# ${files.length} files, ${log.runs[0].results.length} results: ${JSON.stringify(byRule)}`);
});

test('--jobs: the same output, in the order of the files, on one thread or several', { skip: skip || (!existsSync(corpus) && '../shared/corpus is absent'), timeout: TIMEOUT }, () => {
  const base = corpus;
  const files = corpusFiles(/\.qasm$/);
  const twice = [...files, ...files, 'missing.qasm', ...files];  // an unreadable one in the middle
  const cache = mkdtempSync(join(tmpdir(), 'qvet-jobs-cache-'));
  for (const output of ['text', 'json', 'sarif', 'github']) {
    // Without the cache, so that both runs validate every file.
    const one = run(['validate', '--no-config', '--no-cache', '--output', output, '--jobs', '1', ...twice], { cwd: base });
    const four = run(['validate', '--no-config', '--no-cache', '--output', output, '-j', '4', ...twice], { cwd: base });
    assert.equal(four.status, one.status, output);
    assert.equal(four.stdout, one.stdout, `${output}: the same output in the same order`);
    assert.equal(four.stderr, one.stderr, output);
    // Four threads filling a cache, then reading it: still the same output.
    for (const pass of ['cold', 'warm']) {
      const cached = run(['validate', '--no-config', '--cache-dir', cache, '--output', output, '-j', '4', ...twice], { cwd: base });
      assert.equal(cached.status, one.status, `${output}, ${pass} cache`);
      assert.equal(cached.stdout, one.stdout, `${output}, ${pass} cache: the same output`);
      assert.equal(cached.stderr, one.stderr, `${output}, ${pass} cache`);
    }
  }
  rmSync(cache, { recursive: true, force: true });
  assert.equal(run(['validate', '--jobs', 'many', 'x.qasm'], { cwd: base }).status, 2);
});

test('GitHub annotations: one workflow command per diagnostic, the default in GitHub Actions', { skip, timeout: TIMEOUT }, () => {
  const res = run(['validate', 'broken.qasm', 'warn.qasm'], { cwd: tmp, env: { GITHUB_ACTIONS: 'true' } });
  assert.equal(res.status, 1);
  const lines = res.stdout.trim().split('\n');
  const report = JSON.parse(run(['validate', '--json', 'broken.qasm'], { cwd: tmp }).stdout);
  const e = report.diagnostics.find((d) => d.code === 'E204');
  assert.ok(lines.includes(`::error file=broken.qasm,line=${e.line},col=${e.column},endLine=${e.end_line},endColumn=${e.end_column},title=E204 index out of range::${e.message}`), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('::warning file=warn.qasm,line=4,') && l.includes('title=W202 unused register::')));
  assert.equal(lines.at(-1), 'qvet: 2 files, 1 valid, 1 invalid; 1 error, 2 warnings');
  // --output github anywhere; --output text overrides the environment.
  assert.match(run(['validate', '--output', 'github', 'warn.qasm'], { cwd: tmp }).stdout, /^::warning /);
  assert.match(run(['validate', '--output=text', 'warn.qasm'], { cwd: tmp, env: { GITHUB_ACTIONS: 'true' } }).stdout, /^warn\.qasm:4:/);
  // The escapes of a workflow command: ',' and ':' in the file name, '%' in the message.
  writeFileSync(join(tmp, 'a,b:c.qasm'), 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[1];\nx q[3];\n');
  const escaped = run(['validate', '--output', 'github', 'a,b:c.qasm'], { cwd: tmp }).stdout;
  assert.match(escaped, /^::error file=a%2Cb%3Ac\.qasm,line=4,/);
  // A bad value is a usage error.
  const bad = run(['validate', '--output', 'xml', 'warn.qasm'], { cwd: tmp });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--output takes text, json, sarif or github, not 'xml'/);
});

test('rules from the command line and a .qvet.json found from the file upwards; broken ones are refused', { skip, timeout: TIMEOUT }, () => {
  const project = mkdtempSync(join(tmpdir(), 'qvet-rules-'));
  mkdirSync(join(project, 'circuits', 'deep'), { recursive: true });
  // W202 (the unused register, line 4) and W204 (h after the measurement, line 8).
  const both = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\nqreg unused[3];\ncreg c[2];\nh q[0];\nmeasure q -> c;\nh q[0];\n';
  writeFileSync(join(project, 'circuits', 'deep', 'a.qasm'), both);
  const codes = (res) => [...res.stdout.matchAll(/warning\[(W\d+)\]/g)].map((m) => m[1]);
  const at = (args) => run(['validate', ...args], { cwd: project });
  assert.deepEqual(codes(at(['circuits/deep/a.qasm'])), ['W202', 'W204']);
  // Flags: --disable, several codes comma-separated, --error.
  assert.deepEqual(codes(at(['--disable', 'W204', 'circuits/deep/a.qasm'])), ['W202']);
  assert.deepEqual(codes(at(['--disable=W204,W202', 'circuits/deep/a.qasm'])), []);
  const harsh = at(['--error', 'W204', 'circuits/deep/a.qasm']);
  assert.equal(harsh.status, 1);
  assert.match(harsh.stdout, /error\[W204\]: .*\(an error by the rules\)/);
  // The nearest .qvet.json from the file's folder upwards, then the flags on top.
  writeFileSync(join(project, '.qvet.json'), JSON.stringify({ rules: { disable: ['W204'] } }));
  assert.deepEqual(codes(at(['circuits/deep/a.qasm'])), ['W202']);
  assert.deepEqual(codes(at(['--disable', 'W202', 'circuits/deep/a.qasm'])), []);
  assert.deepEqual(codes(at(['--no-config', 'circuits/deep/a.qasm'])), ['W202', 'W204']);
  const report = JSON.parse(at(['--json', 'circuits/deep/a.qasm']).stdout);
  assert.equal(report.suppressed_diagnostics, 1);
  writeFileSync(join(project, 'circuits', '.qvet.json'), JSON.stringify({ rules: { error: ['W202'] } }));
  assert.match(at(['circuits/deep/a.qasm']).stdout, /error\[W202\][^\n]*\n[\s\S]*warning\[W204\]/, 'the nearest wins, without merging');
  writeFileSync(join(project, 'other.json'), JSON.stringify({ rules: { disable: ['W202', 'W204'] } }));
  assert.deepEqual(codes(at(['--config', 'other.json', 'circuits/deep/a.qasm'])), []);
  // Broken configurations: a usage error that says where and what.
  const broken = [
    ['{"strict": tru}', /\.qvet\.json:1:15: not JSON: .*invalid literal/],
    ['{"strcit": true}', /\.qvet\.json: unknown option 'strcit' \(docs\/options\.md/],
    ['{"rules": {"disabel": ["W204"]}}', /unknown option 'rules\.disabel'/],
    ['{"rules": {"disable": ["W2040"]}}', /option 'disable': unknown diagnostic code 'W2040'/],
    ['{"rules": {"disable": ["E204"]}}', /E204 is an error: the circuit cannot be read as written, so it cannot be switched off/],
    ['[1, 2]', /a configuration is a JSON object of options/],
  ];
  for (const [text, message] of broken) {
    writeFileSync(join(project, 'circuits', '.qvet.json'), text);
    const res = at(['circuits/deep/a.qasm']);
    assert.equal(res.status, 2, text);
    assert.match(res.stderr, message, text);
  }
  // On the command line, unknown codes and errors are usage errors too.
  const flag = run(['validate', '--no-config', '--disable', 'E204', 'circuits/deep/a.qasm'], { cwd: project });
  assert.equal(flag.status, 2);
  assert.match(flag.stderr, /E204 is an error/);
});
