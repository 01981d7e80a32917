import { TranslationBundle } from '@jupyterlab/translation';
import { Message } from '@lumino/messaging';
import { Panel, Widget } from '@lumino/widgets';

import { IStateChange, TrainingSession } from '../../core/session';
import { clear, el } from '../dom';
import { findingsList } from '../findings';
import { Leaderboard } from '../leaderboard';
import { WizardModel } from '../model';
import { ProgressView } from '../progress';
import { RunController } from '../runner';

/**
 * Step 4: start, cancel and restart training. Owns the progress view while a
 * run is going and the leaderboard of the last run.
 */
export class TrainStep extends Panel {
  constructor(options: TrainStep.IOptions) {
    super();
    this._model = options.model;
    this._runner = options.runner;
    this._trans = options.trans;
    this._notebookLabel = options.notebookLabel;
    this.title.label = this._trans.__('4. Train');
    this.addClass('jp-TrainingWizard-step');
    this._controls = new Widget();
    this._leaderboard = new Leaderboard({ trans: this._trans });
    this.addWidget(this._controls);
    this.addWidget(this._leaderboard);
    this._model.changed.connect(() => this._render(), this);
    this._model.session.stateChanged.connect(this._onStateChanged, this);
  }

  /** The progress view of the running run, or null. */
  get progress(): ProgressView | null {
    return this._progress;
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._disposeProgress();
    super.dispose();
  }

  protected onBeforeShow(msg: Message): void {
    super.onBeforeShow(msg);
    this._render(true);
  }

  private _onStateChanged(_: TrainingSession, change: IStateChange): void {
    if (change.current === 'running') {
      this._leaderboard.setResult(null);
      this._disposeProgress();
      this._progress = new ProgressView({
        session: this._model.session,
        trans: this._trans
      });
      this.insertWidget(1, this._progress);
    } else {
      this._disposeProgress();
      this._leaderboard.setResult(this._model.session.result);
    }
    this._render();
  }

  private _disposeProgress(): void {
    if (this._progress) {
      this._progress.dispose();
      this._progress = null;
    }
  }

  /** Rebuild the controls; skipped while hidden unless `force` is set. */
  private _render(force = false): void {
    if (!this.isVisible && !force) {
      return;
    }
    const host = this._controls.node;
    clear(host);
    const trans = this._trans;
    host.appendChild(
      el('h3', { className: 'jp-TrainingWizard-stepTitle', text: this.title.label })
    );
    const { config } = this._model;
    const state = this._model.session.state;
    if (config) {
      host.appendChild(
        el('p', {
          text: trans.__(
            'Target %1, %2 features, %3 models.',
            config.target,
            config.features.length,
            config.models.length
          )
        })
      );
    }
    const notebook = this._notebookLabel();
    host.appendChild(
      el('p', {
        className: 'jp-TrainingWizard-fieldHint',
        text: notebook
          ? trans.__('Results go to the notebook %1.', notebook)
          : trans.__('Open a notebook to write the results into it.')
      })
    );
    const errors = this._model.findings.filter(f => f.severity === 'error');
    const list = findingsList(errors, trans);
    if (list) {
      host.appendChild(list);
    }
    host.appendChild(this._buttons(state));
    host.appendChild(this._status(state));
  }

  private _buttons(state: string): HTMLElement {
    const trans = this._trans;
    const start = el('button', {
      className: 'jp-mod-styled jp-mod-accept',
      text: trans.__('Start training'),
      attrs: { type: 'button' }
    });
    start.disabled = state === 'idle' && !this._model.canStart;
    start.addEventListener('click', () => this._runner.start());
    const cancel = el('button', {
      className: 'jp-mod-styled jp-mod-warn',
      text: trans.__('Cancel'),
      attrs: { type: 'button' }
    });
    cancel.disabled = state !== 'running';
    cancel.addEventListener('click', () => this._runner.cancel());
    const restart = el('button', {
      className: 'jp-mod-styled',
      text: trans.__('Restart'),
      attrs: { type: 'button' }
    });
    restart.disabled = state === 'idle' || state === 'running';
    restart.addEventListener('click', () => this._runner.restart());
    return el('div', { className: 'jp-TrainingWizard-buttons' }, [
      start,
      cancel,
      restart
    ]);
  }

  private _status(state: string): HTMLElement {
    const trans = this._trans;
    const text: Record<string, string> = {
      idle: this._model.canStart
        ? trans.__('Ready to train.')
        : trans.__('Not ready: fix the errors listed in Step 1 (Data) and Step 2 (Target & features) first.'),
      running: trans.__('Training…'),
      succeeded: trans.__('Training finished.'),
      failed: trans.__('Training failed.'),
      cancelled: trans.__('Training cancelled.')
    };
    return el('p', {
      className: `jp-TrainingWizard-state jp-mod-${state}`,
      text: text[state] ?? state,
      attrs: { 'data-state': state }
    });
  }

  private _model: WizardModel;
  private _runner: RunController;
  private _trans: TranslationBundle;
  private _notebookLabel: () => string | null;
  private _controls: Widget;
  private _leaderboard: Leaderboard;
  private _progress: ProgressView | null = null;
}

export namespace TrainStep {
  export interface IOptions {
    model: WizardModel;
    runner: RunController;
    trans: TranslationBundle;
    /** Name of the notebook results are written to, or null. */
    notebookLabel: () => string | null;
  }
}
