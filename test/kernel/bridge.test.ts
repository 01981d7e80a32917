import { Signal } from '@lumino/signaling';

import { toBase64 } from '../../src/kernel/code';
import { KernelBridge } from '../../src/kernel/bridge';
import { KernelBridgeError, sha256OfBytes } from '../../src/kernel/messages';

type Status = 'idle' | 'busy' | 'restarting' | 'dead';

/** Reply content of the helper returning `result`. */
function helperReply(result: unknown) {
  return {
    content: {
      status: 'ok',
      user_expressions: {
        training_wizard: { status: 'ok', data: { 'text/plain': `'${toBase64(JSON.stringify(result))}'` } }
      }
    }
  };
}

/**
 * A kernel connection double: `respond` receives each execute request's
 * content and returns the reply, or undefined to never reply.
 */
class FakeKernel {
  constructor(
    public respond: (content: any, kernel: FakeKernel) => unknown | undefined,
    public language = 'python'
  ) {}
  status: Status = 'idle';
  isDisposed = false;
  requests: any[] = [];
  targets = new Map<string, (comm: unknown, message: unknown) => void>();
  statusChanged = new Signal<FakeKernel, Status>(this);
  disposed = new Signal<FakeKernel, void>(this);
  get info() {
    return Promise.resolve({ implementation: 'fake', language_info: { name: this.language } });
  }
  setStatus(status: Status): void {
    this.status = status;
    this.statusChanged.emit(status);
  }
  registerCommTarget(name: string, handler: (comm: unknown, message: unknown) => void): void {
    this.targets.set(name, handler);
  }
  removeCommTarget(name: string): void {
    this.targets.delete(name);
  }
  openComm(data: unknown, buffer: Uint8Array): void {
    const handler = [...this.targets.values()][0];
    handler?.({}, { content: { data }, buffers: [buffer] });
  }
  requestExecute(content: any) {
    this.requests.push(content);
    const reply = this.respond(content, this);
    const done = reply === undefined ? new Promise(() => undefined) : Promise.resolve(reply);
    return { done, isDisposed: false, dispose() { this.isDisposed = true; } };
  }
}

