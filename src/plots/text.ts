/**
 * Text for Plotly figures: translation with `%1` placeholders, and escaping
 * so that user text (column names, class labels, model names) shows
 * literally.
 */

/** Formats a message with `%1`, `%2` placeholders; `trans.__` fits. */
export type Translate = (text: string, ...args: Array<string | number>) => string;

/** Fills `%1`, `%2`, ... without translating; for tests and the CLI. */
export const untranslated: Translate = (text, ...args) =>
  text.replace(/%(\d+)/g, (match, index) => {
    const value = args[Number(index) - 1];
    return value === undefined ? match : String(value);
  });

/** Characters that Plotly reads as markup, and their numeric character references. */
const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // A string between dollar signs is typeset as TeX where MathJax is loaded.
  $: '&#36;',
  // `%{name}` is a placeholder in hover templates.
  '%': '&#37;'
};

/**
 * Escape `text` for a Plotly title, axis title, legend entry, tick label,
 * heatmap cell or hover label, so it shows as written.
 *
 * #### Notes
 * Plotly (checked against plotly.js 4.1) splits such strings at tags like
 * `<b>`, `<br>` and `<a href>` and then decodes `&amp;`, `&lt;`, `&gt;` and
 * numeric character references in the text between them. Replacing `&`,
 * `<` and `>` by references therefore makes every tag plain text. `$` and
 * `%` are replaced too, so TeX detection and hover template placeholders
 * never see them. Other characters, right-to-left scripts and emoji
 * included, are left unchanged.
 */
export function escapePlotlyText(text: string): string {
  return text.replace(/[&<>$%]/g, character => REPLACEMENTS[character]);
}

/**
 * Translate `text` with `args` and escape the result, so both the message
 * and the values in it show literally.
 */
export function plotText(translate: Translate, text: string, ...args: Array<string | number>): string {
  return escapePlotlyText(translate(text, ...args));
}
