/** Rate limit of the `epoch-ended` messages a run sends to the page. */

/** Minimum milliseconds between two `epoch-ended` messages of a run. */
export const EPOCH_MESSAGE_INTERVAL_MS = 100;

/**
 * Decides which epochs of a run are sent to the page.
 *
 * The first epoch of each model is always sent, so the page gets each
 * network's first loss at once. Any other epoch is sent only when
 * `intervalMs` has passed since the last sent epoch of any model. A run of
 * `m` models lasting `t` milliseconds therefore sends at most
 * `t / intervalMs + m + 1` epochs. Dropped epochs, including a model's
 * last one, still reach the page in the history of `model-finished`, except
 * that with k-fold validation the history is the first fold's only.
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
