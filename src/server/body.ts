import { HttpError } from './errors.js';
import { readAll } from './stream.js';

const tooLarge = (maxBytes: number): HttpError =>
  new HttpError(413, 'too-large', `The body is larger than ${maxBytes} bytes.`, { closeConnection: true });

/**
 * Reads a request body whole, refusing it (and asking for the connection to close)
 * when it grows past `maxBytes` or has not finished arriving within `timeoutMs`.
 * The deadline covers the whole body, however slowly it trickles.
 */
export async function readBody(request: Request, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new HttpError(408, 'body-timeout', `The body did not arrive within ${timeoutMs} ms.`, { closeConnection: true }));
    }, timeoutMs);
  });
  try {
    return await readAll(request.body, maxBytes, () => tooLarge(maxBytes), deadline);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'body-broken', 'The body could not be read.', { closeConnection: true, cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** A JSON object body (empty: `{}`); 415 for another type, 400 for anything but an object. */
export async function readJsonObject(request: Request, maxBytes: number, timeoutMs: number): Promise<Record<string, unknown>> {
  const raw = await readBody(request, maxBytes, timeoutMs);
  if (raw.byteLength === 0) return {};
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) {
    throw new HttpError(415, 'not-json', 'The body must be application/json.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    parsed = null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new HttpError(400, 'bad-json', 'The body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}
