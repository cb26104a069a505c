// The paced flow and the page-load-to-intro measurement, in a given profile; memory sampled from
// here while the page runs: the page's JavaScript heap and the face runtime's WebAssembly memory.
import type { Browser, Page } from 'playwright';
import type { PacedFlowOptions, PacedFlowRun } from '../pages/paced-flow.js';
import { runPage } from './browser.js';
import { applyProfile, type Profile } from './profiles.js';

/** Notes every WebAssembly memory the face worker's runtime makes (put in front of the worker's script). */
export const NOTE_WASM_MEMORY = `
{
  const memories = (self.__benchWasmMemories = []);
  const note = (value) => { if (value instanceof WebAssembly.Memory && !memories.includes(value)) memories.push(value); };
  const noteAll = (result, imports) => {
    for (const module of Object.values(imports ?? {})) for (const value of Object.values(module ?? {})) note(value);
    for (const value of Object.values((result.instance ?? result).exports ?? {})) note(value);
    return result;
  };
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (source, imports) => instantiate.call(WebAssembly, source, imports).then((r) => noteAll(r, imports));
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) WebAssembly.instantiateStreaming = (source, imports) => streaming.call(WebAssembly, source, imports).then((r) => noteAll(r, imports));
}
`;

/** A page that sends this cookie gets the face worker with NOTE_WASM_MEMORY in front of it (bench/lib/server.ts). */
export const NOTE_WASM_MEMORY_COOKIE = 'bench-note-wasm-memory';

export interface StepMemory {
  /** Peak of the page's JavaScript heap (used), bytes. */
  jsHeap: number;
  /** Peak of the face runtime's WebAssembly memory, bytes (0: not loaded). */
  faceWasm: number;
}

export interface PacedFlowResult extends PacedFlowRun {
  memory: Record<string, StepMemory>;
}

async function sampleMemory(page: Page, memory: Record<string, StepMemory>, stop: () => boolean): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  while (!stop()) {
    try {
      const step = (await page.evaluate(() => window.benchStep)) ?? 'loading';
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      let faceWasm = 0;
      for (const worker of page.workers()) {
        faceWasm += await worker
          .evaluate(() => ((self as unknown as { __benchWasmMemories?: WebAssembly.Memory[] }).__benchWasmMemories ?? []).reduce((sum, m) => sum + m.buffer.byteLength, 0))
          .catch(() => 0);
      }
      const peak = (memory[step] ??= { jsHeap: 0, faceWasm: 0 });
      peak.jsHeap = Math.max(peak.jsHeap, usedSize);
      peak.faceWasm = Math.max(peak.faceWasm, faceWasm);
    } catch {
      // The page is navigating or closing.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function runPacedFlow(browser: Browser, origin: string, profile: Profile, options: PacedFlowOptions): Promise<PacedFlowResult> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    page.on('pageerror', (error) => console.error(`  [paced-flow] ${error.message}`));
    await applyProfile(page, profile);
    // The bench server puts NOTE_WASM_MEMORY in front of the face worker for this page (not with page.route: routing
    // turns the browser's HTTP cache off, and with it what the intro fetched ahead).
    await context.addCookies([{ name: NOTE_WASM_MEMORY_COOKIE, value: '1', url: origin }]);
    await page.goto(`${origin}/bench/pages/index.html?run=paced-flow`);
    await page.waitForFunction(() => typeof (window as { benchRun?: unknown }).benchRun === 'function');
    const memory: Record<string, StepMemory> = {};
    let done = false;
    const sampling = sampleMemory(page, memory, () => done);
    try {
      const run = (await page.evaluate(async (given) => {
        const benchRun = (window as { benchRun?: (options: unknown) => Promise<unknown> }).benchRun;
        if (!benchRun) throw new Error('The page has no benchRun.');
        return benchRun(given);
      }, options)) as PacedFlowRun;
      return { ...run, memory };
    } finally {
      done = true;
      await sampling;
    }
  } finally {
    await context.close();
  }
}

/** Milliseconds from navigation start until a page with only the bundle shows the intro's start button. */
export async function pageLoadToIntro(browser: Browser, origin: string, profile: Profile): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    await applyProfile(page, profile);
    await page.goto(`${origin}/bench/pages/intro.html`);
    return await page.waitForFunction(() => (window as { introVisibleMs?: number }).introVisibleMs).then((handle) => handle.jsonValue() as Promise<number>);
  } finally {
    await context.close();
  }
}

/** `start()` → first preview frame and document analysis a frame, measured by the existing pages in `profile`. */
export async function runInProfile(browser: Browser, origin: string, page: string, profile: Profile, options?: unknown): Promise<Record<string, number>> {
  return (await runPage(browser, origin, page, options, profile)) as Record<string, number>;
}

/**
 * `start()` → a ready face detector, on a first visit and on a second one in the same browser context (the face runtime
 * then comes from the HTTP cache, as the build's names let a host cache it for a year).
 */
export async function firstAndSecondVisit(browser: Browser, origin: string, profile: Profile): Promise<{ firstMs: number; secondMs: number }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(300_000);
    await applyProfile(page, profile);
    const visit = async (): Promise<number> => {
      await page.goto(`${origin}/bench/pages/index.html?run=face-ready`);
      await page.waitForFunction(() => typeof (window as { benchRun?: unknown }).benchRun === 'function');
      const result = (await page.evaluate(async () => {
        const benchRun = (window as { benchRun?: (options: unknown) => Promise<unknown> }).benchRun;
        if (!benchRun) throw new Error('The page has no benchRun.');
        return benchRun({ timeoutMs: 240_000 });
      })) as { readyMs: number };
      return result.readyMs;
    };
    const firstMs = await visit();
    const secondMs = await visit();
    return { firstMs, secondMs };
  } finally {
    await context.close();
  }
}
