import assert from 'node:assert/strict';
import { test } from 'node:test';

test('importing the package in Node touches no window, document or customElements', async () => {
  const globals = globalThis as Record<string, unknown>;
  assert.equal(globals['window'], undefined);
  const module = await import('../../src/index.js');
  assert.equal(typeof module.EkycFlow, 'function');
  assert.equal(globals['window'], undefined);
  assert.equal(globals['document'], undefined);
});
