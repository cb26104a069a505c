import { startBrowserEmulator, type BrowserEmulator, type RecordedRequest } from '../../src/emulator/index.js';

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

/** What each request was: `init`, `front`, `back` (OCR by `side-type`), `ocr` (no side) or `face`. */
export function requestCalls(requests: readonly RecordedRequest[]): string[] {
  return requests.map((request) => {
    if (request.endpoint === 'ocr') return apiHeaders(request.headers)['side-type'] ?? 'ocr';
    return request.endpoint;
  });
}

/** Sizes of the first file of every request of one kind (see `requestCalls`), in order. */
export function sentSizes(requests: readonly RecordedRequest[], call: string): number[] {
  return requests.filter((request) => requestCalls([request])[0] === call).map((request) => request.files[0]?.size ?? 0);
}
