import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import type { Picture } from './picture.js';

/** The test cards, as they were drawn into camera pictures already in the repository. */
export type FieldCard = 'front-2021' | 'front-plain' | 'back-2024';

/** Where each card lies in its picture (found once from the pictures' edges), a pixel inside its outline. */
const SOURCES: Record<FieldCard, { file: string; x0: number; y0: number; x1: number; y1: number }> = {
  'front-2021': { file: 'test/fixtures/camera/cccd-2021.jpg', x0: 218, y0: 94, x1: 1062, y1: 626 },
  'front-plain': { file: 'test/fixtures/camera/card-scene.jpg', x0: 196, y0: 80, x1: 1084, y1: 640 },
  'back-2024': { file: 'test/qr/fixtures/images/cccd-2024-1080p-clean-1.jpg', x0: 148, y0: 94, x1: 1347, y1: 850 },
};

/**
 * The drawings' white is pure 255, which a camera exposing a card well never gives: printed white reflects
 * less than the light, and would otherwise read as glare.
 */
const PAPER = 0.92;

const loaded = new Map<FieldCard, Picture>();

/** The card's face, cut out of its picture (its rounded corners still show the picture's background). */
export function cardFace(card: FieldCard): Picture {
  const found = loaded.get(card);
  if (found) return found;
  const { file, x0, y0, x1, y1 } = SOURCES[card];
  const image = jpeg.decode(readFileSync(new URL(`../../../${file}`, import.meta.url)), { useTArray: true });
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Float32Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = ((y + y0) * image.width + x + x0) * 4;
      const o = (y * width + x) * 3;
      data[o] = (image.data[i] ?? 0) * PAPER;
      data[o + 1] = (image.data[i + 1] ?? 0) * PAPER;
      data[o + 2] = (image.data[i + 2] ?? 0) * PAPER;
    }
  }
  const face = { width, height, data };
  loaded.set(card, face);
  return face;
}
