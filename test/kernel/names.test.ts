import { checkTargetName, isBuiltinName, predictionsName } from '../../src/kernel/names';

describe('checkTargetName', () => {
  it.each([
    ['wizard_results', 'wizard_results'],
    ['  results2  ', 'results2'],
    ['_private', '_private'],
    ['résultats', 'résultats'],
    ['данные', 'данные'],
    ['結果', '結果'],
    ['ﬁt', 'fit'],
    ['match', 'match']
  ])('should accept %p as %p', (text, name) => {
    expect(checkTargetName(text)).toEqual({ kind: 'ok', name });
  });

  it('should reject an empty name', () => {
    expect(checkTargetName('   ')).toEqual({ kind: 'empty' });
  });

  it('should reject spaces and suggest underscores', () => {
    expect(checkTargetName('my results')).toEqual({
      kind: 'spaces',
      name: 'my results',
      suggestion: 'my_results'
    });
  });

  it.each([
    ['2results', '_2results'],
    ['results-v2', 'results_v2'],
    ['a.b', 'a_b']
  ])('should reject %p and suggest %p', (text, suggestion) => {
    expect(checkTargetName(text)).toEqual({ kind: 'invalid', name: text, suggestion });
  });

  it('should suggest the default when nothing is left', () => {
    const check = checkTargetName('€');
    expect(check.kind).toBe('invalid');
    expect(check).toHaveProperty('suggestion', 'wizard_results');
  });

  it.each(['class', 'lambda', 'None', 'True'])('should reject the keyword %p', name => {
    expect(checkTargetName(name)).toEqual({ kind: 'keyword', name });
  });

  it.each(['_', '__', '_5', '_i', '_i12', 'In', 'Out', 'get_ipython'])(
    'should reject the IPython name %p',
    name => {
      expect(checkTargetName(name)).toEqual({ kind: 'reserved', name });
    }
  );

  it.each(['list', 'print', 'id', 'ValueError'])('should flag the builtin %p', name => {
    expect(checkTargetName(name)).toEqual({ kind: 'builtin', name });
  });
});

describe('isBuiltinName', () => {
  it('should tell builtins from other names', () => {
    expect(isBuiltinName('sum')).toBe(true);
    expect(isBuiltinName('wizard_results')).toBe(false);
  });
});

describe('predictionsName', () => {
  it('should append _predictions', () => {
    expect(predictionsName('runs')).toBe('runs_predictions');
  });
});
