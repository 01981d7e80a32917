import {
  classCountRows,
  formatMetric,
  METRIC_COLUMNS,
  metricLabel,
  runNotes
} from '../../notebook/format';
import { IRunResult } from '../../core/types';
import { el, table } from '../dom';
import { KernelSource } from '../kernelSource';
import { leaderboardTable } from '../leaderboard';
import { IGalleryFigure, PlotGallery } from '../plotGallery';
import { StepView } from './base';
import { pushSection } from './kernelSection';

/** Step 5: the leaderboard, the best model's metrics, and the write and push actions. */
export class EvaluateStep extends StepView {
  constructor(options: EvaluateStep.IOptions) {
    super(options);
    this._writeResults = options.writeResults;
    this._exportModel = options.exportModel;
    this._figures = options.figures;
    this._kernelSource = options.kernelSource;
    this.title.label = this.trans.__('5. Evaluate & export');
    this._kernelSource.changed.connect(this._onSourceChanged, this);
    this._gallery = new PlotGallery({
      label: this.trans.__('Charts of the chosen model'),
      messages: {
        empty: this.trans.__('This model has no charts.'),
        loading: this.trans.__('Loading the charts…'),
        failed: this.trans.__('The chart library could not be loaded. The leaderboard above is complete.')
      }
    });
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._kernelSource.changed.disconnect(this._onSourceChanged, this);
    this._gallery.dispose();
    super.dispose();
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
    const selected = this.model.selectedModel;
    host.appendChild(
      leaderboardTable(result, trans, {
        selected,
        onSelect: id => this.model.selectModel(id as never)
      })
    );
    host.appendChild(
      el('p', {
        className: 'jp-TrainingWizard-fieldHint',
        text: trans.__('Choose a row to see the charts of that model.')
      })
    );
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

    const best = result.models.find(model => model.id === selected);
    if (best) {
      host.appendChild(
        el('h4', {
          text:
            best.id === result.best
              ? trans.__('Best model: %1', trans.__(best.name))
              : trans.__('Chosen model: %1', trans.__(best.name))
        })
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
    const exportButton = el('button', {
      className: 'jp-mod-styled',
      text: trans.__('Export model'),
      attrs: {
        type: 'button',
        title: trans.__('Save the chosen model, its preprocessing and its validation predictions next to the notebook')
      }
    });
    exportButton.disabled = !best?.artifact;
    exportButton.addEventListener('click', () => {
      if (best) {
        void this._exportModel(best.id);
      }
    });
    const buttons = [write, exportButton, restart];
    if (this.runner.shownFromCache) {
      const retrain = el('button', {
        className: 'jp-mod-styled jp-mod-accept',
        text: trans.__('Retrain'),
        attrs: { type: 'button' }
      });
      retrain.addEventListener('click', () => this.runner.retrain());
      buttons.unshift(retrain);
    }
    host.appendChild(
      el('div', { className: 'jp-TrainingWizard-buttons' }, buttons)
    );
    host.appendChild(pushSection(this._kernelSource, this.model, trans));
    if (best) {
      host.appendChild(el('h4', { text: trans.__('Charts') }));
      host.appendChild(this._gallery.node);
      this._gallery.show(`${this.model.session.runId}:${best.id}`, () =>
        this._figures(result, best.id)
      );
    }
  }

  /** Draw the charts again, for example in the colours of a new theme. */
  refreshCharts(): void {
    this._gallery.invalidate();
    if (this.isVisible) {
      this.render();
    }
  }

  private _onSourceChanged(): void {
    if (this.isVisible) {
      this.render();
    }
  }

  private _writeResults: () => Promise<void>;
  private _exportModel: (modelId: string) => Promise<void>;
  private _figures: (result: IRunResult, modelId: string) => IGalleryFigure[];
  private _gallery: PlotGallery;
  private _kernelSource: KernelSource;
}

export namespace EvaluateStep {
  export interface IOptions extends StepView.IOptions {
    /** Writes the last successful run into the notebook. */
    writeResults: () => Promise<void>;
    /** Exports a model of the last run next to its notebook. */
    exportModel: (modelId: string) => Promise<void>;
    /** The figures of one model of a run. */
    figures: (result: IRunResult, modelId: string) => IGalleryFigure[];
    /** Pushes the results into the notebook's kernel. */
    kernelSource: KernelSource;
  }
}
