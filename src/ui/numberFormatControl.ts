import { TranslationBundle } from '@jupyterlab/translation';

import { IColumnProfile } from '../core/types';
import { INumberFormat } from '../data/numberFormat';
import { el } from './dom';
import { WizardModel } from './model';

/** The formats a person can choose, each shown as an example number. */
const CHOICES: Array<{ example: string; format: INumberFormat }> = [
  { example: '1234.5', format: { decimal: '.', thousands: '' } },
  { example: '1,234.5', format: { decimal: '.', thousands: ',' } },
  { example: '1 234.5', format: { decimal: '.', thousands: ' ' } },
  { example: "1'234.5", format: { decimal: '.', thousands: "'" } },
  { example: '1234,5', format: { decimal: ',', thousands: '' } },
  { example: '1.234,5', format: { decimal: ',', thousands: '.' } },
  { example: '1 234,5', format: { decimal: ',', thousands: ' ' } }
];

/** Return the example of a format, or null when it is not one of the choices. */
function exampleOf(format: { decimal: string; thousands: string }): string | null {
  const match = CHOICES.find(
    choice =>
      choice.format.decimal === format.decimal &&
      choice.format.thousands === format.thousands
  );
  return match ? match.example : null;
}

/**
 * Build the number-format select of a column: the detected (or set) format
 * first, then every other choice. Columns with no values get no control.
 */
export function numberFormatControl(
  column: IColumnProfile,
  model: WizardModel,
  trans: TranslationBundle
): HTMLElement {
  if (column.type === 'empty' || column.type === 'boolean') {
    return el('span', { text: '–' });
  }
  const formats = model.readOptions.numberFormats ?? {};
  const isSet = Object.prototype.hasOwnProperty.call(formats, column.name);
  const current = column.numberFormat ? exampleOf(column.numberFormat) : null;
  const first = isSet
    ? trans.__('%1 (set by you)', current ?? '?')
    : current
      ? trans.__('%1 (detected)', current)
      : trans.__('not numbers');
  const select = el(
    'select',
    { attrs: { 'aria-label': trans.__('Number format of %1', column.name) } },
    [
      el('option', { text: first, attrs: { value: '' } }),
      ...CHOICES.filter(choice => choice.example !== current).map(choice =>
        el('option', { text: choice.example, attrs: { value: choice.example } })
      ),
      isSet
        ? el('option', { text: trans.__('(detect)'), attrs: { value: 'detect' } })
        : null
    ]
  );
  select.value = '';
  select.addEventListener('change', () => {
    const value = select.value;
    if (value === '') {
      return;
    }
    const choice = CHOICES.find(item => item.example === value);
    void model.setNumberFormat(column.name, choice ? choice.format : null);
  });
  return select;
}
