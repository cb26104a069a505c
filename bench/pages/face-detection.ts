// Face detection benchmark: model load, time a detection, and how long the page's own thread
// is blocked, for the detector in a module worker and on the main thread.
import type { DetectorThread } from '../../src/face/detector/handle.js';
import { loadFaceDetector } from '../../src/face/detector/load-detector.js';
import { percentile } from '../lib/stats.js';

const DETECTIONS = 100;
const FRAME = { width: 640, height: 720 };
const assetsBase = new URL('../../public/ekyc-assets/', import.meta.url).href;
const photoUrl = new URL('../../test/fixtures/faces/person-a.jpg', import.meta.url).href;

/** A camera-sized frame: the photo of one person scaled to cover 640×720. */
async function personFrame(): Promise<OffscreenCanvas> {
  const photo = await createImageBitmap(await (await fetch(photoUrl)).blob());
  const canvas = new OffscreenCanvas(FRAME.width, FRAME.height);
  const scale = Math.max(FRAME.width / photo.width, FRAME.height / photo.height);
  const [width, height] = [photo.width * scale, photo.height * scale];
  canvas.getContext('2d')?.drawImage(photo, (FRAME.width - width) / 2, (FRAME.height - height) / 2, width, height);
  photo.close();
  return canvas;
}

/** Durations of the page's tasks over 50 ms (the Long Tasks API reports no shorter ones). */
function watchLongTasks(): { take(): Promise<number[]>; stop(): void } {
  let durations: number[] = [];
  const observer = new PerformanceObserver((list) => durations.push(...list.getEntries().map((entry) => entry.duration)));
  observer.observe({ type: 'longtask' });
  return {
    async take() {
      // Entries arrive after their task ends: give them a moment.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const taken = durations;
      durations = [];
      return taken;
    },
    stop: () => observer.disconnect(),
  };
}

function nextFrame(): Promise<unknown> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

const longest = (durations: readonly number[]): number => Math.max(0, ...durations);

async function measure(thread: DetectorThread, frame: OffscreenCanvas): Promise<Record<string, number>> {
  const longTasks = watchLongTasks();
  try {
    const started = performance.now();
    const detector = await loadFaceDetector({ assetsBase, thread });
    const loadMs = performance.now() - started;
    const loadTasks = await longTasks.take();

    const times: number[] = [];
    let faces = 0;
    for (let i = 0; i < DETECTIONS; i++) {
      await nextFrame();
      const before = performance.now();
      faces += (await detector.detect(frame, before)).length;
      times.push(performance.now() - before);
    }
    const detectTasks = await longTasks.take();
    detector.close();
    return {
      [`${thread}.loadMs`]: loadMs,
      [`${thread}.loadLongestTaskMs`]: longest(loadTasks),
      [`${thread}.detectMedianMs`]: percentile(times, 0.5),
      [`${thread}.detectP95Ms`]: percentile(times, 0.95),
      [`${thread}.detectLongestTaskMs`]: longest(detectTasks),
      [`${thread}.detectLongTasks`]: detectTasks.length,
      [`${thread}.facesPerFrame`]: faces / DETECTIONS,
    };
  } finally {
    longTasks.stop();
  }
}

/**
 * Measures both variants, worker first (so it pays the cold HTTP cache; the wasm is compiled
 * afresh in each context either way). Times are in milliseconds; a longest task of 0 means
 * none over 50 ms.
 */
export async function run(): Promise<Record<string, number>> {
  const frame = await personFrame();
  return { ...(await measure('worker', frame)), ...(await measure('main', frame)) };
}
