import { TranslationBundle } from '@jupyterlab/translation';
import { Panel, Widget } from '@lumino/widgets';

import { clear, el } from './dom';
import { KernelSource } from './kernelSource';
import { STEPS, StepName, WizardModel } from './model';
import { RunController } from './runner';
import { DataStep } from './steps/dataStep';
import { EvaluateStep } from './steps/evaluateStep';
import { ModelsStep } from './steps/modelsStep';
import { TargetStep } from './steps/targetStep';
import { TrainStep } from './steps/trainStep';

/**
 * The Training Wizard side panel: a step bar, a notice line and one widget
 * per step. Owns the model, the run controller and the step widgets.
 */
export class WizardPanel extends Panel {
  constructor(options: WizardPanel.IOptions) {
    super();
    this.model = options.model;
    this.runner = options.runner;
    this.kernelSource = options.kernelSource;
    this._trans = options.trans;
    this.id = 'jp-training-wizard';
    this.addClass('jp-TrainingWizard');
    this.title.caption = this._trans.__('Training Wizard');

    const common = { model: this.model, runner: this.runner, trans: this._trans };
    this._steps = {
      data: new DataStep({
        ...common,
        chooseFile: options.chooseFile,
        kernelSource: options.kernelSource
      }),
      target: new TargetStep(common),
      models: new ModelsStep(common),
      train: new TrainStep({ ...common, notebookLabel: options.notebookLabel }),
      evaluate: new EvaluateStep({
        ...common,
        writeResults: options.writeResults,
        exportModel: options.exportModel,
        figures: options.figures,
        kernelSource: options.kernelSource
      })
    };
    this._header = new Widget();
    this._header.addClass('jp-TrainingWizard-header');
    this._stack = new Panel();
    this._stack.addClass('jp-TrainingWizard-body');
    for (const name of STEPS) {
      this._stack.addWidget(this._steps[name]);
      this._steps[name].hide();
    }
    this.addWidget(this._header);
    this.addWidget(this._stack);
    this.model.changed.connect(this._sync, this);
    this.model.session.stateChanged.connect(this._sync, this);
    this._sync();
  }

  readonly model: WizardModel;
  readonly runner: RunController;
  readonly kernelSource: KernelSource;

  /** Redraw the charts of Step 5, after a theme change. */
  refreshCharts(): void {
    (this._steps.evaluate as EvaluateStep).refreshCharts();
  }

  /** Return the widget of a step. */
  stepWidget(name: StepName): Widget {
    return this._steps[name];
  }

  /** Dispose the steps, then the run controller, the kernel source and the model. */
  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    super.dispose();
    this.runner.dispose();
    this.kernelSource.dispose();
    this.model.dispose();
  }

  private _sync(): void {
    if (this.isDisposed) {
      return;
    }
    const current = this.model.step;
    for (const name of STEPS) {
      const widget = this._steps[name];
      if (name === current) {
        widget.show();
      } else {
        widget.hide();
      }
    }
    this._renderHeader(current);
  }

  private _renderHeader(current: StepName): void {
    const trans = this._trans;
    const host = this._header.node;
    clear(host);
    host.appendChild(
      el('h2', { className: 'jp-TrainingWizard-title', text: trans.__('Training Wizard') })
    );
    const hasResults = this.model.session.result !== null;
    const tabs = STEPS.map(name => {
      const tab = el('button', {
        className: 'jp-TrainingWizard-tab',
        text: this._steps[name].title.label,
        attrs: {
          type: 'button',
          role: 'tab',
          'aria-selected': String(name === current)
        }
      });
      tab.disabled = name === 'evaluate' && !hasResults;
      tab.addEventListener('click', () => this.model.setStep(name));
      return tab;
    });
    host.appendChild(
      el(
        'div',
        {
          className: 'jp-TrainingWizard-tabs',
          attrs: { role: 'tablist', 'aria-label': trans.__('Wizard steps') }
        },
        tabs
      )
    );
    const notice = this.model.notice;
    if (notice) {
      host.appendChild(
        el('p', {
          className: `jp-TrainingWizard-notice jp-mod-${notice.kind}`,
          text: notice.text,
          attrs: { role: notice.kind === 'error' ? 'alert' : 'status' }
        })
      );
    }
  }

  private _trans: TranslationBundle;
  private _header: Widget;
  private _stack: Panel;
  private _steps: Record<StepName, Widget>;
}

export namespace WizardPanel {
  export interface IOptions {
    model: WizardModel;
    runner: RunController;
    trans: TranslationBundle;
    chooseFile: () => Promise<void>;
    writeResults: () => Promise<void>;
    /** Exports a model of the last run next to its notebook. */
    exportModel: (modelId: string) => Promise<void>;
    /** The figures of one model of a run. */
    figures: EvaluateStep.IOptions['figures'];
    notebookLabel: () => string | null;
    /** DataFrames of the notebook's kernel and the push of results, disposed with the panel. */
    kernelSource: KernelSource;
  }
}
