import { TranslationBundle } from '@jupyterlab/translation';
import { Widget } from '@lumino/widgets';

import { IRunProgress, TrainingSession } from '../core/session';
import { el } from './dom';

/**
 * Progress of the running run: an overall progress bar, the current model,
 * epoch, loss and estimated time left. Created when a run starts and
 * disposed by its owner when the run ends, whatever the outcome.
 */
export class ProgressView extends Widget {
  constructor(options: ProgressView.IOptions) {
    super();
    this._trans = options.trans;
    this._session = options.session;
    this.addClass('jp-TrainingWizard-progress');
    const trans = this._trans;
    this._fill = el('div', { className: 'jp-TrainingWizard-progressFill' });
    this._bar = el(
      'div',
      {
        className: 'jp-TrainingWizard-progressBar',
        attrs: {
          role: 'progressbar',
          'aria-label': trans.__('Training progress'),
          'aria-valuemin': '0',
          'aria-valuemax': '100',
          'aria-valuenow': '0'
        }
      },
      [this._fill]
    );
    this._detail = el('p', {
      className: 'jp-TrainingWizard-progressDetail',
      text: trans.__('Starting the training worker…'),
      attrs: { 'aria-live': 'polite' }
    });
    this.node.appendChild(this._bar);
    this.node.appendChild(this._detail);
    this._session.progressChanged.connect(this._onProgress, this);
    if (this._session.progress) {
      this._onProgress(this._session, this._session.progress);
    }
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._session.progressChanged.disconnect(this._onProgress, this);
    super.dispose();
  }

  private _onProgress(_: TrainingSession, progress: IRunProgress): void {
    const trans = this._trans;
    const percent = Math.round(progress.fraction * 100);
    this._bar.setAttribute('aria-valuenow', String(percent));
    this._bar.setAttribute('aria-valuetext', trans.__('%1%', percent));
    this._fill.style.width = `${percent}%`;
    const parts = [trans.__('Model: %1', progress.modelName)];
    if (progress.fold !== null && progress.folds !== null) {
      parts.push(trans.__('fold %1 of %2', progress.fold, progress.folds));
    }
    if (progress.epochs > 0) {
      parts.push(trans.__('epoch %1 of %2', progress.epoch, progress.epochs));
    }
    if (progress.loss !== null && Number.isFinite(progress.loss)) {
      parts.push(trans.__('loss %1', progress.loss.toFixed(4)));
    }
    if (progress.valAccuracy !== null && Number.isFinite(progress.valAccuracy)) {
      parts.push(
        trans.__('validation accuracy %1', progress.valAccuracy.toFixed(3))
      );
    }
    if (progress.remainingMs !== null && Number.isFinite(progress.remainingMs)) {
      parts.push(
        trans.__('about %1 s left', Math.ceil(progress.remainingMs / 1000))
      );
    }
    this._detail.textContent = parts.join(' · ');
  }

  private _trans: TranslationBundle;
  private _session: TrainingSession;
  private _bar: HTMLElement;
  private _fill: HTMLElement;
  private _detail: HTMLElement;
}

export namespace ProgressView {
  export interface IOptions {
    session: TrainingSession;
    trans: TranslationBundle;
  }
}
