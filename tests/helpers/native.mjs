// Helpers for the package tests (kept outside test/, where `node --test test/` would run them).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cli = join(root, 'build', 'qvet');
export const nativeTests = join(root, 'build', 'tests', 'cpp', 'qvet_tests');
export const corpus = join(root, '..', 'shared', 'corpus', 'qasmbench');

// Every circuit the C++ tests validate with default options, written out by their helpers.
export function cppFixtures() {
  const dir = mkdtempSync(join(tmpdir(), 'qvet-fixtures-'));
  mkdirSync(join(dir, 'ops'));
  spawnSync(nativeTests, [], { env: { ...process.env, QVET_FIXTURE_DIR: dir }, stdio: 'ignore' });
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
    const res = spawnSync(cli, ['validate', '--json', ...flags, ...batch], { maxBuffer: 1 << 30, encoding: 'utf8' });
    const parsed = JSON.parse(res.stdout);
    if (batch.length === 1) out.set(batch[0], parsed);
    else for (const { file, report } of parsed.reports) out.set(file, report);
  }
  return out;
}

export function cliSimulate(file, args) {
  return JSON.parse(execFileSync(cli, ['simulate', '--json', ...args, file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}
