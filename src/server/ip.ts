import { isIP } from 'node:net';

/** An address range: the first `bits` of 16 bytes (IPv4 as IPv4-mapped IPv6). */
export interface AddressRange {
  bytes: Uint8Array;
  bits: number;
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** `[::1]`, `fe80::1%eth0`, `203.0.113.7:4711`, `[2001:db8::1]:443`: the address alone. */
export function bare(text: string): string {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const zone = address.indexOf('%');
  return zone >= 0 ? address.slice(0, zone) : address;
}

function groupsOf(part: string): number[] {
  if (part === '') return [];
  return part.split(':').flatMap((piece) => {
    if (!piece.includes('.')) return [parseInt(piece, 16)];
    const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map(Number);
    return [(a << 8) | b, (c << 8) | d];
  });
}

/** An IPv4 or IPv6 address as 16 bytes (IPv4 mapped into IPv6); `null` for anything else. */
export function addressBytes(text: string): Uint8Array | null {
  const address = bare(text);
  const kind = isIP(address);
  if (kind === 4) return Uint8Array.from([...MAPPED_PREFIX, ...address.split('.').map(Number)]);
  if (kind !== 6) return null;
  const [head = '', tail] = address.split('::');
  const left = groupsOf(head);
  const right = tail === undefined ? [] : groupsOf(tail);
  const groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return Uint8Array.from(groups.flatMap((group) => [group >> 8, group & 0xff]));
}

const isMapped = (bytes: Uint8Array): boolean => MAPPED_PREFIX.every((byte, index) => bytes[index] === byte);

/** `10.0.0.0/8`, `2001:db8::/32`, or one address; an Error that names it otherwise. */
export function parseRange(text: string): AddressRange {
  const [address = '', length] = text.split('/');
  const bytes = addressBytes(address);
  if (!bytes || (length !== undefined && !/^\d{1,3}$/.test(length))) throw new Error(`"${text}" is not an address or a range such as 10.0.0.0/8.`);
  const v4 = isIP(bare(address)) === 4;
  const bits = length === undefined ? 128 : Number(length) + (v4 ? 96 : 0);
  if (bits > 128 || (v4 && Number(length) > 32)) throw new Error(`"${text}" is not an address or a range such as 10.0.0.0/8.`);
  return { bytes, bits };
}

function inRange(bytes: Uint8Array, range: AddressRange): boolean {
  for (let bit = 0; bit < range.bits; bit += 8) {
    const mask = range.bits - bit >= 8 ? 0xff : (0xff << (8 - (range.bits - bit))) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((range.bytes[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

export function inRanges(address: string, ranges: readonly AddressRange[]): boolean {
  const bytes = addressBytes(address);
  return bytes !== null && ranges.some((range) => inRange(bytes, range));
}

/**
 * What the per-address limit counts: an IPv4 address, or an IPv6 address's /64 (one
 * subscriber's network holds billions of addresses). Anything that is not an address, as is.
 */
export function addressBucket(address: string): string {
  const bytes = addressBytes(address);
  if (!bytes) return address;
  if (isMapped(bytes)) return bytes.slice(12).join('.');
  const groups = Array.from({ length: 4 }, (_, index) => (((bytes[index * 2] ?? 0) << 8) | (bytes[index * 2 + 1] ?? 0)).toString(16));
  return `${groups.join(':')}::/64`;
}
