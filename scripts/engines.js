// The three browser engines the tests run in, each from a system package (no test tool downloads a
// browser): Chromium (headless) through Playwright, Firefox ESR through Puppeteer and WebDriver BiDi,
// and WebKitGTK's MiniBrowser through WebKitWebDriver; the last two on a virtual screen (Xvfb)
// when there is no screen.
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, closeSync, constants, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ?? `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu/webkit2gtk-4.1/MiniBrowser`;
const XVFB_PATH = '/usr/bin/Xvfb';

/** Every engine's name, as `EKYC_ENGINES` and the summary spell it. */
export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];

/**
 * What a run without `EKYC_ENGINES` covers: every engine. (`npm test` runs WebKit in a phase of its own,
 * scripts/browser-phases.js.)
 */
export const DEFAULT_ENGINES = [...ENGINE_NAMES];

/**
 * The engines to run: the default ones, or those `EKYC_ENGINES` lists (`EKYC_ENGINES=firefox npx wtr ...`
 * while working on one engine). A name that is not an engine is an error, not a silent no-op.
 */
export function selectedEngines(list = process.env.EKYC_ENGINES) {
  if (!list) return [...DEFAULT_ENGINES];
  const names = list.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !ENGINE_NAMES.includes(name));
  if (unknown.length > 0) throw new Error(`EKYC_ENGINES: unknown engine ${unknown.join(', ')} (known: ${ENGINE_NAMES.join(', ')})`);
  return names;
}

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * What is missing for `engines`, each with the Debian package that provides it and the variable
 * that points elsewhere. Empty when everything is there.
 */
export function missingBrowsers(engines) {
  const missing = [];
  if (engines.includes('chromium') && !executable(CHROMIUM_PATH)) {
    missing.push({ what: `Chromium (${CHROMIUM_PATH})`, apt: 'chromium', variable: 'CHROME_PATH' });
  }
  if (engines.includes('firefox') && !executable(FIREFOX_PATH)) {
    missing.push({ what: `Firefox (${FIREFOX_PATH})`, apt: 'firefox-esr', variable: 'FIREFOX_PATH' });
  }
  if (engines.includes('webkit')) {
    if (!executable(WEBKIT_DRIVER_PATH)) {
      missing.push({ what: `WebKitWebDriver (${WEBKIT_DRIVER_PATH})`, apt: 'webkit2gtk-driver', variable: 'WEBKIT_DRIVER_PATH' });
    }
    if (!executable(MINIBROWSER_PATH)) {
      missing.push({ what: `WebKitGTK's MiniBrowser (${MINIBROWSER_PATH})`, apt: 'webkit2gtk-driver', variable: 'MINIBROWSER_PATH' });
    }
  }
  const headed = engines.includes('firefox') || engines.includes('webkit');
  if (headed && !process.env.DISPLAY && !executable(XVFB_PATH)) {
    missing.push({ what: `Xvfb, the virtual screen Firefox and WebKit run on when there is none (${XVFB_PATH})`, apt: 'xvfb xauth', variable: 'DISPLAY' });
  }
  return missing;
}

/** The message a run on a machine without a browser ends with: what to install, in one command. */
export function missingBrowsersMessage(missing) {
  const packages = [...new Set(missing.flatMap(({ apt }) => apt.split(' ')))];
  return [
    'The browser tests need browsers this machine does not have:',
    ...missing.map(({ what, variable }) => `  - ${what}; or set ${variable}`),
    `Install them with: apt-get install -y --no-install-recommends ${packages.join(' ')}`,
  ].join('\n');
}

/** Headless Chromium, with a fake camera; `extraArgs` may point it at a picture (`--use-file-for-fake-video-capture`). */
export function chromiumLauncher(extraArgs = []) {
  return playwrightLauncher({
    product: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] },
  });
}

