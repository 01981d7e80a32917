/**
 * A Worker stand-in that runs the real pipeline in this Node process. Messages
 * are structured-cloned both ways, as across a real worker boundary, and
 * nothing is delivered after `terminate()`.
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

  postMessage(data: Request): void {
    const request = structuredClone(data);
    setTimeout(() => {
      void handleRequest(
        request,
        message => {
          this.sent.push(message);
          if (!this.terminated) {
            this.onmessage?.({ data: structuredClone(message) });
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
