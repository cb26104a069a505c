import { createDocumentAnalyzer, type DocumentAnalyzer } from '../../src/quality/index.js';
import type { Rect } from '../../src/quality/index.js';
import { cameraFrame } from '../../test/helpers/camera-frame.js';
import { percentile } from '../lib/stats.js';

/** Frames measured per case, after a warm-up. */
const RUNS = 200;
const WARM_UP = 20;

/** A made-up ID card (ID-1 proportions) on a grained surface with sensor noise, filling a centred guide. */
function scene(width: number, height: number): { frame: OffscreenCanvas; guide: Rect } {
  const frame = new OffscreenCanvas(width, height);
  const ctx = frame.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas context.');
  ctx.fillStyle = '#8a5a32';
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = 'rgba(170, 110, 60, 0.5)';
  for (let y = 0; y < height; y += 9) {
    ctx.beginPath();
    for (let x = 0; x <= width; x += 20) ctx.lineTo(x, y + 6 * Math.sin(x / 90 + y));
    ctx.stroke();
  }
  const guideHeight = Math.round(height * 0.78);
  const guide = {
    x: Math.round((width - guideHeight * 1.585) / 2),
    y: Math.round((height - guideHeight) / 2),
    width: Math.round(guideHeight * 1.585),
    height: guideHeight,
  };
  const unit = guide.width / 1000;
  ctx.fillStyle = '#e6ece2';
  ctx.beginPath();
  ctx.roundRect(guide.x, guide.y, guide.width, guide.height, 35 * unit);
  ctx.fill();
  ctx.fillStyle = '#c8202a';
  ctx.beginPath();
  ctx.arc(guide.x + 95 * unit, guide.y + 90 * unit, 60 * unit, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = '#5b4a42';
  ctx.fillRect(guide.x + 40 * unit, guide.y + 185 * unit, 230 * unit, 300 * unit);
  ctx.fillStyle = '#1d2330';
  ctx.font = `${Math.round(30 * unit)}px sans-serif`;
  for (let line = 0; line < 8; line++) {
    ctx.fillText('NGUYEN VAN AN  079 099 012 345', guide.x + 300 * unit, guide.y + (200 + line * 45) * unit);
  }
  const image = ctx.getImageData(0, 0, width, height);
  let seed = 7;
  for (let i = 0; i < image.data.length; i += 4) {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    const noise = ((seed >>> 24) - 128) / 32;
    image.data[i] = (image.data[i] ?? 0) + noise;
    image.data[i + 1] = (image.data[i + 1] ?? 0) + noise;
    image.data[i + 2] = (image.data[i + 2] ?? 0) + noise;
  }
  ctx.putImageData(image, 0, 0);
  return { frame, guide };
}

/** Round-trip and calling-thread times of `RUNS` analyses of one frame. */
async function measure(analyzer: DocumentAnalyzer, source: CanvasImageSource, guide: Rect) {
  const total: number[] = [];
  const grab: number[] = [];
  const measuring: number[] = [];
  for (let k = 0; k < WARM_UP + RUNS; k++) {
    const result = await analyzer.analyze(source, guide);
    if (k < WARM_UP) continue;
    total.push(result.timing.total);
    grab.push(result.timing.grab);
    measuring.push(result.timing.measure);
  }
  return {
    medianMs: percentile(total, 0.5),
    p95Ms: percentile(total, 0.95),
    callingThreadMedianMs: percentile(grab, 0.5),
    callingThreadP95Ms: percentile(grab, 0.95),
    measureMedianMs: percentile(measuring, 0.5),
    measureP95Ms: percentile(measuring, 0.95),
  };
}

/**
 * Milliseconds per frame of the document analysis (copying the guide's region,
 * measuring, judging), median and 95th percentile, for 1280×720 and 1920×1080
 * frames: in the worker (the default; the round trip, the part spent on
 * the calling thread, the measuring itself), from a bitmap (the region copied
 * on the calling thread) and from a `VideoFrame` (copied in the worker, as the
 * element does with a camera), and all on the calling thread.
 */
export async function run(options: { elementOnly?: boolean } = {}): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  // `elementOnly`: the element's own case alone (a 720p camera, a VideoFrame to the worker), for the throttled profile.
  const sizes = options.elementOnly ? ([[1280, 720]] as const) : ([[1280, 720], [1920, 1080]] as const);
  for (const [width, height] of sizes) {
    const { frame, guide } = scene(width, height);
    const bitmap = await createImageBitmap(frame);
    // What the element hands over from a camera: a VideoFrame (I420, as Chromium's cameras give), whose region the
    // worker copies itself.
    const videoFrame = cameraFrame(frame);
    const size = `${width}x${height}`;
    for (const thread of options.elementOnly ? (['worker-frame'] as const) : (['worker', 'worker-frame', 'main'] as const)) {
      const analyzer = createDocumentAnalyzer({ worker: thread !== 'main' });
      const times = await measure(analyzer, thread === 'worker-frame' ? videoFrame : bitmap, guide);
      analyzer.dispose();
      results[`${thread}.${size}.medianMs`] = times.medianMs;
      results[`${thread}.${size}.p95Ms`] = times.p95Ms;
      if (thread !== 'main') {
        // In the worker, the page's own thread only copies the region; the rest runs alongside.
        results[`${thread}.${size}.callingThreadMedianMs`] = times.callingThreadMedianMs;
        results[`${thread}.${size}.callingThreadP95Ms`] = times.callingThreadP95Ms;
        results[`${thread}.${size}.measureMedianMs`] = times.measureMedianMs;
        results[`${thread}.${size}.measureP95Ms`] = times.measureP95Ms;
      }
    }
    videoFrame.close();
    bitmap.close();
  }
  return results;
}
