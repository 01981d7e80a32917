import { JupyterFrontEnd } from '@jupyterlab/application';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { FileDialog } from '@jupyterlab/filebrowser';
import { TranslationBundle } from '@jupyterlab/translation';

import { WizardModel } from './model';

/** File name endings the wizard reads. */
const DATA_FILE = /\.(csv|tsv|txt)$/i;

/**
 * Let the person pick a data file on the server with a dialog that browses
 * folders, fetch it through the contents API and load it into the model.
 * A cancelled dialog changes nothing; a failure becomes a notice.
 */
export async function chooseDataFile(options: {
  app: JupyterFrontEnd;
  docManager: IDocumentManager;
  model: WizardModel;
  trans: TranslationBundle;
  /** Folder the dialog opens in, relative to the server root. */
  defaultPath: string;
}): Promise<void> {
  const { app, docManager, model, trans } = options;
  const result = await FileDialog.getOpenFiles({
    manager: docManager,
    defaultPath: options.defaultPath,
    title: trans.__('Choose a CSV or TSV file'),
    filter: item =>
      item.type === 'directory' || DATA_FILE.test(item.name) ? {} : null
  });
  const chosen = result.button.accept ? result.value?.[0] : undefined;
  if (!chosen || chosen.type === 'directory') {
    return;
  }
  await loadDataFile({ app, model, trans, path: chosen.path, name: chosen.name });
}

/**
 * Fetch the file at `path` through the contents API and load it into the
 * model. Returns false, with an error notice, when it cannot be read.
 */
export async function loadDataFile(options: {
  app: JupyterFrontEnd;
  model: WizardModel;
  trans: TranslationBundle;
  /** Path relative to the server root. */
  path: string;
  name: string;
}): Promise<boolean> {
  const { app, model, trans } = options;
  const chosen = { path: options.path, name: options.name };
  let text: string;
  try {
    const file = await app.serviceManager.contents.get(chosen.path, {
      content: true,
      format: 'text',
      type: 'file'
    });
    text = typeof file.content === 'string' ? file.content : '';
  } catch (reason) {
    model.setNotice({
      kind: 'error',
      text: trans.__(
        "Could not read '%1': %2. Check that it is a UTF-8 text file.",
        chosen.path,
        reason instanceof Error ? reason.message : String(reason)
      )
    });
    return false;
  }
  try {
    await model.loadFile(
      {
        path: chosen.path,
        name: chosen.name,
        size: new TextEncoder().encode(text).length
      },
      text
    );
    return true;
  } catch (reason) {
    model.setNotice({
      kind: 'error',
      text: trans.__(
        "Could not read '%1': %2",
        chosen.path,
        reason instanceof Error ? reason.message : String(reason)
      )
    });
  }
  return false;
}
