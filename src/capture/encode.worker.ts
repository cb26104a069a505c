// The encoding worker: draws and encodes a capture off the page's thread (see encode.ts).
import { encodeHere, type EncodeOptions } from './jpeg.js';

export interface ToEncodeWorker {
  id: number;
  source: VideoFrame | ImageBitmap;
  options: EncodeOptions;
}

export type FromEncodeWorker = { id: number; blob: Blob; width: number; height: number } | { id: number; error: string };

addEventListener('message', (event: MessageEvent<ToEncodeWorker>) => {
  const { id, source, options } = event.data;
  encodeHere(source, options).then(
    ({ blob, width, height }) => {
      postMessage({ id, blob, width, height } satisfies FromEncodeWorker);
    },
    (error: unknown) => {
      postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies FromEncodeWorker);
    },
  ).finally(() => {
    source.close();
  });
});
