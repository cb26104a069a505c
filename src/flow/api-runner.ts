import { checkFace, EkycFaceError, initSession, readDocument } from '../api/client.js';
import { EkycApiError } from '../api/errors.js';
import { nthDelay, pause, waits } from '../platform/waits.js';
import { idempotencyKeyOf } from '../api/idempotency.js';
import type { ApiConfig, ApiLang } from '../api/types.js';
import { unreachedFailure } from './failures.js';
import type { FlowEvent } from './machine.js';
import { hasBack } from './steps.js';
import type { FlowProgress, Work, WorkFailure } from './types.js';

export interface RunContext {
  api: ApiConfig;
  lang: ApiLang;
  clientUuid: string | undefined;
  signal: AbortSignal;
  /** ID cards: where the QR decoder's assets are; each side's code is then read on the device during its OCR call. */
  qrAssetsBase?: string | undefined;
  /** Waits between automatic retries (default: `pause`, real time); a rejection stops the retries. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const loadCardQr = () => import('../qr/card-qr.js');

/** Starts loading the QR decoder for an ID card flow. */
export function prepareQr(assetsBase: string): Promise<void> {
  return loadCardQr().then(({ prepareCardQr }) => {
    prepareCardQr(assetsBase);
  });
}

/** The delay before retry `attempt` (`waits.apiRetryMs`), within a quarter of its step either way, so that clients do not retry in step. */
export function backoffDelay(attempt: number, random = Math.random): number {
  return nthDelay(waits.apiRetryMs, attempt) * (0.75 + random() / 2);
}

/** Turns whatever a call threw into the flow's vocabulary. */
export function classify(error: unknown): WorkFailure {
  if (!(error instanceof EkycApiError)) return unreachedFailure();
  const base = {
    serverMessage: error.apiCode !== undefined && error.message ? error.message : null,
    apiCode: error.apiCode ?? null,
    status: error.status ?? null,
    completeSession: error instanceof EkycFaceError ? error.result.completeSession : false,
  };
  switch (error.code) {
    case 'network':
    case 'aborted':
      return { ...base, code: 'network', serverMessage: null };
    case 'timeout':
      return { ...base, code: 'timeout', serverMessage: null };
    case 'http':
      // The client's own words ("The API answered HTTP 500.") are not for the end user.
      return { ...base, code: 'server', serverMessage: null };
    case 'bad-response':
      return { ...base, code: 'bad-response', serverMessage: null };
    case 'session-expired':
      return { ...base, code: 'session-expired' };
    case 'document-not-found':
      return { ...base, code: 'document-not-found' };
    case 'side-mismatch':
      // Our server's words are in English whatever the language: the element's own text says it.
      return { ...base, code: 'side-mismatch', serverMessage: null };
    case 'face-mismatch':
      return { ...base, code: 'face-mismatch' };
    case 'multiple-faces':
      return { ...base, code: 'multiple-faces' };
    case 'api':
      return { ...base, code: error instanceof EkycFaceError ? 'face-rejected' : 'document-rejected' };
  }
}

async function call(work: Work, state: FlowProgress, context: RunContext): Promise<FlowEvent> {
  const { api, lang, signal } = context;
  const { sessionId, captures, config } = state;
  if (work === 'init') {
    const { sessionId: created } = await initSession(api, {
      clientUuid: context.clientUuid,
      onlyEngine: config.flow === 'ocr-only',
      signal,
    });
    return { type: 'session-created', sessionId: created };
  }
  if (sessionId === null) throw new EkycApiError('session-expired', 'No session.');
  if (work === 'ocr-front' || work === 'ocr-back') {
    const side = work === 'ocr-front' ? 'front' : 'back';
    const capture = captures[side];
    if (!capture) throw new Error(`No ${side} capture to send.`);
    const { qrAssetsBase } = context;
    // Decoded while the API reads the photo (the back's too, ready for its own call); a code that cannot be read is
    // `null`, never a failure.
    const code =
      qrAssetsBase === undefined
        ? null
        : loadCardQr().then(async (module) => {
            const qr = module.readCardQr(qrAssetsBase, capture.image);
            if (side === 'front' && captures.back) void module.readCardQr(qrAssetsBase, captures.back.image);
            return { module, qr: await qr };
          }, () => null);
    const result = await readDocument(api, {
      sessionId,
      documentType: config.documentType,
      side: hasBack(config.documentType) ? side : undefined,
      files: [capture.image],
      lang,
      signal,
      // Kept with the capture: its retries send the same key, a photo taken again a new one.
      idempotencyKey: idempotencyKeyOf([capture.image]),
      integrity: JSON.stringify(capture.integrity),
    });
    const read = await code;
    if (!read) return { type: 'ocr-done', side, result };
    const earlier = side === 'back' ? state.ocr.front : null;
    return { type: 'ocr-done', side, result: { ...result, ...read.module.cardQr(read.qr, result.fields, earlier) } };
  }
  const selfie = captures.selfie;
  if (!selfie) throw new Error('No selfie to send.');
  const result = await checkFace(api, {
    sessionId,
    selfies: [selfie.image],
    auto: selfie.auto,
    lang,
    signal,
    idempotencyKey: idempotencyKeyOf([selfie.image]),
    integrity: JSON.stringify(selfie.integrity),
  });
  return { type: 'face-done', result };
}

/**
 * Runs one API call of the flow, retrying transient failures (network,
 * timeout, 5xx, 429) with growing delays, and answers with the flow event it
 * leads to. Resolves `null` when aborted: nobody is listening any more.
 */
export async function runWork(work: Work, state: FlowProgress, context: RunContext): Promise<FlowEvent | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(work, state, context);
    } catch (error) {
      if (context.signal.aborted) return null;
      const retryable = error instanceof EkycApiError && error.transient && attempt < waits.apiRetryMs.length;
      if (!retryable) return { type: 'work-failed', work, failure: classify(error) };
      const delay = backoffDelay(attempt);
      const slept = context.sleep ? await context.sleep(delay, context.signal).then(() => true, () => false) : await pause(delay, context.signal);
      if (!slept) return null;
    }
  }
}
