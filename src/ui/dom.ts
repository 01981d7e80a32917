/**
 * Small DOM builders. Text is always set with `textContent`, so names and
 * values from data files are shown literally and never parsed as HTML.
 */

/** Attributes and text of a new element. */
export interface IElementOptions {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

/** Create an element with the given class, text, attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: IElementOptions = {},
  children: Array<Node | null> = []
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) {
    node.className = options.className;
  }
  if (options.text !== undefined) {
    node.textContent = options.text;
  }
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child) {
      node.appendChild(child);
    }
  }
  return node;
}

/** Create a labelled form field: a `<label>` wrapping a caption and a control. */
export function field(
  caption: string,
  control: HTMLElement,
  hint?: string
): HTMLLabelElement {
  // A select's label text would otherwise include every option's text.
  if (!control.hasAttribute('aria-label')) {
    control.setAttribute('aria-label', caption);
  }
  return el('label', { className: 'jp-TrainingWizard-field' }, [
    el('span', { className: 'jp-TrainingWizard-fieldCaption', text: caption }),
    control,
    hint
      ? el('span', { className: 'jp-TrainingWizard-fieldHint', text: hint })
      : null
  ]);
}

/** Create a table with a header row and text cells. */
export function table(
  headers: string[],
  rows: string[][],
  caption?: string
): HTMLTableElement {
  const head = el('thead', {}, [
    el(
      'tr',
      {},
      headers.map(text => el('th', { text, attrs: { scope: 'col' } }))
    )
  ]);
  const body = el(
    'tbody',
    {},
    rows.map(cells => el('tr', {}, cells.map(text => el('td', { text }))))
  );
  return el('table', { className: 'jp-TrainingWizard-table' }, [
    caption ? el('caption', { text: caption }) : null,
    head,
    body
  ]);
}

/** Remove every child of `node`. */
export function clear(node: HTMLElement): void {
  while (node.firstChild) {
    node.removeChild(node.firstChild);
  }
}
