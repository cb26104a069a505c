// Headless Chromium with a fake camera: Chromium's synthetic one, or a still picture as a .y4m.
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';
import { applyProfile, DESKTOP, type Profile } from './profiles.js';

/** `camera`: a .y4m file the fake camera shows instead of its synthetic picture. */
export function launchChromium(camera?: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: camera ? [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${camera}`] : [...CHROMIUM_ARGS],
  });
}

interface BenchWindow {
  benchRun?: (options?: unknown) => Promise<unknown>;
}

/**
 * Opens `bench/pages/index.html?run=<page>` in a fresh context, throttled as `profile` says (no cache, no service worker from an
 * earlier run) and returns what its `run(options)` resolves to.
 */
export async function runPage(browser: Browser, origin: string, page: string, options?: unknown, profile: Profile = DESKTOP): Promise<unknown> {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await applyProfile(tab, profile);
    tab.setDefaultTimeout(240_000);
    tab.on('pageerror', (error) => {
      console.error(`  [${page}] ${error.message}`);
    });
    await tab.goto(`${origin}/bench/pages/index.html?run=${encodeURIComponent(page)}`);
    await tab.waitForFunction(() => typeof (window as BenchWindow).benchRun === 'function');
    return await tab.evaluate(async (given) => {
      const run = (window as BenchWindow).benchRun;
      if (!run) throw new Error('The page has no benchRun.');
      return run(given);
    }, options);
  } finally {
    await context.close();
  }
}
