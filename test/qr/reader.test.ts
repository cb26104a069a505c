import { expect } from '@open-wc/testing';
import { createQrReader } from '../../src/qr/reader.js';
import { fixtureImage } from './fixtures/load.js';
import { QR_FIXTURES } from './fixtures/specs.js';

const assetsBase = '/public/ekyc-assets/';
const clean = QR_FIXTURES.find(({ kind, generation }) => kind === 'clean' && generation === '2021')!;

async function cardWithoutCode(): Promise<Blob> {
  const response = await fetch(new URL('../fixtures/camera/card-scene.jpg', import.meta.url));
  return response.blob();
}

describe('QR reader', function () {
  this.timeout(60_000);

  it('reads the code in a worker and keeps the raw text', async () => {
    const reader = createQrReader({ assetsBase });
    try {
      const { reading, thread, decoded } = await reader.measure(await fixtureImage(clean));
      expect(thread).to.equal('worker');
      expect(decoded?.decoder).to.equal('zxing-wasm');
      expect(reading?.raw).to.equal(clean.code);
      expect(reading?.fields.id).to.equal(clean.holder.id);
    } finally {
      reader.dispose();
    }
  });

  it('gives null for a card without a code', async () => {
    const reader = createQrReader({ assetsBase });
    try {
      const { reading, decoded } = await reader.measure(await cardWithoutCode());
      expect(reading).to.equal(null);
      expect(decoded?.text).to.equal(null);
    } finally {
      reader.dispose();
    }
  });

  it('gives null, never an error, for a file that is no picture', async () => {
    const reader = createQrReader({ assetsBase });
    try {
      expect(await reader.read(new Blob(['not a picture'], { type: 'image/jpeg' }))).to.equal(null);
    } finally {
      reader.dispose();
    }
  });

  it('gives null when the decoder cannot be loaded', async () => {
    const reader = createQrReader({ assetsBase: '/nowhere/' });
    try {
      const { reading, decoded } = await reader.measure(await fixtureImage(clean));
      expect(reading).to.equal(null);
      expect(decoded).to.equal(null);
    } finally {
      reader.dispose();
    }
  });

  it('decodes the same picture once', async () => {
    const reader = createQrReader({ assetsBase });
    try {
      const image = await fixtureImage(clean);
      const [first, second] = await Promise.all([reader.measure(image), reader.measure(image)]);
      expect(second).to.equal(first);
      expect(first.reading?.raw).to.equal(clean.code);
    } finally {
      reader.dispose();
    }
  });

  it('still reads a picture asked for again after an earlier request gave up waiting', async () => {
    const reader = createQrReader({ assetsBase, timeoutMs: 1 });
    try {
      const image = await fixtureImage(clean);
      expect(await reader.read(image)).to.equal(null);
      let reading = await reader.read(image);
      for (let tries = 0; reading === null && tries < 300; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        reading = await reader.read(image);
      }
      expect(reading?.raw).to.equal(clean.code);
    } finally {
      reader.dispose();
    }
  });

  it('decodes on the calling thread when asked not to use a worker', async () => {
    const reader = createQrReader({ assetsBase, worker: false });
    try {
      reader.prepare();
      const { reading, thread } = await reader.measure(await fixtureImage(clean));
      expect(thread).to.equal('main');
      expect(reading?.raw).to.equal(clean.code);
    } finally {
      reader.dispose();
    }
  });

  it('gives null after it was disposed', async () => {
    const reader = createQrReader({ assetsBase });
    reader.dispose();
    expect(await reader.read(await fixtureImage(clean))).to.equal(null);
  });
});