/**
 * Firefox ESR with its fake camera on and granted without a prompt. Headed, on the virtual display
 * when there is no screen: headless Firefox has no WebGL, which MediaPipe needs to read a frame.
 */
export function firefoxLauncher() {
  const launcher = puppeteerLauncher({
    launchOptions: {
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: false,
      extraPrefsFirefox: {
        'media.navigator.streams.fake': true,
        'media.navigator.permission.disabled': true,
      },
    },
  });
  const initialize = launcher.initialize.bind(launcher);
  const stop = launcher.stop.bind(launcher);
  let screen;
  Object.assign(launcher, {
    async initialize(config, testFiles) {
      screen = await acquireDisplay();
      launcher.launchOptions.env = { ...process.env, DISPLAY: screen.display };
      await initialize(config, testFiles);
    },
    async stop() {
      await stop();
      screen?.release();
    },
  });
  return launcher;
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/**
 * Kills a child and everything it started (WebKitWebDriver starts MiniBrowser, which starts its web
 * and network processes): children are spawned as leaders of their own process group.
 */
function killGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill();
  }
}

/** Starts Xvfb on the first free display: the process at once, and the display (`:99`) when it is ready. */
function startXvfb() {
  const child = spawn(XVFB_PATH, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const display = new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdio[3].on('data', (chunk) => resolve(`:${String(chunk).trim()}`));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before giving a display: ${stderr.trim()}`)));
  });
  return { child, display };
}

/**
 * A screen for one headed browser: `DISPLAY` when there is one, else an Xvfb of its own (two
 * windows on one screen hide each other, and a hidden window's frames and input are held back).
 * Every Xvfb is stopped when the run ends, however it ends.
 */
const screens = new Set();
const killScreens = () => screens.forEach(killGroup);

async function acquireDisplay() {
  if (process.env.DISPLAY) return { display: process.env.DISPLAY, release: () => undefined };
  const { child, display } = startXvfb();
  if (screens.size === 0) process.once('exit', killScreens);
  screens.add(child);
  return {
    display: await display,
    release: () => {
      killGroup(child);
      screens.delete(child);
    },
  };
}

/** How long a MiniBrowser may take to start, how often it is tried, and how long it may take to close. */
const BROWSER_START_MS = 45_000;
const BROWSER_START_ATTEMPTS = 2;
const BROWSER_CLOSE_MS = 15_000;
/** How long the stock launcher may take to collect a finished page's results and leave it. */
const PAGE_STOP_MS = 30_000;

/** `promise`, or a rejection once `ms` have passed. */
function withDeadline(promise, ms) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

async function waitForDriver(port, driver) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within 20 s`);
}

