import { expect, test } from '@jupyterlab/galata';
import * as path from 'path';

import {
  chooseFile,
  chooseTarget,
  EXAMPLES,
  goToStep,
  openDemo,
  openWizard,
  readNotebook,
  resultsCells,
  setOption
} from './helpers';

test.use({ autoGoto: true });

/** Slow the run down so the test can act while it is going. */
async function slowRun(panel: import('@playwright/test').Locator): Promise<void> {
  await setOption(panel, 'Epochs', 40);
  await setOption(panel, 'Learning rate', 0.0001);
  await setOption(panel, 'Batch size', 8);
}

test.describe('Runs and notebooks', () => {
  test('closed notebook gets no results without a click', async ({
    page,
    tmpPath
  }) => {
    const errors: string[] = [];
    page.on('pageerror', error => errors.push(error.message));
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await slowRun(panel);
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByRole('progressbar')).toBeVisible();
    await page.notebook.close(true);

    await expect(panel.getByText(/was closed during training/)).toBeVisible({
      timeout: 120000
    });
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    expect(resultsCells(notebook)).toHaveLength(0);

    // Opening the notebook again offers the results, and writes them on request.
    await page.evaluate(async path => {
      await (window as any).jupyterapp.commands.execute('docmanager:open', { path });
    }, `${tmpPath}/demo.ipynb`);
    const offer = page.locator('.Toastify__toast', {
      hasText: 'finished after the notebook was closed'
    });
    await expect(offer).toBeVisible({ timeout: 20000 });
    await offer.getByRole('button', { name: 'Write results' }).click();
    await expect(page.getByText(`Results written to ${tmpPath}/demo.ipynb.`)).toBeVisible();
    await page.notebook.save();
    const written = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    const cells = resultsCells(written);
    expect(cells).toHaveLength(1);
    // At the end, after the two cells of the notebook.
    expect(written.cells.indexOf(cells[0])).toBe(2);

    // Once written, opening the notebook again offers nothing.
    await page.notebook.close(true);
    await page.evaluate(async path => {
      await (window as any).jupyterapp.commands.execute('docmanager:open', { path });
    }, `${tmpPath}/demo.ipynb`);
    await page.waitForTimeout(1500);
    await expect(offer).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('results go to the notebook the run started in', async ({
    page,
    tmpPath
  }) => {
    await page.contents.uploadFile(
      path.join(EXAMPLES, 'demo.ipynb'),
      `${tmpPath}/other.ipynb`
    );
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await slowRun(panel);
    await goToStep(panel, '4. Train');
    await expect(panel.getByText(/Results go to the notebook .*demo\.ipynb/)).toBeVisible();
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByRole('progressbar')).toBeVisible();
    // The file browser is hidden behind the wizard, so open by command.
    await page.evaluate(async notebookPath => {
      await (window as any).jupyterapp.commands.execute('docmanager:open', {
        path: notebookPath
      });
    }, `${tmpPath}/other.ipynb`);
    await expect(page.getByRole('tab', { name: 'other.ipynb' })).toHaveAttribute(
      'aria-selected',
      'true'
    );

    await expect(panel.getByText(/Results written to cell 3 of .*demo\.ipynb/)).toBeVisible({
      timeout: 120000
    });
    await page.evaluate(async () => {
      await (window as any).jupyterapp.commands.execute('docmanager:save-all');
    });
    const demo = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    const other = await readNotebook(page, `${tmpPath}/other.ipynb`);
    expect(resultsCells(demo)).toHaveLength(1);
    expect(resultsCells(other)).toHaveLength(0);
    expect(other.cells).toHaveLength(2);
  });

  test('same run twice updates one cell', async ({ page, tmpPath }) => {
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await setOption(panel, 'Epochs', 3);
    for (let run = 0; run < 2; run++) {
      await goToStep(panel, '4. Train');
      await panel.getByRole('button', { name: 'Start training' }).click();
      await expect(panel.getByText(/Results written to cell 3/)).toBeVisible({
        timeout: 120000
      });
      await panel.getByRole('button', { name: 'Restart' }).click();
    }
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    expect(resultsCells(notebook)).toHaveLength(1);
    expect(notebook.cells).toHaveLength(3);
  });
});

test.describe('Backend', () => {
  test('missing wasm binaries fall back to cpu', async ({ page, tmpPath }) => {
    await page.route(/\.wasm$/, route => route.fulfill({ status: 404, body: '' }));
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await setOption(panel, 'Epochs', 3);
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
      timeout: 120000
    });
    await expect(
      panel.getByText(/Trained on the cpu backend\. The wasm backend failed to load/)
    ).toBeVisible();
    await expect(panel.getByText(/Results written to cell/).first()).toBeVisible({ timeout: 60000 });
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    expect(resultsCells(notebook)[0].metadata.training_wizard.backend).toBe('cpu');
  });
});

test.describe('Hand-edited metadata', () => {
  test('nonsense wizard metadata is left alone', async ({ page, tmpPath }) => {
    const errors: string[] = [];
    page.on('pageerror', error => errors.push(error.message));
    const nonsense = [
      'a string instead of an object',
      { run_key: 12345, config: 'not a config', leaderboard: [null, 7] },
      { run_key: 'x'.repeat(100000), outputs: { nested: [1, 2, 3] } },
      [1, 2, 3]
    ];
    const notebook = {
      cells: nonsense.map((metadata, index) => ({
        cell_type: 'code',
        id: `edited-${index}`,
        execution_count: null,
        metadata: { training_wizard: metadata },
        outputs: [],
        source: `# hand-edited cell ${index}`
      })),
      metadata: {
        kernelspec: { display_name: 'Python 3 (ipykernel)', language: 'python', name: 'python3' }
      },
      nbformat: 4,
      nbformat_minor: 5
    };
    await page.contents.uploadContent(
      JSON.stringify(notebook),
      'text',
      `${tmpPath}/edited.ipynb`
    );
    await page.contents.uploadFile(
      path.join(EXAMPLES, 'penguins.csv'),
      `${tmpPath}/penguins.csv`
    );
    await page.notebook.openByPath(`${tmpPath}/edited.ipynb`);
    await page.notebook.activate('edited.ipynb');
    await page.notebook.selectCells(3);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await setOption(panel, 'Epochs', 3);
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByText(/Results written to cell 5 of/)).toBeVisible({
      timeout: 120000
    });
    await page.notebook.save();
    const saved = await readNotebook(page, `${tmpPath}/edited.ipynb`);
    expect(saved.cells).toHaveLength(5);
    saved.cells.slice(0, 4).forEach((cell: any, index: number) => {
      expect(cell.metadata.training_wizard).toEqual(nonsense[index]);
      expect(cell.source).toBe(`# hand-edited cell ${index}`);
    });
    expect(typeof saved.cells[4].metadata.training_wizard.run_key).toBe('string');
    expect(errors).toEqual([]);
  });
});
