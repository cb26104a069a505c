// Time from `start()` to a ready face detector, with the element from the built bundle: run twice in one browser
// context, it measures a first visit and a second one (the runtime then comes from the HTTP cache).
import { mountFlow } from './element.js';
import { watchFaceWorker } from './paced-flow.js';

export async function run(options: { timeoutMs: number }): Promise<Record<string, number>> {
  const faceWorker = watchFaceWorker();
  // The session is never used: the detector loads as the first step opens, before any request.
  const flow = await mountFlow({ apiBase: 'https://ekyc-emulator.invalid', sessionId: 'bench-session' });
  flow.manualCapture = true;
  const started = performance.now();
  flow.start();
  const giveUp = started + options.timeoutMs;
  while (Number.isNaN(faceWorker.readyAt()) && performance.now() < giveUp) await new Promise((resolve) => setTimeout(resolve, 100));
  flow.remove();
  return { readyMs: faceWorker.readyAt() - started };
}
