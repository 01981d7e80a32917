import { IRunResult } from '../../src/core/types';
import {
  RunState,
  TrainingSession,
  TransitionError
} from '../../src/core/session';

const RESULT = { models: [], partial: false } as unknown as IRunResult;

/** Create a session driven into `state` through allowed transitions only. */
function sessionIn(state: RunState): TrainingSession {
  const session = new TrainingSession();
  if (state === 'idle') {
    return session;
  }
  const runId = session.start();
  if (state === 'succeeded') {
    session.succeed(runId, RESULT);
  } else if (state === 'failed') {
    session.fail(runId, 'boom');
  } else if (state === 'cancelled') {
    session.cancel();
  }
  return session;
}

describe('TrainingSession', () => {
  let session: TrainingSession;

  afterEach(() => {
    session?.dispose();
  });

  describe('#start', () => {
    it('should move idle to running with a new run id', () => {
      session = new TrainingSession();
      const first = session.start();
      expect(session.state).toBe('running');
      expect(first).toBe(1);
    });

    it('should reject a start while running', () => {
      session = sessionIn('running');
      expect(() => session.start()).toThrow(TransitionError);
      try {
        session.start();
      } catch (error) {
        expect((error as TransitionError).reason).toBe('already-running');
      }
      expect(session.runId).toBe(1);
    });

    it.each(['succeeded', 'failed', 'cancelled'] as RunState[])(
      'should require restart after %s',
      state => {
        session = sessionIn(state);
        let reason: string | undefined;
        try {
          session.start();
        } catch (error) {
          reason = (error as TransitionError).reason;
        }
        expect(reason).toBe('restart-required');
        expect(session.state).toBe(state);
      }
    );
  });

  describe('#succeed', () => {
    it('should store the result once and emit one change', () => {
      session = new TrainingSession();
      const changes: string[] = [];
      session.stateChanged.connect((_, change) =>
        changes.push(`${change.previous}>${change.current}`)
      );
      const runId = session.start();
      expect(session.succeed(runId, RESULT)).toBe(true);
      expect(session.succeed(runId, RESULT)).toBe(false);
      expect(session.result).toBe(RESULT);
      expect(changes).toEqual(['idle>running', 'running>succeeded']);
    });

    it('should ignore a result from an older run', () => {
      session = new TrainingSession();
      const old = session.start();
      session.cancel();
      session.restart();
      const current = session.start();
      expect(session.succeed(old, RESULT)).toBe(false);
      expect(session.state).toBe('running');
      expect(session.runId).toBe(current);
    });
  });

  describe('#report', () => {
    it('should drop progress whose run id is not current', () => {
      session = new TrainingSession();
      const old = session.start();
      session.fail(old, 'x');
      session.restart();
      const current = session.start();
      const seen: number[] = [];
      session.progressChanged.connect((_, progress) => seen.push(progress.epoch));
      const progress = {
        fraction: 0.5,
        modelName: 'MLP',
        epochs: 10,
        fold: null,
        folds: null,
        loss: 0.3,
        valAccuracy: null,
        remainingMs: null
      };
      expect(session.report(old, { ...progress, epoch: 1 })).toBe(false);
      expect(session.report(current, { ...progress, epoch: 2 })).toBe(true);
      expect(seen).toEqual([2]);
    });
  });

  describe('#fail', () => {
    it('should keep the message and allow restart', () => {
      session = new TrainingSession();
      const runId = session.start();
      session.fail(runId, 'Worker crashed.');
      expect(session.state).toBe('failed');
      expect(session.error).toBe('Worker crashed.');
      session.restart();
      expect(session.state).toBe('idle');
      expect(session.error).toBeNull();
    });
  });

  describe('#cancel', () => {
    it('should keep partial results', () => {
      session = sessionIn('running');
      const partial = { ...RESULT, partial: true } as IRunResult;
      session.cancel(partial);
      expect(session.state).toBe('cancelled');
      expect(session.result).toBe(partial);
    });

    it.each(['idle', 'succeeded', 'failed', 'cancelled'] as RunState[])(
      'should reject cancel when %s',
      state => {
        session = sessionIn(state);
        expect(() => session.cancel()).toThrow(TransitionError);
        expect(session.state).toBe(state);
      }
    );
  });

  describe('#restore', () => {
    it('should restore from idle', () => {
      session = new TrainingSession();
      const states: RunState[] = [];
      session.stateChanged.connect((_, change) => states.push(change.current));
      const before = session.runId;
      const runId = session.restore(RESULT);
      expect(runId).toBe(before + 1);
      expect(session.state).toBe('succeeded');
      expect(session.result).toBe(RESULT);
      expect(states).toEqual(['succeeded']);
    });

    it.each([
      ['running', 'already-running'],
      ['succeeded', 'restart-required'],
      ['failed', 'restart-required'],
      ['cancelled', 'restart-required']
    ] as const)('should refuse from %s with %s', (state, reason) => {
      session = sessionIn(state);
      let error: unknown = null;
      try {
        session.restore(RESULT);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TransitionError);
      expect((error as TransitionError).reason).toBe(reason);
      expect(session.state).toBe(state);
    });

    it('should make messages of the replaced run id stale', () => {
      session = new TrainingSession();
      const old = session.start();
      session.cancel();
      session.restart();
      session.restore(RESULT);
      expect(session.isCurrent(old)).toBe(false);
      expect(session.succeed(old, RESULT)).toBe(false);
    });
  });

  describe('#restart', () => {
    it('should reject restart while running', () => {
      session = sessionIn('running');
      expect(() => session.restart()).toThrow(TransitionError);
      expect(session.state).toBe('running');
    });

    it('should be a no-op when idle, twice in a row', () => {
      session = sessionIn('succeeded');
      session.restart();
      session.restart();
      expect(session.state).toBe('idle');
      expect(session.result).toBeNull();
      expect(session.start()).toBe(2);
    });
  });

  describe('#dispose', () => {
    it('should disconnect listeners and tolerate a second call', () => {
      session = new TrainingSession();
      let calls = 0;
      session.stateChanged.connect(() => (calls += 1));
      session.dispose();
      session.dispose();
      session.start();
      expect(calls).toBe(0);
      expect(session.isDisposed).toBe(true);
    });
  });
});
