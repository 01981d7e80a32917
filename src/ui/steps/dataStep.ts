import { IColumnProfile } from '../../core/types';
import { DEFAULT_MISSING_MARKERS } from '../../data/markers';
import { allowedOverrides, TypeOverride } from '../../data/overrides';
import { el, field, table } from '../dom';
import { KernelSource } from '../kernelSource';
import { numberFormatControl } from '../numberFormatControl';
import { findingsList } from '../findings';
import { StepView } from './base';
import { kernelSourceSection } from './kernelSection';

/** Step 1: choose a CSV file or a kernel DataFrame, see its first rows and column types. */
export class DataStep extends StepView {
  constructor(options: DataStep.IOptions) {
    super(options);
    this._chooseFile = options.chooseFile;
    this._kernelSource = options.kernelSource;
    this.title.label = this.trans.__('1. Data');
    this._kernelSource.changed.connect(this._onSourceChanged, this);
  }

  protected renderBody(host: HTMLElement): void {
    const trans = this.trans;
    const choose = el('button', {
      className: 'jp-mod-styled jp-mod-accept',
      text: trans.__('Choose CSV file…'),
      attrs: { type: 'button' }
    });
    choose.addEventListener('click', () => void this._chooseFile());
    host.appendChild(choose);
    host.appendChild(kernelSourceSection(this._kernelSource, this.model, trans));

    const { file, profile, isLoading } = this.model;
    if (file) {
      host.appendChild(
        el('p', {
          className: 'jp-TrainingWizard-fileName',
          text: trans.__('File: %1', file.path)
        })
      );
    }
    if (isLoading) {
      host.appendChild(
        el('p', { text: trans.__('Reading the file…'), attrs: { role: 'status' } })
      );
      return;
    }
    if (!profile) {
      return;
    }
    host.appendChild(
      el('p', {
        text: trans.__(
          '%1 rows, %2 columns, delimiter %3.',
          profile.rowCount,
          profile.columns.length,
          Private.delimiterName(profile.delimiter, trans)
        )
      })
    );
    // Once the person chose to skip ragged rows, the checked box below shows it.
    const shown = this.model.skipRaggedRows
      ? profile.findings.filter(finding => finding.code !== 'ragged-rows')
      : profile.findings;
    const findings = findingsList(shown, trans);
    if (findings) {
      host.appendChild(findings);
    }
    if (profile.raggedLines.length > 0) {
      host.appendChild(this._skipChoice(profile.raggedLines));
    }
    const limited = profile.findings.some(
      finding => finding.code === 'row-limit' || finding.code === 'row-sample'
    );
    if (limited) {
      host.appendChild(this._sampleChoice());
    }
    host.appendChild(this._markersField());
    if (profile.columns.length > 0) {
      host.appendChild(this._columnsTable(profile.columns));
      host.appendChild(
        table(
          profile.columns.map(column => column.name),
          profile.preview.slice(0, 5),
          trans.__('First rows')
        )
      );
      const next = el('button', {
        className: 'jp-mod-styled',
        text: trans.__('Next: choose the target'),
        attrs: { type: 'button' }
      });
      next.addEventListener('click', () => this.model.setStep('target'));
      host.appendChild(next);
    }
  }

  /** Build the editable list of missing-value markers. A change re-reads the file. */
  private _markersField(): HTMLElement {
    const markers =
      this.model.readOptions.missingMarkers ?? DEFAULT_MISSING_MARKERS;
    const input = el('input', {
      attrs: { type: 'text', name: 'missingMarkers' }
    });
    input.value = markers.filter(marker => marker !== '').join(', ');
    input.addEventListener('change', () => {
      const list = input.value.split(',').filter(marker => marker.trim() !== '');
      void this.model.setMissingMarkers(list);
    });
    return field(
      this.trans.__('Missing value markers'),
      input,
      this.trans.__('Separated by commas. Empty cells are always missing.')
    );
  }

  /** Build the choice between the first rows and a seeded sample. */
  private _sampleChoice(): HTMLElement {
    const box = el('input', { attrs: { type: 'checkbox' } });
    box.checked = this.model.sampleRows;
    box.addEventListener('change', () => void this.model.setSampleRows(box.checked));
    return el('label', { className: 'jp-TrainingWizard-skip' }, [
      box,
      el('span', {
        text: ` ${this.trans.__(
          'Use a random sample drawn with the seed (%1) instead of the first rows',
          this.model.options.seed
        )}`
      })
    ]);
  }

