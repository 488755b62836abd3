/**
 * 10·log10(x) for a positive finite double, within 5e-6 dB, in a few arithmetic operations: the exponent from the
 * double's high word and ln(1 + mantissa) from a 1,024-step table with linear interpolation (the low 32 mantissa
 * bits are ignored: under 2.4e-7 relative). Math.log is a call V8 does not inline; in the per-cell layer passes
 * (two logarithms per cell) this saves about a third of their time. Not for zero, negatives or non-finite values.
 */
const TEN_OVER_LN10 = 10 / Math.LN10;
const TABLE_BITS = 10;
const REST_BITS = 20 - TABLE_BITS;
const DB_TABLE = new Float64Array((1 << TABLE_BITS) + 1);
for (let index = 0; index < DB_TABLE.length; index++) DB_TABLE[index] = TEN_OVER_LN10 * Math.log1p(index / (1 << TABLE_BITS));
const DB_PER_OCTAVE = TEN_OVER_LN10 * Math.LN2;
const REST_MASK = (1 << REST_BITS) - 1;
const REST_SCALE = 1 / (1 << REST_BITS);
const word = new Float64Array(1);
const words = new Uint32Array(word.buffer);
/** Index of the high 32-bit word of a double in this machine's byte order. */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

export function fastDb(x: number): number {
  word[0] = x;
  const high = words[HIGH]!;
  const mantissa = high & 0xfffff;
  const index = mantissa >>> REST_BITS;
  const low = DB_TABLE[index]!;
  return ((high >>> 20) - 1023) * DB_PER_OCTAVE + low + (DB_TABLE[index + 1]! - low) * ((mantissa & REST_MASK) * REST_SCALE);
}
