import { createHash } from 'node:crypto';
import { jpeg } from './ekyc-stack.js';

/** What a photo in these tests truly shows. */
export interface Truth {
  documentType: 'idr' | 'passport' | 'dlr';
  side: 'front' | 'back';
}

const digest = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * FPT.AI reads the picture, whatever the headers claim: this `fetch`, given to the server, asks the
 * emulator (which believes headers) for what each photo made by `photo` truly shows. Photos it did
 * not make, and every other call, pass unchanged.
 */
export function picturesRead(): { photo(truth: Truth): Uint8Array<ArrayBuffer>; fetch: typeof fetch } {
  const truths = new Map<string, Truth>();
  let made = 0;
  const photo = (truth: Truth): Uint8Array<ArrayBuffer> => {
    made += 1;
    const bytes = jpeg(96, 0x60 + made);
    truths.set(digest(bytes), truth);
    return bytes;
  };
  const read: typeof fetch = async (input, init) => {
    const files = init?.body instanceof FormData ? init.body.getAll('files') : [];
    const [file] = files;
    if (files.length !== 1 || !(file instanceof Blob)) return fetch(input, init);
    const truth = truths.get(digest(new Uint8Array(await file.arrayBuffer())));
    if (!truth) return fetch(input, init);
    const headers = new Headers(init?.headers);
    headers.set('document-type', truth.documentType);
    if (truth.documentType === 'passport') headers.delete('side-type');
    else headers.set('side-type', truth.side);
    return fetch(input, { ...init, headers });
  };
  return { photo, fetch: read };
}
