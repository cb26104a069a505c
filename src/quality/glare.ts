import { scratchBytes } from './scratch.js';
import type { Box, GlareReport } from './types.js';

/**
 * Blown-out pixels inside `box` of a `width`-wide mask (1: blown out): their
 * share, and the largest 4-connected patch of them, both as shares of the box.
 * One big patch hides text where many specks do not, hence both numbers.
 */
export function measureGlare(blown: Uint8Array, width: number, box: Box): GlareReport {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const area = w * h;
  if (area <= 0) return { share: 0, largest: 0 };
  // A local copy, cleared as patches are filled.
  const mask = scratchBytes('glare', area);
  let total = 0;
  for (let y = 0; y < h; y++) {
    const row = blown.subarray((box.y0 + y) * width + box.x0, (box.y0 + y) * width + box.x1);
    mask.set(row, y * w);
    for (const value of row) total += value;
  }
  if (total === 0) return { share: 0, largest: 0 };
  let stack = new Int32Array(Math.min(area, 4096));
  let largest = 0;
  for (let start = 0; start < area; start++) {
    if (mask[start] !== 1) continue;
    mask[start] = 0;
    stack[0] = start;
    let top = 1;
    let size = 0;
    while (top > 0) {
      const at = stack[--top] ?? 0;
      size++;
      const x = at % w;
      for (let k = 0; k < 4; k++) {
        const next = k === 0 ? (x > 0 ? at - 1 : -1) : k === 1 ? (x < w - 1 ? at + 1 : -1) : k === 2 ? at - w : at + w;
        if (next < 0 || next >= area || mask[next] !== 1) continue;
        mask[next] = 0;
        if (top === stack.length) {
          const grown = new Int32Array(stack.length * 2);
          grown.set(stack);
          stack = grown;
        }
        stack[top++] = next;
      }
    }
    largest = Math.max(largest, size);
  }
  return { share: total / area, largest: largest / area };
}
