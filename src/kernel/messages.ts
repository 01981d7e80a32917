/**
 * Parsing of the kernel's replies to the wizard's helper. Pure: takes the
 * message contents as plain JSON and throws `KernelBridgeError` on anything
 * unexpected.
 */
import { EXPRESSION_KEY, fromBase64 } from './code';

/** Reason a kernel operation failed. The page turns each into a translated message. */
export type KernelErrorCode =
  | 'no-kernel'
  | 'not-python'
  | 'no-pandas'
  | 'busy'
  | 'timeout'
  | 'restarted'
  | 'not-found'
  | 'invalid-name'
  | 'builtin'
  | 'no-comm'
  | 'too-large'
  | 'integrity'
  | 'kernel-error';

/**
 * A failed kernel operation. `detail` carries the value the message names:
 * the kernel's language, the variable, or the Python error text.
 */
export class KernelBridgeError extends Error {
  constructor(code: KernelErrorCode, detail = '') {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'KernelBridgeError';
    this.code = code;
    this.detail = detail;
  }

  readonly code: KernelErrorCode;
  readonly detail: string;
}

/** One pandas DataFrame in the user namespace. */
export interface IDataFrameInfo {
  name: string;
  rows: number;
  columns: number;
  /** `memory_usage(index=True, deep=True).sum()`, in bytes. */
  memory: number;
}

/** Result of listing: whether pandas is usable, and the DataFrames. */
export interface IDataFrameListing {
  /** `ok`: imported; `not-imported`: installed but not imported yet; `missing`: not importable. */
  pandas: 'ok' | 'not-imported' | 'missing';
  version?: string;
  frames: IDataFrameInfo[];
}

/** Metadata the kernel sends with a DataFrame's CSV bytes. */
export interface ISentFrame {
  request: string;
  /** Rows sent, after the row limit. */
  rows: number;
  /** Rows of the DataFrame in the kernel. */
  totalRows: number;
  columns: number;
  bytes: number;
  /** Hex SHA-256 of the CSV bytes, computed in the kernel. */
  sha256: string;
}

/** One DataFrame assigned by a push. */
export interface IPushedFrame {
  name: string;
  rows: number;
  columns: number;
}

/** The part of an `execute_reply` content that the wizard reads. */
export interface IExecuteReplyContent {
  status: string;
  ename?: string;
  evalue?: string;
  user_expressions?: Record<string, unknown>;
}

/**
 * Extract the helper's JSON result from an `execute_reply` content.
 *
 * #### Notes
 * The result arrives as the `text/plain` repr of a base64 string, so it is
 * the base64 text in single quotes with nothing to unescape.
 */
