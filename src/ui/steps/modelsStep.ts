import { TranslationBundle } from '@jupyterlab/translation';

import { LIMITS } from '../../core/config';
import { BackendName, ModelId, TaskType } from '../../core/types';
import { el, field } from '../dom';
import { TrainingOptions } from '../model';
import { StepView } from './base';

/** Every model of the catalogue, in the order the step lists them. */
const CATALOGUE_ORDER: ModelId[] = ['baseline', 'linear', 'mlp', 'mlp-wide', 'forest'];

/** Step 3: the models that will train, the split and the training options. */
export class ModelsStep extends StepView {
  constructor(options: StepView.IOptions) {
    super(options);
    this.title.label = this.trans.__('3. Models & validation');
  }

  protected renderBody(host: HTMLElement): void {
    const trans = this.trans;
    const config = this.model.config;
    if (!config) {
      host.appendChild(el('p', { text: trans.__('Choose a target first.') }));
      return;
    }
    const chosen = new Set(config.models);
    const items = CATALOGUE_ORDER.map(id => {
      const box = el('input', { attrs: { type: 'checkbox' } });
      box.checked = chosen.has(id);
      box.addEventListener('change', () => {
        const next = CATALOGUE_ORDER.filter(
          item => (item === id ? box.checked : chosen.has(item))
        );
        void this.model.setModels(next);
      });
      const info = modelInfo(id, config.task, trans);
      return el('li', {}, [
        el('label', {}, [
          box,
          el('strong', { text: ` ${info.name}` }),
          el('span', {
            className: 'jp-TrainingWizard-fieldHint',
            text: ` ${info.description}`
          })
        ])
      ]);
    });
    host.appendChild(
      el('fieldset', {}, [
        el('legend', { text: trans.__('Models') }),
        el('ul', { className: 'jp-TrainingWizard-models' }, items)
      ])
    );

    host.appendChild(this._validationField());
    host.appendChild(el('p', { text: this._splitText() }));
    host.appendChild(this._numberField('epochs', trans.__('Epochs'), 1));
    host.appendChild(this._numberField('batchSize', trans.__('Batch size'), 1));
    host.appendChild(
      this._numberField('holdout', trans.__('Validation fraction'), 0.05)
    );
    host.appendChild(this._numberField('seed', trans.__('Seed'), 1));
    host.appendChild(
      this._numberField('learningRate', trans.__('Learning rate'), 0.001)
    );
    host.appendChild(this._backendField());

    const next = el('button', {
      className: 'jp-mod-styled',
      text: trans.__('Next: train'),
      attrs: { type: 'button' }
    });
    next.addEventListener('click', () => this.model.setStep('train'));
    host.appendChild(next);
  }

  private _numberField(
    key: 'epochs' | 'batchSize' | 'holdout' | 'seed' | 'learningRate',
    caption: string,
    step: number
  ): HTMLElement {
    const { min, max } = LIMITS[key];
    const input = el('input', {
      attrs: {
        type: 'number',
        name: key,
        min: String(min),
        max: String(max),
        step: String(step)
      }
    });
    input.value = String(this.model.options[key]);
    input.addEventListener('change', () => {
      const value = Number(input.value);
      if (!Number.isFinite(value) || value < min || value > max) {
        this.model.setNotice({
          kind: 'error',
          text: this.trans.__(
            '%1 must be between %2 and %3; kept %4.',
            caption,
            min,
            max,
            this.model.options[key]
          )
        });
        return;
      }
      void this.model.setOption(key, value as TrainingOptions[typeof key]);
    });
    return field(caption, input);
  }

  /** Build the choice between the holdout split and k-fold validation. */
  private _validationField(): HTMLElement {
    const trans = this.trans;
    const select = el('select', { attrs: { name: 'folds' } }, [
      el('option', { text: trans.__('Holdout split'), attrs: { value: '0' } }),
      ...[3, 5, 10].map(folds =>
        el('option', {
          text: trans.__('%1-fold cross-validation', folds),
          attrs: { value: String(folds) }
        })
      )
    ]);
    select.value = String(this.model.config?.folds ?? 0);
    select.addEventListener(
      'change',
      () => void this.model.setFolds(Number(select.value))
    );
    return field(trans.__('Validation'), select);
  }

  /** Describe the validation split of the current configuration. */
  private _splitText(): string {
    const trans = this.trans;
    const config = this.model.config!;
    const stratified = config.task === 'classification';
    if (config.folds && config.folds > 1) {
      return stratified
        ? trans.__(
            'Each model trains %1 times on stratified folds shuffled with the seed; metrics are the mean over the folds.',
            config.folds
          )
        : trans.__(
            'Each model trains %1 times on folds shuffled with the seed; metrics are the mean over the folds.',
            config.folds
          );
    }
    const percent = Math.round(config.holdout * 100);
    return stratified
      ? trans.__(
          'Validation: stratified holdout of %1% of the rows, shuffled with the seed.',
          percent
        )
      : trans.__(
          'Validation: holdout of %1% of the rows, shuffled with the seed.',
          percent
        );
  }

  private _backendField(): HTMLElement {
    const select = el('select', { attrs: { name: 'backend' } }, [
      el('option', { text: this.trans.__('auto (wasm, else cpu)'), attrs: { value: 'auto' } }),
      el('option', { text: 'wasm', attrs: { value: 'wasm' } }),
      el('option', { text: 'cpu', attrs: { value: 'cpu' } })
    ]);
    select.value = this.model.options.backend;
    select.addEventListener(
      'change',
      () => void this.model.setOption('backend', select.value as BackendName)
    );
    return field(this.trans.__('Backend'), select);
  }
}

/** Translated name and one-line description of a model for a task. */
export function modelInfo(
  id: ModelId,
  task: TaskType,
  trans: TranslationBundle
): { name: string; description: string } {
  const classification = task === 'classification';
  switch (id) {
    case 'baseline':
      return classification
        ? {
            name: trans.__('Baseline'),
            description: trans.__('Always predicts the most frequent class.')
          }
        : {
            name: trans.__('Baseline'),
            description: trans.__('Always predicts the training mean.')
          };
    case 'linear':
      return classification
        ? {
            name: trans.__('Logistic regression'),
            description: trans.__('One dense softmax layer, Adam optimiser.')
          }
        : {
            name: trans.__('Linear regression'),
            description: trans.__('One dense linear layer, Adam optimiser.')
          };
    case 'mlp':
      return {
        name: trans.__('MLP'),
        description: trans.__(
          'One hidden layer of 32 ReLU units, early stopping on validation loss.'
        )
      };
    case 'mlp-wide':
      return {
        name: trans.__('Wide MLP'),
        description: trans.__(
          'Two hidden layers of 64 and 32 ReLU units, early stopping on validation loss.'
        )
      };
    case 'forest':
      return {
        name: trans.__('Random forest'),
        description: trans.__(
          'An ensemble of decision trees; skipped for very large datasets.'
        )
      };
  }
}
