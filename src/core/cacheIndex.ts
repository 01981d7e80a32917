/**
 * Bookkeeping of the run cache, without storage: which entries exist, when
 * each was saved, and which to evict when the cache is over its bound.
 */

/** One cached run as listed in the index. */
export interface ICacheIndexEntry {
  runKey: string;
  /** Milliseconds since the epoch when the entry was written. */
  savedAt: number;
}

/** The index of the run cache, kept beside the entries. */
export interface ICacheIndex {
  entries: ICacheIndexEntry[];
  /** Run key of the panel's last finished run, or null. */
  last: string | null;
}

/** Return an empty index. */
export function emptyIndex(): ICacheIndex {
  return { entries: [], last: null };
}

/**
 * Read an index from storage, dropping anything malformed, so a damaged
 * store yields a smaller index instead of an error.
 */
export function parseIndex(value: unknown): ICacheIndex {
  if (value === null || typeof value !== 'object') {
    return emptyIndex();
  }
  const raw = value as { entries?: unknown; last?: unknown };
  const seen = new Set<string>();
  const entries: ICacheIndexEntry[] = [];
  for (const item of Array.isArray(raw.entries) ? raw.entries : []) {
    const entry = item as Partial<ICacheIndexEntry> | null;
    if (
      entry &&
      typeof entry.runKey === 'string' &&
      typeof entry.savedAt === 'number' &&
      Number.isFinite(entry.savedAt) &&
      !seen.has(entry.runKey)
    ) {
      seen.add(entry.runKey);
      entries.push({ runKey: entry.runKey, savedAt: entry.savedAt });
    }
  }
  const last =
    typeof raw.last === 'string' && seen.has(raw.last) ? raw.last : null;
  return { entries, last };
}

/**
 * Record that `runKey` was saved at `savedAt`, and return the new index and
 * the run keys to delete so at most `maxEntries` remain, oldest first out.
 * The entry just saved is never evicted.
 */
export function recordEntry(
  index: ICacheIndex,
  runKey: string,
  savedAt: number,
  maxEntries: number
): { index: ICacheIndex; evicted: string[] } {
  const bound = Math.max(1, Math.floor(maxEntries));
  const others = index.entries.filter(entry => entry.runKey !== runKey);
  others.sort((a, b) => a.savedAt - b.savedAt);
  const excess = Math.max(0, others.length + 1 - bound);
  const evicted = others.slice(0, excess).map(entry => entry.runKey);
  const remaining = others.slice(excess);
  remaining.push({ runKey, savedAt });
  const last = index.last !== null && evicted.includes(index.last) ? null : index.last;
  return { index: { entries: remaining, last }, evicted };
}

/** Return the index without `runKey`. */
export function removeEntry(index: ICacheIndex, runKey: string): ICacheIndex {
  return {
    entries: index.entries.filter(entry => entry.runKey !== runKey),
    last: index.last === runKey ? null : index.last
  };
}
