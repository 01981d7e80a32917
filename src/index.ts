import {
  ILabShell,
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { Dialog, ICommandPalette, showDialog } from '@jupyterlab/apputils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator } from '@jupyterlab/translation';
import { PathExt } from '@jupyterlab/coreutils';

import { WorkerClient } from './engine/client';
import { spawnTrainingWorker } from './engine/spawn';
import { DEFAULT_OPTIONS, WizardModel } from './ui/model';
import { WizardPanel } from './ui/panel';
import { RunController } from './ui/runner';
import { wizardIcon } from './ui/icon';
import { ResultsDelivery } from './ui/delivery';
import { chooseDataFile } from './ui/chooseFile';
import { KernelBridge } from './kernel/bridge';
import { KernelSource } from './ui/kernelSource';
import { readSettings } from './settings';

/** Command ids of the extension. */
export namespace CommandIDs {
  export const open = 'training-wizard:open';
}

const PLUGIN_ID = 'jupyterlab-training-wizard:plugin';

/** The Training Wizard side panel, its command and its settings. */
const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description:
    'A side panel that trains models on a CSV file in a Web Worker and writes a leaderboard into the notebook.',
  autoStart: true,
  requires: [IDocumentManager, INotebookTracker],
  optional: [
    ILabShell,
    ILayoutRestorer,
    ICommandPalette,
    ISettingRegistry,
    ITranslator
  ],
  activate: async (
    app: JupyterFrontEnd,
    docManager: IDocumentManager,
    tracker: INotebookTracker,
    labShell: ILabShell | null,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    settingRegistry: ISettingRegistry | null,
    translator: ITranslator | null
  ) => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_training_wizard'
    );
    const settings = await readSettings(settingRegistry, PLUGIN_ID);
    const model = new WizardModel({
      client: new WorkerClient({ spawn: spawnTrainingWorker }),
      defaults: settings?.options ?? DEFAULT_OPTIONS,
      rowLimit: settings?.rowLimit
    });
    if (settings && settings.clamped.length > 0) {
      const list = settings.clamped
        .map(item => `${item.key}=${JSON.stringify(item.given)} → ${item.used}`)
        .join(', ');
      model.setNotice({
        kind: 'error',
        text: trans.__(
          'Some Training Wizard settings are out of range and were replaced: %1. Fix them in the Settings Editor.',
          list
        )
      });
    }
    const runner = new RunController({
      model,
      trans: (text, ...args) => trans.__(text, ...args)
    });
    const delivery = new ResultsDelivery({
      model,
      tracker,
      trans,
      autoWrite: () => settings?.autoWrite ?? true
    });
    const kernelSource = new KernelSource({
      model,
      trans,
      bridge: new KernelBridge({
        kernel: () => tracker.currentWidget?.sessionContext.session?.kernel ?? null
      }),
      notebookLabel: () => tracker.currentWidget?.context.path ?? null,
      confirmBuiltin: async name => {
        const answer = await showDialog({
          title: trans.__('Hide the builtin %1?', name),
          body: trans.__(
            "'%1' is a Python builtin. Storing the results there hides %1 in this kernel until you run del %1.",
            name
          ),
          buttons: [
            Dialog.cancelButton({ label: trans.__('Cancel') }),
            Dialog.warnButton({ label: trans.__('Hide the builtin') })
          ]
        });
        return answer.button.accept;
      }
    });
    tracker.currentChanged.connect(() => kernelSource.reset());
    runner.succeeded.connect(async (_, run) => {
      await delivery.deliver(run);
      if (settings?.pushToKernel) {
        // Without a click, a name that hides a builtin is rejected without a dialog.
        await kernelSource.push(false);
      }
    });
    const panel = new WizardPanel({
      model,
      runner,
      trans,
      chooseFile: () =>
        chooseDataFile({
          app,
          docManager,
          model,
          trans,
          defaultPath: PathExt.dirname(tracker.currentWidget?.context.path ?? '')
        }),
      writeResults: () => delivery.writeLast(),
      notebookLabel: () => delivery.targetLabel(),
      kernelSource
    });
    panel.title.icon = wizardIcon;
    panel.disposed.connect(() => delivery.dispose());

    app.shell.add(panel, 'left', { rank: 900 });
    restorer?.add(panel, 'training-wizard');

    app.commands.addCommand(CommandIDs.open, {
      label: trans.__('Open Training Wizard'),
      caption: trans.__('Train models on a CSV file and write a leaderboard into the notebook'),
      execute: () => {
        if (labShell) {
          labShell.activateById(panel.id);
        } else {
          app.shell.activateById(panel.id);
        }
      }
    });
    palette?.addItem({
      command: CommandIDs.open,
      category: trans.__('Training Wizard')
    });
  }
};

export default plugin;
