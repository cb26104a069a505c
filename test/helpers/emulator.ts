import { startBrowserEmulator, type BrowserEmulator } from '../../src/emulator/index.js';

let running: Promise<BrowserEmulator> | undefined;

/** One emulator a test page; each test resets its requests and faults. */
export async function useEmulator(): Promise<BrowserEmulator> {
  running ??= startBrowserEmulator();
  const started = await running;
  started.emulator.clearRequests();
  started.emulator.clearFaults();
  return started;
}

/** The API's own headers, as the emulator received them. */
export function apiHeaders(headers: Record<string, string>): Record<string, string> {
  const names = [
    'api-key',
    'api_key',
    'session-id',
    'device-type',
    'client_uuid',
    'only-engine',
    'document-type',
    'side-type',
    'lang',
    'auto',
  ];
  return Object.fromEntries(names.filter((name) => name in headers).map((name) => [name, headers[name] ?? '']));
}
