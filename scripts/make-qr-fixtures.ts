// Makes the CCCD QR fixtures: synthetic cards (made-up holders) carrying real QR codes, drawn in headless
// Chromium with the quality fixtures' card scenes. Writes the captures of `QR_FIXTURES` (the element's crop of
// the card, as a 1280×720 or 1920×1080 camera sees it) to test/qr/fixtures/images/, and the camera pictures of
// `CAMERA_FIXTURES` (1280×720 frames) to test/fixtures/camera/.
//   npx tsx scripts/make-qr-fixtures.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright';
import QRCode from 'qrcode';
import { createServer } from 'vite';
import type { QrModules } from '../test/qr/fixtures/cards.js';
import type { SceneSpec } from '../test/qr/fixtures/render.js';
import { CAMERA_FIXTURES, QR_FIXTURES } from '../test/qr/fixtures/specs.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

/** JPEG quality of the committed files: small, and no kinder to a decoder than the element's own captures. */
const QUALITY = 0.72;

/** The code as a QR encoder makes it: byte mode (UTF-8), error correction level M. */
function modulesOf(text: string): QrModules {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: code.modules.size, dark: Array.from(code.modules.data, (bit) => bit === 1) };
}

interface RenderWindow {
  renderQrScene?: (spec: SceneSpec, modules: QrModules, crop: boolean, quality: number) => Promise<string>;
}

const server = await createServer({
  configFile: false,
  root: process.cwd(),
  publicDir: false,
  logLevel: 'warn',
  server: { host: 'localhost', port: 0, hmr: false, watch: null },
});
await server.listen();
const address = server.httpServer?.address();
const origin = `http://localhost:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(error));
  await page.goto(`${origin}/test/qr/fixtures/render.html`);
  await page.waitForFunction(() => typeof (window as RenderWindow).renderQrScene === 'function');
  const render = (spec: SceneSpec, code: string, crop: boolean): Promise<Buffer> =>
    page
      .evaluate(
        ([given, modules, cropped, quality]) => {
          const run = (window as RenderWindow).renderQrScene;
          if (!run) throw new Error('renderQrScene is missing');
          return run(given, modules, cropped, quality);
        },
        [spec, modulesOf(code), crop, QUALITY] as const,
      )
      .then((base64) => Buffer.from(base64, 'base64'));

  const imagesDir = resolve('test/qr/fixtures/images');
  mkdirSync(imagesDir, { recursive: true });
  for (const fixture of QR_FIXTURES) {
    const bytes = await render(fixture, fixture.code, true);
    writeFileSync(join(imagesDir, `${fixture.name}.jpg`), bytes);
    console.log(`${fixture.name}.jpg  ${(bytes.length / 1000).toFixed(0)} kB`);
  }
  for (const [name, { holder, code }] of Object.entries(CAMERA_FIXTURES)) {
    const spec: SceneSpec = { generation: '2021', camera: '720p', holder, background: 'desk', scale: 0.95, rotate: 0, keystone: 1, blur: 0, glare: 0 };
    const bytes = await render(spec, code, false);
    writeFileSync(resolve('test/fixtures/camera', `${name}.jpg`), bytes);
    console.log(`camera/${name}.jpg  ${(bytes.length / 1000).toFixed(0)} kB`);
  }
} finally {
  await browser.close();
  await server.close();
}
