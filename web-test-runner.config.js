import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.js';
import { prepareFakeCameras } from './scripts/fake-camera.js';


/**
 * Pages named `*.csp.html` are served under the strict policy integrators use:
 * no inline script or style, WebAssembly allowed, Trusted Types required.
 * Media, images and workers may come from `blob:`; the API is the emulator's origin.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob: mediastream:",
  "worker-src 'self' blob:",
  "connect-src 'self' https://ekyc-emulator.invalid",
  "require-trusted-types-for 'script'",
].join('; ');

const chromium = (extraArgs = []) =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] },
  });

/**
 * A test named `*.<camera>.camera.test.ts` runs in a browser whose fake camera
 * shows `test/fixtures/camera/<camera>.jpg` (converted to .y4m at start-up).
 * Every other test sees Chromium's built-in synthetic camera.
 */
const cameras = prepareFakeCameras(
  resolve('test/fixtures/camera'),
  resolve('node_modules/.cache/ekyc-fake-camera'),
);
// `--files` applies to every group: keep only the camera groups whose files it names.
// To run one camera group alone: `npx wtr --group camera-<name>`.
const filesArgument = process.argv.includes('--files') ? process.argv[process.argv.indexOf('--files') + 1] : undefined;
const namedFiles = filesArgument === undefined ? null : listFiles('test').filter((file) => globToRegExp(filesArgument).test(file));
const cameraGroups = Object.entries(cameras)
  .filter(([name]) => namedFiles === null || namedFiles.some((file) => file.endsWith(`.${name}.camera.test.ts`)))
  .map(([name, y4m]) => ({
    name: `camera-${name}`,
    files: [`test/**/*.${name}.camera.test.ts`],
    browsers: [chromium([`--use-file-for-fake-video-capture=${y4m}`])],
  }));

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function globToRegExp(glob) {
  const pattern = glob
    .replace(/^\.\//, '')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '§§')
    .replace(/\*/g, '[^/]*')
    .replace(/§§/g, '(?:.*/)?');
  return new RegExp(`^${pattern}$`);
}

export default {
  files: ['test/**/*.test.ts', '!test/**/*.camera.test.ts', '!test/node/**', '!test/examples/**'],
  groups: cameraGroups,
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [
    function serveWorkerFromRoot(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
    async function strictCspPages(context, next) {
      await next();
      if (context.path.endsWith('.csp.html')) context.set('Content-Security-Policy', STRICT_CSP);
    },
  ],
  browsers: [chromium()],
};
