// Makes a 1280×720 camera scene from a photo: the photo scaled to the scene's height, centred on
// a plain wall-like background. Chromium's fake camera stretches its file to the resolution a page
// asks for, so scenes with the camera's own 16:9 shape keep faces undistorted.
//   npx tsx scripts/make-camera-scene.ts <photo.jpg> <scene.jpg> [heightShare]
import { readFileSync, writeFileSync } from 'node:fs';
import jpeg from 'jpeg-js';

const WIDTH = 1280;
const HEIGHT = 720;

function sample(image: jpeg.UintArrRet, x: number, y: number, channel: number): number {
  const x0 = Math.max(0, Math.min(image.width - 1, Math.floor(x)));
  const y0 = Math.max(0, Math.min(image.height - 1, Math.floor(y)));
  const x1 = Math.min(image.width - 1, x0 + 1);
  const y1 = Math.min(image.height - 1, y0 + 1);
  const fx = x - x0;
  const fy = y - y0;
  const at = (px: number, py: number): number => image.data[(py * image.width + px) * 4 + channel] ?? 0;
  return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

const [source, target, share = '1'] = process.argv.slice(2);
if (!source || !target) throw new Error('usage: make-camera-scene <photo.jpg> <scene.jpg> [heightShare]');
const photo = jpeg.decode(readFileSync(source), { useTArray: true });
const scale = (HEIGHT * Number(share)) / photo.height;
const width = photo.width * scale;
const height = photo.height * scale;
const left = (WIDTH - width) / 2;
const top = HEIGHT - height;
const data = Buffer.alloc(WIDTH * HEIGHT * 4);
for (let y = 0; y < HEIGHT; y++) {
  for (let x = 0; x < WIDTH; x++) {
    const i = (y * WIDTH + x) * 4;
    const inside = x >= left && x < left + width && y >= top;
    for (let c = 0; c < 3; c++) {
      const wall = [196, 202, 210][c] ?? 200;
      data[i + c] = inside ? Math.round(sample(photo, (x - left) / scale, (y - top) / scale, c)) : wall - Math.round((y / HEIGHT) * 30);
    }
    data[i + 3] = 255;
  }
}
writeFileSync(target, jpeg.encode({ data, width: WIDTH, height: HEIGHT }, 85).data);
