import {
  emptyIndex,
  parseIndex,
  recordEntry,
  removeEntry
} from '../../src/core/cacheIndex';

describe('cacheIndex', () => {
  describe('#recordEntry', () => {
    it('should evict the oldest entries beyond the bound', () => {
      let index = emptyIndex();
      const evicted: string[] = [];
      for (const [key, time] of [
        ['a', 10],
        ['b', 20],
        ['c', 30],
        ['d', 40]
      ] as const) {
        const next = recordEntry(index, key, time, 2);
        index = next.index;
        evicted.push(...next.evicted);
      }
      expect(evicted).toEqual(['a', 'b']);
      expect(index.entries.map(entry => entry.runKey)).toEqual(['c', 'd']);
    });

    it('should refresh a key saved twice', () => {
      let { index } = recordEntry(emptyIndex(), 'a', 1, 3);
      index = recordEntry(index, 'b', 2, 3).index;
      index = recordEntry(index, 'a', 3, 3).index;
      expect(index.entries).toEqual([
        { runKey: 'b', savedAt: 2 },
        { runKey: 'a', savedAt: 3 }
      ]);
      const next = recordEntry(index, 'c', 4, 2);
      expect(next.evicted).toEqual(['b']);
    });

    it('should keep the entry just saved with a bound below one', () => {
      const { index, evicted } = recordEntry(
        recordEntry(emptyIndex(), 'a', 1, 5).index,
        'b',
        2,
        0
      );
      expect(evicted).toEqual(['a']);
      expect(index.entries.map(entry => entry.runKey)).toEqual(['b']);
    });

    it('should forget the last run when it is evicted', () => {
      const start = { entries: [{ runKey: 'a', savedAt: 1 }], last: 'a' };
      expect(recordEntry(start, 'b', 2, 1).index.last).toBeNull();
    });
  });

  describe('#parseIndex', () => {
    it.each([
      [null],
      ['text'],
      [42],
      [{ entries: 'nope' }],
      [{ entries: [{ runKey: 3, savedAt: 'x' }], last: 9 }]
    ])('should turn %p into an empty index', value => {
      expect(parseIndex(value)).toEqual(emptyIndex());
    });

    it('should keep good entries, drop bad ones and duplicates', () => {
      const parsed = parseIndex({
        entries: [
          { runKey: 'a', savedAt: 1 },
          { runKey: 'a', savedAt: 2 },
          { runKey: 'b', savedAt: Infinity },
          null,
          { runKey: 'c', savedAt: 3 }
        ],
        last: 'b'
      });
      expect(parsed).toEqual({
        entries: [
          { runKey: 'a', savedAt: 1 },
          { runKey: 'c', savedAt: 3 }
        ],
        last: null
      });
    });
  });

  describe('#removeEntry', () => {
    it('should drop the key and clear last when it was the last run', () => {
      const index = { entries: [{ runKey: 'a', savedAt: 1 }], last: 'a' };
      expect(removeEntry(index, 'a')).toEqual(emptyIndex());
    });
  });
});
