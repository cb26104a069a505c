/** A camera-like frame of what `canvas` shows: 4:2:0, limited range, BT.601, as Chromium's cameras give. */
export function cameraFrame(canvas: OffscreenCanvas, format: 'I420' | 'NV12' = 'I420'): VideoFrame {
  const { width, height } = canvas;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas context.');
  const rgba = context.getImageData(0, 0, width, height).data;
  const lumaSize = width * height;
  const chromaWidth = width / 2;
  const bytes = new Uint8Array(lumaSize * 1.5);
  for (let i = 0; i < lumaSize; i++) {
    const r = rgba[i * 4] ?? 0;
    const g = rgba[i * 4 + 1] ?? 0;
    const b = rgba[i * 4 + 2] ?? 0;
    bytes[i] = 16 + (219 * (0.299 * r + 0.587 * g + 0.114 * b)) / 255;
  }
  for (let y = 0; y < height / 2; y++) {
    for (let x = 0; x < chromaWidth; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((2 * y + dy) * width + 2 * x + dx) * 4;
        r += (rgba[p] ?? 0) / 4;
        g += (rgba[p + 1] ?? 0) / 4;
        b += (rgba[p + 2] ?? 0) / 4;
      }
      const u = 128 + (224 * (-0.168736 * r - 0.331264 * g + 0.5 * b)) / 255;
      const v = 128 + (224 * (0.5 * r - 0.418688 * g - 0.081312 * b)) / 255;
      const index = y * chromaWidth + x;
      if (format === 'I420') {
        bytes[lumaSize + index] = u;
        bytes[lumaSize + lumaSize / 4 + index] = v;
      } else {
        bytes[lumaSize + index * 2] = u;
        bytes[lumaSize + index * 2 + 1] = v;
      }
    }
  }
  return new VideoFrame(bytes, {
    format,
    codedWidth: width,
    codedHeight: height,
    timestamp: 0,
    colorSpace: { matrix: 'smpte170m', primaries: 'smpte170m', transfer: 'smpte170m', fullRange: false },
  });
}
