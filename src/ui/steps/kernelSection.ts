import { TranslationBundle } from '@jupyterlab/translation';

import { predictionsName } from '../../kernel/names';
import { planTransfer } from '../../kernel/tables';
import { el, field } from '../dom';
import { KernelSource } from '../kernelSource';
import { WizardModel } from '../model';

/** Format a size in bytes as B, KiB, MiB or GiB with one decimal. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Build Step 1's second source: the pandas DataFrames of the notebook's
 * kernel, a Refresh button, and one Use button per DataFrame.
 */
export function kernelSourceSection(
  source: KernelSource,
  model: WizardModel,
  trans: TranslationBundle
): HTMLElement {
  const section = el('section', {
    className: 'jp-TrainingWizard-kernelSource',
    attrs: { 'aria-label': trans.__('DataFrame in the kernel') }
  });
  section.appendChild(el('h4', { text: trans.__('DataFrame in the kernel') }));
  const notebook = source.notebook;
  if (!notebook) {
    section.appendChild(
      el('p', {
        className: 'jp-TrainingWizard-fieldHint',
        text: trans.__('Open a notebook with a running Python kernel to choose one of its pandas DataFrames.')
      })
    );
    return section;
  }
  const refresh = el('button', {
    className: 'jp-mod-styled',
    text: trans.__('Refresh'),
    attrs: { type: 'button', 'aria-label': trans.__('Refresh the DataFrames of the kernel') }
  });
  refresh.disabled = source.status !== 'idle';
  refresh.addEventListener('click', () => void source.refresh());
  section.appendChild(
    el('p', { text: trans.__('pandas DataFrames in the kernel of %1. ', notebook) }, [refresh])
  );

  if (source.status === 'listing' || source.status === 'fetching') {
    section.appendChild(
      el('p', {
        text:
          source.status === 'listing'
            ? trans.__('Listing the DataFrames…')
            : trans.__('Receiving the DataFrame…'),
        attrs: { role: 'status' }
      })
    );
  }
  const listing = source.listing;
  if (listing && listing.pandas !== 'missing') {
    section.appendChild(framesBody(source, trans));
  }
  const loaded = source.loaded;
  if (loaded && model.file?.name === `${loaded.name} (DataFrame)`) {
    section.appendChild(
      el('p', {
        className: 'jp-TrainingWizard-fieldHint',
        text: trans.__(
          'Received %1: %2 of %3 rows, %4 of CSV, SHA-256 %5.',
          loaded.name,
          loaded.rows,
          loaded.totalRows,
          formatBytes(loaded.bytes),
          loaded.sha256
        )
      })
    );
  }
  return section;
}

/** Build the table of DataFrames, or a hint when there is none. */
function framesBody(source: KernelSource, trans: TranslationBundle): HTMLElement {
  const frames = source.listing?.frames ?? [];
  if (frames.length === 0) {
    return el('p', {
      text: trans.__(
        'No pandas DataFrame in the kernel of %1. Create one in a cell, then press Refresh.',
        source.notebook ?? ''
      )
    });
  }
  const limit = source.rowLimit;
  const rows = frames.map(frame => {
    const plan = planTransfer(frame, limit);
    const use = el('button', {
      className: 'jp-mod-styled',
      text: trans.__('Use'),
      attrs: { type: 'button', 'aria-label': trans.__('Use %1', frame.name) }
    });
    use.disabled = source.status !== 'idle';
    use.addEventListener('click', () => void source.choose(frame));
    return el('tr', {}, [
      el('td', { text: frame.name }),
      el('td', { text: trans.__('%1 × %2', frame.rows, frame.columns) }),
      el('td', { text: formatBytes(frame.memory) }),
      el('td', {
        text: plan.limited ? trans.__('first %1 rows or a sample', limit) : trans.__('all rows')
      }),
      el('td', {}, [use])
    ]);
  });
  const headers = [trans.__('Name'), trans.__('Rows × columns'), trans.__('Memory'), trans.__('Sent'), ''];
  const body = el('div', {}, [
    el('table', { className: 'jp-TrainingWizard-table' }, [
      el('caption', { text: trans.__('DataFrames') }),
      el('thead', {}, [
        el('tr', {}, headers.map(text => el('th', { text, attrs: { scope: 'col' } })))
      ]),
      el('tbody', {}, rows)
    ])
  ]);
  if (frames.some(frame => frame.rows > limit)) {
    const box = el('input', { attrs: { type: 'checkbox' } });
    box.checked = source.sample;
    box.addEventListener('change', () => source.setSample(box.checked));
    body.appendChild(
      el('p', {
        className: 'jp-TrainingWizard-fieldHint',
        text: trans.__(
          'DataFrames with more rows than the row limit (%1) send only that many rows.',
          limit
        )
      })
    );
    body.appendChild(
      el('label', { className: 'jp-TrainingWizard-skip' }, [
        box,
        el('span', {
          text: ` ${trans.__(
            'Use a random sample drawn with the seed (%1) instead of the first rows',
            source.seed
          )}`
        })
      ])
    );
  }
  return body;
}

/**
 * Build Step 5's push controls: the name of the results DataFrame and the
 * button that assigns it in the notebook's kernel.
 */
export function pushSection(
  source: KernelSource,
  model: WizardModel,
  trans: TranslationBundle
): HTMLElement {
  const section = el('section', {
    className: 'jp-TrainingWizard-kernelPush',
    attrs: { 'aria-label': trans.__('Push results to the kernel') }
  });
  section.appendChild(el('h4', { text: trans.__('Push results to the kernel') }));
  const input = el('input', { attrs: { type: 'text', name: 'pushName' } });
  input.value = source.pushName;
  input.addEventListener('input', () => source.setPushName(input.value));

  section.appendChild(
    field(
      trans.__('Results DataFrame name'),
      input,
      trans.__(
        'A Python name. The validation predictions go to %1.',
        predictionsName(source.pushName)
      )
    )
  );
  const result = model.session.result;
  if (result && !result.models.some(entry => entry.predictions)) {
    section.appendChild(
      el('p', {
        className: 'jp-TrainingWizard-fieldHint',
        text: trans.__(
          'The model results carry no validation predictions, so only the leaderboard is pushed.'
        )
      })
    );
  }

  const button = el('button', {
    className: 'jp-mod-styled',
    text: trans.__('Push results to kernel'),
    attrs: { type: 'button' }
  });
  button.disabled =
    model.session.state !== 'succeeded' || source.status !== 'idle' || !source.notebook;
  button.addEventListener('click', () => {
    source.setPushName(input.value);
    void source.push();
  });
  section.appendChild(button);
  if (source.status === 'pushing') {
    section.appendChild(
      el('p', { text: trans.__('Pushing the results…'), attrs: { role: 'status' } })
    );
  }
  return section;
}
