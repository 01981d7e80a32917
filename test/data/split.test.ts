import { mulberry32, shuffle } from '../../src/data/random';
import { holdoutSplit } from '../../src/data/split';

function sorted(values: Int32Array): number[] {
  return Array.from(values).sort((a, b) => a - b);
}

describe('mulberry32', () => {
  it('should repeat the stream for a seed', () => {
    const first = mulberry32(42);
    const second = mulberry32(42);

    const a = Array.from({ length: 5 }, () => first());
    const b = Array.from({ length: 5 }, () => second());

    expect(a).toEqual(b);
  });

  it('should differ between seeds', () => {
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });

  it('should stay in [0, 1)', () => {
    const random = mulberry32(7);
    for (let i = 0; i < 10000; i++) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});

describe('shuffle', () => {
  it('should keep every item', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);

    const result = shuffle([...items], mulberry32(3));

    expect([...result].sort((a, b) => a - b)).toEqual(items);
    expect(result).not.toEqual(items);
  });
});

describe('holdoutSplit', () => {
  describe('#unlabelled', () => {
    it('should hold out the fraction of rows', () => {
      const split = holdoutSplit(null, 100, 0.2, 42);

      expect(split.validation).toHaveLength(20);
      expect(split.train).toHaveLength(80);
    });

    it('should cover every row exactly once', () => {
      const split = holdoutSplit(null, 37, 0.3, 5);
      const all = [...split.train, ...split.validation].sort((a, b) => a - b);

      expect(all).toEqual(Array.from({ length: 37 }, (_, i) => i));
    });

    it.each([
      [2, 0.2],
      [3, 0.05],
      [3, 0.5]
    ])('should keep both sides non-empty for %i rows at %f', (rows, fraction) => {
      const split = holdoutSplit(null, rows, fraction, 1);

      expect(split.validation.length).toBeGreaterThanOrEqual(1);
      expect(split.train.length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('#stratified', () => {
    const sortedLabels = [...new Array(20).fill(0), ...new Array(10).fill(1)];

    it('should put both classes of a sorted target in validation', () => {
      const split = holdoutSplit(sortedLabels, 30, 0.2, 42);
      const validationLabels = Array.from(split.validation, row => sortedLabels[row]);

      expect(validationLabels.filter(label => label === 0)).toHaveLength(4);
      expect(validationLabels.filter(label => label === 1)).toHaveLength(2);
    });

    it('should put a 2-row class in both splits', () => {
      const labels = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1];

      const split = holdoutSplit(labels, 10, 0.2, 9);

      expect(Array.from(split.validation, row => labels[row])).toContain(1);
      expect(Array.from(split.train, row => labels[row])).toContain(1);
    });

    it('should keep a 1-row class in training', () => {
      const labels = [0, 0, 0, 0, 1];

      const split = holdoutSplit(labels, 5, 0.4, 9);

      expect(Array.from(split.train)).toContain(4);
    });

    it('should shuffle rows within a class', () => {
      const labels = new Array(100).fill(0);

      const split = holdoutSplit(labels, 100, 0.2, 11);

      expect(sorted(split.validation)).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
    });
  });

  describe('#seed', () => {
    it.each([[null], [[0, 1, 0, 1, 0, 1, 0, 1, 2, 2, 2, 2]]])(
      'should give the same split for the same seed (labels %j)',
      labels => {
        const first = holdoutSplit(labels, 12, 0.25, 123);
        const second = holdoutSplit(labels, 12, 0.25, 123);

        expect(Array.from(second.train)).toEqual(Array.from(first.train));
        expect(Array.from(second.validation)).toEqual(Array.from(first.validation));
      }
    );

    it('should give another split for another seed', () => {
      const first = holdoutSplit(null, 50, 0.2, 1);
      const second = holdoutSplit(null, 50, 0.2, 2);

      expect(Array.from(second.validation)).not.toEqual(Array.from(first.validation));
    });
  });

  describe('#errors', () => {
    it.each([[0], [1], [-0.1], [NaN]])('should reject fraction %f', fraction => {
      expect(() => holdoutSplit(null, 10, fraction, 1)).toThrow('between 0 and 1');
    });

    it('should reject labels of the wrong length', () => {
      expect(() => holdoutSplit([0, 1], 3, 0.2, 1)).toThrow('Expected 3 labels');
    });
  });
});
