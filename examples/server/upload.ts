import type { IncomingMessage } from 'node:http';
import { jsonObject, type Answer } from './answer.js';
import { byteLimit } from './body.js';
import { keep, upstreamUrl, type ProxyOptions } from './options.js';
import { checkUploadBody, uploadHeaders, type UploadRoute } from './rules.js';
import { callUpstream } from './upstream.js';

const UPSTREAM_PATH: Record<UploadRoute, string> = { ocr: '/ocr', face: '/face/liveness' };

/**
 * `/ocr` and `/face/liveness`: checks the headers and the body's type and
 * size, then streams the multipart body unchanged to the upstream with the
 * key added. The upstream's answer goes to the `onResult` hook, then back.
 */
export async function forwardUpload(
  route: UploadRoute,
  req: IncomingMessage,
  options: ProxyOptions,
  signal: AbortSignal,
): Promise<Answer> {
  checkUploadBody(req.headers, options.maxBodyBytes);
  const forwarded = uploadHeaders(route, req.headers);
  const headers: Record<string, string> = {
    ...forwarded,
    'device-type': 'web-sdk',
    'api-key': options.apiKey,
    'content-type': req.headers['content-type'] ?? '',
  };
  const length = req.headers['content-length'];
  if (length !== undefined) headers['content-length'] = length;

  const answer = await callUpstream({
    url: upstreamUrl(options, UPSTREAM_PATH[route]),
    headers,
    body: req.pipe(byteLimit(options.maxBodyBytes)),
    timeoutMs: options.upstreamTimeoutMs,
    signal,
  });

  const response = jsonObject(answer.body);
  const onResult = options.hooks?.onResult;
  if (response && onResult) {
    const { status } = answer;
    const sessionId = forwarded['session-id'] ?? '';
    await keep(options, () => onResult({ endpoint: route, sessionId, headers: forwarded, status, response }));
  }
  return { status: answer.status, contentType: answer.contentType ?? '', body: answer.body };
}
