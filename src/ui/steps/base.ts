import { TranslationBundle } from '@jupyterlab/translation';
import { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';

import { clear, el } from '../dom';
import { WizardModel } from '../model';
import { RunController } from '../runner';

/**
 * A wizard step: renders the model when shown and on every model change
 * while visible. A hidden step does no work.
 */
export abstract class StepView extends Widget {
  constructor(options: StepView.IOptions) {
    super();
    this.model = options.model;
    this.runner = options.runner;
    this.trans = options.trans;
    this.addClass('jp-TrainingWizard-step');
    this.model.changed.connect(this._onModelChanged, this);
  }

  readonly model: WizardModel;
  readonly runner: RunController;
  readonly trans: TranslationBundle;

  /** Rebuild the step's content from the model. */
  render(): void {
    clear(this.node);
    this.node.appendChild(
      el('h3', { className: 'jp-TrainingWizard-stepTitle', text: this.title.label })
    );
    this.renderBody(this.node);
  }

  /** Append the step's content to `host`. */
  protected abstract renderBody(host: HTMLElement): void;

  protected onBeforeShow(msg: Message): void {
    super.onBeforeShow(msg);
    this.render();
  }

  private _onModelChanged(): void {
    if (this.isVisible) {
      this.render();
    }
  }
}

export namespace StepView {
  export interface IOptions {
    model: WizardModel;
    runner: RunController;
    trans: TranslationBundle;
  }
}
