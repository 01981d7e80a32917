import type { TranslationBundle } from '@jupyterlab/translation';

import { IFinding } from '../core/types';
import { el } from './dom';
import { translateFinding } from './findingTemplates';

/**
 * Return the translated text of a finding.
 *
 * #### Notes
 * Findings carry English text from the data room and their values in
 * `params`. Every code that the data room reports has a translated template,
 * and a finding with an unknown code falls back to its English `message`.
 */
export function findingText(
  finding: IFinding,
  trans: TranslationBundle
): string {
  return translateFinding(finding, trans) ?? finding.message;
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
