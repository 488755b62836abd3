import { analyse } from 'chardet';

/** Encodings a survey or scan file may come in, by the label TextDecoder takes. */
export type TextEncodingLabel = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | string;

/**
 * Decodes a text file whatever the tool that wrote it: a byte-order mark decides; else valid UTF-8 is UTF-8; else
 * UTF-16 without a mark is recognised by its zero bytes; else chardet names the family. Single-byte Latin text (what
 * French Windows tools write) is read as Windows-1252, the superset of ISO-8859-1 that chardet cannot tell apart on
 * short files (it guesses ISO-8859-2 for « Rez-de-chaussée »); another family is used only when chardet is sure.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingLabel } {
  const encoding = detectEncoding(bytes);
  const start = encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : encoding.startsWith('utf-16') && (bytes[0] === 0xff || bytes[0] === 0xfe) ? 2 : 0;
  return { text: new TextDecoder(encoding).decode(bytes.subarray(start)), encoding };
}

export function detectEncoding(bytes: Uint8Array): TextEncodingLabel {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    // not UTF-8: look further
  }
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  if (oddZeros > sample.length / 4 && evenZeros < oddZeros / 8) return 'utf-16le';
  if (evenZeros > sample.length / 4 && oddZeros < evenZeros / 8) return 'utf-16be';
  const [best] = analyse(bytes.subarray(0, 65_536));
  if (best && best.confidence >= 60 && !/^(ISO-8859-\d+|windows-125\d)$/i.test(best.name)) {
    try {
      new TextDecoder(best.name);
      return best.name.toLowerCase();
    } catch {
      // a name TextDecoder does not know: fall back to Latin
    }
  }
  return 'windows-1252';
}
