import { refusalBody, type HttpError } from './errors.js';

/** Answers that must close their connection (413, a body that never finished): the Node adapter reads this. */
const closing = new WeakSet<Response>();

export const closesConnection = (response: Response): boolean => closing.has(response);

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;

/** Every answer of the server: JSON, never sniffed, never cached. */
export function json(status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { ...headers, ...BASE_HEADERS } });
}

/** The server's own refusals, shaped like the API's (`code`, `message`) so the browser client reads them alike. */
export function errorAnswer(error: HttpError, headers: Readonly<Record<string, string>> = {}): Response {
  const extra: Record<string, string> = { ...headers };
  if (error.retryAfter !== undefined) extra['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfter)));
  if (error.closeConnection) extra['connection'] = 'close';
  const response = json(error.status, refusalBody(error), extra);
  if (error.closeConnection) closing.add(response);
  return response;
}
