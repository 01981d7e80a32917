import { createHash } from 'crypto';

import { defaultConfig } from '../../src/core/config';
import { IRunResult } from '../../src/core/types';
import { WorkerClient } from '../../src/engine/client';
import { Response } from '../../src/engine/protocol';
import { InProcessWorker } from '../helpers/inProcessWorker';

const CSV = [
  'x1,x2,colour,label',
  ...Array.from({ length: 60 }, (_, i) => {
    const positive = i % 2 === 0;
    const x1 = (positive ? 2 : -2) + ((i * 7) % 10) / 10;
    const x2 = ((i * 3) % 5) / 5;
    return `${x1},${x2},${i % 3 === 0 ? 'red' : 'blue'},${positive ? 'yes' : 'no'}`;
  })
].join('\n');

function tinyConfig() {
  return {
    ...defaultConfig('label', 'classification', ['x1', 'x2', 'colour']),
    epochs: 3,
    batchSize: 16,
    backend: 'cpu' as const
  };
}

describe('WorkerClient', () => {
  describe('#train without a file', () => {
    it('should end the run with a crash message', async () => {
      const client = new WorkerClient({ spawn: () => new InProcessWorker() as unknown as Worker });

      const message = await new Promise<string>(resolve => {
        client.train(
          { runId: 1, fileName: 'none.csv', options: {}, config: tinyConfig() },
          { onMessage: () => undefined, onCrash: resolve }
        );
      });

      expect(message).toBe(
        'The file could not be handed to the training worker: No file has been inspected.'
      );
      expect(client.isTraining).toBe(false);
      client.dispose();
    });
  });

  let client: WorkerClient;
  let workers: InProcessWorker[];

  beforeEach(() => {
    workers = [];
    client = new WorkerClient({
      spawn: () => {
        const worker = new InProcessWorker();
        workers.push(worker);
        return worker as unknown as Worker;
      }
    });
  });

  afterEach(() => {
    client.dispose();
  });

  describe('#inspect', () => {
    it('should return the profile of a file', async () => {
      const profile = await client.inspect('tiny.csv', new Blob([CSV]), {});
      expect(profile.rowCount).toBe(60);
      expect(profile.columns.map(column => column.name)).toEqual([
        'x1',
        'x2',
        'colour',
        'label'
      ]);
    });

    it('should hash the bytes it read', async () => {
      const profile = await client.inspect('tiny.csv', new Blob([CSV]), {});

      expect(profile.sha256).toBe(createHash('sha256').update(CSV).digest('hex'));
      expect(profile.size).toBe(Buffer.byteLength(CSV));
    });

    it('should check a configuration against the inspected file', async () => {
      await client.inspect('tiny.csv', new Blob([CSV]), {});
      const findings = await client.check(tinyConfig());
      expect(findings.filter(f => f.severity === 'error')).toEqual([]);
    });
  });

  describe('#train', () => {
    beforeEach(async () => {
      await client.inspect('tiny.csv', new Blob([CSV]), {});
    });

    it('should round trip a run with a tiny model', async () => {
      const messages: Response[] = [];
      const result = await new Promise<IRunResult>((resolve, reject) => {
        client.train(
          {
            runId: 7,
            fileName: 'tiny.csv',
            options: {},
            config: tinyConfig()
          },
          {
            onMessage: message => {
              messages.push(message);
              if (message.type === 'run-finished') {
                resolve(message.result);
              } else if (message.type === 'error') {
                reject(new Error(message.message));
              }
            },
            onCrash: message => reject(new Error(message))
          }
        );
      });
      const types = messages.map(message => message.type);
      expect(types[0]).toBe('run-started');
      expect(types.filter(type => type === 'model-finished')).toHaveLength(3);
      expect(types[types.length - 1]).toBe('run-finished');
      expect(messages.every(m => 'runId' in m && m.runId === 7)).toBe(true);
      expect(result.models.map(model => model.status)).toEqual([
        'succeeded',
        'succeeded',
        'succeeded'
      ]);
      expect(result.tensorsAfter).toBe(result.tensorsBefore);
      expect(result.best).not.toBeNull();
    });

    it('should drop messages of a replaced run and keep one worker', async () => {
      const seen: number[] = [];
      const handlers = (resolve?: () => void) => ({
        onMessage: (message: Response) => {
          if ('runId' in message && message.runId !== undefined) {
            seen.push(message.runId);
          }
          if (message.type === 'run-finished') {
            resolve?.();
          }
        },
        onCrash: () => undefined
      });
      const request = (runId: number) => ({
        runId,
        fileName: 'tiny.csv',
        options: {},
        config: tinyConfig()
      });
      client.train(request(1), handlers());
      await new Promise<void>(resolve => {
        client.train(request(2), handlers(resolve));
      });
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen)).toEqual(new Set([2]));
      // workers[0] is the data worker, which stays alive beside the run.
      expect(workers[1].terminated).toBe(true);
      expect(workers[0].terminated).toBe(false);
      expect(InProcessWorker.alive).toBe(2);
    });

    it('should transfer the table from the data worker to the run', async () => {
      await new Promise<void>((resolve, reject) => {
        client.train(
          { runId: 4, fileName: 'tiny.csv', options: {}, config: tinyConfig() },
          {
            onMessage: message => (message.type === 'run-started' ? resolve() : undefined),
            onCrash: message => reject(new Error(message))
          }
        );
      });

      const [dataWorker, trainingWorker] = workers;
      expect(dataWorker.received.map(request => request.type)).toEqual(['inspect', 'export']);
      expect(trainingWorker.received).toHaveLength(1);
      expect(trainingWorker.received[0].type).toBe('train');
      // Four columns with their form arrays, and the line numbers.
      expect(trainingWorker.received[0].transferred).toBeGreaterThanOrEqual(5);
      // The data worker keeps its own table for later checks.
      const findings = await client.check(tinyConfig());
      expect(findings.filter(f => f.severity === 'error')).toEqual([]);
    });

    it('should terminate the worker on stop', () => {
      client.train(
        { runId: 3, fileName: 'tiny.csv', options: {}, config: tinyConfig() },
        { onMessage: () => undefined, onCrash: () => undefined }
      );
      expect(client.isTraining).toBe(true);
      client.stop();
      expect(client.isTraining).toBe(false);
      expect(workers[1].terminated).toBe(true);
    });
  });
});
