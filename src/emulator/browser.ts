import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { EkycEmulator, type EmulatorOptions } from './emulator.js';

/** The base URL the emulator answers by default: a name that never resolves, so a miss fails loudly. */
export const EMULATOR_API_BASE = 'https://ekyc-emulator.invalid';

export interface BrowserEmulatorOptions extends EmulatorOptions {
  apiBase?: string;
  /** Where `mockServiceWorker.js` is served (default `/mockServiceWorker.js`). */
  workerUrl?: string;
}

export interface BrowserEmulator {
  emulator: EkycEmulator;
  apiBase: string;
  worker: SetupWorker;
  stop(): void;
}

/**
 * Mock Service Worker handlers that let `emulator` answer every request under
 * `apiBase`: add them to a worker (or `setupServer`) of your own.
 */
export function emulatorHandlers(emulator: EkycEmulator, apiBase: string = EMULATOR_API_BASE): HttpHandler[] {
  const base = apiBase.replace(/\/+$/, '');
  const basePath = new URL(base, (globalThis as { location?: { href: string } }).location?.href).pathname;
  return [
    http.all(`${base}/*`, async ({ request }) => {
      const outcome = await emulator.handle(request, basePath);
      if (outcome.kind === 'network-error') return HttpResponse.error();
      if (outcome.kind === 'hang') {
        await delay('infinite');
        return HttpResponse.error();
      }
      return outcome.response;
    }),
  ];
}

/**
 * Starts the emulator in a Mock Service Worker: the page's requests to
 * `apiBase` leave `fetch` as real HTTP multipart requests and are answered
 * by the emulator inside the service worker's fetch event.
 */
export async function startBrowserEmulator(options: BrowserEmulatorOptions = {}): Promise<BrowserEmulator> {
  const apiBase = (options.apiBase ?? EMULATOR_API_BASE).replace(/\/+$/, '');
  const emulator = new EkycEmulator(options);
  const worker = setupWorker(...emulatorHandlers(emulator, apiBase));
  await worker.start({
    serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return { emulator, apiBase, worker, stop: () => worker.stop() };
}
