/** Little-endian bytes written front to back, with positions that can be patched later. */
export class ByteWriter {
  private buffer = new Uint8Array(256);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  /** The position the next write lands at. */
  get position(): number {
    return this.length;
  }

  /** Pads with zeros until the position is a multiple of `alignment`. */
  align(alignment: number): this {
    this.reserve((alignment - (this.length % alignment)) % alignment);
    return this;
  }

  u16(value: number): this {
    const at = this.reserve(2);
    this.view.setUint16(at, value, true);
    return this;
  }

  u32(value: number): this {
    const at = this.reserve(4);
    this.view.setUint32(at, value, true);
    return this;
  }

  i32(value: number): this {
    const at = this.reserve(4);
    this.view.setInt32(at, value, true);
    return this;
  }

  bytes(values: Uint8Array): this {
    const at = this.reserve(values.length);
    this.buffer.set(values, at);
    return this;
  }

  /** Overwrites four bytes written earlier. */
  patchU32(at: number, value: number): void {
    this.view.setUint32(at, value, true);
  }

  /** A copy of everything written. */
  toUint8Array(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  private reserve(size: number): number {
    const at = this.length;
    if (at + size > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, at + size));
      grown.set(this.buffer);
      this.buffer = grown;
      this.view = new DataView(grown.buffer);
    }
    this.length += size;
    return at;
  }
}
