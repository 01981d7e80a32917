import { METRIC_COLUMNS, formatMetric, metricLabel } from '../../notebook/format';
import { el, table } from '../dom';
import { leaderboardTable } from '../leaderboard';
import { StepView } from './base';

/** Step 5: the leaderboard, the best model's metrics and the write action. */
export class EvaluateStep extends StepView {
  constructor(options: EvaluateStep.IOptions) {
    super(options);
    this._writeResults = options.writeResults;
    this.title.label = this.trans.__('5. Evaluate & export');
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

    const best = result.models.find(model => model.id === result.best);
    if (best) {
      const translate = (text: string, ...args: Array<string | number>) =>
        trans.__(text, ...args);
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
    if (result.classCounts) {
      const counts = result.classCounts;
      const labels = Object.keys(counts.train);
      host.appendChild(
        table(
          [trans.__('Class'), trans.__('Training rows'), trans.__('Validation rows')],
          labels.map(label => [
            label,
            String(counts.train[label] ?? 0),
            String(counts.validation[label] ?? 0)
          ]),
          trans.__('Class counts per split')
        )
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
  }

  private _writeResults: () => Promise<void>;
}

export namespace EvaluateStep {
  export interface IOptions extends StepView.IOptions {
    /** Writes the last successful run into the notebook. */
    writeResults: () => Promise<void>;
  }
}
