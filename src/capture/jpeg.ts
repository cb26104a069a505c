// Drawing and JPEG encoding of a capture, as it runs on one thread: the encoding worker's, or the page's.
import { sourceSize } from '../platform/source-size.js';
import { flatten, fromScaledRegion, planFlatten, type FlattenPlan, type Quad } from './flatten.js';
import { CAPTURE_MARGIN, clampRect, type Rect } from '../geometry/geometry.js';
import { CAPTURE_LONG_SIDE, CAPTURE_MAX_BYTES } from './limits.js';

export type { Rect };

export interface EncodeOptions {
  /** The part of the source to keep (default: all of it). */
  crop?: Rect | undefined;
  /**
   * A card's corners in the source's pixels (top-left, top-right, bottom-right, bottom-left) and its width over
   * height (ID-1: 85.6 × 53.98 mm): the photo is then the card flattened to those proportions, perspective
   * corrected, with `margin` of its size on every side (default `CAPTURE_MARGIN`), instead of `crop`; `crop` stays
   * for corners that make no card.
   */
  card?: { corners: Quad; aspect: number; margin?: number | undefined } | undefined;
  /** Longest side of the result in pixels; smaller sources are not enlarged (default `CAPTURE_LONG_SIDE`). */
  maxLongSide?: number | undefined;
  /** Upper bound of the JPEG's size; quality steps down until it fits (default `CAPTURE_MAX_BYTES`). */
  maxBytes?: number | undefined;
  /** Flip horizontally (a mirrored selfie preview is not what the API should get: default false). */
  mirror?: boolean | undefined;
}

export interface EncodedImage {
  blob: Blob;
  width: number;
  height: number;
}

type Source = CanvasImageSource;

const QUALITIES = [0.92, 0.85, 0.78, 0.7, 0.6, 0.5];

/** Scales `width`×`height` down so its longest side is at most `maxLongSide`. */
export function fitLongSide(width: number, height: number, maxLongSide: number): { width: number; height: number } {
  const scale = Math.min(1, maxLongSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Draws (a crop of, or the card flattened out of) a frame once and encodes it as
 * JPEG, stepping the quality down until the file fits `maxBytes`, on the thread
 * it is called on (the encoding worker's, or the page's where no worker can do
 * it). Everything runs off the DOM, in an `OffscreenCanvas`.
 */
export async function encodeHere(source: Source, options: EncodeOptions = {}): Promise<EncodedImage> {
  const size = sourceSize(source);
  if (size.width === 0 || size.height === 0) throw new Error('The image has no pixels yet.');
  const maxLongSide = options.maxLongSide ?? CAPTURE_LONG_SIDE;
  const plan = options.card
    ? planFlatten(options.card.corners, size, { aspect: options.card.aspect, margin: options.card.margin ?? CAPTURE_MARGIN, maxLongSide })
    : null;
  const canvas = plan ? drawFlattened(source, plan) : drawCrop(source, size, maxLongSide, options);
  const maxBytes = options.maxBytes ?? CAPTURE_MAX_BYTES;
  let blob: Blob | undefined;
  for (const quality of QUALITIES) {
    blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
    if (blob.size <= maxBytes) break;
  }
  if (!blob) throw new Error('JPEG encoding failed.');
  return { blob, width: canvas.width, height: canvas.height };
}

function context2d(canvas: OffscreenCanvas, settings?: CanvasRenderingContext2DSettings): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', settings);
  if (!context) throw new Error('No 2D canvas context.');
  return context;
}

/**
 * Draws `region` of the source over the context's `width`×`height` from its top-left: the whole source placed
 * scaled and shifted, the canvas cutting it, rather than a source rectangle, which WebKit's `drawImage` misreads
 * for a `VideoFrame` (it draws another part of the frame).
 */
function drawRegion(
  context: OffscreenCanvasRenderingContext2D,
  source: Source,
  size: { width: number; height: number },
  region: Rect,
  width: number,
  height: number,
): void {
  const scaleX = width / region.width;
  const scaleY = height / region.height;
  context.drawImage(source, -region.x * scaleX, -region.y * scaleY, size.width * scaleX, size.height * scaleY);
}

/** (A crop of) the source, scaled down to fit `maxLongSide`, in one `drawImage`. */
function drawCrop(source: Source, size: { width: number; height: number }, maxLongSide: number, options: EncodeOptions): OffscreenCanvas {
  const crop = clampRect(options.crop ?? { x: 0, y: 0, ...size }, size.width, size.height);
  const { width, height } = fitLongSide(crop.width, crop.height, maxLongSide);
  const canvas = new OffscreenCanvas(width, height);
  const context = context2d(canvas);
  context.imageSmoothingQuality = 'high';
  if (options.mirror) {
    context.translate(width, 0);
    context.scale(-1, 1);
  }
  drawRegion(context, source, size, crop, width, height);
  return canvas;
}

/** Below this many result pixels a source pixel, the source is scaled down by the canvas before it is flattened. */
const SHRINK_BELOW = 0.75;

/**
 * The card flattened (see `flatten`): only the part of the source around it is drawn and read back, scaled down
 * first where the card is much larger in the source than in the result.
 */
function drawFlattened(source: Source, plan: FlattenPlan): OffscreenCanvas {
  const { region } = plan;
  const shrink = plan.scale < SHRINK_BELOW ? plan.scale : 1;
  const readWidth = Math.max(1, Math.ceil(region.width * shrink));
  const readHeight = Math.max(1, Math.ceil(region.height * shrink));
  const reading = new OffscreenCanvas(readWidth, readHeight);
  const readContext = context2d(reading, { willReadFrequently: true });
  readContext.imageSmoothingQuality = 'high';
  drawRegion(readContext, source, sourceSize(source), region, readWidth, readHeight);
  const pixels = readContext.getImageData(0, 0, readWidth, readHeight);
  const canvas = new OffscreenCanvas(plan.width, plan.height);
  const context = context2d(canvas);
  const flat = context.createImageData(plan.width, plan.height);
  flatten(pixels, shrink < 1 ? fromScaledRegion(plan, readWidth, readHeight) : plan, flat);
  context.putImageData(flat, 0, 0);
  return canvas;
}
