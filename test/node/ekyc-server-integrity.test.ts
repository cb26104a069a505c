// Capture-integrity signals through the server, sent as a hostile page would: stored with the session,
// weighed in its verdict by the `integrity` option, refused when malformed, and never sent to FPT.AI.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createEkycServer, type EkycResult, type EkycServerOptions, type Evidence } from '../../src/server/index.js';
import { KEY, jpeg, startStack, type Stack } from './helpers/ekyc-stack.js';

const LIMITS = { sessionsPerSubjectPerHour: 1000, sessionsPerAddressPerHour: 1000 };

const signal = (name: string, value: unknown, flagged: boolean) => ({ name, value, why: 'because', flagged });
const CLEAN = { signals: [signal('virtual-camera', 'FaceTime HD Camera', false), signal('webdriver', false, false)], flagged: false };
const INJECTED = { signals: [signal('synthetic-track', 'canvas', true)], flagged: true };

/** An upload's body: its image, and `integrity` as the element sends it (text, or the bytes given). */
function body(field: 'files' | 'selfies', integrity?: unknown, fill = 0x11): FormData {
  const data = new FormData();
  data.append(field, new Blob([jpeg(64, fill)], { type: 'image/jpeg' }), 'photo.jpg');
  if (integrity !== undefined) data.append('integrity', typeof integrity === 'string' ? integrity : JSON.stringify(integrity));
  return data;
}

async function completeWith(stack: Stack, integrity: unknown, user: 'alice' | 'bob' = 'alice'): Promise<{ sessionId: string; result: EkycResult }> {
  const sessionId = await stack.session(user);
  assert.equal((await stack.ocr(sessionId, { side: 'front', user, body: body('files', integrity) })).status, 200);
  assert.equal((await stack.ocr(sessionId, { side: 'back', user, body: body('files', integrity, 0x12) })).status, 200);
  assert.equal((await stack.face(sessionId, { user, body: body('selfies', integrity, 0x13) })).status, 200);
  return { sessionId, result: (await (await stack.result(sessionId, user)).json()) as EkycResult };
}

describe('capture integrity, weighed by the server', () => {
  const stacks: Stack[] = [];
  const stackWith = async (options: Partial<EkycServerOptions> = {}): Promise<Stack> => {
    const stack = await startStack({ limits: LIMITS, ...options });
    stacks.push(stack);
    return stack;
  };
  after(() => Promise.all(stacks.map((stack) => stack.close())));

  test('a flagged session ends in review, with capture-integrity and the signals, by default', async () => {
    const stack = await stackWith();
    const { result } = await completeWith(stack, INJECTED);
    assert.equal(result.status, 'review');
    assert.deepEqual(result.reasons, ['capture-integrity']);
    assert.equal(result.integrity.flagged, true);
    assert.deepEqual(result.integrity.uploads.map(({ route, sides }) => `${route} ${sides.join(',')}`), ['ocr front', 'ocr back', 'face ']);
    assert.deepEqual(result.integrity.uploads[0]?.signals, [{ name: 'synthetic-track', value: 'canvas', flagged: true }]);
    assert.equal(stack.completed[0]?.status, 'review', 'onComplete gets the weighed verdict');
  });

  test('a clean session passes, its signals kept as evidence', async () => {
    const stack = await stackWith();
    const { result } = await completeWith(stack, CLEAN);
    assert.equal(result.status, 'passed');
    assert.equal(result.integrity.flagged, false);
    assert.equal(result.integrity.uploads[2]?.signals?.length, 2);
  });

  test('integrity: ignore passes a flagged session; fail fails it', async () => {
    assert.equal((await completeWith(await stackWith({ integrity: 'ignore' }), INJECTED)).result.status, 'passed');
    const failed = (await completeWith(await stackWith({ integrity: 'fail' }), INJECTED)).result;
    assert.equal(failed.status, 'failed');
    assert.deepEqual(failed.reasons, ['capture-integrity']);
  });

  test('the integrator’s own rule sees the signals, and the option still weighs its verdict', async () => {
    const seen: Evidence['integrity'][] = [];
    const stack = await stackWith({ verdict: (evidence) => (seen.push(evidence.integrity), { status: evidence.face ? 'passed' : 'pending', reasons: [] }) });
    const { result } = await completeWith(stack, INJECTED);
    assert.equal(seen.at(-1)?.flagged, true);
    assert.equal(seen.at(-1)?.uploads.length, 3);
    assert.equal(result.status, 'review');
  });

  test('a page that clears flagged on a virtual camera’s label, automation or a frozen run is flagged all the same', async () => {
    const stack = await stackWith();
    for (const lie of [signal('virtual-camera', 'OBS Virtual Camera', false), signal('webdriver', true, false), signal('frozen-frames', 4000, false), signal('patched-media-api', 'getUserMedia', false)]) {
      const { result } = await completeWith(stack, { signals: [lie], flagged: false });
      assert.equal(result.status, 'review', lie.name);
    }
  });

  test('uploads without a report pass, recorded as sending none', async () => {
    const stack = await stackWith();
    const { result } = await completeWith(stack, undefined);
    assert.equal(result.status, 'passed');
    assert.deepEqual(result.integrity.uploads.map((upload) => upload.signals), [null, null, null]);
  });

  test('an option that is not a mode is refused at creation', () => {
    assert.throws(() => createEkycServer({ apiKey: KEY, authorize: () => 'a', integrity: 'lenient' as never }), /integrity must be one of/);
  });
});

