import { clampSetting, DEFAULTS, LIMITS } from '../../src/core/config';

describe('clampSetting', () => {
  it.each([
    ['epochs', -5, 1],
    ['epochs', 5000, 1000],
    ['batchSize', 0, 1],
    ['holdout', 1.5, LIMITS.holdout.max],
    ['holdout', 0, LIMITS.holdout.min],
    ['learningRate', 3, 1]
  ] as const)('should clamp %s=%p to %p', (key, given, used) => {
    const result = clampSetting(key, given, DEFAULTS[key as keyof typeof DEFAULTS] as number);
    expect(result.value).toBe(used);
    expect(result.rejected).toBe(given);
  });

  it.each([
    ['epochs', 'ten'],
    ['seed', Number.NaN],
    ['batchSize', null]
  ] as const)('should use the default for %s=%p', (key, given) => {
    const result = clampSetting(key, given, 7);
    expect(result.value).toBe(7);
    expect(result.rejected).toBe(given);
  });

  it('should round integral settings and accept values in range', () => {
    expect(clampSetting('epochs', 12.4, 30)).toEqual({ value: 12, rejected: 12.4 });
    expect(clampSetting('holdout', 0.25, 0.2)).toEqual({ value: 0.25, rejected: undefined });
  });

  it('should not report a missing setting', () => {
    expect(clampSetting('seed', undefined, 42)).toEqual({ value: 42, rejected: undefined });
  });
});
