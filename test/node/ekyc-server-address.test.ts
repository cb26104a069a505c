// The client's address behind reverse proxies: X-Forwarded-For only from trusted proxies, read from
// the right; the anonymous development mode checks the socket; IPv6 clients are limited per /64.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createExampleServer } from '../../examples/server/app.js';
import { readConfig } from '../../examples/server/config.js';
import { clientAddressOf } from '../../src/server/client-address.js';
import { addressBucket, parseRange } from '../../src/server/ip.js';
import { createEkycServer } from '../../src/server/index.js';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.js';
import { KEY } from './helpers/ekyc-stack.js';

const PROXY = '10.0.0.2';

describe('finding 7: the client address behind a proxy', () => {
  let upstream: EmulatorServer;
  before(async () => {
    upstream = await startEmulatorServer({ apiKeys: [KEY] });
  });
  after(() => upstream.close());

  /** A server whose every user is a different subject: only the per-address limit (30 an hour) applies. */
  const server = (options: { trustedProxies?: string[]; allowAnonymousOnLoopback?: boolean; clientAddress?: (request: Request) => string | undefined } = {}) =>
    createEkycServer({
      apiKey: KEY,
      apiBase: upstream.url,
      authorize: options.allowAnonymousOnLoopback ? undefined : (request) => request.headers.get('x-user'),
      limits: { sessionsPerSubjectPerHour: 1000 },
      ...options,
    });

  const ask = (ekyc: ReturnType<typeof server>, peer: string, forwardedFor: string | null, user: string) => {
    const headers: Record<string, string> = { 'x-user': user };
    if (forwardedFor !== null) headers['x-forwarded-for'] = forwardedFor;
    return ekyc.fetch(new Request('http://kyc.example/session', { method: 'POST', headers }), { peer });
  };

  test('behind the example app’s trusted proxy, 31 users from 31 addresses all get a session', async () => {
    const config = readConfig({ FPT_API_KEY: KEY, FPT_API_BASE: upstream.url, DEMO_USERS: 'alice:token-a', TRUSTED_PROXIES: '10.0.0.0/8' });
    const app = await createExampleServer(config, () => undefined);
    try {
      for (let index = 1; index <= 31; index++) {
        const request = new Request('http://kyc.example/session', {
          method: 'POST',
          headers: { authorization: 'Bearer token-a', 'x-forwarded-for': `198.51.100.${index}` },
        });
        const response = await app.fetch(request, { peer: PROXY });
        // The example's demo login is one user: its own limit (10) is what stops it, not the address.
        assert.ok(response.status === 200 || (index > 10 && response.status === 429), `${index}: ${response.status}`);
      }
    } finally {
      await app.close();
    }
    const ekyc = server({ trustedProxies: ['10.0.0.0/8'] });
    try {
      for (let index = 1; index <= 31; index++) {
        assert.equal((await ask(ekyc, PROXY, `198.51.100.${index}`, `user-${index}`)).status, 200, String(index));
      }
    } finally {
      await ekyc.close();
    }
  });

  test('the leftmost X-Forwarded-For is the client’s own writing: changing it does not leave its bucket', async () => {
    const ekyc = server({ trustedProxies: ['10.0.0.0/8'] });
    try {
      for (let index = 1; index <= 30; index++) {
        assert.equal((await ask(ekyc, PROXY, `192.0.2.${index}, 203.0.113.7`, `user-${index}`)).status, 200);
      }
      assert.equal((await ask(ekyc, PROXY, '192.0.2.99, 203.0.113.7', 'user-31')).status, 429);
      assert.equal((await ask(ekyc, PROXY, '203.0.113.8', 'user-32')).status, 200);
    } finally {
      await ekyc.close();
    }
  });

  test('from a peer that is not a trusted proxy, X-Forwarded-For is ignored', async () => {
    const ekyc = server({ trustedProxies: ['10.0.0.0/8'] });
    try {
      for (let index = 1; index <= 30; index++) await ask(ekyc, '198.51.100.9', `192.0.2.${index}`, `user-${index}`);
      assert.equal((await ask(ekyc, '198.51.100.9', '192.0.2.200', 'user-31')).status, 429);
    } finally {
      await ekyc.close();
    }
  });

  test('anonymous mode: X-Forwarded-For: 127.0.0.1 from a remote peer is refused, even through a clientAddress that reads it', async () => {
    const leftmost = (request: Request) => request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    for (const options of [{}, { clientAddress: leftmost }, { trustedProxies: ['127.0.0.1'] }]) {
      const ekyc = server({ allowAnonymousOnLoopback: true, ...options });
      try {
        const remote = await ask(ekyc, '203.0.113.9', '127.0.0.1', 'anyone');
        assert.equal(remote.status, 403);
        assert.equal(((await remote.json()) as { error: string }).error, 'not-loopback');
        // A local proxy that forwards a remote client does not make it local either (without a way to read
        // the header, the server sees only the local socket).
        const forwarded = await ask(ekyc, '127.0.0.1', '203.0.113.9', 'anyone');
        assert.equal(forwarded.status, Object.keys(options).length === 0 ? 200 : 403);
        assert.equal((await ask(ekyc, '::1', null, 'anyone')).status, 200);
      } finally {
        await ekyc.close();
      }
    }
  });

  test('IPv6 clients are limited per /64', async () => {
    const ekyc = server();
    try {
      for (let index = 1; index <= 30; index++) {
        assert.equal((await ask(ekyc, `2001:db8:1:2::${index.toString(16)}`, null, `user-${index}`)).status, 200);
      }
      assert.equal((await ask(ekyc, '2001:db8:1:2:ffff:ffff:ffff:1', null, 'user-31')).status, 429);
      assert.equal((await ask(ekyc, '2001:db8:1:3::1', null, 'user-32')).status, 200);
    } finally {
      await ekyc.close();
    }
  });
});

