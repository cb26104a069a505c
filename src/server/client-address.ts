import { bare, inRanges, type AddressRange } from './ip.js';

/**
 * The client's address: the socket's peer, unless the peer is one of `trusted` proxies; then
 * `X-Forwarded-For` read from the right (each proxy appends the address it saw), skipping the
 * trusted hops: the first address no trusted proxy vouches for is the client. What is left of it
 * was written by the client, and is never read.
 */
export function clientAddressOf(peer: string | undefined, forwardedFor: string | null, trusted: readonly AddressRange[]): string | undefined {
  if (peer === undefined || forwardedFor === null || !inRanges(peer, trusted)) return peer;
  const hops = forwardedFor
    .split(',')
    .map((hop) => bare(hop))
    .filter((hop) => hop !== '');
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = hops[index];
    if (hop !== undefined && !inRanges(hop, trusted)) return hop;
  }
  // Every hop a trusted proxy: the first of them saw the client.
  return hops[0] ?? peer;
}
