import { TaskType } from '../../core/types';
import { excludedReason } from '../../data/preflight';
import { el, field } from '../dom';
import { findingsList } from '../findings';
import { StepView } from './base';

/** Step 2: choose the target, the task and the features. */
export class TargetStep extends StepView {
  constructor(options: StepView.IOptions) {
    super(options);
    this.title.label = this.trans.__('2. Target & features');
  }

  protected renderBody(host: HTMLElement): void {
    const trans = this.trans;
    const { profile, config } = this.model;
    if (!profile || profile.columns.length === 0) {
      host.appendChild(el('p', { text: trans.__('Choose a data file first.') }));
      return;
    }
    const target = el(
      'select',
      { attrs: { name: 'target', 'aria-label': trans.__('Target column') } },
      [
      el('option', { text: trans.__('(choose a column)'), attrs: { value: '' } }),
        ...profile.columns.map(column =>
          el('option', { text: column.name, attrs: { value: column.name } })
        )
      ]
    );
    target.value = config?.target ?? '';
    target.addEventListener('change', () => {
      if (target.value) {
        void this.model.setTarget(target.value);
      }
    });
    host.appendChild(field(trans.__('Target column'), target));
    if (!config) {
      return;
    }

    const task = el('select', { attrs: { name: 'task', 'aria-label': trans.__('Task') } }, [
      el('option', {
        text: trans.__('classification'),
        attrs: { value: 'classification' }
      }),
      el('option', { text: trans.__('regression'), attrs: { value: 'regression' } })
    ]);
    task.value = config.task;
    task.addEventListener(
      'change',
      () => void this.model.setTask(task.value as TaskType)
    );
    host.appendChild(
      field(trans.__('Task'), task, trans.__('Inferred from the target column.'))
    );
    host.appendChild(this._featureList());
    const findings = findingsList(this.model.findings, trans);
    if (findings) {
      host.appendChild(findings);
    }
    if (this.model.findings.some(finding => finding.code.startsWith('rare-class'))) {
      host.appendChild(this._rareClassChoice());
    }
    const next = el('button', {
      className: 'jp-mod-styled',
      text: trans.__('Next: models'),
      attrs: { type: 'button' }
    });
    next.addEventListener('click', () => this.model.setStep('models'));
    host.appendChild(next);
  }

  /** Build the choice of what to do with classes too small for every split. */
  private _rareClassChoice(): HTMLElement {
    const trans = this.trans;
    const current = this.model.config?.rareClasses ?? '';
    const options: Array<['' | 'merge' | 'drop', string]> = [
      ['', trans.__('Keep them (training is blocked)')],
      ['merge', trans.__("Merge them into 'other'")],
      ['drop', trans.__('Drop their rows')]
    ];
    const items = options.map(([value, text]) => {
      const radio = el('input', {
        attrs: { type: 'radio', name: 'rareClasses', value }
      });
      radio.checked = value === current;
      radio.addEventListener('change', () => {
        if (radio.checked) {
          void this.model.setRareClasses(value === '' ? undefined : value);
        }
      });
      return el('label', { className: 'jp-TrainingWizard-choice' }, [
        radio,
        el('span', { text: ` ${text}` })
      ]);
    });
    return el('fieldset', {}, [
      el('legend', { text: trans.__('Rare classes') }),
      ...items
    ]);
  }

  private _featureList(): HTMLElement {
    const trans = this.trans;
    const { profile, config } = this.model;
    const selected = new Set(config!.features);
    const items = profile!.columns
      .filter(column => column.name !== config!.target)
      .map(column => {
        const box = el('input', { attrs: { type: 'checkbox' } });
        box.checked = selected.has(column.name);
        box.addEventListener('change', () => {
          const next = new Set(this.model.config?.features ?? []);
          if (box.checked) {
            next.add(column.name);
          } else {
            next.delete(column.name);
          }
          const ordered = profile!.columns
            .map(item => item.name)
            .filter(name => next.has(name));
          void this.model.setFeatures(ordered);
        });
        const reason = excludedReason(profile!, column.name);
        return el('li', {}, [
          el('label', {}, [
            box,
            el('span', { text: ` ${column.name} ` }),
            el('span', {
              className: 'jp-TrainingWizard-fieldHint',
              text: reason ? `(${column.type}: ${reason})` : `(${column.type})`
            })
          ])
        ]);
      });
    return el('fieldset', { className: 'jp-TrainingWizard-features' }, [
      el('legend', {
        text: trans.__('Features (%1 selected)', config!.features.length)
      }),
      el('ul', {}, items)
    ]);
  }
}
