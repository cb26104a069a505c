// Degrades a camera scene for tests: `blur=<radius px>` (three box-blur passes, close to a
// Gaussian), `glare=<radius px>` (a blown-out spot with a soft edge at the centre) or
// `slant=<share>` (the scene seen tilted back: its top edge `share` narrower than its bottom and
// foreshortened, by a homography; what falls beyond the scene takes its nearest edge pixel).
//   npx tsx scripts/degrade-camera-scene.ts <in.jpg> <out.jpg> blur=6
// test/fixtures/camera/card-scene-slanted.jpg is card-scene.jpg with slant=0.16.
import { readFileSync, writeFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { flatten, homography, type FlattenPlan } from '../src/capture/flatten.js';

function boxBlur(data: Uint8Array, width: number, height: number, radius: number): void {
  const copy = Uint8Array.from(data);
  const size = 2 * radius + 1;
  for (const horizontal of [true, false]) {
    const source = horizontal ? copy : Uint8Array.from(data);
    const lines = horizontal ? height : width;
    const length = horizontal ? width : height;
    for (let line = 0; line < lines; line++) {
      for (let c = 0; c < 3; c++) {
        const at = (i: number): number => {
          const k = Math.max(0, Math.min(length - 1, i));
          const index = horizontal ? line * width + k : k * width + line;
          return source[index * 4 + c] ?? 0;
        };
        let sum = 0;
        for (let i = -radius; i <= radius; i++) sum += at(i);
        for (let i = 0; i < length; i++) {
          const index = horizontal ? line * width + i : i * width + line;
          data[index * 4 + c] = Math.round(sum / size);
          sum += at(i + radius + 1) - at(i - radius);
        }
      }
    }
  }
}

function glare(data: Uint8Array, width: number, height: number, radius: number): void {
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x - cx, y - cy);
      const strength = d <= radius ? 1 : Math.max(0, 1 - (d - radius) / (radius * 0.5));
      if (strength === 0) continue;
      for (let c = 0; c < 3; c++) {
        const i = (y * width + x) * 4 + c;
        data[i] = Math.round((data[i] ?? 0) * (1 - strength) + 255 * strength);
      }
    }
  }
}

function slant(data: Uint8Array, width: number, height: number, share: number): Uint8Array {
  const inset = (width * share) / 2;
  const seen = [
    { x: inset, y: height * share * 0.5 },
    { x: width - inset, y: height * share * 0.5 },
    { x: width, y: height },
    { x: 0, y: height },
  ] as const;
  const whole = [{ x: 0, y: 0 }, { x: width, y: 0 }, { x: width, y: height }, { x: 0, y: height }] as const;
  const toSource = homography([...seen], [...whole]);
  if (!toSource) throw new Error('No homography for that slant.');
  const plan: FlattenPlan = { width, height, toSource, region: { x: 0, y: 0, width, height }, scale: 1 };
  return Uint8Array.from(flatten({ width, height, data: Uint8ClampedArray.from(data) }, plan).data);
}

const [source, target, effect = ''] = process.argv.slice(2);
const [kind, amount] = effect.split('=');
if (!source || !target || !amount || (kind !== 'blur' && kind !== 'glare' && kind !== 'slant')) {
  throw new Error('usage: degrade-camera-scene <in.jpg> <out.jpg> blur=<px>|glare=<px>|slant=<share>');
}
const image = jpeg.decode(readFileSync(source), { useTArray: true });
const radius = Number(amount);
if (kind === 'blur') for (let pass = 0; pass < 3; pass++) boxBlur(image.data, image.width, image.height, Math.round(radius / 1.7));
else if (kind === 'glare') glare(image.data, image.width, image.height, radius);
else image.data = slant(image.data, image.width, image.height, radius);
writeFileSync(target, jpeg.encode({ data: image.data, width: image.width, height: image.height }, 85).data);
