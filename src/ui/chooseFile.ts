import { JupyterFrontEnd } from '@jupyterlab/application';
import { URLExt } from '@jupyterlab/coreutils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { FileDialog } from '@jupyterlab/filebrowser';
import { ServerConnection } from '@jupyterlab/services';
import { TranslationBundle } from '@jupyterlab/translation';

import { WizardModel } from './model';

/** File name endings the wizard reads. */
const DATA_FILE = /\.(csv|tsv|txt)$/i;

/**
 * Let the person pick a data file on the server with a dialog that browses
 * folders, download its bytes as a Blob and load it into the model.
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
  let blob: Blob;
  try {
    blob = await fetchFile(app.serviceManager.serverSettings, chosen.path);
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
    await model.loadFile({ path: chosen.path, name: chosen.name, size: blob.size }, blob);
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

/**
 * Download a file's bytes from the server's `files/` handler as a Blob.
 *
 * The contents API would send the text inside a JSON reply, which the page
 * would keep as one string. The browser keeps a Blob instead, and the page
 * passes it to the data worker by reference. Throws a `ServerConnection.ResponseError` when
 * the server replies with an error status.
 */
export async function fetchFile(
  settings: ServerConnection.ISettings,
  path: string
): Promise<Blob> {
  const url = URLExt.join(settings.baseUrl, 'files', URLExt.encodeParts(path));
  const response = await ServerConnection.makeRequest(url, { method: 'GET' }, settings);
  if (!response.ok) {
    throw await ServerConnection.ResponseError.create(response);
  }
  return response.blob();
}
