import {
  ILabShell,
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette, ISessionContext, IThemeManager } from '@jupyterlab/apputils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator, nullTranslator, TranslationBundle } from '@jupyterlab/translation';
import { PathExt } from '@jupyterlab/coreutils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';

import { WorkerClient } from './engine/client';
import { spawnTrainingWorker } from './engine/spawn';
import { DEFAULT_OPTIONS, WizardModel } from './ui/model';
import { WizardPanel } from './ui/panel';
import { RunController } from './ui/runner';
import { wizardIcon } from './ui/icon';
import { ResultsDelivery } from './ui/delivery';
import { chooseDataFile, loadDataFile } from './ui/chooseFile';
import { indexedDbStorage, RunCache } from './ui/cache';
import { RunReopener } from './ui/reopen';
import { RunRecovery } from './ui/recovery';
import { parseStoredRun } from './notebook/metadata';
import { METADATA_KEY } from './notebook/writer';
import { DEFAULT_CACHE_SIZE, readSettings } from './settings';
import { plotlyRendererFactory } from './plots/mimeRenderer';
import { figureToPng, PLOTLY_MIME } from './plots/plotly';
import { figuresFor } from './plots/index';
import { themeFromCss } from './plots/cssTheme';
import { IRunResult, ModelId } from './core/types';
import { KernelBridge } from './kernel/bridge';
import { KernelSource } from './ui/kernelSource';
import { confirmHideBuiltin } from './ui/confirmBuiltin';

/** Command ids of the extension. */
export namespace CommandIDs {
  export const open = 'training-wizard:open';
  export const openRun = 'training-wizard:open-run';
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
    ITranslator,
    IThemeManager
  ],
  activate: async (
    app: JupyterFrontEnd,
    docManager: IDocumentManager,
    tracker: INotebookTracker,
    labShell: ILabShell | null,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null,
    settingRegistry: ISettingRegistry | null,
    translator: ITranslator | null,
    themeManager: IThemeManager | null
  ) => {
    const trans = (translator ?? nullTranslator).load(
      'jupyterlab_training_wizard'
    );
    const panelFigures = (result: IRunResult, modelId: string) =>
      figuresFor(result, modelId as ModelId, {
        theme: themeFromCss(),
        translate: (text, ...args) => trans.__(text, ...args)
      });
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
    const cacheSize = settings?.cacheSize ?? DEFAULT_CACHE_SIZE;
    const cache =
      cacheSize > 0 && typeof indexedDB !== 'undefined'
        ? new RunCache({ storage: indexedDbStorage(), maxEntries: () => cacheSize })
        : null;
    const runner = new RunController({
      model,
      cache,
      trans: (text, ...args) => trans.__(text, ...args)
    });
    const delivery = new ResultsDelivery({
      model,
      tracker,
      trans,
      cache,
      contents: app.serviceManager.contents,
      figures: (result, modelId) => panelFigures(result, modelId),
      toPng: figure => figureToPng(figure),
      autoWrite: () => settings?.autoWrite ?? true
    });
    runner.restored.connect((_, run) => delivery.adopt(run));
    const reopener = new RunReopener({
      model,
      runner,
      cache,
      trans,
      loadFile: (path, name) => loadDataFile({ app, model, trans, path, name })
    });
    const recovery = cache
      ? new RunRecovery({ tracker, cache, delivery, trans })
      : null;
    const kernelSource = new KernelSource({
      model,
      trans,
      bridge: new KernelBridge({
        kernel: () => tracker.currentWidget?.sessionContext.session?.kernel ?? null
      }),
      notebookLabel: () => tracker.currentWidget?.context.path ?? null,
      confirmBuiltin: name => confirmHideBuiltin(name, trans)
    });
    // A listing belongs to one kernel, so it is dropped when the notebook or its kernel changes.
    let watched: ISessionContext | null = null;
    const forgetListing = () => kernelSource.reset();
    tracker.currentChanged.connect(() => {
      watched?.kernelChanged.disconnect(forgetListing);
      watched = tracker.currentWidget?.sessionContext ?? null;
      watched?.kernelChanged.connect(forgetListing);
      kernelSource.reset();
    });
    runner.succeeded.connect(async (_, run) => {
      await delivery.deliver(run);
      if (settings?.pushToKernel) {
        await pushAfterRun(kernelSource, delivery, model, trans);
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
      exportModel: modelId => delivery.exportModel(modelId),
      figures: (result, modelId) => panelFigures(result, modelId),
      notebookLabel: () => delivery.targetLabel(),
      kernelSource
    });
    panel.title.icon = wizardIcon;
    // Charts take their colours from the theme when drawn.
    const onThemeChanged = () => panel.refreshCharts();
    themeManager?.themeChanged.connect(onThemeChanged);
    panel.disposed.connect(() => {
      themeManager?.themeChanged.disconnect(onThemeChanged);
      delivery.dispose();
      recovery?.dispose();
    });

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

    const activeRunMetadata = (): unknown =>
      tracker.activeCell?.model.getMetadata(METADATA_KEY);
    app.commands.addCommand(CommandIDs.openRun, {
      label: trans.__('Reopen Run in Training Wizard'),
      caption: trans.__(
        'Open the Training Wizard with the data and configuration of this results cell'
      ),
      isEnabled: () => activeRunMetadata() !== undefined,
      // Only results cells offer it in their context menu.
      isVisible: () => activeRunMetadata() !== undefined,
      execute: async () => {
        const parsed = parseStoredRun(activeRunMetadata());
        app.shell.activateById(panel.id);
        if (!parsed.ok) {
          model.setNotice({
            kind: 'error',
            text: trans.__(
              'This cell cannot be reopened: %1 Run the wizard again to write a new results cell.',
              parsed.reason
            )
          });
          return;
        }
        await reopener.reopen(parsed.run, parsed.warnings);
      }
    });
    app.contextMenu.addItem({
      command: CommandIDs.openRun,
      selector: '.jp-Notebook .jp-Cell',
      rank: 60
    });
    palette?.addItem({
      command: CommandIDs.openRun,
      category: trans.__('Training Wizard')
    });

    // The last run comes back after a reload, once the layout is restored.
    void app.restored.then(() => reopener.restoreLast());
  }
};

