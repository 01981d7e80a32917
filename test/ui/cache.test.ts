import { ICachedRun, isCachedRun, RunCache } from '../../src/ui/cache';
import { MemoryStorage } from '../helpers/memoryStorage';

function run(runKey: string, notebookPath = 'a.ipynb'): ICachedRun {
  return {
    runKey,
    config: { target: 'y' } as ICachedRun['config'],
    result: { models: [], task: 'classification' } as unknown as ICachedRun['result'],
    data: { name: 'd.csv', path: 'd.csv', size: 3, sha256: 'ab' },
    readOptions: {},
    finished: '2026-01-01T00:00:00.000Z',
    notebookPath,
    written: false
  };
}

describe('RunCache', () => {
  let storage: MemoryStorage;
  let cache: RunCache;
  let clock: number;
  let bound: number;

  beforeEach(() => {
    storage = new MemoryStorage();
    clock = 0;
    bound = 3;
    cache = new RunCache({
      storage,
      maxEntries: () => bound,
      now: () => ++clock
    });
  });

  describe('#put', () => {
    it('should store a run under its key and make it the last run', async () => {
      await cache.put(run('k1'));
      expect((await cache.get('k1'))?.runKey).toBe('k1');
      expect((await cache.last())?.runKey).toBe('k1');
      expect(await cache.get('other')).toBeNull();
    });

    it('should evict the oldest runs beyond the bound read at write time', async () => {
      for (const key of ['k1', 'k2', 'k3']) {
        await cache.put(run(key));
      }
      bound = 2;
      const evicted = await cache.put(run('k4'));
      expect(evicted).toEqual(['k1', 'k2']);
      expect(await cache.get('k1')).toBeNull();
      expect(storage.map.has('run:k2')).toBe(false);
      expect((await cache.index()).entries.map(e => e.runKey)).toEqual(['k3', 'k4']);
    });
  });

  describe('#unwritten', () => {
    it('should list runs of one notebook until they are marked written', async () => {
      await cache.put(run('k1', 'a.ipynb'));
      await cache.put(run('k2', 'b.ipynb'));
      await cache.put(run('k3', 'a.ipynb'));
      expect((await cache.unwritten('a.ipynb')).map(r => r.runKey)).toEqual(['k3', 'k1']);
      await cache.markWritten('k3');
      expect((await cache.unwritten('a.ipynb')).map(r => r.runKey)).toEqual(['k1']);
    });
  });

  describe('#get', () => {
    it.each([
      ['a string', 'nonsense'],
      ['a run without models', { ...run('k1'), result: {} }],
      ['a run stored under another key', run('other')],
      ['a run with a wrong written flag', { ...run('k1'), written: 'yes' }]
    ])('should ignore %s', async (_, value) => {
      storage.map.set('run:k1', value);
      expect(await cache.get('k1')).toBeNull();
    });

    it('should read a damaged index as empty', async () => {
      storage.map.set('index', { entries: 'x', last: 5 });
      expect(await cache.last()).toBeNull();
      await cache.put(run('k1'));
      expect((await cache.index()).entries).toHaveLength(1);
    });
  });

  describe('#remove', () => {
    it('should forget the run and the last pointer', async () => {
      await cache.put(run('k1'));
      await cache.remove('k1');
      expect(await cache.get('k1')).toBeNull();
      expect(await cache.last()).toBeNull();
    });
  });

  it('should accept what it stores', () => {
    expect(isCachedRun(run('k'))).toBe(true);
  });
});
