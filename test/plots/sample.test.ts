import { curveIndices, MAX_CURVE_POINTS, MAX_SCATTER_POINTS, scatterIndices } from '../../src/plots';

describe('curveIndices', () => {
  it.each([0, 1, 2, 199, 200, 201, 1000, 12345])('should keep at most the limit of %i points', length => {
    const indices = curveIndices(length);

    expect(indices.length).toBe(Math.min(length, MAX_CURVE_POINTS));
    expect(new Set(indices).size).toBe(indices.length);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    if (length > 0) {
      expect(indices[0]).toBe(0);
      expect(indices[indices.length - 1]).toBe(length - 1);
    }
  });

  it('should honour a smaller limit', () => {
    expect(curveIndices(10, 3)).toEqual([0, 5, 9]);
    expect(curveIndices(10, 1)).toEqual([0]);
  });
});

describe('scatterIndices', () => {
  it.each([0, 5, 2000, 2001, 50000])('should keep at most the limit of %i points', length => {
    const indices = scatterIndices(length);

    expect(indices.length).toBe(Math.min(length, MAX_SCATTER_POINTS));
    expect(new Set(indices).size).toBe(indices.length);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    expect(indices.every(index => index >= 0 && index < length)).toBe(true);
  });

  it('should repeat and spread the sample', () => {
    const first = scatterIndices(10000);

    expect(scatterIndices(10000)).toEqual(first);
    // A seeded sample covers the whole range, unlike the first 2,000 rows.
    expect(first[first.length - 1]).toBeGreaterThan(9000);
    expect(first[0]).toBeLessThan(1000);
  });
});
