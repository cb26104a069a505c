import { expect } from '@open-wc/testing';
import { CAPTURE_MARGIN } from '../../src/geometry/geometry.js';
import type { EkycCaptureDetail } from '../../src/events.js';
import type { RecordedFile } from '../../src/emulator/index.js';
import type { EkycFlow } from '../../src/index.js';
import { requestCalls, useEmulator } from './emulator.js';
import { click, eventsNamed, mountFlow, part, recordEvents, waitForStep } from './flow.js';
import { waitUntil } from './wait.js';

export type Edge = 'left' | 'right' | 'top' | 'bottom';

/** The photo's grey levels, one a pixel, row by row. */
async function greyPixels(image: Blob): Promise<{ width: number; height: number; grey: Float32Array }> {
  const bitmap = await createImageBitmap(image);
  const { width, height } = bitmap;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { data } = context.getImageData(0, 0, width, height);
  const grey = new Float32Array(width * height);
  for (let k = 0; k < grey.length; k++) grey[k] = 0.299 * data[4 * k]! + 0.587 * data[4 * k + 1]! + 0.114 * data[4 * k + 2]!;
  return { width, height, grey };
}

export interface CardBorders {
  /** How far in from each edge of the photo the card's border is, in pixels. */
  borders: Record<Edge, number>;
  /** The margin a flattened photo keeps around the card, in pixels, each way. */
  margin: { x: number; y: number };
}

/**
 * Where a card lighter than the desk it lies on has its border, seen from each edge of a photo of it: where the grey
 * level, averaged along `span` of that edge (shares of its length), steps most from the desk to the card, looking up
 * to three margins in.
 */
export async function cardBorders(image: Blob, span: readonly [number, number] = [0.25, 0.75]): Promise<CardBorders> {
  const { width, height, grey } = await greyPixels(image);
  const grown = 1 + 2 * CAPTURE_MARGIN;
  const margin = { x: (width * CAPTURE_MARGIN) / grown, y: (height * CAPTURE_MARGIN) / grown };
  /** The mean grey of the line `depth` pixels in from an edge, along the span. */
  const line = (edge: Edge, depth: number): number => {
    const along = edge === 'left' || edge === 'right' ? height : width;
    let sum = 0;
    let count = 0;
    for (let t = Math.floor(along * span[0]); t < Math.ceil(along * span[1]); t++, count++) {
      const x = edge === 'left' ? depth : edge === 'right' ? width - 1 - depth : t;
      const y = edge === 'top' ? depth : edge === 'bottom' ? height - 1 - depth : t;
      sum += grey[y * width + x]!;
    }
    return sum / count;
  };
  const border = (edge: Edge): number => {
    const reach = Math.round(3 * (edge === 'left' || edge === 'right' ? margin.x : margin.y));
    let best = 0;
    let bestStep = -Infinity;
    for (let depth = 2; depth < reach; depth++) {
      const step = line(edge, depth + 2) - line(edge, depth - 2);
      if (step > bestStep) {
        bestStep = step;
        best = depth;
      }
    }
    return best;
  };
  return { borders: { left: border('left'), right: border('right'), top: border('top'), bottom: border('bottom') }, margin };
}

/** Waits for the photo taken by itself on a document step, and confirms it: the size of the photo its review showed. */
async function reviewAndConfirm(element: EkycFlow, step: 'document-front' | 'document-back'): Promise<{ width: number; height: number }> {
  await waitForStep(element, step);
  await waitUntil(() => part(element, 'confirm-button') !== null, `the ${step} taken automatically`, { timeout: 40_000 });
  const canvas = part(element, 'review-image') as HTMLCanvasElement | null;
  await waitUntil(() => (canvas?.width ?? 0) > 300, 'the photo drawn for review', { timeout: 10_000 });
  const shown = { width: canvas!.width, height: canvas!.height };
  await click(element, 'confirm-button');
  return shown;
}

/**
 * Runs an OCR-only flow whose camera shows a card, both sides taken by themselves: the photos taken, each checked to
 * be what its review showed and what was sent.
 */
export async function documentPhotosSent(): Promise<EkycCaptureDetail[]> {
  const events = recordEvents();
  const { emulator, apiBase } = await useEmulator();
  const element = await mountFlow({ apiBase, sessionId: emulator.createSession(), flow: 'ocr-only' });
  await click(element, 'start-button');
  const reviewed = [await reviewAndConfirm(element, 'document-front'), await reviewAndConfirm(element, 'document-back')];
  const sentFiles = (): RecordedFile[] =>
    emulator.requests.filter((request) => ['front', 'back', 'ocr'].includes(requestCalls([request])[0] ?? '')).flatMap((request) => request.files);
  await waitUntil(() => sentFiles().length >= 2 || element.step === 'error', 'both sides sent', { timeout: 30_000 });
  const captures = eventsNamed(events, 'ekyc-capture');
  expect(captures.map(({ side, auto }) => [side, auto])).to.deep.equal([['front', true], ['back', true]]);
  const sent = sentFiles();
  expect(sent.map(({ size }) => size), 'the photos sent').to.deep.equal(captures.map(({ image }) => image.size));
  expect(reviewed, 'the photos reviewed').to.deep.equal(captures.map(({ width, height }) => ({ width, height })));
  return captures;
}
