// The option table (core/api/option_table.cpp, as the module exports it: optionSchema()) against
// what the package and the page say about options: the typings in dist/index.d.ts, the argument
// checks of api.mjs, and the options web/src passes to validate and simulate.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseAst } from 'vite';
import { createValidator } from 'qvet';
import createQvetModule from '../../dist/qvet.mjs';

const dist = new URL('../../dist/', import.meta.url);
const mod = await createQvetModule({ wasmBinary: readFileSync(new URL('qvet.wasm', dist)) });
const schema = JSON.parse(mod.optionSchema());
const bell = 'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\nmeasure q -> c;\n';

const groupOf = (row) => (row.key.includes('.') ? row.key.split('.')[0] : null);
const leafOf = (row) => row.key.split('.').pop();
const capitalized = (s) => s[0].toUpperCase() + s.slice(1);

// The keys a call takes at the top level, in the table's order: an option, or a group of them.
function topKeys(call) {
  return [...new Set(schema.filter((r) => r.calls.includes(call)).map((r) => groupOf(r) ?? r.key))];
}

// Where keys differ, by name: an empty result is agreement.
function difference(declared, table) {
  return { missing: table.filter((k) => !declared.includes(k)), extra: declared.filter((k) => !table.includes(k)) };
}

// ---- dist/index.d.ts, read as text: the option interfaces hold one `/** doc */ key?: type;` each.

function readTypings() {
  const dts = readFileSync(new URL('index.d.ts', dist), 'utf8');
  const aliases = Object.fromEntries([...dts.matchAll(/export type (\w+) = ([^;]+);/g)].map(([, n, t]) => [n, t.trim()]));
  const interfaces = {};
  for (const [, name, base, body] of dts.matchAll(/export interface (\w+)(?: extends (\w+))? \{\n([\s\S]*?)\n\}/g)) {
    const members = {};
    for (const [, doc, key, type] of body.matchAll(/(?:\/\*\*([\s\S]*?)\*\/\s*)?(\w+)\?:\s*([^;]+);/g)) {
      members[key] = { doc: doc?.replace(/^\s*\*/gm, ' ').replace(/\s+/g, ' ').trim(), type: type.trim() };
    }
    interfaces[name] = { base, members };
  }
  return { aliases, interfaces };
}

// The TypeScript type for a row's type; a oneOf is checked apart (its literals, maybe by alias).
const TS_TYPES = {
  boolean: 'boolean',
  count: 'number',
  identifier: 'string',
  backend: 'string | BackendConfiguration',
  numberMap: 'Record<string, number>',
  stringList: 'string[]',
};

// The doc comment a row's key must carry: its description, and its default when there is one.
function expectedDoc(row) {
  const d = typeof row.default === 'number' ? String(row.default) : typeof row.default === 'string' ? row.default : '';
  return `${capitalized(row.description)}${d ? ` (default ${d})` : ''}.`;
}

function checkMember(where, row, member, aliases) {
  assert.ok(member, `dist/index.d.ts: ${where} does not declare '${leafOf(row)}', which the option table has (${row.key})`);
  if (row.type === 'oneOf') {
    const union = aliases[member.type] ?? member.type;
    const literals = union.split('|').map((t) => t.trim().replace(/^'(.*)'$/, '$1'));
    assert.deepEqual(literals, row.choices, `dist/index.d.ts: ${where}.${leafOf(row)} is ${member.type}, not the table's choices`);
  } else {
    assert.ok(TS_TYPES[row.type], `the option table has a type this test does not know: ${row.type} (${row.key})`);
    assert.equal(member.type, TS_TYPES[row.type], `dist/index.d.ts: ${where}.${leafOf(row)} has the wrong type for a ${row.type}`);
  }
  assert.equal(member.doc, expectedDoc(row), `dist/index.d.ts: ${where}.${leafOf(row)}'s comment is not the table's description`);
}

test('the schema is the option table: every row has a key, a known type, its calls and a description', () => {
  assert.ok(schema.length > 0);
  for (const row of schema) {
    assert.match(row.key, /^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*)?$/, row.key);
    assert.ok(row.type === 'oneOf' || TS_TYPES[row.type], `${row.key}: type ${row.type}`);
    assert.ok(row.calls.includes('simulate'), `${row.key}: simulate validates first, so it takes every option`);
    assert.ok(row.description.length > 0, row.key);
  }
});

