import { http } from 'msw';
import { DOCUMENTED_HEADERS, senderHeaders } from '../../src/api/contract.js';
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

/** Every header a request's sender chose (all but the browser's and the HTTP stack's own): nothing filtered out. */
export const apiHeaders = senderHeaders;

/** A request as the integrator's server stand-in received it. */
export interface ReceivedRequest {
  path: string;
  /** Every header the sender chose, names lower-cased. */
  headers: Record<string, string>;
  /** The capture-integrity report the element sent with an upload (our own form field), or `null`. */
  integrity: string | null;
}

export interface IntegratorServer extends BrowserEmulator {
  /** Everything the stand-in received, in order. */
  received: ReceivedRequest[];
}

/**
 * A multipart body without its `integrity` part, and that part's text; other bodies as they are. Done on the
 * bytes, boundary and all kept: what goes on is what the element sent, less that part, in every engine.
 */
function withoutIntegrity(bytes: Uint8Array, contentType: string): { body: Uint8Array<ArrayBuffer>; integrity: string | null } {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const copy = new Uint8Array(bytes);
  if (!contentType.startsWith('multipart/form-data') || !boundary) return { body: copy, integrity: null };
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  const delimiter = `--${boundary}`;
  let integrity: string | null = null;
  const kept = text.split(delimiter).filter((part) => {
    const field = /^\r\ncontent-disposition: *form-data; *name="integrity"\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*)\r\n$/i.exec(part);
    if (!field) return true;
    integrity = new TextDecoder().decode(Uint8Array.from(field[1] ?? '', (char) => char.charCodeAt(0)));
    return false;
  });
  return { body: Uint8Array.from(kept.join(delimiter), (char) => char.charCodeAt(0)), integrity };
}

/** Where the integrator's server stand-in answers: the page's own origin, as `ekyc-flow/server` mounted at `/kyc`. */
export const INTEGRATOR_SERVER_PATH = '/integrator-server';
let integrator: IntegratorServer | undefined;

/**
 * The integrator's own server on the page's origin, as a stand-in of its proxy role: it records every request
 * as it arrived (our `Idempotency-Key`, the host's headers) and forwards to the emulator only what FPT.AI's
 * contract lists, as `ekyc-flow/server` does. Each test resets what it received.
 */
export async function useIntegratorServer(): Promise<IntegratorServer> {
  const started = await useEmulator();
  if (!integrator) {
    const received: ReceivedRequest[] = [];
    const base = `${location.origin}${INTEGRATOR_SERVER_PATH}`;
    started.worker.use(
      http.all(`${base}/*`, async ({ request }) => {
        const path = new URL(request.url).pathname.slice(INTEGRATOR_SERVER_PATH.length);
        const headers = Object.fromEntries([...request.headers].map(([name, value]) => [name.toLowerCase(), value]));
        // Our own form field stays here, as ekyc-flow/server keeps it: FPT.AI's contract has none.
        const { body, integrity } =
          request.method === 'POST' ? withoutIntegrity(new Uint8Array(await request.arrayBuffer()), headers['content-type'] ?? '') : { body: null, integrity: null };
        received.push({ path, headers: senderHeaders(headers), integrity });
        const forwarded = Object.entries(headers).filter(([name]) => DOCUMENTED_HEADERS.includes(name));
        const outcome = await started.emulator.handle(new Request(`${started.apiBase}${path}`, { method: request.method, headers: forwarded, body }));
        if (outcome.kind === 'response') return outcome.response;
        return Response.error();
      }),
    );
    integrator = { ...started, apiBase: base, received };
  }
  integrator.received.length = 0;
  return integrator;
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
