// Two people's pictures, and an emulator that reads them as FPT.AI would: a document picture as the
// side and type it shows, whatever the headers say; a face as no document; a selfie matched with the
// front it read last in the session. Alice's card is the emulator's known card, Bob's its default one.
import { startEmulatorServer, type EmulatorServer } from '../../../src/emulator/node.js';
import { KEY } from './ekyc-stack.js';
import { jpegHead } from './image-bytes.js';

export type Person = 'alice' | 'bob';
export type Kind = 'front' | 'back' | 'selfie';
/** The number FPT.AI reads on Alice's card; Bob's is another. */
export const ALICE_ID = '079099012345';

/** A picture of `person`'s card side or face, what it shows written in its bytes. */
export function picture(person: Person, kind: Kind): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(96).fill(kind.length + (person === 'alice' ? 0 : 16));
  bytes.set(jpegHead());
  bytes.set(Buffer.from(`picture:${person}:${kind};`, 'latin1'), 24);
  bytes.set([0xff, 0xd9], 94);
  return bytes;
}

export function contentOf(bytes: Uint8Array): { person: Person; kind: Kind } | null {
  const match = /picture:(alice|bob):(front|back|selfie);/.exec(Buffer.from(bytes).toString('latin1'));
  return match ? { person: match[1] as Person, kind: match[2] as Kind } : null;
}

const blobContent = async (blob: Blob) => contentOf(new Uint8Array(await blob.arrayBuffer()));

/** The request as FPT.AI reads it: with the side and type of its picture; `null` for a face sent as a document. */
async function readAsShown(request: Request): Promise<Request | null> {
  if (!new URL(request.url).pathname.endsWith('/ocr') || request.method !== 'POST') return request;
  const body = new Uint8Array(await request.arrayBuffer());
  const content = contentOf(body);
  const headers = new Headers(request.headers);
  if (content?.kind === 'selfie') return null;
  if (content) {
    headers.set('side-type', content.kind);
    headers.set('document-type', 'idr');
  }
  return new Request(request.url, { method: 'POST', headers, body });
}

/** The emulator's Node server, reading these pictures as FPT.AI would. */
export async function startPeopleEmulator(): Promise<EmulatorServer> {
  const upstream = await startEmulatorServer({
    apiKeys: [KEY],
    recogniseCard: async (image) => ((await blobContent(image))?.person === 'alice' ? 'cccd-2021-nguyen-van-an' : null),
    matchFace: async (selfie, front) => {
      const [face, card] = [await blobContent(selfie), await blobContent(front)];
      return face?.kind === 'selfie' && face.person === card?.person;
    },
  });
  const handle = upstream.emulator.handle.bind(upstream.emulator);
  upstream.emulator.handle = async (request, basePath) => {
    const read = await readAsShown(request);
    // A face is no document: FPT.AI finds none in it.
    if (read === null) return { kind: 'response', response: Response.json({ errorCode: '3', errorMessage: 'No ID card found.' }) };
    return handle(read, basePath);
  };
  return upstream;
}
