// `qvet lsp`, driven by a scripted client as an editor drives it: JSON-RPC over the server's
// standard input and output with Content-Length framing. Each wait is bounded; the server is
// killed at the end whatever happened.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { join } from 'node:path';
import { cli, root } from '../helpers/native.mjs';

const skip = !existsSync(cli) && 'the native CLI is not built (scripts/build.sh)';
// `npx qvet lsp`: the same server in the package's WebAssembly CLI, checked the same way.
const wasmCli = join(root, 'dist', 'cli.cjs');
const servers = [['qvet lsp', cli, ['lsp']], ...(existsSync(wasmCli) ? [['npx qvet lsp', process.execPath, [wasmCli, 'lsp']]] : [])];
const WAIT = 10_000;

// A client: send requests and notifications, await responses by id and notifications by method.
function client(command = cli, args = ['lsp']) {
  const proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = Buffer.alloc(0), nextId = 1;
  const waiting = new Map(), notes = [], noteWaiters = [];
  proc.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(buffer.subarray(0, end).toString())[1]);
      if (buffer.length < end + 4 + length) return;
      const msg = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
      buffer = buffer.subarray(end + 4 + length);
      if (msg.id !== undefined && waiting.has(msg.id)) {
        waiting.get(msg.id)(msg);
        waiting.delete(msg.id);
      } else {
        notes.push(msg);
        for (const w of noteWaiters.splice(0)) w();
      }
    }
  });
  const write = (msg) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
    proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  };
  const bounded = (promise, what) => Promise.race([promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${WAIT} ms`)), WAIT).unref())]);
  return {
    proc,
    request(method, params) {
      const id = nextId++;
      const answer = new Promise((resolve) => waiting.set(id, resolve));
      write({ id, method, params });
      return bounded(answer, `answer to ${method}`);
    },
    notify(method, params) { write({ method, params }); },
    raw(bytes) { proc.stdin.write(bytes); },
    // The next notification of `method` (for `uri`) not yet taken.
    async notification(method, uri) {
      const find = () => notes.findIndex((n) => n.method === method && (!uri || n.params.uri === uri));
      return bounded((async () => {
        for (;;) {
          const i = find();
          if (i >= 0) return notes.splice(i, 1)[0];
          await new Promise((resolve) => noteWaiters.push(resolve));
        }
      })(), method);
    },
    exited: () => bounded(new Promise((resolve) => (proc.exitCode !== null ? resolve(proc.exitCode) : proc.on('exit', resolve))), 'exit'),
  };
}

const uri = 'file:///project/adder.qasm';
const adder = 'OPENQASM 2.0;\ninclude "qelib1.inc";\ngate majority a, b, c {\n  cx c, b;\n  cx c, a;\n  ccx a, b, c;\n}\n' +
  'qreg cin[1];\nqreg a[4];\ncreg ans[5];\nx a[7];\nmajority cin[0], a[0], a[1];\nmeasure a[0] -> ans[0];\n';

for (const [name, command, args] of servers) test(`${name}: initialize, diagnostics as the document changes, and every request`, { skip, timeout: 60_000 }, async () => {
  const c = client(command, args);
  try {
    const init = await c.request('initialize', { processId: null, rootUri: null, capabilities: {} });
    const caps = init.result.capabilities;
    assert.equal(caps.positionEncoding, 'utf-16', 'LSP\'s default without the client asking');
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    for (const p of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentSymbolProvider']) assert.equal(caps[p], true, p);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.equal(init.result.serverInfo.name, 'qvet');
    c.notify('initialized', {});

    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'openqasm', version: 1, text: adder } });
    const first = (await c.notification('textDocument/publishDiagnostics', uri)).params.diagnostics;
    const e204 = first.find((d) => d.code === 'E204');
    assert.deepEqual(e204.range, { start: { line: 10, character: 4 }, end: { line: 10, character: 5 } });
    assert.equal(e204.severity, 1);
    assert.equal(e204.source, 'qvet');
    assert.match(e204.codeDescription.href, /docs\/diagnostics\.md#e204$/);
    // An incremental change: 7 becomes 3; the error goes, the W203 warning stays.
    c.notify('textDocument/didChange', { textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 10, character: 4 }, end: { line: 10, character: 5 } }, text: '3' }] });
    const second = (await c.notification('textDocument/publishDiagnostics', uri)).params.diagnostics;
    assert.deepEqual(second.map((d) => d.code), ['W203']);
    assert.equal(second[0].severity, 2);

    const hover = await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 10 } });
    assert.equal(hover.result.contents.kind, 'markdown');
    assert.match(hover.result.contents.value, /Quantum register of 1 qubit/);
    assert.deepEqual(hover.result.range, { start: { line: 11, character: 9 }, end: { line: 11, character: 12 } });
    assert.equal((await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } })).result, null);

    const completion = await c.request('textDocument/completion', { textDocument: { uri }, position: { line: 11, character: 3 } });
    const majority = completion.result.find((i) => i.label === 'majority');
    assert.deepEqual(majority, { label: 'majority', kind: 3, detail: 'a, b, c' });

    const def = await c.request('textDocument/definition', { textDocument: { uri }, position: { line: 12, character: 8 } });
    assert.deepEqual(def.result, [{ uri, range: { start: { line: 8, character: 5 }, end: { line: 8, character: 6 } } }]);
    const refs = await c.request('textDocument/references', { textDocument: { uri }, position: { line: 8, character: 5 },
      context: { includeDeclaration: false } });
    assert.equal(refs.result.length, 4);

    const prep = await c.request('textDocument/prepareRename', { textDocument: { uri }, position: { line: 8, character: 5 } });
    assert.deepEqual(prep.result, { range: { start: { line: 8, character: 5 }, end: { line: 8, character: 6 } }, placeholder: 'a' });
    const renamed = await c.request('textDocument/rename', { textDocument: { uri }, position: { line: 8, character: 5 }, newName: 'data' });
    assert.equal(renamed.result.changes[uri].length, 5);
    assert.ok(renamed.result.changes[uri].every((e) => e.newText === 'data'));
    const refused = await c.request('textDocument/rename', { textDocument: { uri }, position: { line: 10, character: 0 }, newName: 'flip' });
    assert.equal(refused.error.code, -32803);
    assert.match(refused.error.message, /'x' is a standard gate/);
    const refusedPrep = await c.request('textDocument/prepareRename', { textDocument: { uri }, position: { line: 10, character: 0 } });
    assert.equal(refusedPrep.error.code, -32803);

    const outline = await c.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(outline.result.map((s) => [s.name, s.kind, s.children.map((k) => k.name)]),
      [['majority', 12, ['a', 'b', 'c']], ['cin', 18, []], ['a', 18, []], ['ans', 18, []]]);
    assert.deepEqual(outline.result[0].range, { start: { line: 2, character: 0 }, end: { line: 6, character: 1 } });

    // Quick fixes as code actions: the unknown gate `cnot`, changed to cx.
    c.notify('textDocument/didChange', { textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 1 } }, text: 'cnot cin[0],' }] });
    const third = (await c.notification('textDocument/publishDiagnostics', uri)).params.diagnostics;
    assert.ok(third.some((d) => d.code === 'E305'), JSON.stringify(third));
    const actions = await c.request('textDocument/codeAction', { textDocument: { uri },
      range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, context: { diagnostics: [] } });
    const cx = actions.result.find((a) => a.title === "Change 'cnot' to 'cx'");
    assert.equal(cx.kind, 'quickfix');
    assert.deepEqual(cx.edit.changes[uri], [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 4 } }, newText: 'cx' }]);
    assert.equal(cx.diagnostics[0].code, 'E305');

    // What it does not answer, and bad parameters: errors, and the server goes on.
    assert.equal((await c.request('textDocument/formatting', { textDocument: { uri }, options: {} })).error.code, -32601);
    assert.equal((await c.request('textDocument/hover', { textDocument: { uri } })).error.code, -32602);
    assert.equal((await c.request('textDocument/hover', { textDocument: { uri: 'file:///nope' }, position: { line: 0, character: 0 } })).error.code, -32602);
    c.notify('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await c.notification('textDocument/publishDiagnostics', uri)).params.diagnostics, []);

    assert.equal((await c.request('shutdown', null)).result, null);
    c.notify('exit', null);
    assert.equal(await c.exited(), 0);
  } finally {
    c.proc.kill();
  }
});

test('qvet lsp: UTF-16 positions by default, code points when the client offers utf-32', { skip, timeout: 30_000 }, async () => {
  // An astral character before the name on its line: 2 UTF-16 units, 1 code point.
  const text = 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\n/* 😀 */ h q[0];\n';
  for (const [encodings, character] of [[undefined, 9], [['utf-32', 'utf-16'], 8]]) {
    const c = client();
    try {
      const init = await c.request('initialize', { capabilities: encodings ? { general: { positionEncodings: encodings } } : {} });
      assert.equal(init.result.capabilities.positionEncoding, encodings ? 'utf-32' : 'utf-16');
      c.notify('initialized', {});
      c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///a.qasm', languageId: 'openqasm', version: 1, text } });
      await c.notification('textDocument/publishDiagnostics');
      const h = await c.request('textDocument/hover', { textDocument: { uri: 'file:///a.qasm' }, position: { line: 3, character } });
      assert.match(h.result.contents.value, /Standard gate: 0 parameters, 1 qubit; Qiskit's `h`/, JSON.stringify(encodings));
      assert.deepEqual(h.result.range.start, { line: 3, character });
      await c.request('shutdown', null);
      c.notify('exit', null);
      assert.equal(await c.exited(), 0);
    } finally {
      c.proc.kill();
    }
  }
});

test('qvet lsp: requests before initialize, exit without shutdown, and a broken stream', { skip, timeout: 30_000 }, async () => {
  const c = client();
  try {
    assert.equal((await c.request('textDocument/hover', {})).error.code, -32002);
    c.notify('exit', null);
    assert.equal(await c.exited(), 1, 'exit without shutdown');
  } finally {
    c.proc.kill();
  }
  // Odd but well-framed messages: answered with errors, and the server goes on.
  const o = client();
  try {
    const bad = await o.request('initialize', null);
    assert.ok(bad.result || bad.error, 'initialize without params is answered, not a crash');
    const framed = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    o.raw(framed(`{"jsonrpc":"2.0","id":99,"method":"x","params":${'['.repeat(100000)}${']'.repeat(100000)}}`));
    const deep = await o.notification(undefined);
    assert.equal(deep.error.code, -32600);
    assert.match(deep.error.message, /nests deeper/);
    if (bad.error) await o.request('initialize', { capabilities: { general: 7 } });
    assert.equal((await o.request('initialize', { capabilities: {} })).error.code, -32600, 'a second initialize');
    o.notify('textDocument/didOpen', { textDocument: { uri: 'file:///b.qasm', languageId: 'openqasm', version: 1, text: 'OPENQASM 2.0;\nqreg q[1];\n' } });
    await o.notification('textDocument/publishDiagnostics');
    const float = await o.request('textDocument/hover', { textDocument: { uri: 'file:///b.qasm' }, position: { line: 1e300, character: -1 } });
    assert.equal(float.error.code, -32602);
    o.raw(framed('{"jsonrpc":"2.0","id":7,"result":{}}'));  // a response to the server: ignored
    assert.equal((await o.request('shutdown', null)).result, null);
    assert.equal((await o.request('textDocument/hover', { textDocument: { uri: 'file:///b.qasm' }, position: { line: 1, character: 5 } })).error.code,
      -32600, 'after shutdown only exit');
    o.notify('exit', null);
    assert.equal(await o.exited(), 0);
  } finally {
    o.proc.kill();
  }
  const d = client();
  try {
    d.raw('Content-Length: 99999999999999999999\r\n\r\n{}');
    assert.equal(await d.exited(), 1, 'a length beyond any document: the server stops');
  } finally {
    d.proc.kill();
  }
  const e = client();
  try {
    await e.request('initialize', { capabilities: {} });
    e.raw('Content-Length: 5\r\n\r\n{oops');
    const bad = await e.notification(undefined);  // a response with id null: no method
    assert.equal(bad.error.code, -32700);
    assert.equal((await e.request('shutdown', null)).result, null, 'the server goes on after it');
  } finally {
    e.proc.kill();
  }
});
