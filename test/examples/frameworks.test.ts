// Builds the React, Vue and Angular examples with their own toolchains, against the library as built
// here, and checks in Chromium that <ekyc-flow> renders in each app and that its events reach
// the framework's handlers. Each example's page shows what its handlers saw in #status.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright';
import { createExampleServer } from '../../examples/server/app.js';
import { readConfig } from '../../examples/server/config.js';
import { DEMO_COOKIE } from '../../examples/server/login.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';
import { startEmulatorServer, type EmulatorServer } from '../../src/emulator/node.js';
import { FACE_ASSET_FILES } from '../../src/face/detector/assets.js';

const ROOT = resolve(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** The apps are built to find their server at this path of their own origin. */
const API_PATH = '/api';
const API_KEY = 'example-server-key';
/** The signed-in user of the pages: the example server's demo login, as a cookie of the site. */
const USER_TOKEN = 'token-of-alice';
/** The name on the emulator's identity card. */
const CARD_NAME = 'NGUYỄN THỊ MINH ANH';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

const run = promisify(execFile);

/** Runs npm in `cwd` with none of the `npm_*` settings of the npm that started this test. */
async function npm(cwd: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
  try {
    await run(NPM, args, { cwd, env: { ...clean, ...env }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`, { cause: error });
  }
}

interface AppServer {
  url: string;
  /** Whether `POST /api/session` gets a session, or 503 as from a server that is down. */
  giveSessions(on: boolean): void;
  close(): Promise<void>;
}

/**
 * Serves a built app, with the example server (`examples/server`) mounted at `/api` in front of
 * the API emulator: the integrator's setup, on one origin.
 */
async function serveApp(dir: string, upstream: string): Promise<AppServer> {
  let sessions = true;
  let api: RequestListener | null = null;
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://app').pathname);
    if (path.startsWith(`${API_PATH}/`) && api) {
      if (!sessions && path === `${API_PATH}/session`) {
        response.writeHead(503, { 'content-type': 'application/json' }).end('{"code":"503","message":"down"}');
        return;
      }
      request.url = (request.url ?? '/').slice(API_PATH.length);
      api(request, response);
      return;
    }
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep)) {
      response.writeHead(403).end();
      return;
    }
    const found = await stat(file).catch(() => null);
    if (!found?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.writeHead(500).end());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const env = { FPT_API_KEY: API_KEY, FPT_API_BASE: upstream, ALLOWED_ORIGINS: url, DEMO_USERS: `alice:${USER_TOKEN}` };
  const example = await createExampleServer(readConfig(env), () => undefined);
  api = example.listener;
  return {
    url,
    giveSessions: (on) => {
      sessions = on;
    },
    close: async () => {
      await new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      });
      await example.close();
    },
  };
}

/** How each example is told where the integrator's server is. */
const BUILDS: Record<string, { args: string[]; env: Record<string, string> }> = {
  react: { args: [], env: { VITE_EKYC_SERVER: API_PATH } },
  vue: { args: [], env: { VITE_EKYC_SERVER: API_PATH } },
  angular: { args: ['--', '--define', `EKYC_SERVER='${API_PATH}'`], env: {} },
};

/**
 * The one-tag example needs no build: its page next to a copy of what `dist/` gives a site
 * (the bundle, its lazy chunks, the face detector's files), as an integrator would upload them.
 */
const sites: string[] = [];

async function assemblePlainExample(): Promise<string> {
  const site = await mkdtemp(join(tmpdir(), 'ekyc-plain-'));
  sites.push(site);
  await cp(join(ROOT, 'examples/plain/index.html'), join(site, 'index.html'));
  for (const part of ['ekyc-flow.bundle.js', 'bundle', 'ekyc-assets']) {
    await cp(join(ROOT, 'dist', part), join(site, 'ekyc-flow', part), { recursive: true });
  }
  return site;
}

/** Installs an example from its lock file, so that it gets the library as just built, and builds it. */
async function buildExample(name: string): Promise<string> {
  if (name === 'plain') return assemblePlainExample();
  const dir = join(ROOT, 'examples', name);
  const { args, env } = BUILDS[name] ?? { args: [], env: {} };
  await npm(dir, ['ci', '--no-audit', '--no-fund']);
  await npm(dir, ['run', 'build', ...args], env);
  return join(dir, 'dist');
}

const statusOf = (page: Page): Promise<string> => page.locator('#status').innerText();

/** Waits until the page's status line reads `expected`. */
async function expectStatus(page: Page, expected: string): Promise<void> {
  try {
    await page.waitForFunction((text) => document.querySelector('#status')?.textContent.trim() === text, expected, {
      timeout: 15_000,
    });
  } catch {
    assert.equal(await statusOf(page), expected);
  }
}

/** The element's shadow DOM is there: its start button, found through the shadow root. */
async function startButton(page: Page): Promise<ReturnType<Page['locator']>> {
  const button = page.locator('ekyc-flow [part~="start-button"]');
  await button.waitFor({ timeout: 15_000 });
  assert.equal(await page.evaluate(() => customElements.get('ekyc-flow') !== undefined), true);
  return button;
}

/** Takes a photo with the camera and keeps it. */
async function shootAndConfirm(page: Page): Promise<void> {
  await page.locator('ekyc-flow [part~="capture-button"]:not([disabled])').click({ timeout: 20_000 });
  await page.locator('ekyc-flow [part~="confirm-button"]:not([disabled])').click({ timeout: 20_000 });
}

/** Starts the flow and takes the front, the back and the selfie with the fake camera. */
async function runFlow(page: Page): Promise<void> {
  await (await startButton(page)).click();
  for (let photo = 0; photo < 3; photo++) await shootAndConfirm(page);
}

describe('the framework examples, built with their own toolchains', { timeout: 12 * 60_000 }, () => {
  let browser: Browser;
  let emulator: EmulatorServer;
  const servers: AppServer[] = [];
  const built = new Map<string, Promise<AppServer>>();
  let pageErrors: string[] = [];

  /** Builds an example once, and serves it. */
  const app = (name: string): Promise<AppServer> => {
    let server = built.get(name);
    if (!server) {
      server = buildExample(name).then(async (dist) => {
        const started = await serveApp(dist, emulator.url);
        servers.push(started);
        return started;
      });
      built.set(name, server);
    }
    return server;
  };

  before(async () => {
    await npm(ROOT, ['run', 'build']);
    emulator = await startEmulatorServer({ apiKeys: [API_KEY] });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    // The examples install and build while the first tests run; Angular's larger install (about 340 MB), after them.
    const first = [app('plain'), app('react'), app('vue')];
    void Promise.allSettled(first).then(() => app('angular')).catch(() => undefined);
  });

  after(async () => {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
    await emulator.close();
    await Promise.all(sites.map((site) => rm(site, { recursive: true, force: true })));
  });

  /** Opens a page of an example, with sessions given or not. */
  const open = async (name: string, path: string, sessions: boolean, watch?: (page: Page) => void): Promise<Page> => {
    const server = await app(name);
    server.giveSessions(sessions);
    const context = await browser.newContext();
    // The page's user is signed in to the site: the element's calls carry the cookie (same-origin credentials).
    await context.addCookies([{ name: DEMO_COOKIE, value: USER_TOKEN, url: server.url }]);
    const page = await context.newPage();
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    watch?.(page);
    await page.goto(`${server.url}${path}`);
    return page;
  };

  const done = async (page: Page): Promise<void> => {
    assert.deepEqual(pageErrors, []);
    await page.context().close();
  };

  /** Without a session from the server, Start gives `ekyc-error` `bad-config`, and the app's handler shows it. */
  const noSessionIsBadConfig = async (name: string, path = '/'): Promise<void> => {
    const page = await open(name, path, false);
    await page.locator('#session-problem').waitFor({ timeout: 15_000 });
    assert.equal(await statusOf(page), 'ready');
    await (await startButton(page)).click();
    await expectStatus(page, 'error: bad-config');
    await done(page);
  };

  /** With a session from the server, the whole flow runs through it, and the app's handler shows `ekyc-complete`. */
  const sessionCompletes = async (name: string, path = '/', watch?: (page: Page) => void): Promise<void> => {
    const page = await open(name, path, true, watch);
    await page.waitForFunction(() => Boolean(document.querySelector('ekyc-flow')?.getAttribute('session-id') ?? (document.querySelector('ekyc-flow') as { sessionId?: string } | null)?.sessionId), undefined, {
      timeout: 15_000,
    });
    await runFlow(page);
    await expectStatus(page, `complete: ${CARD_NAME}`);
    await done(page);
  };

  describe('one script tag, no bundler', () => {
    test('<ekyc-flow> renders from ekyc-flow.bundle.js, and Start without a session reaches ekyc-error as bad-config', () =>
      noSessionIsBadConfig('plain'));

    test('with a session from the server, the flow completes, the face detector loading from next to the bundle', async () => {
      const answered: string[] = [];
      await sessionCompletes('plain', '/', (page) => {
        page.on('response', (response) => answered.push(`${response.status()} ${new URL(response.url()).pathname}`));
      });
      assert.ok(answered.includes(`200 /ekyc-flow/ekyc-assets/${FACE_ASSET_FILES.model}`), answered.join('\n'));
      assert.ok(answered.includes(`200 /ekyc-flow/ekyc-assets/${FACE_ASSET_FILES.wasmBinary}`), answered.join('\n'));
    });
  });

  describe('React 19', () => {
    test('<ekyc-flow> renders, and Start without a session reaches onekyc-error as bad-config', () => noSessionIsBadConfig('react'));

    test('with a session from the server, the flow completes and onekyc-complete shows the name read', () =>
      sessionCompletes('react'));

    test('EkycFlowReact renders, takes strings as a property, and calls onEkycError with bad-config', async () => {
      const page = await open('react', '/wrapper.html', false);
      const button = await startButton(page);
      assert.equal((await button.innerText()).trim(), 'Start the check');
      await button.click();
      await expectStatus(page, 'error: bad-config');
      await done(page);
    });

    test('EkycFlowReact: with a session, the flow completes and onEkycComplete shows the name read', () =>
      sessionCompletes('react', '/wrapper.html'));
  });

  describe('Vue 3', () => {
    test('<ekyc-flow> renders, and Start without a session reaches @ekyc-error as bad-config', () => noSessionIsBadConfig('vue'));

    test('with a session from the server, the flow completes and @ekyc-complete shows the name read', () =>
      sessionCompletes('vue'));
  });

  describe('Angular', () => {
    test('<ekyc-flow> renders, and Start without a session reaches (ekyc-error) as bad-config', () =>
      noSessionIsBadConfig('angular'));

    test('with a session from the server, the flow completes and (ekyc-complete) shows the name read', () =>
      sessionCompletes('angular'));
  });
});
