import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { engineSummaryReporter } from './scripts/engine-summary.js';
import {
  chromiumLauncher,
  engineVersions,
  firefoxLauncher,
  missingBrowsers,
  missingBrowsersMessage,
  selectedEngines,
  webkitLauncher,
} from './scripts/engines.js';
import { prepareFakeCameras } from './scripts/fake-camera.js';
import { handoffStackPlugin } from './scripts/handoff-stack-plugin.js';
import { dealLanes, readLaneWeights, secondsOf } from './scripts/lanes.js';


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

/**
 * Tests of pure functions that draw their pictures with a canvas run once, in Chromium; those that need no
 * browser at all run under Node (`*.node.test.ts`, in `npm run test:node`); every other test runs in every engine.
 */
const PURE_FILES = [
  'test/a11y/directions.test.ts',
  'test/quality/card.test.ts',
  'test/quality/fixtures.test.ts',
  'test/quality/frame-copies.test.ts',
  'test/quality/grey.test.ts',
  'test/quality/sharpness.test.ts',
];

const engines = selectedEngines();
const missing = missingBrowsers(engines);
if (missing.length > 0) {
  console.error(`\n${missingBrowsersMessage(missing)}\n`);
  process.exit(1);
}
// Every engine runs its tests in `LANES` lanes, each a browser of its own, and the files are dealt out so that the
// lanes take about as long (scripts/lanes.js): the last lane's Firefox and WebKit also film every camera picture
// (Chromium starts once per picture instead). `EKYC_LANES=<n>` changes how many.
const LANES = Math.max(1, Number(process.env.EKYC_LANES ?? 3));
const lanesOf = (engine, launch) => (engines.includes(engine) ? Array.from({ length: LANES }, () => launch()) : []);
const chromiumLanes = lanesOf('chromium', () => chromiumLauncher());
const firefoxLanes = lanesOf('firefox', () => firefoxLauncher());
const webkitLanes = lanesOf('webkit', () => webkitLauncher());
const chromium = chromiumLanes[0] ?? null;
const firefox = firefoxLanes[0] ?? null;
const webkit = webkitLanes[0] ?? null;
const firefoxForCameras = firefoxLanes.at(-1) ?? null;
const webkitForCameras = webkitLanes.at(-1) ?? null;
const everyEngine = (chromiumForGroup) => [chromiumForGroup, firefox, webkit].filter(Boolean);

/**
 * A test named `*.<camera>.camera.test.ts` sees `test/fixtures/camera/<camera>.jpg` as its camera:
 * Chromium plays it as a .y4m file (converted at start-up); Firefox and WebKit, which cannot play a
 * file, get a stand-in `getUserMedia` that films the picture (test/helpers/picture-camera.ts),
 * installed before the test loads. Every other test sees each engine's own synthetic camera.
 */
const cameras = prepareFakeCameras(
  resolve('test/fixtures/camera'),
  resolve('node_modules/.cache/ekyc-fake-camera'),
);
const pictureCameraPage = (name) => (testFramework) => `<!DOCTYPE html>
<html>
  <head><meta charset="utf-8" /></head>
  <body>
    <script type="module">
      // Chromium films the picture itself (a .y4m fake camera); the other engines get the stand-in.
      if (!navigator.userAgent.includes('Chrome/')) {
        const { installPictureCamera } = await import('/test/helpers/picture-camera.ts');
        await installPictureCamera('/test/fixtures/camera/${name}.jpg');
      }
      await import('${testFramework}');
    </script>
  </body>
</html>`;

// `--files` replaces the default group's files only: keep the camera groups whose files it names,
// narrowed to those files. To run one camera group alone: `npx wtr --group camera-<name>`.
const filesArguments = process.argv.includes('--files')
  ? process.argv.slice(process.argv.indexOf('--files') + 1).filter((_, index, rest) => !rest.slice(0, index + 1).some((arg) => arg.startsWith('-')))
  : null;
const namedFiles = filesArguments === null ? null : listFiles('test').filter((file) => filesArguments.some((glob) => globToRegExp(glob).test(file)));
const cameraGroups = Object.entries(cameras)
  .map(([name, y4m]) => ({
    name: `camera-${name}`,
    files: namedFiles?.filter((file) => file.endsWith(`.${name}.camera.test.ts`)) ?? [`test/**/*.${name}.camera.test.ts`],
    // Listed first, so that the browsers start in this order as lanes free up.
    browsers: [
      firefoxForCameras,
      webkitForCameras,
      engines.includes('chromium') ? chromiumLauncher([`--use-file-for-fake-video-capture=${y4m}`]) : null,
    ].filter(Boolean),
    testRunnerHtml: pictureCameraPage(name),
  }))
  .filter((group) => group.files.length > 0);
