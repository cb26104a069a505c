// What a page installs and bundles stays free of the server half: ekyc-flow/server's Redis client is an
// optional peer dependency loaded only when used, and nothing the browser entries import reaches src/server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  exports: Record<string, unknown>;
};

/** Every module a source file reaches through static imports, and the bare specifiers it meets. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, typeOnly, specifier] of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) {
      if (typeOnly || !specifier) continue;
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return { files, packages };
}

test('a page’s install pulls no server dependency: ioredis and msw are optional peers, not dependencies', () => {
  for (const name of ['ioredis', 'msw']) {
    assert.equal(manifest.dependencies[name], undefined, name);
    assert.ok(manifest.peerDependencies[name], name);
    assert.equal(manifest.peerDependenciesMeta[name]?.optional, true, name);
  }
  assert.ok(manifest.exports['./server'] && manifest.exports['./emulator']);
});

test('the browser entries reach neither src/server nor Node built-ins nor ioredis', () => {
  for (const entry of ['src/index.ts', 'src/ekyc-flow.ts', 'src/react.ts']) {
    const { files, packages } = staticGraph(resolve(ROOT, entry));
    assert.ok(files.size > 5, `${entry} imports were followed`);
    assert.deepEqual([...files].filter((file) => file.includes('/src/server/')), [], entry);
    assert.deepEqual([...packages].filter((name) => name.startsWith('node:') || name === 'ioredis'), [], entry);
  }
});

test('ekyc-flow/server loads ioredis only by a dynamic import, when a Redis store is created', () => {
  const { packages } = staticGraph(resolve(ROOT, 'src/server/index.ts'));
  assert.ok(!packages.has('ioredis'));
  assert.match(readFileSync(resolve(ROOT, 'src/server/store/redis.ts'), 'utf8'), /await import\('ioredis'\)/);
});
