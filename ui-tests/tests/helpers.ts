import { IJupyterLabPageFixture } from '@jupyterlab/galata';
import { expect, Locator } from '@playwright/test';
import * as path from 'path';

/** Folder of the files the UI tests upload to the server. */
export const FIXTURES = path.resolve(__dirname, '..', '..', 'test', 'fixtures');
export const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');

/** Upload the demo notebook and a data file, and open the notebook. */
export async function openDemo(
  page: IJupyterLabPageFixture,
  tmpPath: string,
  dataFile = path.join(EXAMPLES, 'penguins.csv')
): Promise<void> {
  await page.contents.uploadFile(
    path.join(EXAMPLES, 'demo.ipynb'),
    `${tmpPath}/demo.ipynb`
  );
  await page.contents.uploadFile(
    dataFile,
    `${tmpPath}/${path.basename(dataFile)}`
  );
  await page.notebook.openByPath(`${tmpPath}/demo.ipynb`);
  await page.notebook.activate('demo.ipynb');
  await page.notebook.selectCells(1);
}

/** Open the wizard through its command and return the panel. */
export async function openWizard(page: IJupyterLabPageFixture): Promise<Locator> {
  await page.evaluate(async () => {
    await (window as any).jupyterapp.commands.execute('training-wizard:open');
  });
  const panel = page.locator('#jp-training-wizard');
  await expect(panel).toBeVisible();
  return panel;
}

/** Choose `fileName` in the wizard's file dialog, which opens in the notebook's folder. */
export async function chooseFile(
  page: IJupyterLabPageFixture,
  panel: Locator,
  fileName: string
): Promise<void> {
  await panel.getByRole('button', { name: 'Choose CSV file…' }).click();
  const dialog = page.locator('.jp-Dialog');
  await expect(dialog).toBeVisible();
  await dialog
    .locator('.jp-DirListing-item', { hasText: fileName })
    .first()
    .click();
  await dialog.getByRole('button', { name: 'Select' }).click();
  await expect(dialog).toHaveCount(0);
}

/** Go to a step by its tab name, for example '4. Train'. */
export async function goToStep(panel: Locator, name: string): Promise<void> {
  await panel.getByRole('tab', { name }).click();
}

/** Choose the target and wait until the pre-flight check is done. */
export async function chooseTarget(panel: Locator, target: string): Promise<void> {
  await goToStep(panel, '2. Target & features');
  await panel.getByLabel('Target column', { exact: true }).selectOption(target);
  await expect(panel.getByLabel('Task', { exact: true })).toBeVisible();
}

/** Set a numeric training option in Step 3. */
export async function setOption(
  panel: Locator,
  caption: string,
  value: number
): Promise<void> {
  await goToStep(panel, '3. Models & validation');
  const input = panel.getByLabel(caption);
  await input.fill(String(value));
  await input.press('Enter');
  await input.blur();
}

/** Read a notebook back through the contents API. */
export async function readNotebook(
  page: IJupyterLabPageFixture,
  notebookPath: string
): Promise<any> {
  const response = await page.request.get(
    `/api/contents/${notebookPath}?content=1&type=notebook`
  );
  expect(response.ok()).toBe(true);
  return (await response.json()).content;
}

/** Return the wizard-owned cells of a saved notebook. */
export function resultsCells(notebook: any): any[] {
  return notebook.cells.filter((cell: any) => cell.metadata?.training_wizard);
}

/**
 * Open the demo, train on penguins for `species` with `epochs` epochs and
 * wait for the leaderboard. Returns the panel.
 */
export async function trainPenguins(
  page: IJupyterLabPageFixture,
  tmpPath: string,
  epochs = 5
): Promise<Locator> {
  await openDemo(page, tmpPath);
  const panel = await openWizard(page);
  await chooseFile(page, panel, 'penguins.csv');
  await chooseTarget(panel, 'species');
  await setOption(panel, 'Epochs', epochs);
  await startAndWait(panel);
  await expect(panel.getByText(/Results written to cell/)).toBeVisible({ timeout: 60000 });
  return panel;
}

/** Press Start training in Step 4 and wait for the leaderboard. */
export async function startAndWait(panel: Locator): Promise<void> {
  await goToStep(panel, '4. Train');
  await panel.getByRole('button', { name: 'Start training' }).click();
  await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
    timeout: 120000
  });
}

/** Count the Web Workers the page starts from now on. */
export function countWorkers(page: IJupyterLabPageFixture): () => number {
  let count = 0;
  page.page.on('worker', () => {
    count += 1;
  });
  return () => count;
}
