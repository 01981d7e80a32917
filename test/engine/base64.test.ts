import { decodeBase64, encodeBase64 } from '../../src/engine/base64';

describe('encodeBase64', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7, 100, 3 * 4096 + 1, 50000])(
    'should match Node for %i bytes',
    length => {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 151 + 17) % 256);

      const text = encodeBase64(bytes.buffer);

      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(new Uint8Array(decodeBase64(text))).toEqual(bytes);
    }
  );

  it('should encode a view of part of a buffer', () => {
    const bytes = Uint8Array.of(1, 2, 3, 4, 5).subarray(1, 4);

    expect(encodeBase64(bytes)).toBe(Buffer.from([2, 3, 4]).toString('base64'));
  });
});

describe('decodeBase64', () => {
  it.each(['abc', 'ab$=', 'a=bc', 'ab c', 'éàçè'])('should reject %p', text => {
    expect(() => decodeBase64(text)).toThrow(/Invalid base64/);
  });
});
