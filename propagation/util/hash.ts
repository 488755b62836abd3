/** FNV-1a over the bits of numbers and the code units of strings: a fast, deterministic 32-bit fingerprint. */
export class Hasher {
  private value = 0x811c9dc5;
  private readonly float = new Float64Array(1);
  private readonly words = new Uint32Array(this.float.buffer);

  number(value: number): this {
    this.float[0] = value;
    this.mix(this.words[0]!);
    this.mix(this.words[1]!);
    return this;
  }

  string(value: string): this {
    for (let index = 0; index < value.length; index++) this.mix(value.charCodeAt(index));
    this.mix(0xffff);
    return this;
  }

  numbers(values: readonly number[]): this {
    for (const value of values) this.number(value);
    return this;
  }

  /** The fingerprint so far as a number (to feed into another Hasher). */
  get state(): number {
    return this.value;
  }

  private mix(word: number): void {
    this.value = Math.imul(this.value ^ word, 0x01000193) >>> 0;
  }

  digest(): string {
    return this.value.toString(36);
  }
}
