import type { DecodedQr } from './decode.js';

/** To the QR worker: load the decoder ahead of time, or decode one picture. */
export type ToQrWorker = { type: 'prepare'; wasmUrl: string } | { type: 'decode'; id: number; image: Blob; wasmUrl: string };

/** From the QR worker. */
export type FromQrWorker = ({ type: 'decoded'; id: number } & DecodedQr) | { type: 'failed'; id: number; message: string };
