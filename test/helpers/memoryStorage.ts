import { ICacheStorage } from '../../src/ui/cache';

/** Cache storage in a Map, for tests; values are cloned like IndexedDB does. */
export class MemoryStorage implements ICacheStorage {
  readonly map = new Map<string, unknown>();

  async get(key: string): Promise<unknown> {
    const value = this.map.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  async set(key: string, value: unknown): Promise<void> {
    this.map.set(key, structuredClone(value));
  }

  async del(keys: string[]): Promise<void> {
    keys.forEach(key => this.map.delete(key));
  }

  async update(key: string, change: (value: unknown) => unknown): Promise<void> {
    this.map.set(key, structuredClone(change(await this.get(key))));
  }
}
