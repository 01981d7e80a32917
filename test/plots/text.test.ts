import { escapePlotlyText, plotText, untranslated } from '../../src/plots';
import { expectLiteral, HOSTILE_LABELS, renderPlotlyText } from './helpers';

describe('escapePlotlyText', () => {
  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['a & b', 'a &amp; b'],
    ['&amp;', '&amp;amp;'],
    ['$x$', '&#36;x&#36;'],
    ['%{y}', '&#37;{y}'],
    ['שלום עולם', 'שלום עולם'],
    ['🐧 penguin', '🐧 penguin'],
    ['', '']
  ])('should escape %p', (label, expected) => {
    expect(escapePlotlyText(label)).toBe(expected);
  });

  it.each(HOSTILE_LABELS)('should show %p literally', label => {
    expectLiteral(escapePlotlyText(label), label);
  });

  it('should leave markup working without escaping', () => {
    // Guards the text model of the helper: unescaped tags are found.
    expect(renderPlotlyText('<b>x</b>').tags).toEqual(['<b>', '</b>']);
  });
});

describe('plotText', () => {
  it('should escape arguments and message', () => {
    const translate = (text: string, ...args: Array<string | number>) => untranslated(`«${text}»`, ...args);

    const text = plotText(translate, 'ROC curve: %1', 'a <b> & c');

    expect(text).toBe('«ROC curve: a &lt;b&gt; &amp; c»');
    expectLiteral(text, '«ROC curve: a <b> & c»');
  });
});
