import { HttpError } from './errors.js';

/** One part of a `multipart/form-data` body. */
export interface Part {
  name: string;
  filename: string | undefined;
  type: string | undefined;
  data: Uint8Array;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 1024;

const malformed = (why: string): HttpError => new HttpError(400, 'bad-multipart', `The multipart body is malformed: ${why}.`);

/** The boundary of a `multipart/form-data` content type; 415 for any other type, 400 without a usable boundary. */
export function boundaryOf(contentType: string | null): string {
  const [media = '', ...parameters] = (contentType ?? '').split(';');
  if (media.trim().toLowerCase() !== 'multipart/form-data') {
    throw new HttpError(415, 'not-multipart', 'The body must be multipart/form-data.');
  }
  for (const parameter of parameters) {
    const [name = '', ...rest] = parameter.split('=');
    if (name.trim().toLowerCase() !== 'boundary') continue;
    const value = rest.join('=').trim().replace(/^"(.*)"$/, '$1');
    if (/^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/.test(value) && !value.endsWith(' ')) return value;
  }
  throw new HttpError(400, 'bad-multipart', 'The multipart body has no usable boundary.');
}

function dispositionOf(headers: string): { name: string; filename: string | undefined } {
  const line = headers.split('\r\n').find((text) => /^content-disposition:/i.test(text));
  if (!line || !/:\s*form-data\s*(;|$)/i.test(line)) throw malformed('a part has no form-data disposition');
  const name = /;\s*name="([^"]*)"/i.exec(line)?.[1];
  if (name === undefined) throw malformed('a part has no name');
  return { name, filename: /;\s*filename="([^"]*)"/i.exec(line)?.[1] };
}

/**
 * Splits a whole `multipart/form-data` body into at most `maxParts` parts, strictly:
 * the body must start with the first boundary and end with the closing one.
 */
export function parseMultipart(body: Uint8Array, boundary: string, maxParts: number): Part[] {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  if (!bytes.subarray(0, delimiter.length).equals(delimiter)) throw malformed('it does not start with the boundary');
  const parts: Part[] = [];
  let cursor = delimiter.length;
  for (;;) {
    const after = bytes.subarray(cursor, cursor + 2).toString('latin1');
    if (after === '--') {
      const rest = bytes.subarray(cursor + 2);
      if (rest.length > 0 && !rest.equals(CRLF)) throw malformed('bytes follow the closing boundary');
      return parts;
    }
    if (after !== '\r\n') throw malformed('a boundary is not followed by a line break');
    if (parts.length === maxParts) throw new HttpError(400, 'too-many-parts', `The body has more than ${maxParts} parts.`);
    const headersStart = cursor + 2;
    const headersEnd = bytes.indexOf(HEADER_END, headersStart);
    if (headersEnd < 0 || headersEnd - headersStart > MAX_HEADER_BYTES) throw malformed('a part’s headers do not end');
    const headers = bytes.subarray(headersStart, headersEnd).toString('utf8');
    const dataStart = headersEnd + HEADER_END.length;
    const next = bytes.indexOf(between, dataStart);
    if (next < 0) throw malformed('a part does not end');
    const type = /(?:^|\r\n)content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim().toLowerCase();
    parts.push({ ...dispositionOf(headers), type, data: bytes.subarray(dataStart, next) });
    cursor = next + between.length;
  }
}
