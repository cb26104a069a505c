// An image is judged by its header, not by a declared type or two markers: its format and the size
// it claims are read before anything reaches FPT.AI, and a size outside the server's limits is refused.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { imageHeaderOf } from '../../src/api/image-type.js';
import { encodedJpeg, encodedPng, jpegHead, withClaimedSize } from './helpers/image-bytes.js';
import { form, startStack, type Stack } from './helpers/ekyc-stack.js';

const refusal = async (response: Response): Promise<{ status: number; error: string; width?: number; height?: number }> => {
  const body = (await response.json()) as { error: string; width?: number; height?: number };
  return { status: response.status, ...body };
};

describe('images, by their header', () => {
  let stack: Stack;

  before(async () => {
    stack = await startStack();
  });

  after(() => stack.close());

  const send = async (bytes: Uint8Array<ArrayBuffer>): Promise<Response> =>
    stack.ocr(await stack.session(), { body: form('files', bytes) });

  test('a real JPEG and a real PNG of 400×300 reach FPT.AI', async () => {
    const before = stack.calls('ocr');
    assert.equal((await send(encodedJpeg(400, 300))).status, 200);
    assert.equal((await send(encodedPng(400, 300))).status, 200);
    assert.equal(stack.calls('ocr'), before + 2);
  });

  test('a JPEG whose header claims 60000×60000 is refused with 422 image-too-large, FPT.AI never called', async () => {
    const before = stack.calls('ocr');
    assert.deepEqual(await refusal(await send(withClaimedSize(encodedJpeg(400, 300), 60_000, 60_000))), {
      status: 422, code: '422', error: 'image-too-large', message: 'An image is 60000×60000 px; its longer side must be at most 8192 px.',
      width: 60_000, height: 60_000, minSidePx: 300, maxSidePx: 8192,
    });
    const png = await refusal(await send(withClaimedSize(encodedPng(400, 300), 60_000, 60_000)));
    assert.equal(png.error, 'image-too-large');
    assert.equal(stack.calls('ocr'), before);
  });

  test('an image whose header claims less than 300 px on its shorter side is refused with 422 image-too-small', async () => {
    const before = stack.calls('ocr');
    const jpeg = await refusal(await send(withClaimedSize(encodedJpeg(400, 300), 1600, 120)));
    assert.deepEqual([jpeg.status, jpeg.error, jpeg.width, jpeg.height], [422, 'image-too-small', 1600, 120]);
    assert.equal((await refusal(await send(encodedPng(200, 150)))).error, 'image-too-small');
    assert.equal(stack.calls('ocr'), before);
  });

  test('start and end markers with no frame header, or a header that claims no pixels, are not an image: 415', async () => {
    const before = stack.calls('ocr');
    const markersOnly = new Uint8Array(64).fill(0x11);
    markersOnly.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    markersOnly.set([0xff, 0xd9], 62);
    assert.equal((await send(markersOnly)).status, 415);
    assert.equal((await send(withClaimedSize(encodedJpeg(400, 300), 400, 0))).status, 415);
    assert.equal((await send(withClaimedSize(encodedPng(400, 300), 0, 300))).status, 415);
    assert.equal((await send(withClaimedSize(encodedPng(400, 300), 0x80000000, 300))).status, 415);
    assert.equal(stack.calls('ocr'), before);
  });

  test('the limits are the server’s options', async () => {
    const strict = await startStack({ limits: { minImageSidePx: 480, maxImageSidePx: 1000 } }, stack.upstream);
    try {
      const sessionId = await strict.session('bob');
      const small = await strict.ocr(sessionId, { user: 'bob', body: form('files', encodedJpeg(640, 400)) });
      assert.equal((await refusal(small)).error, 'image-too-small');
      const large = await strict.ocr(sessionId, { user: 'bob', body: form('files', withClaimedSize(encodedJpeg(640, 480), 1200, 900)) });
      assert.equal((await refusal(large)).error, 'image-too-large');
      assert.equal((await strict.ocr(sessionId, { user: 'bob', body: form('files', encodedJpeg(640, 480)) })).status, 200);
    } finally {
      await strict.close();
    }
  });
});

describe('reading an image header', () => {
  test('finds the frame header past other segments, and stops at the scan', () => {
    const head = jpegHead(800, 600);
    const comment = [0xff, 0xfe, 0x00, 0x05, 0x61, 0x62, 0x63];
    const framed = Uint8Array.of(0xff, 0xd8, ...comment, 0xff, ...head.slice(2), 0xff, 0xd9);
    assert.deepEqual(imageHeaderOf(framed), { type: 'image/jpeg', width: 800, height: 600 });
    const scanFirst = Uint8Array.of(0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, ...head.slice(2), 0xff, 0xd9);
    assert.equal(imageHeaderOf(scanFirst), null);
  });

  test('a segment longer than the file, or a truncated frame header, is not an image', () => {
    assert.equal(imageHeaderOf(Uint8Array.of(0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 0xff, 0xd9)), null);
    assert.equal(imageHeaderOf(Uint8Array.of(0xff, 0xd8, 0xff, 0xc0, 0x00, 0x05, 0x08, 0x01, 0xff, 0xd9)), null);
    const png = encodedPng(400, 300);
    png.set([0x49, 0x44, 0x41, 0x54], 12); // the first chunk is not IHDR
    assert.equal(imageHeaderOf(png), null);
  });

  test('the size of every camera picture in the fixtures is read as its encoder wrote it', () => {
    const folder = resolve(import.meta.dirname, '../fixtures/camera');
    const sizes = readdirSync(folder).map((name) => imageHeaderOf(new Uint8Array(readFileSync(resolve(folder, name)))));
    assert.ok(sizes.length > 0);
    for (const size of sizes) assert.ok(size && size.width >= 300 && size.height >= 300, JSON.stringify(size));
    assert.deepEqual(imageHeaderOf(encodedJpeg(333, 222)), { type: 'image/jpeg', width: 333, height: 222 });
  });
});
