import { request as httpRequest, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { HttpError } from './errors.js';

/** Upstream answers are small JSON; anything bigger is not the eKYC API talking. */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

export interface UpstreamCall {
  url: URL;
  headers: OutgoingHttpHeaders;
  /** Streamed as it arrives; `undefined` for an empty body. */
  body?: Readable | undefined;
  timeoutMs: number;
  /** Aborts the call, for example when the browser goes away. */
  signal?: AbortSignal | undefined;
}

export interface UpstreamAnswer {
  status: number;
  contentType: string | undefined;
  body: Buffer;
}

/**
 * POSTs to the upstream. Rejects with `HttpError` 504 when it stays silent
 * for `timeoutMs` (while connecting, receiving the body or answering), 502
 * when it cannot be reached or its answer is cut or oversized; an error
 * raised by `body` (such as a size limit) is passed through as it is.
 */
export function callUpstream({ url, headers, body, timeoutMs, signal }: UpstreamCall): Promise<UpstreamAnswer> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstream = send(url, { method: 'POST', headers, signal });
    let deadline: NodeJS.Timeout | undefined;
    let settled = false;
    const fail = (error: unknown): void => {
      settled = true;
      clearTimeout(deadline);
      const unreachable = () => new HttpError(502, 'The eKYC service could not be reached.', { cause: error });
      reject(error instanceof HttpError ? error : unreachable());
    };
    const timedOut = (): void => {
      upstream.destroy(new HttpError(504, 'The eKYC service did not answer in time.'));
    };
    upstream.setTimeout(timeoutMs, timedOut);
    upstream.on('finish', () => {
      if (!settled) deadline = setTimeout(timedOut, timeoutMs);
    });
    upstream.on('error', fail);
    upstream.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) upstream.destroy(new HttpError(502, 'The eKYC service answered too much.'));
        else chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('end', () => {
        settled = true;
        clearTimeout(deadline);
        if (!response.complete) {
          fail(new Error('The answer was cut short.'));
          return;
        }
        resolve({
          status: response.statusCode ?? 502,
          contentType: response.headers['content-type'],
          body: Buffer.concat(chunks),
        });
      });
    });
    if (!body) {
      upstream.end();
      return;
    }
    body.on('error', (error) => upstream.destroy(error));
    body.pipe(upstream);
  });
}
