// Image bytes for tests: real encoded pictures, and the same with their header's size forged.
import { crc32, deflateSync } from 'node:zlib';
import jpegJs from 'jpeg-js';

/** The start of a JPEG that claims `width`×`height`: SOI and a baseline frame header (SOF0), three components. */
export function jpegHead(width = 640, height = 480): number[] {
  return [0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff,
    0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
}

/** A real JPEG of `width`×`height`, grey with a gradient, as an encoder writes it. */
export function encodedJpeg(width: number, height: number): Uint8Array<ArrayBuffer> {
  const data = Buffer.alloc(width * height * 4);
  for (let index = 0; index < width * height; index++) data.fill((index % width) & 0xff, index * 4, index * 4 + 3);
  return new Uint8Array(jpegJs.encode({ data, width, height }, 80).data);
}

const chunk = (type: string, data: Uint8Array): Buffer => {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
};

/** A real PNG of `width`×`height`, one grey channel, all black. */
export function encodedPng(width: number, height: number): Uint8Array<ArrayBuffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, no filter, not interlaced
  const rows = Buffer.alloc((width + 1) * height); // each row: filter byte 0, then its pixels
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const file = Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', new Uint8Array())]);
  return new Uint8Array(file);
}

/** `bytes` with the size in their header replaced, as a forger would (a PNG's header checksum made right again). */
export function withClaimedSize(bytes: Uint8Array<ArrayBuffer>, width: number, height: number): Uint8Array<ArrayBuffer> {
  const forged = Buffer.from(bytes);
  if (forged[0] === 0x89) {
    forged.writeUInt32BE(width, 16);
    forged.writeUInt32BE(height, 20);
    forged.writeUInt32BE(crc32(forged.subarray(12, 29)), 29);
    return new Uint8Array(forged);
  }
  for (let at = 2; at + 9 < forged.length; at += 2 + forged.readUInt16BE(at + 2)) {
    if (forged[at + 1] === 0xc0 || forged[at + 1] === 0xc1 || forged[at + 1] === 0xc2) {
      forged.writeUInt16BE(height, at + 5);
      forged.writeUInt16BE(width, at + 7);
      return new Uint8Array(forged);
    }
  }
  throw new Error('no frame header to forge');
}
