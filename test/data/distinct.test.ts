import { countDistinct } from '../../src/data/distinct';
import { mulberry32 } from '../../src/data/random';

describe('countDistinct', () => {
  it.each([
    ['no values', [], 0],
    ['one value', [3], 1],
    ['zero and negative zero', [0, -0, 0], 1],
    ['small integers', [1, 2, 3, 2, 1, 500, 499], 5],
    ['huge and tiny', [1e300, -1e300, 5e-324, 1e300], 3]
  ])('should count %s', (_, values, expected) => {
    expect(countDistinct(Float64Array.from(values as number[]))).toBe(expected);
  });

  it('should match a Set on many values', () => {
    const random = mulberry32(5);
    const values = Float64Array.from({ length: 200_000 }, () =>
      random() < 0.5 ? Math.floor(random() * 1000) : Math.round(random() * 1e6) / 100
    );

    expect(countDistinct(values)).toBe(new Set(values).size);
  });
});
