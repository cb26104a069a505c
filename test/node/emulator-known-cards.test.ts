import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EkycEmulator, KNOWN_ID_CARDS, type CardRecogniser } from '../../src/emulator/index.js';
import { jpegHead } from './helpers/image-bytes.js';

/** A JPEG by its header and end marker, told apart by the label between them. */
const picture = (label: string): Blob => new Blob([Uint8Array.from(jpegHead()), label, Uint8Array.of(0xff, 0xd9)], { type: 'image/jpeg' });

async function read(emulator: EkycEmulator, documentType: string, side: 'front' | 'back', image = picture('card')) {
  const sessionId = emulator.createSession();
  const send = async (sideType: 'front' | 'back') => {
    const form = new FormData();
    form.append('files', image, `${sideType}.jpg`);
    const request = new Request('https://ekyc.test/ocr', {
      method: 'POST',
      headers: { 'session-id': sessionId, 'device-type': 'web-sdk', 'document-type': documentType, 'side-type': sideType },
      body: form,
    });
    const outcome = await emulator.handle(request);
    assert.equal(outcome.kind, 'response');
    return (await outcome.response.json()) as { data: { key: string; value: string }[] };
  };
  if (side === 'back') await send('front');
  const body = await send(side);
  return Object.fromEntries(body.data.map(({ key, value }) => [key, value]));
}

describe('the emulator with ID cards it knows', () => {
  test('answers what a recognised card prints, on each side', async () => {
    const seen: Blob[] = [];
    const recogniseCard: CardRecogniser = (image) => {
      seen.push(image);
      return 'cccd-2021-nguyen-van-an';
    };
    const emulator = new EkycEmulator({ recogniseCard });
    const image = picture('the card');
    const front = await read(emulator, 'idr', 'front', image);
    assert.equal(front['ID'], '079099012345');
    assert.equal(front['Name'], 'NGUYỄN VĂN AN');
    assert.equal(front['Date of birth'], '01/02/1990');
    const back = await read(emulator, 'idr', 'back');
    assert.equal(back['Issue Date'], '15/08/2021');
    assert.equal(await seen[0]?.text(), await image.text());
    assert.deepEqual(Object.keys(front), KNOWN_ID_CARDS['cccd-2021-nguyen-van-an'].front.map(({ key }) => key));
  });

  test('answers the default person for other pictures, without a recogniser, or when it fails', async () => {
    const unknown = await read(new EkycEmulator({ recogniseCard: () => null }), 'idr', 'front');
    const without = await read(new EkycEmulator(), 'idr', 'front');
    const failing = await read(new EkycEmulator({ recogniseCard: () => Promise.reject(new Error('unreadable')) }), 'idr', 'front');
    for (const fields of [unknown, without, failing]) assert.equal(fields['Name'], 'NGUYỄN THỊ MINH ANH');
  });

  test('asks only about ID cards', async () => {
    let asked = 0;
    const emulator = new EkycEmulator({
      recogniseCard: () => {
        asked++;
        return 'cccd-2021-nguyen-van-an';
      },
    });
    const licence = await read(emulator, 'dlr', 'front');
    assert.equal(licence['ID'], '010195004321');
    assert.equal(asked, 0);
  });
});
