import { expect } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import type { EkycFlow } from '../../src/index.js';
import { click, eventsNamed, part, shootAndConfirm, waitForStep, type Recorded } from './flow.js';

/** From the intro to both sides of an identity card confirmed. */
export async function throughDocument(element: EkycFlow): Promise<void> {
  await click(element, 'start-button');
  await waitForStep(element, 'document-front');
  await shootAndConfirm(element);
  await waitForStep(element, 'document-back');
  await shootAndConfirm(element);
}

/** From the intro to the selfie confirmed. */
export async function throughSelfie(element: EkycFlow): Promise<void> {
  await throughDocument(element);
  await waitForStep(element, 'selfie');
  await shootAndConfirm(element);
}

/** The size of the photo the user confirmed for `side` (the last one, after any retake). */
export function confirmedSize(events: Recorded[], side: 'front' | 'back' | 'selfie'): number {
  const capture = eventsNamed(events, 'ekyc-capture').filter((detail) => detail.side === side).at(-1);
  expect(capture, `a confirmed ${side} photo`).to.exist;
  return capture!.image.size;
}

/** The visible text of a part, whitespace collapsed. */
export function textOf(element: EkycFlow, name: string): string {
  return (part(element, name)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the error screen shows, with its retry button. */
export async function waitForErrorScreen(element: EkycFlow, timeout = 20_000): Promise<void> {
  await waitUntil(() => element.step === 'error' && part(element, 'retry-button') !== null, 'the error screen', { timeout });
}
