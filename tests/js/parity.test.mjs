// Native/WASM parity: for every circuit the C++ tests validate (replayed from their helpers) and
// every corpus circuit present, the package's report equals the CLI's --json report.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createValidator } from 'qvet';
import { cli, cliReports, corpusFiles, cppFixtures, nativeTests } from '../helpers/native.mjs';

const haveNative = existsSync(cli) && existsSync(nativeTests);
const utf8 = new TextDecoder('utf-8', { fatal: true });

// A JavaScript string cannot hold bytes that are not UTF-8, so those few hostile fixtures (NUL is
// fine; invalid UTF-8 is not) can only be compared natively.
function text(file) {
  try {
    return utf8.decode(readFileSync(file));
  } catch {
    return null;
  }
}

test('reports equal the CLI for every C++ test circuit', { skip: !haveNative && 'native build absent' }, async () => {
  const v = await createValidator();
  const { plain, ops } = cppFixtures();
  assert.ok(plain.length > 150, `expected the C++ tests' circuits, got ${plain.length}`);
  for (const [files, flags, options] of [[plain, [], {}], [ops, ['--ops'], { operations: true }]]) {
    const native = cliReports(files, flags);
    let skipped = 0;
    for (const file of files) {
      const src = text(file);
      if (src === null) {
        skipped++;
        continue;
      }
      assert.deepEqual(v.validate(src, options), native.get(file), file);
    }
    assert.ok(skipped <= 5, `${skipped} fixtures were not UTF-8`);
  }
});

test('reports equal the CLI for every corpus circuit', async (t) => {
  const files = corpusFiles();
  if (!haveNative || files.length === 0) return t.skip('corpus or native build absent');
  const v = await createValidator();
  const native = cliReports(files);
  for (const file of files) assert.deepEqual(v.validate(readFileSync(file, 'utf8')), native.get(file), file);
  assert.equal(files.length, 121);
});
