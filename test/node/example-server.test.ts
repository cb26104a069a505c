// The example app (`examples/server`, `npm run server`): its environment and its demo login,
// over HTTP in front of the emulator.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createExampleServer } from '../../examples/server/app.js';
import { readConfig } from '../../examples/server/config.js';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.js';
import type { ListeningServer } from '../../src/server/node.js';
import type { EkycServer } from '../../src/server/index.js';
import { form, jpeg, KEY } from './helpers/ekyc-stack.js';

describe('the example server', () => {
  test('refuses to start without DEMO_USERS, unless ALLOW_ANONYMOUS=1 on loopback', () => {
    assert.throws(() => readConfig({ FPT_API_KEY: 'k' }), /DEMO_USERS/);
    assert.throws(() => readConfig({ FPT_API_KEY: 'k', ALLOW_ANONYMOUS: '1', HOST: '0.0.0.0' }), /loopback/);
    assert.equal(readConfig({ FPT_API_KEY: 'k', ALLOW_ANONYMOUS: '1' }).allowAnonymous, true);
    assert.throws(() => readConfig({ DEMO_USERS: 'alice:token-a' }), /FPT_API_KEY/);
  });

  test('reads DEMO_USERS as name:token pairs and refuses a malformed one', () => {
    const config = readConfig({ FPT_API_KEY: 'k', DEMO_USERS: 'alice:token-a, bob:token-b' });
    assert.deepEqual([...config.users], [['token-a', 'alice'], ['token-b', 'bob']]);
    assert.throws(() => readConfig({ FPT_API_KEY: 'k', DEMO_USERS: 'alice' }), /name:token/);
  });

  test('reads EKYC_FLOW and DOCUMENT_TYPES (comma-separated), and refuses values that are not', () => {
    const base = { FPT_API_KEY: 'k', DEMO_USERS: 'alice:token-a' };
    const defaults = readConfig(base);
    assert.equal(defaults.flow, 'full');
    assert.equal(defaults.documentTypes, undefined);
    const narrowed = readConfig({ ...base, EKYC_FLOW: 'document-only', DOCUMENT_TYPES: 'idr, passport' });
    assert.equal(narrowed.flow, 'document-only');
    assert.deepEqual(narrowed.documentTypes, ['idr', 'passport']);
    assert.throws(() => readConfig({ ...base, EKYC_FLOW: 'ocr-only' }), /EKYC_FLOW/);
    assert.throws(() => readConfig({ ...base, DOCUMENT_TYPES: 'idr,cmnd' }), /DOCUMENT_TYPES/);
  });

  test('refuses an http FPT_API_BASE that is not loopback', async () => {
    const config = readConfig({ FPT_API_KEY: 'k', DEMO_USERS: 'alice:token-a', FPT_API_BASE: 'http://ekyc.example' });
    await assert.rejects(createExampleServer(config, () => undefined), /https/);
  });

  describe('running', () => {
    let upstream: EmulatorServer;
    let app: EkycServer;
    let server: ListeningServer;
    const lines: string[] = [];

    before(async () => {
      upstream = await startEmulatorServer({ apiKeys: [KEY] });
      const env = { FPT_API_KEY: KEY, FPT_API_BASE: upstream.url, DEMO_USERS: 'alice:token-a,bob:token-b' };
      app = await createExampleServer(readConfig(env), (line) => lines.push(line));
      server = await app.listen();
    });
    after(async () => {
      await app.close();
      await upstream.close();
    });

    const session = (headers: Record<string, string>) => fetch(`${server.url}/session`, { method: 'POST', headers });

    test('Authorization: Bearer token-a is alice; the cookie ekyc_demo_token works the same; anything else is 401', async () => {
      assert.equal((await session({ authorization: 'Bearer token-a' })).status, 200);
      assert.equal((await session({ cookie: 'theme=dark; ekyc_demo_token=token-b' })).status, 200);
      assert.equal((await session({ authorization: 'Bearer token-z' })).status, 401);
      assert.equal((await session({})).status, 401);
    });

    test('bob cannot upload into alice’s session; alice can, and the log names neither key nor token', async () => {
      const { sessionId } = (await (await session({ authorization: 'Bearer token-a' })).json()) as { sessionId: string };
      const upload = (token: string) =>
        fetch(`${server.url}/ocr`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'session-id': sessionId, 'document-type': 'idr', 'side-type': 'front' },
          body: form('files', jpeg()),
        });
      assert.equal((await upload('token-b')).status, 403);
      assert.equal((await upload('token-a')).status, 200);
      assert.ok(lines.length > 0);
      assert.ok(lines.every((line) => !line.includes(KEY) && !line.includes('token-a') && !line.includes(sessionId)));
    });
  });
});