test('dist/index.d.ts declares exactly the option table: keys, types and comments', () => {
  const { aliases, interfaces } = readTypings();
  const { Limits, ValidateOptions, SimulateOptions } = interfaces;
  assert.ok(Limits && ValidateOptions && SimulateOptions, 'dist/index.d.ts has the three option interfaces');

  // Groups: limits.* is the Limits interface.
  const groups = [...new Set(schema.map(groupOf).filter(Boolean))];
  for (const group of groups) {
    const name = capitalized(group);
    const rows = schema.filter((r) => groupOf(r) === group);
    const declared = interfaces[name];
    assert.ok(declared, `dist/index.d.ts has no interface ${name} for the table's ${group}.* options`);
    const d = difference(Object.keys(declared.members), rows.map(leafOf));
    assert.deepEqual(d, { missing: [], extra: [] }, `dist/index.d.ts: ${name} differs from the table's ${group}.* keys ` +
      `(missing: ${d.missing.join(', ') || 'none'}; not in the table: ${d.extra.join(', ') || 'none'})`);
    for (const row of rows) checkMember(name, row, declared.members[leafOf(row)], aliases);
  }

  // SimulateOptions extends ValidateOptions: its own keys are the simulate-only ones.
  assert.equal(SimulateOptions.base, 'ValidateOptions');
  const declared = {
    validate: Object.keys(ValidateOptions.members),
    simulate: [...Object.keys(ValidateOptions.members), ...Object.keys(SimulateOptions.members)],
  };
  for (const call of ['validate', 'simulate']) {
    const d = difference(declared[call], topKeys(call));
    assert.deepEqual(d, { missing: [], extra: [] },
      `dist/index.d.ts: the ${call} options differ from the table's (missing: ${d.missing.join(', ') || 'none'}; ` +
      `not in the table: ${d.extra.join(', ') || 'none'})`);
  }
  for (const row of schema) {
    if (groupOf(row)) continue;
    const where = row.calls.includes('validate') ? 'ValidateOptions' : 'SimulateOptions';
    checkMember(where, row, interfaces[where].members[row.key], aliases);
  }
  for (const group of groups) assert.equal(ValidateOptions.members[group]?.type, capitalized(group), `ValidateOptions.${group}`);
});

// A value the row's type takes, and one it refuses.
const SAMPLES = {
  boolean: [true, 'yes'],
  count: [1, -1],
  oneOf: [null, 'qasm4'],  // null: the first choice
  identifier: ['qc', 'not a name'],
  backend: ['line-3', 7],
  numberMap: [{ t: 0.5 }, { t: 'pi' }],
  stringList: [['Z'], 'Z'],
};

test('the package checks every option of the table, by its type, for the calls that take it', async () => {
  const v = await createValidator();
  for (const row of schema) {
    const [good, bad] = SAMPLES[row.type];
    const wrap = (x) => (groupOf(row) ? { [groupOf(row)]: { [leafOf(row)]: x } } : { [row.key]: x });
    const top = groupOf(row) ?? row.key;
    for (const call of ['validate', 'simulate']) {
      const options = (x) => wrap(x === null ? row.choices[0] : x);
      if (row.calls.includes(call)) {
        assert.doesNotThrow(() => v[call](bell, options(good)), `${call} takes ${row.key}`);
        assert.throws(() => v[call](bell, options(bad)),
          { name: 'TypeError', message: new RegExp(`^qvet: ${call} option '${top}' `) }, `${call} checks ${row.key}`);
      } else {
        assert.throws(() => v[call](bell, options(good)),
          { name: 'TypeError', message: new RegExp(`^qvet: unknown ${call} option '${top}'`) }, `${call} refuses ${row.key}`);
      }
    }
  }
});

