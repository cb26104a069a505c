import type { ServerResponse } from 'node:http';

/** What goes back to the browser. */
export interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
}

const JSON_TYPE = 'application/json; charset=utf-8';

export const jsonAnswer = (status: number, value: unknown): Answer => ({
  status,
  contentType: JSON_TYPE,
  body: Buffer.from(JSON.stringify(value)),
});

/** The proxy's own refusals, shaped like the API's so the browser client reads them alike. */
export const errorAnswer = (status: number, message: string): Answer =>
  jsonAnswer(status, { code: String(status), message });

/** A body as a JSON object, or `undefined` when it is anything else. */
export function jsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function send(res: ServerResponse, answer: Answer, headers: Readonly<Record<string, string>>): void {
  res.writeHead(answer.status, {
    ...headers,
    'content-type': answer.contentType || JSON_TYPE,
    'content-length': String(answer.body.length),
    'cache-control': 'no-store',
  });
  res.end(answer.body);
}
