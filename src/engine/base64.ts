/**
 * Standard base64 (RFC 4648, with `=` padding) for binary weights, written
 * in plain JavaScript so it behaves the same in a Web Worker, in Node and
 * under jest, with neither `Buffer` nor `btoa`.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const DECODE_TABLE: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) {
    table[ALPHABET.charCodeAt(i)] = i;
  }
  return table;
})();

/** Encode the bytes of `buffer` as base64 text. */
export function encodeBase64(buffer: ArrayBuffer | Uint8Array): string {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const parts: string[] = [];
  // Chunks keep each joined string short and the parts array small.
  const chunk = 3 * 4096;
  for (let start = 0; start < bytes.length; start += chunk) {
    const end = Math.min(bytes.length, start + chunk);
    let text = '';
    for (let i = start; i < end; i += 3) {
      const rest = end - i;
      const triple = (bytes[i] << 16) | ((rest > 1 ? bytes[i + 1] : 0) << 8) | (rest > 2 ? bytes[i + 2] : 0);
      text += ALPHABET[(triple >> 18) & 63] + ALPHABET[(triple >> 12) & 63];
      text += rest > 1 ? ALPHABET[(triple >> 6) & 63] : '=';
      text += rest > 2 ? ALPHABET[triple & 63] : '=';
    }
    parts.push(text);
  }
  return parts.join('');
}

/**
 * Decode base64 text into a new `ArrayBuffer`.
 *
 * Throws on a length that is not a multiple of 4 or on a character outside
 * the standard alphabet; whitespace is not accepted.
 */
export function decodeBase64(text: string): ArrayBuffer {
  if (text.length % 4 !== 0) {
    throw new Error(`Invalid base64 text: its length ${text.length} is not a multiple of 4.`);
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let position = 0;
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j);
      const isPadding = code === 61 && i + j >= text.length - padding;
      let value = code < 128 ? DECODE_TABLE[code] : -1;
      if (isPadding) {
        value = 0;
      }
      if (value < 0) {
        throw new Error(`Invalid base64 text: unexpected character at position ${i + j}.`);
      }
      triple = (triple << 6) | value;
    }
    const values = [(triple >> 16) & 255, (triple >> 8) & 255, triple & 255];
    for (const value of values) {
      if (position < bytes.length) {
        bytes[position++] = value;
      }
    }
  }
  return bytes.buffer;
}
