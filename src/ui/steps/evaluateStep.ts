import {
  classCountRows,
  formatMetric,
  METRIC_COLUMNS,
  metricLabel,
  runNotes
} from '../../notebook/format';
import { el, table } from '../dom';
import { KernelSource } from '../kernelSource';
import { leaderboardTable } from '../leaderboard';
import { StepView } from './base';
import { pushSection } from './kernelSection';

/** Step 5: the leaderboard, the best model's metrics, and the write and push actions. */
export class EvaluateStep extends StepView {
  constructor(options: EvaluateStep.IOptions) {
    super(options);
    this._writeResults = options.writeResults;
    this._kernelSource = options.kernelSource;
    this.title.label = this.trans.__('5. Evaluate & export');
    this._kernelSource.changed.connect(this._onSourceChanged, this);
  }

  protected renderBody(host: HTMLElement): void {
    const trans = this.trans;
    const result = this.model.session.result;
    if (!result) {
      host.appendChild(
        el('p', { text: trans.__('Results appear here after a run.') })
      );
      return;
    }
    host.appendChild(leaderboardTable(result, trans));
    const translate = (text: string, ...args: Array<string | number>) =>
      trans.__(text, ...args);
    const notes = runNotes(result, translate);
    if (notes.length > 0) {
      host.appendChild(
        el(
          'ul',
          { className: 'jp-TrainingWizard-notes', attrs: { 'aria-label': trans.__('Data notes') } },
          notes.map(text => el('li', { text }))
        )
      );
    }

    const best = result.models.find(model => model.id === result.best);
    if (best) {
      host.appendChild(
        el('h4', { text: trans.__('Best model: %1', best.name) })
      );
      host.appendChild(
        table(
          [trans.__('Metric'), trans.__('Value')],
          METRIC_COLUMNS[result.task].map(metric => [
            metricLabel(metric, translate),
            formatMetric(best.metrics[metric])
          ])
        )
      );
    }
    if (result.backend) {
      const note = this.runner.backendNote;
      host.appendChild(
        el('p', {
          className: 'jp-TrainingWizard-fieldHint',
          text: note
            ? trans.__('Trained on the %1 backend. %2', result.backend, note)
            : trans.__('Trained on the %1 backend.', result.backend)
        })
      );
    }
    const counts = classCountRows(result, translate);
    if (counts) {
      host.appendChild(
        table(counts.headers, counts.rows, trans.__('Class counts per split'))
      );
    }
    const write = el('button', {
      className: 'jp-mod-styled',
      text: trans.__('Write results to notebook'),
      attrs: { type: 'button' }
    });
    write.disabled = this.model.session.state !== 'succeeded';
    write.addEventListener('click', () => void this._writeResults());
    const restart = el('button', {
      className: 'jp-mod-styled',
      text: trans.__('Restart'),
      attrs: { type: 'button' }
    });
    restart.addEventListener('click', () => this.runner.restart());
    host.appendChild(
      el('div', { className: 'jp-TrainingWizard-buttons' }, [write, restart])
    );
    host.appendChild(pushSection(this._kernelSource, this.model, trans));
  }

  private _onSourceChanged(): void {
    if (this.isVisible) {
      this.render();
    }
  }

  private _writeResults: () => Promise<void>;
  private _kernelSource: KernelSource;
}

export namespace EvaluateStep {
  export interface IOptions extends StepView.IOptions {
    /** Writes the last successful run into the notebook. */
    writeResults: () => Promise<void>;
    /** Pushes the results into the notebook's kernel. */
    kernelSource: KernelSource;
  }
}
