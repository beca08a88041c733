// Helpers for the package tests (kept outside tests/js/, where `node --test tests/js/` would run them).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cli = join(root, 'build', 'qvet');
export const nativeTests = join(root, 'build', 'tests', 'cpp', 'qvet_tests');
export const corpus = join(root, '..', 'shared', 'corpus', 'qasmbench');

// The CLIs a test starts keep their cache of unchanged files (cli/cache.hpp) in a folder of this
// test process's own, never in the repository or in ../shared, and gone when it ends. A test of
// the cache itself names its folders (--cache-dir), or turns it off (--no-cache) where a cached
// report would stand in for the validation it checks.
if (!process.env.QVET_CACHE_DIR) {
  const cache = mkdtempSync(join(tmpdir(), 'qvet-test-cache-'));
  process.env.QVET_CACHE_DIR = cache;
  process.on('exit', () => rmSync(cache, { recursive: true, force: true }));
}

// Bounds on the child processes below, so that a stuck one fails the test instead of hanging it.
// The whole Catch2 suite: ctest gives it 300 s per case (tests/cpp/CMakeLists.txt).
const SUITE_TIMEOUT = 300_000;
// One CLI process: 200 files, or one simulation, take well under a second here.
const CLI_TIMEOUT = 120_000;

// spawnSync reports a timeout (or a failure to start) in res.error, not by throwing.
function checked(res, what) {
  if (res.error) throw new Error(`${what}: ${res.error.message}`);
  return res;
}

// Every circuit the C++ tests validate with default options, written out by their helpers.
export function cppFixtures() {
  const dir = mkdtempSync(join(tmpdir(), 'qvet-fixtures-'));
  mkdirSync(join(dir, 'ops'));
  // Its exit status does not matter here (a failing case is ctest's business); its fixtures do.
  checked(spawnSync(nativeTests, [], { env: { ...process.env, QVET_FIXTURE_DIR: dir }, stdio: 'ignore', timeout: SUITE_TIMEOUT }), nativeTests);
  const list = (d) => readdirSync(d).filter((f) => f.endsWith('.qasm')).map((f) => join(d, f));
  return { plain: list(dir), ops: list(join(dir, 'ops')) };
}

export function corpusFiles() {
  if (!existsSync(join(corpus, 'index.tsv'))) return [];
  return readFileSync(join(corpus, 'index.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => join(corpus, line.split('\t')[0]));
}

// The CLI's --json reports for many files, in batches of one process each.
export function cliReports(files, flags = []) {
  const out = new Map();
  for (let i = 0; i < files.length; i += 200) {
    const batch = files.slice(i, i + 200);
    const res = checked(spawnSync(cli, ['validate', '--json', ...flags, ...batch], { maxBuffer: 1 << 30, encoding: 'utf8', timeout: CLI_TIMEOUT }), `${cli} validate`);
    const parsed = JSON.parse(res.stdout);
    if (batch.length === 1) out.set(batch[0], parsed);
    else for (const { file, report } of parsed.reports) out.set(file, report);
  }
  return out;
}

// `qvet export --json`: exit 1 (not written) is an answer too, so the output is read either way.
export function cliExport(file, to) {
  const res = spawnSync(cli, ['export', '--to', to, '--json', file], { maxBuffer: 1 << 28, encoding: 'utf8', timeout: CLI_TIMEOUT });
  if (res.error || (res.status !== 0 && res.status !== 1)) throw new Error(`${cli} export ${file}: ${res.error ?? res.stderr}`);
  return JSON.parse(res.stdout);
}

export function cliSimulate(file, args) {
  return JSON.parse(execFileSync(cli, ['simulate', '--json', ...args, file], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: CLI_TIMEOUT }));
}
