// RGBA pixels to I420 (BT.601, limited range: what Chromium's cameras deliver), for the fake
// camera's .y4m files and for camera-like VideoFrames in tests. No Node or DOM API: runs in both.

/**
 * The planes of an I420 picture (Y, then U and V at half size) of `image`, cropped to even sides.
 * @param {{ width: number, height: number, data: ArrayLike<number> }} image RGBA pixels
 * @returns {{ width: number, height: number, data: Uint8Array }}
 */
export function rgbaToI420(image) {
  const width = image.width & ~1;
  const height = image.height & ~1;
  const ySize = width * height;
  const cSize = ySize / 4;
  const data = new Uint8Array(ySize + 2 * cSize);
  const at = (x, y) => (y * image.width + x) * 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = at(x, y);
      const r = image.data[i], g = image.data[i + 1], b = image.data[i + 2];
      data[y * width + x] = Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
    }
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let r = 0, g = 0, b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
        const i = at(x + dx, y + dy);
        r += image.data[i]; g += image.data[i + 1]; b += image.data[i + 2];
      }
      r /= 4; g /= 4; b /= 4;
      const c = (y / 2) * (width / 2) + x / 2;
      data[ySize + c] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      data[ySize + cSize + c] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  return { width, height, data };
}