/**
 * WebKitGTK's MiniBrowser, driven by WebKitWebDriver (WebDriver classic), with its mock camera.
 * The driver starts with the run and stops with it; MiniBrowser has no headless mode, so it shows
 * on the virtual display when there is no screen.
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      path: '/',
      port: 0,
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {
          binary: MINIBROWSER_PATH,
          // Autoplay as iOS Safari has it: only muted media may start without a tap.
          args: ['--automation', '--enable-mock-capture-devices=true', '--autoplay-policy=allow-without-sound'],
        },
      },
    });
    this.killDriver = () => killGroup(this.driverProcess);
  }

  async initialize(config, testFiles) {
    process.on('exit', this.killDriver);
    this.screen = await acquireDisplay();
    await this.startDriver();
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  /** A WebKitWebDriver of its own on a free port, on this launcher's screen. */
  async startDriver() {
    const port = await freePort();
    // With `EKYC_WEBKIT_LOG`, what the driver and its browsers print goes there: why a MiniBrowser stopped answering.
    const log = process.env.EKYC_WEBKIT_LOG ? openSync(process.env.EKYC_WEBKIT_LOG, 'a') : 'ignore';
    this.driverProcess = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], {
      stdio: ['ignore', log, log],
      env: { ...process.env, DISPLAY: this.screen.display },
      detached: true,
    });
    if (typeof log === 'number') closeSync(log);
    await waitForDriver(port, this.driverProcess);
    this.options.port = port;
  }

  /** The driver and every MiniBrowser it started, killed, and a new driver in their place. */
  async restartDriver() {
    this.killDriver();
    await this.startDriver();
  }

  /**
   * Every test file in a fresh MiniBrowser: WebKit's web process grows by every file's MediaPipe
   * and WebGL until it dies, and a crash then takes only that file with it. Navigation failures
   * are returned to the runner, where the stock launcher leaves them unhandled (ending the run).
   */
  async startSession(id, url) {
    await this.ensureManagerInitialized();
    await this.driverManager.startSession(id, url);
  }

  /** A page that stops answering does not hold up the next file: it is given up on, and its browser closed. */
  async stopSession(id) {
    try {
      return await withDeadline(super.stopSession(id), PAGE_STOP_MS);
    } finally {
      await this.closeBrowser();
    }
  }

  async closeBrowser() {
    clearInterval(this.pendingHeartbeat);
    const driver = this.driver;
    this.driver = undefined;
    this.driverManager = undefined;
    if (!driver) return;
    // A MiniBrowser that does not close in time has wedged its driver: the next file gets a new one.
    const closed = await withDeadline(driver.deleteSession(), BROWSER_CLOSE_MS).then(() => true, () => false);
    if (!closed) await this.restartDriver();
  }

  /** As the stock one, but a start that failed is forgotten, so the next file starts afresh. */
  async ensureManagerInitialized() {
    if (this.driverManager) return;
    this.__managerPromise ??= this.createDriverManager().finally(() => {
      this.__managerPromise = undefined;
    });
    await this.__managerPromise;
  }

  /**
   * A MiniBrowser started for a file. One that does not come up in time (its web process stuck on
   * a loaded machine) leaves WebKitWebDriver answering no other request, which would fail every
   * later file of the run: the driver and its browsers are then killed, a new driver started, and
   * the browser started again. The stock start runs on a stand-in for this launcher, so a start
   * given up on cannot stop the launcher when it fails late.
   */
  async createDriverManager() {
    for (let attempt = 1; ; attempt += 1) {
      const start = Object.create(this, { stop: { value: async () => undefined } });
      try {
        const manager = await withDeadline(WebdriverLauncher.prototype.createDriverManager.call(start), BROWSER_START_MS);
        this.driver = start.driver;
        this.driverManager = manager;
        this.pendingHeartbeat = start.pendingHeartbeat;
        this.engineVersion = this.driver?.capabilities?.browserVersion;
        return manager;
      } catch (error) {
        clearInterval(start.pendingHeartbeat);
        if (attempt >= BROWSER_START_ATTEMPTS) throw error;
        console.warn(`WebKit: MiniBrowser did not start (${error instanceof Error ? error.message : error}); starting a new driver`);
        await this.restartDriver();
      }
    }
  }

  async stop() {
    await this.closeBrowser();
    await super.stop();
    this.killDriver();
    process.off('exit', this.killDriver);
    this.screen?.release();
  }
}

export function webkitLauncher() {
  return new WebKitLauncher();
}

/** `Chromium 156.0.8078.114`, `Mozilla Firefox 153.8.0esr` → the version number, or undefined. */
function versionOf(path) {
  try {
    const output = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] });
    return /\d+(\.\d+)+\w*/.exec(output)?.[0];
  } catch {
    return undefined;
  }
}

/** The versions of the engines' browsers that report one on the command line (WebKit's comes from its driver). */
export function engineVersions(engines) {
  return {
    ...(engines.includes('chromium') ? { Chromium: versionOf(CHROMIUM_PATH) } : {}),
    ...(engines.includes('firefox') ? { Firefox: versionOf(FIREFOX_PATH) } : {}),
  };
}
