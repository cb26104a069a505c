import { seeded } from '../../quality/fixtures/random.js';
import { fillRect, paint, type Picture } from './picture.js';

/** Surfaces a card is laid on at home: the ones with straight edges of their own are the hard ones. */
export type FieldBackground = 'newspaper' | 'keyboard' | 'checkered' | 'wood' | 'white' | 'dark';

export const FIELD_BACKGROUNDS: readonly FieldBackground[] = ['newspaper', 'keyboard', 'checkered', 'wood', 'white', 'dark'];

type Random = () => number;

/** Glyph-like marks: small random bitmaps of strokes, as print looks at a camera's resolution. */
function glyphs(random: Random): boolean[][] {
  return Array.from({ length: 48 }, () => {
    const cells = Array.from({ length: 24 }, () => random() < 0.42);
    // A stem on the left or the right, as most letters have.
    const stem = random() < 0.5 ? 0 : 3;
    for (let row = 0; row < 6; row++) cells[row * 4 + stem] = true;
    return cells;
  });
}

/** Lines of words from `x` to `x + width`, `size` pixels a glyph cell, from `top` down to `bottom`. */
function print(picture: Picture, random: Random, box: { x: number; top: number; width: number; bottom: number }, size: number, ink: readonly number[]): void {
  const marks = glyphs(random);
  const lineHeight = size * 9;
  for (let y = box.top; y + size * 6 < box.bottom; y += lineHeight) {
    let x = box.x;
    const end = box.x + box.width * (random() < 0.15 ? 0.3 + 0.6 * random() : 1);
    while (x < end - size * 5) {
      const letters = 2 + Math.floor(random() * 8);
      for (let k = 0; k < letters && x < end - size * 5; k++) {
        const mark = marks[Math.floor(random() * marks.length)] ?? [];
        mark.forEach((on, cell) => {
          if (on) fillRect(picture, x + (cell % 4) * size, y + Math.floor(cell / 4) * size, size, size, ink);
        });
        x += size * 5;
      }
      x += size * 4;
    }
  }
}

function newspaper(picture: Picture, random: Random): void {
  const { width, height } = picture;
  paint(picture, (x, y) => {
    const shade = 226 - 10 * (y / height) + 4 * Math.sin(x / 97);
    return [shade, shade - 3, shade - 14];
  });
  const ink = [38, 36, 40];
  const column = Math.round(width / 5);
  // A headline across the top, then columns of small print with rules between them.
  print(picture, random, { x: 30, top: 20, width: width - 60, bottom: Math.round(height * 0.14) }, 6, ink);
  for (let left = 20; left < width; left += column) {
    print(picture, random, { x: left, top: Math.round(height * 0.16), width: column - 30, bottom: height }, 2, ink);
    fillRect(picture, left + column - 14, height * 0.16, 1.5, height, ink, 0.8);
  }
  fillRect(picture, 20, height * 0.15, width - 40, 2, ink);
}

function keyboard(picture: Picture, random: Random): void {
  const { width, height } = picture;
  paint(picture, () => [48, 50, 55]);
  const key = Math.round(Math.min(width, height) / 12);
  const gap = Math.round(key * 0.14);
  for (let row = 0, y = gap; y < height; row++, y += key + gap) {
    for (let x = gap - ((row * key) / 3) % key; x < width; x += key + gap) {
      const wide = random() < 0.08 ? 2 : 1;
      const w = key * wide + gap * (wide - 1);
      fillRect(picture, x, y, w, key, [78, 80, 86]);
      // The keycap's lit top edge and its legend.
      fillRect(picture, x, y, w, key * 0.12, [104, 106, 112]);
      print(picture, random, { x: x + key * 0.2, top: y + key * 0.25, width: key * 0.3, bottom: y + key * 0.6 }, Math.max(1, key / 28), [220, 222, 226]);
      x += w - key;
    }
  }
}

function checkered(picture: Picture): void {
  // Gingham: red stripes both ways on white, darker where they cross, woven slightly off the card's axes.
  const size = Math.round(Math.min(picture.width, picture.height) / 24);
  const turn = (3 * Math.PI) / 180;
  const cos = Math.cos(turn);
  const sin = Math.sin(turn);
  paint(picture, (x, y) => {
    const u = x * cos + y * sin;
    const v = y * cos - x * sin;
    const stripes = (Math.floor(u / size) & 1) + (Math.floor(v / size) & 1);
    return stripes === 0 ? [236, 232, 228] : stripes === 1 ? [214, 120, 118] : [176, 42, 52];
  });
}

function wood(picture: Picture, random: Random): void {
  const { width, height, data } = picture;
  const plank = Math.round(height / 3);
  paint(picture, (x, y) => {
    const seam = Math.abs(((y - 0.02 * x) % plank) - plank / 2) > plank / 2 - 2 ? -60 : 0;
    return [138 + seam, 90 + seam, 50 + seam * 0.5];
  });
  // Wavy grain lines, lighter or darker, each a few pixels wide.
  for (let k = 0; k < 90; k++) {
    const at = random() * height;
    const amplitude = 4 + random() * 12;
    const period = 120 + random() * 240;
    const phase = random() * 6.28;
    const tone = -30 + random() * 40;
    for (let x = 0; x < width; x++) {
      const centre = at + amplitude * Math.sin(x / period + phase);
      for (let y = Math.max(0, Math.ceil(centre - 2.5)); y <= Math.min(height - 1, centre + 2.5); y++) {
        const weight = tone * (1 - Math.abs(y - centre) / 2.5);
        const i = (y * width + x) * 3;
        data[i] = (data[i] ?? 0) + weight;
        data[i + 1] = (data[i + 1] ?? 0) + weight * 0.7;
        data[i + 2] = (data[i + 2] ?? 0) + weight * 0.4;
      }
    }
  }
}

function white(picture: Picture, random: Random): void {
  const { width, height } = picture;
  paint(picture, (x, y) => {
    const shade = 232 - 10 * Math.hypot(x / width - 0.4, y / height - 0.3) + (random() - 0.5) * 3;
    return [shade, shade + 1, shade + 3];
  });
}

function dark(picture: Picture, random: Random): void {
  paint(picture, (x) => {
    const shade = 38 + (random() - 0.5) * 10 + 3 * Math.sin(x / 3);
    return [shade, shade + 3, shade + 8];
  });
}

/** Paints a surface over the whole picture; `seed` varies its pattern. */
export function paintBackground(picture: Picture, kind: FieldBackground, seed: number): void {
  const random = seeded(seed);
  if (kind === 'newspaper') newspaper(picture, random);
  else if (kind === 'keyboard') keyboard(picture, random);
  else if (kind === 'checkered') checkered(picture);
  else if (kind === 'wood') wood(picture, random);
  else if (kind === 'white') white(picture, random);
  else dark(picture, random);
}
