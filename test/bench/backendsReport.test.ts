import { BACKENDS_HEADING, spliceSection } from '../../bench/backends/report';
import { ISummary, summarise } from '../../bench/common';
import { backendsSection } from '../../bench/report';

/** Build a result cell with the given median steady and first epoch times, in ms. */
function makeCell(steadyMs: number, firstMs: number, cpu: { steadyMs: number; firstMs: number }) {
  const single = (value: number): ISummary => summarise([value]);
  return {
    rounds: 1,
    firstEpochMs: single(firstMs),
    steadyEpochMs: single(steadyMs),
    firstEpochOverCpu: single(firstMs / cpu.firstMs),
    steadyEpochOverCpu: single(steadyMs / cpu.steadyMs)
  };
}

/**
 * Build a minimal `backends.json` with one model on two sizes. On the small size
 * wasm is slower than cpu, on the wide one wasm is faster, and webgl never ran.
 */
function makeResult() {
  const cpuSmall = { steadyMs: 100, firstMs: 200 };
  const cpuWide = { steadyMs: 400, firstMs: 500 };
  const probe = (requested: string, active: string | null, errors: string[]) => [
    { requested, active, errors, flags: {}, setupMs: 1, renderer: null }
  ];
  return {
    browser: 'Chromium 1.0',
    chromiumFlags: ['--disable-gpu'],
    models: ['mlp'],
    rounds: 1,
    config: { epochs: 3, batchSize: 32, holdout: 0.2, learningRate: 0.01, seed: 42, optimizer: 'adam' },
    machine: { loadAverage1m: 1 },
    sizes: [
      { rows: 5000, width: 20 },
      { rows: 20000, width: 100 }
    ],
    probes: {
      cpu: probe('cpu', 'cpu', []),
      wasm: probe('wasm', 'wasm', []),
      webgl: probe('webgl', null, ['no WebGL context'])
    },
    cells: [
      {
        rows: 5000,
        width: 20,
        model: 'mlp',
        backends: { cpu: makeCell(100, 200, cpuSmall), wasm: makeCell(150, 100, cpuSmall), webgl: null }
      },
      {
        rows: 20000,
        width: 100,
        model: 'mlp',
        backends: { cpu: makeCell(400, 500, cpuWide), wasm: makeCell(100, 300, cpuWide), webgl: null }
      }
    ]
  };
}

describe('spliceSection', () => {
  const section = `${BACKENDS_HEADING}\n\nnew text`;

  it('should replace an existing section and keep the others', () => {
    const page = `# Benchmarks\n\n## Engine\n\nengine\n\n${BACKENDS_HEADING}\n\nold text\n\n## Limits\n\n- limit\n`;
    const updated = spliceSection(page, BACKENDS_HEADING, section);
    expect(updated).toBe(`# Benchmarks\n\n## Engine\n\nengine\n\n${section}\n\n## Limits\n\n- limit\n`);
  });

  it('should replace the section when it is the last one', () => {
    const page = `# Benchmarks\n\n${BACKENDS_HEADING}\n\nold text\n`;
    expect(spliceSection(page, BACKENDS_HEADING, section)).toBe(`# Benchmarks\n\n${section}\n`);
  });

  it('should insert the section before Limits', () => {
    const page = '# Benchmarks\n\n## Engine\n\nengine\n\n## Limits\n\n- limit\n';
    const updated = spliceSection(page, BACKENDS_HEADING, section);
    expect(updated).toBe(`# Benchmarks\n\n## Engine\n\nengine\n\n${section}\n\n## Limits\n\n- limit\n`);
  });

  it('should append the section without a Limits heading', () => {
    expect(spliceSection('# Benchmarks\n\ntext\n\n', BACKENDS_HEADING, section)).toBe(`# Benchmarks\n\ntext\n\n${section}\n`);
  });

  it('should give the same page when run twice', () => {
    const page = '# Benchmarks\n\n## Limits\n\n- limit\n';
    const once = spliceSection(page, BACKENDS_HEADING, section);
    expect(spliceSection(once, BACKENDS_HEADING, section)).toBe(once);
  });
});

describe('backendsSection', () => {
  const text = backendsSection(makeResult());
  const verdict = (size: string) => text.split('\n').find(line => line.startsWith(`- ${size}:`)) ?? '';

  it('should start with the heading spliceSection looks for', () => {
    expect(text.startsWith(`${BACKENDS_HEADING}\n`)).toBe(true);
  });

  it('should pick cpu when wasm is slower', () => {
    // 30 epochs: cpu 200 + 29 × 100 = 3,100 ms, wasm 100 + 29 × 150 = 4,450 ms.
    expect(verdict('5,000 × 20')).toContain('**cpu**');
    expect(verdict('5,000 × 20')).toContain('wasm 1.44×');
    expect(verdict('5,000 × 20')).toContain('not the fastest');
  });

  it('should pick wasm when wasm is faster', () => {
    expect(verdict('20,000 × 100')).toContain('**wasm**');
    expect(verdict('20,000 × 100')).toContain('is right for this size');
  });

  it('should never pick a backend that did not run', () => {
    expect(verdict('5,000 × 20')).toContain('webgl did not run');
    expect(verdict('20,000 × 100')).not.toContain('**webgl**');
  });

  it('should show the backend errors', () => {
    expect(text).toContain('| webgl | null | none | n/a | no WebGL context |');
  });

  it('should show ratios against cpu', () => {
    expect(text).toContain('| 20,000 × 100 | mlp | 400 (400–400) | **0.250×** (0.250–0.250) | did not run |');
  });
});
