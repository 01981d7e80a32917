import { expect, test } from '@jupyterlab/galata';

import {
  countWorkers,
  goToStep,
  readNotebook,
  resultsCells,
  setOption,
  startAndWait,
  trainPenguins
} from './helpers';

test.use({ autoGoto: true });

test.describe('Run cache', () => {
  test('the same run twice gives one cell, the second from the cache', async ({
    page,
    tmpPath
  }) => {
    const panel = await trainPenguins(page, tmpPath, 4);
    await panel.getByRole('button', { name: 'Restart' }).click();
    const workers = countWorkers(page);
    await startAndWait(panel);
    await expect(panel.getByText(/^Shown from the cache/)).toBeVisible();
    expect(workers()).toBe(0);
    await expect(panel.getByRole('button', { name: 'Retrain' })).toBeVisible();
    await expect(panel.getByText(/Results written to cell 3/)).toBeVisible({ timeout: 60000 });

    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    expect(resultsCells(notebook)).toHaveLength(1);
    expect(notebook.cells).toHaveLength(3);

    // Retrain ignores the cache and trains in a new worker.
    await panel.getByRole('button', { name: 'Retrain' }).click();
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
      timeout: 120000
    });
    await expect(panel.getByText(/^Shown from the cache/)).toHaveCount(0);
    expect(workers()).toBeGreaterThan(0);
  });

  test('another configuration misses the cache', async ({ page, tmpPath }) => {
    const panel = await trainPenguins(page, tmpPath, 4);
    await panel.getByRole('button', { name: 'Restart' }).click();
    await setOption(panel, 'Epochs', 3);
    const workers = countWorkers(page);
    await startAndWait(panel);
    expect(workers()).toBeGreaterThan(0);
    await expect(panel.getByText(/Results written to cell/)).toBeVisible({ timeout: 60000 });
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    expect(resultsCells(notebook)).toHaveLength(2);
  });

  test('the last run survives a page reload', async ({ page, tmpPath }) => {
    await trainPenguins(page, tmpPath, 4);
    await page.notebook.save();
    await page.page.reload();
    await page.page.waitForFunction(() =>
      (window as any).jupyterapp?.commands?.hasCommand('training-wizard:open')
    );
    const panel = page.locator('#jp-training-wizard');
    await page.evaluate(async () => {
      await (window as any).jupyterapp.commands.execute('training-wizard:open');
    });
    const leaderboard = panel.getByRole('table', { name: 'Leaderboard' });
    await expect(leaderboard).toBeVisible({ timeout: 30000 });
    await expect(leaderboard.getByRole('row')).toHaveCount(4);
    await expect(panel.getByText(/from the cache/)).toBeVisible();
    // The configuration came back with it.
    await goToStep(panel, '3. Models & validation');
    await expect(panel.getByLabel('Epochs')).toHaveValue('4');
  });

  test('a results cell reopens its run', async ({ page, tmpPath }) => {
    const panel = await trainPenguins(page, tmpPath, 4);
    await panel.getByRole('button', { name: 'Restart' }).click();
    await setOption(panel, 'Epochs', 9);
    // The context menu of a user cell does not offer it; a results cell's does.
    const cells = page.locator('.jp-NotebookPanel:visible .jp-Cell');
    await cells.nth(1).click({ button: 'right' });
    const item = page.getByRole('menuitem', { name: 'Reopen Run in Training Wizard' });
    await expect(page.getByRole('menu').first()).toBeVisible();
    await expect(item).toHaveCount(0);
    await page.keyboard.press('Escape');
    await cells.nth(2).click({ button: 'right' });
    await item.click();
    await expect(panel.getByText(/^Reopened the run of .* from the cache/)).toBeVisible();
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible();
    await goToStep(panel, '3. Models & validation');
    await expect(panel.getByLabel('Epochs')).toHaveValue('4');
  });

  test('a results cell with nonsense metadata is refused with a reason', async ({
    page,
    tmpPath
  }) => {
    const panel = await trainPenguins(page, tmpPath, 4);
    await page.notebook.selectCells(2);
    await page.evaluate(() => {
      const app = (window as any).jupyterapp;
      const cell = app.shell.currentWidget.content.activeCell.model;
      cell.setMetadata('training_wizard', { run_key: 42, config: 'nonsense' });
    });
    await page.evaluate(async () => {
      await (window as any).jupyterapp.commands.execute('training-wizard:open-run');
    });
    await expect(panel.getByRole('alert')).toContainText(
      'This cell cannot be reopened: The run key is missing'
    );
    // The panel still works.
    await panel.getByRole('button', { name: 'Restart' }).click();
    await expect(panel.getByText('Ready to train.')).toBeVisible();
  });
});