export function parseExpressionReply(content: IExecuteReplyContent): Record<string, unknown> {
  if (content.status !== 'ok') {
    throw new KernelBridgeError(
      'kernel-error',
      `${content.ename ?? 'Error'}: ${content.evalue ?? content.status}`
    );
  }

  const entry = content.user_expressions?.[EXPRESSION_KEY] as
    | { status?: string; ename?: string; evalue?: string; data?: Record<string, unknown> }
    | undefined;
  if (!entry) {
    throw new KernelBridgeError('kernel-error', 'the reply has no user expression result');
  }
  if (entry.status !== 'ok') {
    throw new KernelBridgeError(
      'kernel-error',
      `${entry.ename ?? 'Error'}: ${entry.evalue ?? ''}`
    );
  }

  const text = entry.data?.['text/plain'];
  const match = typeof text === 'string' ? /^'([A-Za-z0-9+/=]*)'$/.exec(text) : null;
  if (!match) {
    throw new KernelBridgeError('kernel-error', `unexpected result ${String(text).slice(0, 80)}`);
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64(match[1]));
  } catch (reason) {
    throw new KernelBridgeError('kernel-error', `unreadable result: ${String(reason)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new KernelBridgeError('kernel-error', 'the result is not a JSON object');
  }
  const result = parsed as Record<string, unknown>;
  if (result.error === 'exception') {
    throw new KernelBridgeError('kernel-error', `${String(result.type)}: ${String(result.message)}`);
  }
  return result;
}

/** Throw the error a helper result carries, if any. */
function throwHelperError(result: Record<string, unknown>): void {
  switch (result.error) {
    case undefined:
      return;
    case 'no-pandas':
      throw new KernelBridgeError('no-pandas');
    case 'not-found':
    case 'invalid-name':
    case 'builtin':
      throw new KernelBridgeError(result.error, String(result.name ?? ''));
    case 'no-comm':
      throw new KernelBridgeError('no-comm');
    default:
      throw new KernelBridgeError('kernel-error', String(result.error));
  }
}

/** Parse the result of the `list` action. */
export function parseListing(result: Record<string, unknown>): IDataFrameListing {
  throwHelperError(result);
  const pandas = result.pandas;
  if (pandas !== 'ok' && pandas !== 'not-imported' && pandas !== 'missing') {
    throw new KernelBridgeError('kernel-error', `unknown pandas state ${String(pandas)}`);
  }
  const frames = Array.isArray(result.frames) ? result.frames : [];
  return {
    pandas,
    version: typeof result.version === 'string' ? result.version : undefined,
    frames: frames.map(frameInfo)
  };
}

function frameInfo(value: unknown): IDataFrameInfo {
  const item = (value ?? {}) as Record<string, unknown>;
  const count = (key: string) => {
    const number = item[key];
    if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
      throw new KernelBridgeError('kernel-error', `invalid ${key} in the DataFrame listing`);
    }
    return number;
  };
  if (typeof item.name !== 'string') {
    throw new KernelBridgeError('kernel-error', 'a DataFrame in the listing has no name');
  }
  return {
    name: item.name,
    rows: count('rows'),
    columns: count('columns'),
    memory: count('memory')
  };
}

/** Parse the result of the `send` action, or of the comm that carries the bytes. */
export function parseSentFrame(result: Record<string, unknown>): ISentFrame {
  throwHelperError(result);
  const sent = (result.sent ?? result) as Record<string, unknown>;
  const numbers = ['rows', 'totalRows', 'columns', 'bytes'] as const;
  for (const key of numbers) {
    if (typeof sent[key] !== 'number') {
      throw new KernelBridgeError('kernel-error', `missing ${key} in the DataFrame message`);
    }
  }
  if (typeof sent.request !== 'string' || typeof sent.sha256 !== 'string') {
    throw new KernelBridgeError('kernel-error', 'missing request id or SHA-256 in the DataFrame message');
  }
  return {
    request: sent.request,
    rows: sent.rows as number,
    totalRows: sent.totalRows as number,
    columns: sent.columns as number,
    bytes: sent.bytes as number,
    sha256: sent.sha256
  };
}

/** Parse the result of the `push` action. */
export function parsePushed(result: Record<string, unknown>): IPushedFrame[] {
  throwHelperError(result);
  if (!Array.isArray(result.pushed)) {
    throw new KernelBridgeError('kernel-error', 'the push result lists no DataFrames');
  }
  return result.pushed.map(item => {
    const entry = item as Record<string, unknown>;
    return {
      name: String(entry.name),
      rows: Number(entry.rows),
      columns: Number(entry.columns)
    };
  });
}

/** Return the bytes of the first buffer of a comm message. */
export function firstBuffer(
  buffers: ReadonlyArray<ArrayBuffer | ArrayBufferView> | undefined
): Uint8Array | null {
  const first = buffers?.[0];
  if (!first) {
    return null;
  }
  if (first instanceof ArrayBuffer) {
    return new Uint8Array(first);
  }
  return new Uint8Array(first.buffer, first.byteOffset, first.byteLength);
}

/** Hex SHA-256 of `bytes`, with the Web Crypto API. */
export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return Array.from(new Uint8Array(digest))
    .map(byte => byte.toString(16).padStart(2, '0'))
    .join('');
}
