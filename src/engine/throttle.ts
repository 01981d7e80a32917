/** Rate limit of the `epoch-ended` messages a run sends to the page. */

/** Minimum milliseconds between two `epoch-ended` messages of a run. */
export const EPOCH_MESSAGE_INTERVAL_MS = 100;

/**
 * Decides which epochs of a run are sent to the page.
 *
 * The first epoch of each model is always sent, so the page sees every
 * network start. Any other epoch is sent only when `intervalMs` has passed
 * since the last sent one, of any model. Over a run of `m` models lasting
 * `t` milliseconds at most `t / intervalMs + m` epochs are sent. Epochs
 * that are dropped, including a model's last one when early stopping ends
 * it, still reach the page in the history of the `model-finished` message.
 */
export class EpochThrottle {
  /**
   * @param now - clock in milliseconds.
   * @param intervalMs - minimum time between two sent epochs. Defaults to
   *   `EPOCH_MESSAGE_INTERVAL_MS`.
   */
  constructor(now: () => number, intervalMs: number = EPOCH_MESSAGE_INTERVAL_MS) {
    this._now = now;
    this._intervalMs = intervalMs;
  }

  /** Return whether to send this epoch, and record it as sent when so. */
  shouldSend(modelId: string): boolean {
    const time = this._now();
    const isFirst = !this._started.has(modelId);
    if (!isFirst && time - this._lastSent < this._intervalMs) {
      return false;
    }
    this._started.add(modelId);
    this._lastSent = time;
    return true;
  }

  private _now: () => number;
  private _intervalMs: number;
  private _lastSent = -Infinity;
  private _started = new Set<string>();
}
