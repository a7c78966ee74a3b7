/**
 * Fixed-width fields packed end to end in a byte array, least significant bit first: the
 * postings of a packed text index (a dispatch number and a character position each take the bits
 * their segment needs, not whole bytes).
 */

/** Zero bytes a bit-packed array ends with, so a field is read with four whole-byte loads. */
export const BIT_PAD = 4;

/** Bits needed to write every value from 0 to max. */
export function bitsFor(max: number): number {
  let n = 0;
  while (n < 32 && max >= 2 ** n) n++;
  return n;
}

/** The `width`-bit field at bit `at` (width at most 32). */
export function readBits(d: Uint8Array, at: number, width: number): number {
  if (width === 0) return 0;
  // Bit offsets stay below 2^32: a segment's postings are far under 512 MB.
  const i = at >>> 3;
  const shift = at & 7;
  if (width <= 24) {
    const v = (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16) | (d[i + 3] << 24)) >>> shift;
    return (v & ((1 << width) - 1)) >>> 0;
  }
  // Wider fields (positions in texts over 16 million characters) in two halves.
  return readBits(d, at, 16) + readBits(d, at + 16, width - 16) * 65536;
}

export class BitWriter {
  private buf = new Uint8Array(1 << 16);
  /** Bits written. */
  bits = 0;

  private room(bits: number): void {
    if ((this.bits >>> 3) + 8 + BIT_PAD <= this.buf.length) return;
    const need = Math.ceil((this.bits + bits) / 8) + BIT_PAD;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf);
    this.buf = next;
  }

  get bytes(): number {
    return Math.ceil(this.bits / 8);
  }

  write(v: number, width: number): void {
    if (width > 24) {
      this.write(v % 65536, 16);
      this.write(Math.floor(v / 65536), width - 16);
      return;
    }
    this.room(width);
    // At most 24 bits shifted by at most 7: one 32-bit word, or'ed into bytes still zero past `bits`.
    const x = v << (this.bits & 7);
    const i = this.bits >>> 3;
    const b = this.buf;
    b[i] |= x & 0xff;
    b[i + 1] |= (x >>> 8) & 0xff;
    b[i + 2] |= (x >>> 16) & 0xff;
    b[i + 3] |= x >>> 24;
    this.bits += width;
  }

  /** Moves to the next whole byte. */
  align(): void {
    this.bits = this.bytes * 8;
  }

  byte(v: number): void {
    this.align();
    this.write(v, 8);
  }

  varint(v: number): void {
    this.align();
    while (v >= 0x80) {
      this.write((v & 0x7f) | 0x80, 8);
      v >>>= 7;
    }
    this.write(v, 8);
  }

  /** The bytes written and BIT_PAD zero bytes. */
  result(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.bytes + BIT_PAD);
  }
}