/**
 * Renders Plotly figure outputs when no other extension does. With the
 * official Plotly extension installed, its renderer stays in charge.
 */
const plotlyRenderer: JupyterFrontEndPlugin<void> = {
  id: 'jupyterlab-training-wizard:plotly-renderer',
  description:
    'Renders application/vnd.plotly.v1+json outputs when no other renderer is installed.',
  autoStart: true,
  requires: [IRenderMimeRegistry],
  activate: (_: JupyterFrontEnd, rendermime: IRenderMimeRegistry) => {
    if (rendermime.getFactory(PLOTLY_MIME)) {
      return;
    }
    rendermime.addFactory(plotlyRendererFactory);
  }
};

/**
 * Push a finished run's results into the kernel of its notebook, keeping the
 * notice of the results cell. Pushes nothing when the current notebook is no
 * longer the run's, and rejects a name that hides a builtin without a dialog.
 */
async function pushAfterRun(
  kernelSource: KernelSource,
  delivery: ResultsDelivery,
  model: WizardModel,
  trans: TranslationBundle
): Promise<void> {
  if (delivery.targetLabel() !== kernelSource.notebook) {
    model.setNotice({
      kind: 'info',
      text: trans.__(
        'The run started in %1, which is not the current notebook, so its results were not pushed into a kernel. Press "Push results to kernel" in Step 5 to push them into the kernel of the current notebook.',
        delivery.targetLabel() ?? ''
      )
    });
    return;
  }
  const written = model.notice;
  await kernelSource.push(false);
  const pushed = model.notice;
  if (written?.kind === 'success' && pushed?.kind === 'success') {
    model.setNotice({ kind: 'success', text: `${written.text} ${pushed.text}` });
  }
}

export default [plugin, plotlyRenderer];
