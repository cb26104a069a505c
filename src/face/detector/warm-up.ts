import type { LocalFaceDetector } from './tasks-detector.js';

/**
 * Runs one detection on a small blank image: the first inference sets up the graph and the
 * image pipeline and is many times slower than the next ones, so it is paid at load time.
 */
export function warmUp(detector: LocalFaceDetector): void {
  const canvas = new OffscreenCanvas(64, 64);
  const context = canvas.getContext('2d');
  if (!context) return;
  context.fillStyle = '#808080';
  context.fillRect(0, 0, canvas.width, canvas.height);
  detector.detect(canvas, 0);
}