describe('addresses', () => {
  const trusted = ['10.0.0.0/8', '2001:db8:ffff::/48', '127.0.0.1'].map(parseRange);

  test('X-Forwarded-For read right to left, skipping trusted hops, from a trusted peer only', () => {
    assert.equal(clientAddressOf('10.1.2.3', '1.1.1.1, 203.0.113.7, 10.9.9.9', trusted), '203.0.113.7');
    assert.equal(clientAddressOf('10.1.2.3', '203.0.113.7:4711', trusted), '203.0.113.7');
    assert.equal(clientAddressOf('10.1.2.3', '[2001:db8:1::5]:443, 2001:db8:ffff:1::1', trusted), '2001:db8:1::5');
    assert.equal(clientAddressOf('10.1.2.3', '10.0.0.7, 10.0.0.8', trusted), '10.0.0.7');
    assert.equal(clientAddressOf('10.1.2.3', null, trusted), '10.1.2.3');
    assert.equal(clientAddressOf('::ffff:10.1.2.3', '203.0.113.7', trusted), '203.0.113.7');
    assert.equal(clientAddressOf('203.0.113.50', '1.1.1.1', trusted), '203.0.113.50');
    assert.equal(clientAddressOf(undefined, '1.1.1.1', trusted), undefined);
  });

  test('ranges: IPv4 and IPv6 prefixes, single addresses; anything else refused', () => {
    assert.throws(() => parseRange('10.0.0.0/33'), /not an address/);
    assert.throws(() => parseRange('proxy.internal'), /not an address/);
    assert.throws(() => createEkycServer({ apiKey: KEY, authorize: () => 'x', trustedProxies: ['10.0.0.0/8', 'nope'] }), /trustedProxies/);
    const narrow = [parseRange('192.168.4.0/22')];
    assert.equal(clientAddressOf('192.168.7.255', '1.1.1.1', narrow), '1.1.1.1');
    assert.equal(clientAddressOf('192.168.8.0', '1.1.1.1', narrow), '192.168.8.0');
  });

  test('the per-address bucket: IPv4 itself, IPv4-mapped as IPv4, IPv6 its /64', () => {
    assert.equal(addressBucket('203.0.113.7'), '203.0.113.7');
    assert.equal(addressBucket('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(addressBucket('2001:db8:1:2:3:4:5:6'), '2001:db8:1:2::/64');
    assert.equal(addressBucket('2001:db8:1:2::9'), addressBucket('[2001:db8:1:2:ffff::1]'));
    assert.equal(addressBucket('not an address'), 'not an address');
  });

  test('the example reads TRUSTED_PROXIES, comma-separated', () => {
    const config = readConfig({ FPT_API_KEY: 'k', DEMO_USERS: 'alice:token-a', TRUSTED_PROXIES: '10.0.0.0/8, ::1' });
    assert.deepEqual(config.trustedProxies, ['10.0.0.0/8', '::1']);
  });
});
