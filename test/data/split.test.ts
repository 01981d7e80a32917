import { mulberry32, shuffle } from '../../src/data/random';
import { holdoutSplit, kfoldSplit } from '../../src/data/split';

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

describe('kfoldSplit', () => {
  const labels = [...new Array(20).fill(0), ...new Array(10).fill(1), ...new Array(3).fill(2)];

  it.each([[null], [labels]])('should validate every row once (labels %#)', rowLabels => {
    const folds = kfoldSplit(rowLabels, 33, 5, 42);
    const validated = folds.flatMap(fold => Array.from(fold.validation)).sort((a, b) => a - b);

    expect(folds).toHaveLength(5);
    expect(validated).toEqual(Array.from({ length: 33 }, (_, i) => i));
  });

  it('should train on the other folds', () => {
    const folds = kfoldSplit(null, 23, 4, 1);

    for (const fold of folds) {
      const all = [...fold.train, ...fold.validation].sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: 23 }, (_, i) => i));
    }
  });

  it('should balance fold sizes', () => {
    const sizes = kfoldSplit(null, 23, 4, 1).map(fold => fold.validation.length);

    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('should stratify by class', () => {
    const folds = kfoldSplit(labels, 33, 5, 42);

    for (const fold of folds) {
      const counts = [0, 1, 2].map(label => Array.from(fold.validation).filter(row => labels[row] === label).length);
      expect(counts[0]).toBe(4);
      expect(counts[1]).toBe(2);
      expect(counts[2]).toBeLessThanOrEqual(1);
    }
  });

  it('should shuffle with the seed', () => {
    const first = kfoldSplit(null, 50, 5, 1);
    const again = kfoldSplit(null, 50, 5, 1);
    const other = kfoldSplit(null, 50, 5, 2);

    expect(Array.from(again[0].validation)).toEqual(Array.from(first[0].validation));
    expect(Array.from(again[0].train)).toEqual(Array.from(first[0].train));
    expect(Array.from(other[0].validation)).not.toEqual(Array.from(first[0].validation));
    expect(Array.from(first[0].validation)).not.toEqual(Array.from({ length: 10 }, (_, i) => i));
  });

  it('should sort validation rows', () => {
    for (const fold of kfoldSplit(labels, 33, 3, 7)) {
      expect(Array.from(fold.validation)).toEqual(sorted(fold.validation));
    }
  });

  it.each([[1], [0], [2.5], [11]])('should reject %p folds of 10 rows', k => {
    expect(() => kfoldSplit(null, 10, k, 1)).toThrow(`Cannot make ${k} folds of 10 rows`);
  });

  it('should reject labels of the wrong length', () => {
    expect(() => kfoldSplit([0, 1], 3, 2, 1)).toThrow('Expected 3 labels');
  });
});
