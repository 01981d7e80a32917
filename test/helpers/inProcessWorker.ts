/**
 * A Worker stand-in that runs the real pipeline in this Node process. Messages
 * are structured-cloned both ways with their transfer lists, as across a real
 * worker boundary, so a transferred buffer is detached on the sending side.
 * Nothing is delivered after `terminate()`.
 */
import { handleRequest, IPipelineEnv } from '../../src/engine/pipeline';
import { Request, Response } from '../../src/engine/protocol';

export class InProcessWorker {
  static alive = 0;

  constructor() {
    InProcessWorker.alive += 1;
  }

  onmessage: ((event: { data: Response }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  /** Messages the pipeline sent, delivered or not. */
  sent: Response[] = [];
  /** Requests received, with the number of buffers transferred with each. */
  received: Array<{ type: string; transferred: number }> = [];

  postMessage(data: Request, transfer: Transferable[] = []): void {
    this.received.push({ type: data.type, transferred: transfer.length });
    const request = structuredClone(data, { transfer });
    setTimeout(() => {
      void handleRequest(
        request,
        (message, sent = []) => {
          const copy = structuredClone(message, { transfer: sent });
          this.sent.push(copy);
          if (!this.terminated) {
            this.onmessage?.({ data: copy });
          }
        },
        this._env
      );
    }, 0);
  }

  terminate(): void {
    if (!this.terminated) {
      this.terminated = true;
      InProcessWorker.alive -= 1;
    }
  }

  private _env: IPipelineEnv = {
    inspected: null,
    shouldStop: () => this.terminated
  };
}
