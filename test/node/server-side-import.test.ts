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

test('importing the React component in Node touches no window or document', async () => {
  const globals = globalThis as Record<string, unknown>;
  const { EkycFlowReact } = await import('../../src/react.js');
  assert.equal(typeof EkycFlowReact, 'object'); // a forwardRef component
  assert.equal(globals['window'], undefined);
  assert.equal(globals['document'], undefined);
});