test('the package\'s TypeErrors for options are the ones it always gave', async () => {
  const v = await createValidator();
  const cases = [
    [() => v.validate(bell, { strcit: true }),
      "qvet: unknown validate option 'strcit' (known: format, strict, operations, maxOperations, backend, circuit, rules, limits)"],
    [() => v.simulate(bell, { shot: 1 }),
      "qvet: unknown simulate option 'shot' (known: format, strict, operations, maxOperations, backend, circuit, rules, limits, shots, " +
      'precision, threads, seed, statevector, maxQubits, parameters, paulis)'],
    [() => v.validate(bell, { limits: { maxQbits: 3 } }),
      "qvet: validate option 'limits' has an unknown limit 'maxQbits' (known: maxSourceBytes, maxQubits, maxClbits, " +
      'maxInstructions, maxExpandedOps, maxDiagnostics)'],
    [() => v.validate(bell, { limits: 3 }), "qvet: validate option 'limits' must be an object"],
    [() => v.validate(bell, { limits: { maxQubits: 1.5 } }), "qvet: validate option 'limits' .maxQubits must be a non-negative integer"],
    [() => v.validate(bell, { format: 'qasm4' }), "qvet: validate option 'format' must be one of auto, qasm2, qasm3, python"],
    [() => v.validate(bell, { strict: 1 }), "qvet: validate option 'strict' must be a boolean"],
    [() => v.validate(bell, { backend: '' }),
      "qvet: validate option 'backend' must be a profile name (see backends) or a backend object shaped like Qiskit's configuration"],
    [() => v.validate(bell, { circuit: '1qc' }), "qvet: validate option 'circuit' must be a Python variable name"],
    [() => v.simulate(bell, { shots: -1 }), "qvet: simulate option 'shots' must be a non-negative integer"],
    [() => v.simulate(bell, { parameters: [] }), "qvet: simulate option 'parameters' must be an object mapping Parameter names to finite numbers"],
    [() => v.simulate(bell, { paulis: [1] }), "qvet: simulate option 'paulis' must be an array of strings"],
  ];
  for (const [call, message] of cases) assert.throws(call, { name: 'TypeError', message });
  assert.deepEqual([...v.formats], schema.find((r) => r.key === 'format').choices);
});

// ---- web/src: the options the page passes, read from its syntax tree.

// Every node under `node` (ESTree), depth first.
function* nodes(node) {
  if (Array.isArray(node)) for (const n of node) yield* nodes(n);
  else if (node && typeof node.type === 'string') {
    yield node;
    for (const [k, v] of Object.entries(node)) if (k !== 'type' && v && typeof v === 'object') yield* nodes(v);
  }
}

// The keys of an object literal; null when some cannot be read (a spread, a computed key).
function literalKeys(obj) {
  const keys = [];
  for (const p of obj.properties) {
    if (p.type !== 'Property' || p.computed) return null;
    keys.push(p.key.type === 'Identifier' ? p.key.name : String(p.key.value));
  }
  return keys;
}

// The options a call passes: an object literal, or a variable holding one (plus `name.key = ...`).
function passedKeys(ast, arg) {
  if (arg.type === 'ObjectExpression') return literalKeys(arg);
  if (arg.type !== 'Identifier') return null;
  const all = [...nodes(ast)];
  const inits = all.filter((n) => n.type === 'VariableDeclarator' && n.id.type === 'Identifier' && n.id.name === arg.name);
  if (inits.length !== 1 || inits[0].init?.type !== 'ObjectExpression') return null;
  const keys = literalKeys(inits[0].init);
  if (!keys) return null;
  for (const n of all) {
    const target = n.type === 'AssignmentExpression' ? n.left : null;
    if (target?.type === 'MemberExpression' && target.object.type === 'Identifier' && target.object.name === arg.name) {
      if (target.computed) return null;
      keys.push(target.property.name);
    }
  }
  return keys;
}

test('web/src passes only options of the table to validate and simulate', () => {
  const dir = new URL('../../web/src/', import.meta.url);
  const seen = { validate: 0, simulate: 0 };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mjs'))) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const ast = parseAst(text);
    for (const n of nodes(ast)) {
      if (n.type !== 'CallExpression' || n.callee.type !== 'MemberExpression' || n.callee.computed) continue;
      const call = n.callee.property.name;
      if (call !== 'validate' && call !== 'simulate') continue;
      const line = text.slice(0, n.start).split('\n').length;
      seen[call]++;
      if (n.arguments.length < 2) continue;  // no options
      const keys = passedKeys(ast, n.arguments[1]);
      assert.ok(keys, `web/src/${file}:${line}: cannot tell which options this ${call} call passes ` +
        '(pass an object literal, or a variable set to one)');
      const known = topKeys(call);
      for (const key of keys) {
        assert.ok(known.includes(key), `web/src/${file}:${line}: ${call} is passed '${key}', which is not a ${call} option of the table`);
      }
    }
  }
  assert.ok(seen.validate > 0 && seen.simulate > 0, `the page's validate and simulate calls were found (${JSON.stringify(seen)})`);
});
