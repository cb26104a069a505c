import { rgbaToI420 } from '../../scripts/i420.js';

/** A camera-like frame of what `canvas` shows: 4:2:0, limited range, BT.601, as Chromium's cameras give. */
export function cameraFrame(canvas: OffscreenCanvas, format: 'I420' | 'NV12' = 'I420'): VideoFrame {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas context.');
  const { width, height, data } = rgbaToI420(context.getImageData(0, 0, canvas.width, canvas.height));
  let bytes = data;
  if (format === 'NV12') {
    // The same planes with U and V interleaved.
    const lumaSize = width * height;
    const chromaSize = lumaSize / 4;
    bytes = new Uint8Array(data.length);
    bytes.set(data.subarray(0, lumaSize));
    for (let i = 0; i < chromaSize; i++) {
      bytes[lumaSize + 2 * i] = data[lumaSize + i] ?? 128;
      bytes[lumaSize + 2 * i + 1] = data[lumaSize + chromaSize + i] ?? 128;
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

/** A packed-RGB frame of what `canvas` shows, as Firefox and Safari give for canvas streams (`BGRA`, say). */
export function packedFrame(canvas: OffscreenCanvas, format: 'RGBA' | 'RGBX' | 'BGRA' | 'BGRX'): VideoFrame {
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas context.');
  const { width, height, data } = context.getImageData(0, 0, canvas.width, canvas.height);
  const bytes = new Uint8Array(data);
  const blueFirst = format.startsWith('B');
  const opaque = format.endsWith('X');
  for (let p = 0; p < bytes.length; p += 4) {
    if (blueFirst) [bytes[p], bytes[p + 2]] = [data[p + 2] ?? 0, data[p] ?? 0];
    // An X format's fourth byte is padding: anything may be there.
    if (opaque) bytes[p + 3] = 0;
  }
  return new VideoFrame(bytes, { format, codedWidth: width, codedHeight: height, timestamp: 0 });
}