  /** Build the explicit choice to train without rows of the wrong length. */
  private _skipChoice(lines: number[]): HTMLElement {
    const box = el('input', { attrs: { type: 'checkbox' } });
    box.checked = this.model.skipRaggedRows;
    box.addEventListener(
      'change',
      () => void this.model.setSkipRaggedRows(box.checked)
    );
    const shown = lines.slice(0, 20).join(', ');
    const more = lines.length > 20 ? ', …' : '';
    return el('label', { className: 'jp-TrainingWizard-skip' }, [
      box,
      el('span', {
        text: ` ${this.trans.__(
          'Skip the %1 rows with the wrong number of fields (lines %2%3) when training',
          lines.length,
          shown,
          more
        )}`
      })
    ]);
  }

  private _columnsTable(columns: IColumnProfile[]): HTMLElement {
    const trans = this.trans;
    const body = el(
      'tbody',
      {},
      columns.map(column =>
        el('tr', {}, [
          el('td', { text: column.name }),
          el('td', {}, [this._typeControl(column)]),
          el('td', {}, [numberFormatControl(column, this.model, trans)]),
          el('td', { text: String(column.missing) }),
          el('td', { text: String(column.distinct) }),
          el('td', { text: column.summary, attrs: { title: column.reason } })
        ])
      )
    );
    const headers = [
      trans.__('Column'),
      trans.__('Type'),
      trans.__('Number format'),
      trans.__('Missing'),
      trans.__('Distinct'),
      trans.__('Summary')
    ];
    return el('table', { className: 'jp-TrainingWizard-table' }, [
      el('caption', { text: trans.__('Columns') }),
      el('thead', {}, [
        el('tr', {}, headers.map(text => el('th', { text, attrs: { scope: 'col' } })))
      ]),
      body
    ]);
  }

  /**
   * Build the type cell: the type as text, or a select when the column
   * accepts another type. The reason is the cell's description.
   */
  private _typeControl(column: IColumnProfile): HTMLElement {
    const overrides = this.model.readOptions.columnTypes ?? {};
    const isOverridden = Object.prototype.hasOwnProperty.call(overrides, column.name);
    const choices = allowedOverrides(column);
    if (choices.length === 0 && !isOverridden) {
      return el('span', { text: column.type, attrs: { title: column.reason } });
    }
    const select = el(
      'select',
      {
        attrs: {
          'aria-label': this.trans.__('Type of %1', column.name),
          title: column.reason
        }
      },
      [
        el('option', { text: column.type, attrs: { value: '' } }),
        ...choices.map(type => el('option', { text: type, attrs: { value: type } }))
      ]
    );
    if (isOverridden) {
      select.appendChild(
        el('option', { text: this.trans.__('(as inferred)'), attrs: { value: 'inferred' } })
      );
    }
    select.value = '';
    select.addEventListener('change', () => {
      const value = select.value;
      if (value === '') {
        return;
      }
      void this.model.setColumnType(
        column.name,
        value === 'inferred' ? null : (value as TypeOverride)
      );
    });
    return select;
  }

  private _onSourceChanged(): void {
    if (this.isVisible) {
      this.render();
    }
  }

  private _chooseFile: () => Promise<void>;
  private _kernelSource: KernelSource;
}

export namespace DataStep {
  export interface IOptions extends StepView.IOptions {
    /** Opens the file dialog and loads the chosen file into the model. */
    chooseFile: () => Promise<void>;
    /** The second source: DataFrames of the notebook's kernel. */
    kernelSource: KernelSource;
  }
}

namespace Private {
  export function delimiterName(
    delimiter: string,
    trans: { __: (text: string) => string }
  ): string {
    switch (delimiter) {
      case ',':
        return trans.__('comma');
      case ';':
        return trans.__('semicolon');
      case '\t':
        return trans.__('tab');
      case '|':
        return trans.__('pipe');
      default:
        return JSON.stringify(delimiter);
    }
  }
}
