// What the image runs, checked without a Docker engine: every path Dockerfile.nginx copies exists
// after the build, the runtime stage is pinned and unprivileged, and nginx accepts the config.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { root } from '../helpers/native.mjs';

const dockerfile = readFileSync(join(root, 'Dockerfile.nginx'), 'utf8');
const built = existsSync(join(root, 'build-web', 'site', 'index.html'));

test('every path the Dockerfile copies exists after the build', { skip: !built && 'the page is not built' }, () => {
  const copies = [...dockerfile.matchAll(/^COPY\s+(--from=\S+\s+)?(\S+)\s+(\S+)$/gm)];
  assert.ok(copies.length >= 3);
  for (const [, from, src] of copies) {
    const path = from ? src.replace(/^\/src\//, '') : src;
    if (path === '.') continue;
    assert.ok(existsSync(join(root, path)), `${path} exists`);
  }
  for (const f of ['index.html', 'sw.js', 'index.html.gz']) assert.ok(existsSync(join(root, 'build-web', 'site', f)), f);
});

test('two stages: Debian build, pinned unprivileged nginx runtime with a health check', () => {
  const froms = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
  assert.deepEqual(froms[0], 'debian:bookworm-slim');
  assert.match(froms[1], /^nginxinc\/nginx-unprivileged:\d+\.\d+\.\d+-alpine-slim$/, 'runtime image pinned to a release');
  assert.match(dockerfile, /^USER 101$/m);
  assert.match(dockerfile, /^HEALTHCHECK .*\/health/m);
  assert.match(dockerfile, /^EXPOSE 8080$/m);
  assert.match(dockerfile, /scripts\/setup\.sh/, 'the build stage installs what the README set-up installs');
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