function bridgeFor(kernel: FakeKernel | null, replyTimeoutMs = 200): KernelBridge {
  return new KernelBridge({
    kernel: () => kernel as any,
    replyTimeoutMs,
    transferTimeoutMs: replyTimeoutMs
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (reason) {
    if (reason instanceof KernelBridgeError) {
      return reason.code;
    }
    throw reason;
  }
  return 'resolved';
}

const FETCH = { rowLimit: 100, sample: false, seed: 1 };

describe('KernelBridge', () => {
  describe('#list', () => {
    it('should send a silent request that stores no history', async () => {
      const kernel = new FakeKernel(() => helperReply({ pandas: 'ok', frames: [] }));
      const listing = await bridgeFor(kernel).list();
      expect(listing).toEqual({ pandas: 'ok', version: undefined, frames: [] });
      expect(kernel.requests[0]).toMatchObject({ code: '', silent: true, store_history: false });
      expect(Object.keys(kernel.requests[0].user_expressions)).toEqual(['training_wizard']);
    });

    it.each([
      ['no-kernel', null],
      ['not-python', new FakeKernel(() => undefined, 'R')]
    ])('should reject with %s', async (code, kernel) => {
      expect(await codeOf(bridgeFor(kernel as FakeKernel | null).list())).toBe(code);
    });

    it('should reject a busy kernel without sending a request', async () => {
      const kernel = new FakeKernel(() => helperReply({ pandas: 'ok', frames: [] }));
      kernel.status = 'busy';
      expect(await codeOf(bridgeFor(kernel).list())).toBe('busy');
      expect(kernel.requests).toHaveLength(0);
    });

    it('should time out when the kernel never replies', async () => {
      const kernel = new FakeKernel(() => undefined);
      expect(await codeOf(bridgeFor(kernel, 50).list())).toBe('timeout');
    });

    it('should reject when the kernel restarts before replying', async () => {
      const kernel = new FakeKernel(() => undefined);
      const pending = codeOf(bridgeFor(kernel, 5000).list());
      await new Promise(resolve => setTimeout(resolve, 10));
      expect(kernel.requests).toHaveLength(1);
      kernel.setStatus('restarting');
      expect(await pending).toBe('restarted');
    });

    it('should turn a Python error into kernel-error', async () => {
      const kernel = new FakeKernel(() => ({
        content: {
          status: 'ok',
          user_expressions: { training_wizard: { status: 'error', ename: 'NameError', evalue: 'x' } }
        }
      }));
      expect(await codeOf(bridgeFor(kernel).list())).toBe('kernel-error');
    });
  });

  describe('#fetch', () => {
    const bytes = new TextEncoder().encode('x,label\n1.5,a\n2.5,b\n');

    async function sentFor(request: string, data = bytes) {
      return {
        request,
        rows: 2,
        totalRows: 2,
        columns: 2,
        bytes: data.byteLength,
        sha256: await sha256OfBytes(bytes)
      };
    }

    it('should return the bytes that arrive over the comm', async () => {
      const kernel = new FakeKernel(() => undefined);
      kernel.respond = (content, self) => {
        const args = JSON.parse(
          Buffer.from(/'([^']*)'\)\)\[1\]/.exec(content.user_expressions.training_wizard)![1], 'base64').toString()
        );
        return sentFor(args.request).then(sent => {
          self.openComm(sent, bytes);
          return helperReply({ sent });
        });
      };
      const frame = await bridgeFor(kernel).fetch('df', FETCH);
      expect(new TextDecoder().decode(frame.data)).toBe('x,label\n1.5,a\n2.5,b\n');
      expect(frame.name).toBe('df');
      expect(frame.sha256).toBe(await sha256OfBytes(bytes));
    });

    it('should reject bytes whose SHA-256 differs', async () => {
      const kernel = new FakeKernel(() => undefined);
      kernel.respond = (content, self) => {
        const args = JSON.parse(
          Buffer.from(/'([^']*)'\)\)\[1\]/.exec(content.user_expressions.training_wizard)![1], 'base64').toString()
        );
        const other = new TextEncoder().encode('x,label\n9.5,a\n2.5,b\n');
        return sentFor(args.request).then(sent => {
          self.openComm(sent, other);
          return helperReply({ sent });
        });
      };
      expect(await codeOf(bridgeFor(kernel).fetch('df', FETCH))).toBe('integrity');
    });

    it('should ignore a comm for another request and time out', async () => {
      const kernel = new FakeKernel(() => undefined);
      kernel.respond = (content, self) => {
        return sentFor('someone-else').then(sent => {
          self.openComm(sent, bytes);
          return helperReply({ sent: { ...sent, request: 'mine' } });
        });
      };
      expect(await codeOf(bridgeFor(kernel, 50).fetch('df', FETCH))).toBe('timeout');
    });

    it('should reject when the kernel dies during the transfer', async () => {
      const kernel = new FakeKernel(() => undefined);
      const pending = codeOf(bridgeFor(kernel, 5000).fetch('df', FETCH));
      await new Promise(resolve => setTimeout(resolve, 10));
      kernel.setStatus('dead');
      expect(await pending).toBe('restarted');
    });

    it('should report a missing DataFrame', async () => {
      const kernel = new FakeKernel(() => helperReply({ error: 'not-found', name: 'df' }));
      expect(await codeOf(bridgeFor(kernel).fetch('df', FETCH))).toBe('not-found');
    });
  });

  describe('#push', () => {
    it('should reject a payload above the size cap', async () => {
      const kernel = new FakeKernel(() => helperReply({ pushed: [] }));
      const rows = Array.from({ length: 400_000 }, (_, index) => [index, 'linear', 0.123456789]);
      const table = { columns: ['row', 'model', 'p'], rows };
      expect(await codeOf(bridgeFor(kernel).push([{ name: 'big', table }], false))).toBe('too-large');
      expect(kernel.requests).toHaveLength(0);
    });

    it('should pass the builtin refusal through', async () => {
      const kernel = new FakeKernel(() => helperReply({ error: 'builtin', name: 'list' }));
      const table = { columns: ['a'], rows: [[1]] };
      expect(await codeOf(bridgeFor(kernel).push([{ name: 'list', table }], false))).toBe('builtin');
    });
  });

  describe('#dispose', () => {
    it('should remove the comm target', async () => {
      const kernel = new FakeKernel(() => helperReply({ error: 'not-found', name: 'df' }));
      const bridge = bridgeFor(kernel);
      await codeOf(bridge.fetch('df', FETCH));
      expect(kernel.targets.size).toBe(1);
      bridge.dispose();
      expect(kernel.targets.size).toBe(0);
    });
  });
});
