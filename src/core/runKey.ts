/**
 * The run key: one hash of the data bytes, the configuration and the engine
 * version. Equal keys mean the same run, so a results cell or cache entry is
 * found again by it.
 */
import { ENGINE_VERSION } from './config';
import { IWizardConfig } from './types';

/** JSON with object keys sorted at every depth, so equal objects match. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter(key => (value as Record<string, unknown>)[key] !== undefined)
      .map(
        key =>
          `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`
      );
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Hex SHA-256 of UTF-8 text, with the Web Crypto API (page, worker, Node). */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest))
    .map(byte => byte.toString(16).padStart(2, '0'))
    .join('');
}

/** Compute the run key of `config` on data whose SHA-256 is `dataHash`. */
export function computeRunKey(
  dataHash: string,
  config: IWizardConfig,
  engineVersion: string = ENGINE_VERSION
): Promise<string> {
  return sha256Hex(
    canonicalJson({ data: dataHash, config, engine: engineVersion })
  );
}
