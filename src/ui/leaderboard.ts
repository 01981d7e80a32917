import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { IRunResult } from '../core/types';
import { leaderboardRows, runCaption } from '../notebook/format';
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

/** Build the leaderboard of `result` as a table element, with the best row marked. */
export function leaderboardTable(
  result: IRunResult,
  trans: TranslationBundle
): HTMLTableElement {
  const translate = (text: string, ...args: Array<string | number>) =>
    trans.__(text, ...args);
  const { headers, rows, bestIndex } = leaderboardRows(result, translate);
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
    rows.map((cells, index) =>
      el(
        'tr',
        { className: index === bestIndex ? 'jp-mod-best' : '' },
        cells.map(text => el('td', { text }))
      )
    )
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