describe('capture integrity, from a hostile page', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ limits: LIMITS });
  });
  after(() => stack.close());

  const MALFORMED: Record<string, string> = {
    'not JSON': '{"signals": [',
    'not UTF-8': '\u00ff\u00fe',
    'a list': '[]',
    'an extra key': JSON.stringify({ ...CLEAN, verdict: 'passed' }),
    'signals not a list': JSON.stringify({ signals: 'none', flagged: false }),
    'a signal with an extra key': JSON.stringify({ signals: [{ ...signal('webdriver', false, false), status: 'passed' }] }),
    'a name with capitals': JSON.stringify({ signals: [signal('WebDriver', false, false)] }),
    'a name too long': JSON.stringify({ signals: [signal('a'.repeat(41), false, false)] }),
    'an object as value': JSON.stringify({ signals: [signal('webdriver', { toString: 'x' }, false)] }),
    'a long value': JSON.stringify({ signals: [signal('virtual-camera', 'x'.repeat(201), false)] }),
    'a string as flagged': JSON.stringify({ signals: [signal('webdriver', false, 'false' as never)] }),
    'a long why': JSON.stringify({ signals: [{ ...signal('webdriver', false, false), why: 'w'.repeat(401) }] }),
    'too many signals': JSON.stringify({ signals: Array.from({ length: 33 }, () => signal('webdriver', false, false)) }),
    'too large': JSON.stringify({ signals: [signal('webdriver', false, false)], padding: ' '.repeat(9000) }),
    '__proto__': '{"signals":[{"name":"webdriver","value":false,"flagged":false,"__proto__":{"flagged":true}}]}',
  };

  for (const [what, text] of Object.entries(MALFORMED)) {
    test(`a report that is ${what} is refused before FPT.AI, and nothing moves`, async () => {
      const sessionId = await stack.session();
      const calls = stack.calls('ocr');
      const raw = rawBody(what === 'not UTF-8' ? new Uint8Array([0xff, 0xfe, 0x7b]) : new TextEncoder().encode(text));
      const refused = await stack.ocr(sessionId, { side: 'front', ...raw });
      assert.equal(refused.status, 400);
      assert.equal(((await refused.json()) as { error: string }).error, 'bad-integrity');
      assert.equal(stack.calls('ocr'), calls);
      // The session is where it was: the front is still wanted, and a clean report still counts.
      assert.equal((await stack.ocr(sessionId, { side: 'front', body: body('files', CLEAN) })).status, 200);
      assert.equal(stack.calls('ocr'), calls + 1);
    });
  }

  test('two reports, or a report sent as a file, are refused', async () => {
    const sessionId = await stack.session();
    const twice = body('files', CLEAN);
    twice.append('integrity', JSON.stringify(CLEAN));
    assert.equal((await stack.ocr(sessionId, { side: 'front', body: twice })).status, 400);
    const asFile = body('files');
    asFile.append('integrity', new Blob([JSON.stringify(CLEAN)], { type: 'application/json' }), 'integrity.json');
    assert.equal((await stack.ocr(sessionId, { side: 'front', body: asFile })).status, 400);
  });

  test('a report does not make room for a third file', async () => {
    const sessionId = await stack.session();
    const data = new FormData();
    for (const fill of [1, 2, 3]) data.append('files', new Blob([jpeg(64, fill)], { type: 'image/jpeg' }), `${fill}.jpg`);
    data.append('integrity', JSON.stringify(CLEAN));
    const response = await stack.ocr(sessionId, { side: null, body: data });
    assert.equal(((await response.json()) as { error: string }).error, 'too-many-parts');
  });

  test('a report sent after the final result changes nothing', async () => {
    const { sessionId, result } = await completeWith(stack, CLEAN);
    assert.equal(result.status, 'passed');
    const late = await stack.face(sessionId, { body: body('selfies', INJECTED, 0x14) });
    assert.equal(late.status, 409);
    const now = (await (await stack.result(sessionId)).json()) as EkycResult;
    assert.deepEqual(now, result);
  });

  test('a report sent to another user’s session is refused and leaves it alone', async () => {
    const sessionId = await stack.session('alice');
    assert.equal((await stack.ocr(sessionId, { side: 'front', body: body('files', CLEAN) })).status, 200);
    const forged = await stack.ocr(sessionId, { side: 'back', user: 'bob', body: body('files', INJECTED, 0x12) });
    assert.equal(forged.status, 403);
    assert.equal((await stack.ocr(sessionId, { side: 'back', body: body('files', CLEAN, 0x12) })).status, 200);
    assert.equal((await stack.face(sessionId, { body: body('selfies', CLEAN, 0x13) })).status, 200);
    const result = (await (await stack.result(sessionId)).json()) as EkycResult;
    assert.equal(result.status, 'passed');
    assert.equal(result.integrity.uploads.length, 3);
  });

  test('FPT.AI never receives the report: only the API’s own fields and headers', async () => {
    const before = stack.upstream.emulator.requests.length;
    await completeWith(stack, INJECTED);
    const requests = stack.upstream.emulator.requests.slice(before).filter((request) => request.endpoint !== 'init');
    assert.equal(requests.length, 3);
    for (const request of requests) {
      assert.deepEqual(request.textFields, []);
      assert.deepEqual(request.violations, []);
      assert.ok(request.files.every(({ field }) => field === 'files' || field === 'selfies'));
      assert.ok(!Object.keys(request.headers).some((name) => name.includes('integrity')));
    }
  });
});

/** A multipart body written by hand: a photo, then an `integrity` text part of raw `bytes`. */
function rawBody(bytes: Uint8Array): { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  const boundary = 'integrity-boundary';
  const text = (value: string) => new TextEncoder().encode(value);
  const parts = [
    text(`--${boundary}\r\ncontent-disposition: form-data; name="files"; filename="front.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`),
    jpeg(64, 0x11),
    text(`\r\n--${boundary}\r\ncontent-disposition: form-data; name="integrity"\r\n\r\n`),
    bytes,
    text(`\r\n--${boundary}--\r\n`),
  ];
  const body = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  parts.reduce((offset, part) => (body.set(part, offset), offset + part.byteLength), 0);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
