import { TranslationBundle } from '@jupyterlab/translation';

import { IFinding } from '../core/types';
import { el } from './dom';

/**
 * Return the translated text of a finding.
 *
 * #### Notes
 * Findings carry English text from the data room and their values in
 * `params`; known codes get a translated template here.
 */
export function findingText(
  finding: IFinding,
  trans: TranslationBundle
): string {
  const p = finding.params;
  switch (finding.code) {
    case 'empty-file':
      return trans.__(
        "The file '%1' is empty. Choose a file with a header row and at least one data row.",
        p[0]
      );
    case 'single-class':
      return trans.__(
        "Target '%1' has one class ('%2'); at least 2 are needed.",
        p[0],
        p[1]
      );
    default:
      return finding.message;
  }
}

/** Build a list of findings, errors first, each with its severity as text. */
export function findingsList(
  findings: IFinding[],
  trans: TranslationBundle
): HTMLElement | null {
  if (findings.length === 0) {
    return null;
  }
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort(
    (a, b) => order[a.severity] - order[b.severity]
  );
  const label = {
    error: trans.__('Error'),
    warning: trans.__('Warning'),
    info: trans.__('Note')
  };
  return el(
    'ul',
    {
      className: 'jp-TrainingWizard-findings',
      attrs: { 'aria-label': trans.__('Findings') }
    },
    sorted.map(finding =>
      el(
        'li',
        { className: `jp-TrainingWizard-finding jp-mod-${finding.severity}` },
        [
          el('strong', { text: `${label[finding.severity]}: ` }),
          el('span', { text: findingText(finding, trans) })
        ]
      )
    )
  );
}
