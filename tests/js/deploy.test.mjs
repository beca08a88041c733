// What the image runs, checked without a Docker engine: the Dockerfile passes a Dockerfile linter
// (dockerfile-utils, the validator behind VS Code's Docker language server), its build stage puts
// the dependency layers before the sources, its runtime stage is pinned by tag and digest and
// copies only the site and the nginx configuration, every path it copies exists, and nginx accepts
// the configuration.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { root } from '../helpers/native.mjs';

const dockerfile = readFileSync(join(root, 'Dockerfile.nginx'), 'utf8');
const built = existsSync(join(root, 'build-web', 'site', 'index.html'));

// The instructions of each stage, in order: {keyword, args, flags (as --name=value), line}.
function stages(text) {
  const parsed = DockerfileParser.parse(text);
  const out = [];
  for (const instruction of parsed.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') out.push({ from: instruction, steps: [] });
    if (!out.length) continue;
    const flags = typeof instruction.getFlags === 'function' ? instruction.getFlags().map((f) => [f.getName(), f.getValue()]) : [];
    const args = instruction.getArguments().map((a) => a.getValue());
    out.at(-1).steps.push({ keyword, args, flags: Object.fromEntries(flags), line: instruction.getRange().start.line + 1 });
  }
  return out;
}

test('the Dockerfile linter finds nothing, and finds what it should in a broken one', () => {
  assert.deepEqual(validate(dockerfile, {}).map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
  // The linter is live: a COPY without a destination and an empty USER are reported.
  assert.equal(validate('FROM debian:bookworm-slim\nCOPY a\nUSER\n', {}).length, 2);
});

test('build stage: the Debian packages, then package*.json and npm ci, then the sources', () => {
  const [build] = stages(dockerfile);
  assert.equal(build.from.getImageName(), 'debian');
  assert.equal(build.from.getBuildStage(), 'build');
  const at = (predicate, what) => {
    const i = build.steps.findIndex(predicate);
    assert.ok(i >= 0, what);
    return i;
  };
  const apt = at((s) => s.keyword === 'RUN' && /scripts\/setup\.sh --page --apt-only/.test(s.args.join(' ')), 'setup.sh --page --apt-only');
  const manifests = at((s) => s.keyword === 'COPY' && s.args.includes('package-lock.json'), 'COPY package*.json');
  const npm = at((s) => s.keyword === 'RUN' && s.args.join(' ').startsWith('npm ci'), 'RUN npm ci');
  const firstSource = at((s) => s.keyword === 'COPY' && ['core', 'CMakeLists.txt', '.'].includes(s.args[0]), 'COPY of the sources');
  const build_ = at((s) => s.keyword === 'RUN' && /build-web\.sh/.test(s.args.join(' ')), 'RUN build-web.sh');
  assert.ok(apt < manifests && manifests < npm && npm < firstSource && firstSource < build_, 'apt, manifests, npm ci, sources, build');
  // Before npm ci only setup.sh and the manifests are in the image: a source edit keeps both installs.
  for (const s of build.steps.slice(0, npm)) {
    if (s.keyword === 'COPY') for (const src of s.args.slice(0, -1)) assert.match(src, /^(scripts\/setup\.sh|package(-lock)?\.json)$/);
  }
  assert.ok(!build.steps.some((s) => s.keyword === 'COPY' && s.args[0] === '.'), 'no COPY . . (the tests, bench and docs would bust the cache)');
  // The page build, not the test set-up: no Chromium, Catch2, Google Benchmark or nginx in the stage.
  const setup = readFileSync(join(root, 'scripts', 'setup.sh'), 'utf8');
  const pageList = setup.match(/^PKGS=\((.*)\)$/m)[1].split(/\s+/);
  for (const heavy of ['chromium', 'catch2', 'libbenchmark-dev', 'nginx', 'clang-tidy']) assert.ok(!pageList.includes(heavy), heavy);
  assert.ok(pageList.includes('emscripten') && pageList.includes('cmake'));
});

test('runtime stage: pinned by tag and digest, unprivileged, only the site and the configuration', () => {
  const all = stages(dockerfile);
  assert.equal(all.length, 2);
  const runtime = all[1];
  assert.equal(runtime.from.getImageName(), 'nginxinc/nginx-unprivileged');
  assert.match(runtime.from.getImageTag() ?? '', /^\d+\.\d+\.\d+-alpine-slim$/, 'a release tag');
  assert.match(runtime.from.getImageDigest() ?? '', /^sha256:[0-9a-f]{64}$/, 'and its digest');
  const copies = runtime.steps.filter((s) => s.keyword === 'COPY' || s.keyword === 'ADD');
  assert.deepEqual(copies.map((s) => [s.keyword, s.flags.from ?? null, ...s.args]), [
    ['COPY', 'build', '/src/build-web/site', '/usr/share/nginx/html'],
    ['COPY', null, 'deploy/nginx.conf', '/etc/nginx/nginx.conf'],
  ]);
  assert.ok(!runtime.steps.some((s) => s.keyword === 'RUN'), 'nothing runs in the runtime stage: it is the base plus two copies');
  const step = (k) => runtime.steps.find((s) => s.keyword === k);
  assert.deepEqual(step('USER').args, ['101']);
  assert.deepEqual(step('EXPOSE').args, ['8080']);
  assert.match(step('HEALTHCHECK').args.join(' '), /\/health/);
});

test('every path the Dockerfile copies exists (after the build, for the site)', { skip: !built && 'the page is not built' }, () => {
  const [build, runtime] = stages(dockerfile);
  for (const s of [...build.steps, ...runtime.steps].filter((x) => x.keyword === 'COPY')) {
    for (const src of s.args.slice(0, -1)) {
      const path = s.flags.from ? src.replace(/^\/src\//, '') : src;
      assert.ok(existsSync(join(root, path)), `${path} exists (line ${s.line})`);
    }
  }
  for (const f of ['index.html', 'sw.js', 'index.html.gz']) assert.ok(existsSync(join(root, 'build-web', 'site', f)), f);
});

test('nginx accepts deploy/nginx.conf; it listens on 8080 and hides its version', () => {
  const conf = readFileSync(join(root, 'deploy', 'nginx.conf'), 'utf8');
  assert.match(conf, /listen 8080;/);
  assert.match(conf, /server_tokens off;/);
  assert.doesNotMatch(conf, /^\s*user\s/m, 'no user directive: the image runs it unprivileged');
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  assert.ok(conf.includes(`"version":"${version}"`), '/health reports the package version');
  const prefix = join(root, 'build-web', 'conftest');
  mkdirSync(join(prefix, 'html'), { recursive: true });
  execFileSync('nginx', ['-t', '-q', '-p', `${prefix}/`, '-c', join(root, 'deploy', 'nginx.conf')], { timeout: 10_000 });
});