// Without `--files`, the first lane is the default group (the top-level `files`), the others groups of their own;
// with it, the default group runs whatever it names.
const browserFiles = listFiles('test').filter(
  (file) => file.endsWith('.test.ts') && !file.endsWith('.node.test.ts') && !file.startsWith('test/node/') && !file.startsWith('test/examples/'),
);
const laneWeights = readLaneWeights('test/lane-weights.json');
const cameraFiles = browserFiles.filter((file) => file.endsWith('.camera.test.ts'));
const laneFiles = browserFiles.filter((file) => !file.endsWith('.camera.test.ts') && !PURE_FILES.includes(file));
const lanes = dealLanes(laneFiles, laneWeights, LANES, secondsOf(cameraFiles, laneWeights));
const laneGroups =
  namedFiles === null
    ? lanes
        .map((lane, index) => ({
          name: `lane-${index + 1}`,
          files: lane.files,
          browsers: [chromiumLanes[index], firefoxLanes[index], webkitLanes[index]].filter(Boolean),
        }))
        .slice(1)
        .filter((group) => group.files.length > 0)
    : [];

// Pure functions run once, in Chromium (the last lane's): some draw their fixtures with canvas filters, which WebKit
// lacks. A run without Chromium (`EKYC_ENGINES=webkit`) covers what differs between engines, not them.
const pureGroup = namedFiles === null && chromium ? [{ name: 'once', files: PURE_FILES, browsers: [chromiumLanes.at(-1)] }] : [];

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

/**
 * `/slow-face-assets/<token>/<file>`: the face detector's files of public/ekyc-assets/, but the model held back until
 * the page asks for `/slow-face-assets/<token>/release`: a detector that is late for as long as a test wants.
 */
const heldFaceModels = new Map();
function faceModelHold(token) {
  let hold = heldFaceModels.get(token);
  if (!hold) {
    let release = () => undefined;
    const released = new Promise((resolve) => (release = resolve));
    hold = { release, released };
    heldFaceModels.set(token, hold);
  }
  return hold;
}

export default {
  // The first lane; `--files` puts the files it names here instead.
  files: lanes[0]?.files ?? [],
  // The camera groups first: their browsers start before the later lanes'.
  groups: [...cameraGroups, ...laneGroups, ...pureGroup],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  // Four browsers at a time: on two cores, more only slowed each other down (WebKit runs MediaPipe on its pages).
  concurrentBrowsers: 4,
  // A file's time limit. The slowest file takes 76 s in WebKit here (`EKYC_TIMINGS=1`), 44 s elsewhere; a browser that
  // stops answering is given up on after this long, and its file runs again alone (scripts/browser-phases.js).
  testsFinishTimeout: 180_000,
  // A browser starting its page while three others run on two loaded cores can take a while.
  browserStartTimeout: 120_000,
  // A safety net, not a speed goal: a flow in WebKit on a loaded 2-core machine takes a while.
  testFramework: { config: { timeout: 45_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), handoffStackPlugin()],
  middleware: [
    function serveWorkerFromRoot(context, next) {
      if (context.url === '/mockServiceWorker.js') context.url = '/test/helpers/emulator-service-worker.js';
      return next();
    },
    async function slowFaceAssets(context, next) {
      const match = /^\/slow-face-assets\/([\w-]+)\/([\w.-]+)$/.exec(context.path);
      if (!match) return next();
      const [, token, file] = match;
      const hold = faceModelHold(token);
      if (file === 'release') {
        hold.release();
        context.body = 'released';
        return undefined;
      }
      if (file.endsWith('.tflite')) await hold.released;
      context.url = `/public/ekyc-assets/${file}`;
      return next();
    },
    // The element as a server renders it with Lit SSR, in a process of its own (the DOM shim is global).
    async function serverRendered(context, next) {
      if (context.path !== '/ssr/ekyc-flow') return next();
      const args = ['--import', 'tsx', 'test/helpers/ssr-render.ts', String(context.query.lang ?? '')];
      context.body = await new Promise((done, fail) => {
        execFile(process.execPath, args, (error, stdout) => (error ? fail(error) : done(stdout)));
      });
      context.type = 'text/html';
      return undefined;
    },
    async function strictCspPages(context, next) {
      await next();
      if (context.path.endsWith('.csp.html')) context.set('Content-Security-Policy', STRICT_CSP);
    },
  ],
  browsers: everyEngine(chromium),
  reporters: [defaultReporter(), engineSummaryReporter({ versions: engineVersions(engines) })],
};
