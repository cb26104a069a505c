// Module worker: decodes the document's QR code off the page's thread.
import { decodeQr, prepareQrDecoder } from './decode.js';
import type { FromQrWorker, ToQrWorker } from './protocol.js';

const answer = (message: FromQrWorker): void => {
  postMessage(message);
};

addEventListener('message', (event: MessageEvent<ToQrWorker>) => {
  const message = event.data;
  if (message.type === 'prepare') {
    // A failure shows again, and is answered, when a picture is decoded.
    prepareQrDecoder(message.wasmUrl).catch(() => undefined);
    return;
  }
  decodeQr(message.image, message.wasmUrl).then(
    (decoded) => {
      answer({ type: 'decoded', id: message.id, ...decoded });
    },
    (error: unknown) => {
      answer({ type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
    },
  );
});
