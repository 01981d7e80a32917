import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { IRunResult } from '../core/types';
import { leaderboardRows, rankModels, runCaption } from '../notebook/format';
import { clear, el } from './dom';

/** The leaderboard of one run result, best model marked. */
export class Leaderboard extends Widget {
  constructor(options: Leaderboard.IOptions) {
    super();
    this._trans = options.trans;
    this.addClass('jp-TrainingWizard-leaderboard');
  }

  /** Show `result`, or nothing when null. */
  setResult(result: IRunResult | null): void {
    clear(this.node);
    if (result) {
      this.node.appendChild(leaderboardTable(result, this._trans));
    }
  }

  private _trans: TranslationBundle;
}

export namespace Leaderboard {
  export interface IOptions {
    trans: TranslationBundle;
  }
}

/**
 * Build the leaderboard of `result` as a table element, with the best row
 * marked. With `select`, succeeded rows can be chosen by click or by
 * Enter/Space, and the row of `selected` is marked.
 */
export function leaderboardTable(
  result: IRunResult,
  trans: TranslationBundle,
  select?: { selected: string | null; onSelect: (id: string) => void }
): HTMLTableElement {
  const translate = (text: string, ...args: Array<string | number>) =>
    trans.__(text, ...args);
  const { headers, rows, bestIndex } = leaderboardRows(result, translate);
  const ordered = rankModels(result);
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
    rows.map((cells, index) => {
      const row = el(
        'tr',
        { className: index === bestIndex ? 'jp-mod-best' : '' },
        cells.map(text => el('td', { text }))
      );
      const model = ordered[index];
      if (select && model.status === 'succeeded') {
        makeSelectable(row, model.id === select.selected, () => select.onSelect(model.id));
      }
      return row;
    })
  );
  return el(
    'table',
    {
      className: 'jp-TrainingWizard-table',
      attrs: { 'aria-label': trans.__('Leaderboard') }
    },
    [el('caption', { text: runCaption(result, translate) }), head, body]
  );
}

/** Let a row be chosen by click and keyboard, and mark it when chosen. */
function makeSelectable(row: HTMLElement, selected: boolean, choose: () => void): void {
  row.classList.add('jp-mod-selectable');
  row.classList.toggle('jp-mod-selected', selected);
  row.tabIndex = 0;
  row.setAttribute('aria-selected', String(selected));
  row.addEventListener('click', choose);
  row.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      choose();
    }
  });
}
