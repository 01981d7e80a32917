import { expect, test } from '@jupyterlab/galata';

import {
  chooseFile,
  chooseTarget,
  goToStep,
  openDemo,
  openWizard,
  readNotebook,
  resultsCells,
  setOption
} from './helpers';

test.use({ autoGoto: true });

test.describe('Training Wizard', () => {
  test('trains on penguins and saves the results cell', async ({
    page,
    tmpPath
  }) => {
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);

    await chooseFile(page, panel, 'penguins.csv');
    await expect(panel.getByText('344 rows, 8 columns')).toBeVisible();
    const columns = panel.getByRole('table', { name: 'Columns' });
    await expect(columns.getByRole('row', { name: /bill_length_mm numeric/ })).toBeVisible();
    await expect(columns.getByRole('row', { name: /island categorical/ })).toBeVisible();

    await chooseTarget(panel, 'species');
    await expect(panel.getByLabel('Task', { exact: true })).toHaveValue('classification');
    await expect(panel.getByText(/Features \(\d+ selected\)/)).toBeVisible();

    await goToStep(panel, '3. Models & validation');
    await expect(panel.getByText('Baseline')).toBeVisible();
    await expect(panel.getByText('Logistic regression')).toBeVisible();
    await expect(panel.getByText('MLP', { exact: true })).toBeVisible();
    await expect(panel.getByText(/stratified holdout of 20%/)).toBeVisible();
    await expect(panel.getByLabel('Epochs')).toHaveValue('30');
    await expect(panel.getByLabel('Seed')).toHaveValue('42');

    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    const progress = panel.getByRole('progressbar');
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('aria-valuenow', /\d+/);

    const leaderboard = panel.getByRole('table', { name: 'Leaderboard' });
    await expect(leaderboard).toBeVisible({ timeout: 120000 });
    await expect(progress).toHaveCount(0);
    await expect(leaderboard.getByRole('row')).toHaveCount(4);
    await expect(leaderboard.getByText(/\(best\)/)).toBeVisible();
    await expect(panel.getByText(/Results written to cell 3/)).toBeVisible();

    // Step 5 shows the best model's metrics.
    await expect(panel.getByRole('heading', { name: /Best model:/ })).toBeVisible();

    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    const cells = resultsCells(notebook);
    expect(cells).toHaveLength(1);
    expect(notebook.cells.indexOf(cells[0])).toBe(2);
    const metadata = cells[0].metadata.training_wizard;
    expect(metadata.config.target).toBe('species');
    expect(metadata.config.models).toEqual(['baseline', 'linear', 'mlp']);
    expect(metadata.run_key).toMatch(/^[0-9a-f]{64}$/);
    // The default backend 'auto' loads tfjs's wasm binaries in the worker.
    expect(metadata.backend).toBe('wasm');
    const data = cells[0].outputs[0].data;
    expect(data['text/html']).toContain('<table');
    expect(data['text/plain']).toContain('Balanced accuracy');
    const bestAccuracy = Math.max(
      ...metadata.leaderboard.map((model: any) => model.metrics.accuracy ?? 0)
    );
    expect(bestAccuracy).toBeGreaterThan(0.9);
    // The user's cells are unchanged.
    expect(notebook.cells).toHaveLength(3);
  });

  test('double click on Start gives one run', async ({ page, tmpPath }) => {
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await setOption(panel, 'Epochs', 5);
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).dblclick();
    await expect(panel.getByRole('alert')).toHaveText('Training is already running.');
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
      timeout: 120000
    });
    await expect(panel.getByText(/Results written to cell/).first()).toBeVisible({ timeout: 60000 });
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    expect(resultsCells(notebook)).toHaveLength(1);
  });

  test('cancel, restart, then a full run', async ({ page, tmpPath }) => {
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await setOption(panel, 'Epochs', 1000);
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByRole('progressbar')).toBeVisible();
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel.getByRole('progressbar')).toHaveCount(0);
    await expect(panel.getByText('Training cancelled.').first()).toBeVisible();

    await panel.getByRole('button', { name: 'Restart' }).click();
    await expect(panel.getByText('Ready to train.')).toBeVisible();
    await setOption(panel, 'Epochs', 5);
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
      timeout: 120000
    });
    await expect(panel.getByText(/Results written to cell/).first()).toBeVisible({ timeout: 60000 });
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    const cells = resultsCells(notebook);
    expect(cells).toHaveLength(1);
    expect(cells[0].metadata.training_wizard.config.epochs).toBe(5);
  });

  test('restart twice in a row keeps the panel usable', async ({
    page,
    tmpPath
  }) => {
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await setOption(panel, 'Epochs', 3);
    for (let run = 0; run < 2; run++) {
      await goToStep(panel, '4. Train');
      await panel.getByRole('button', { name: 'Start training' }).click();
      await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
        timeout: 120000
      });
      await panel.getByRole('button', { name: 'Restart' }).click();
      await expect(panel.getByText('Ready to train.')).toBeVisible();
      await expect(panel.getByRole('button', { name: 'Restart' })).toBeDisabled();
    }
    await expect(panel.getByRole('button', { name: 'Start training' })).toBeEnabled();
  });

  test('worker crash shows a message and keeps the panel usable', async ({
    page,
    tmpPath
  }) => {
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await setOption(panel, 'Epochs', 3);

    // The next training worker runs a script that throws after it started.
    await page.route(/training-worker\.[0-9a-f]+\.js/, route =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'setTimeout(() => { throw new Error("injected fault"); }, 300);'
      })
    );
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByRole('alert')).toContainText('Training failed', {
      timeout: 10000
    });
    await expect(panel.getByRole('alert')).toContainText('injected fault');
    await expect(panel.getByRole('progressbar')).toHaveCount(0);

    await page.unroute(/training-worker\.[0-9a-f]+\.js/);
    await panel.getByRole('button', { name: 'Restart' }).click();
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
      timeout: 120000
    });
  });

  test('k-fold with every model of the catalogue', async ({ page, tmpPath }) => {
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await setOption(panel, 'Epochs', 5);
    await panel.getByLabel('Validation', { exact: true }).selectOption('5');
    await expect(panel.getByText(/Each model trains 5 times on stratified folds/)).toBeVisible();
    await panel.getByRole('checkbox', { name: /Wide MLP/ }).check();
    await panel.getByRole('checkbox', { name: /Random forest/ }).check();
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    const leaderboard = panel.getByRole('table', { name: 'Leaderboard' });
    await expect(leaderboard).toBeVisible({ timeout: 150000 });
    await expect(leaderboard.getByRole('row')).toHaveCount(6);
    await expect(leaderboard).toContainText('5-fold cross-validation on 344 rows');
    await expect(leaderboard).toContainText('±');

    await expect(panel.getByText(/Results written to cell/).first()).toBeVisible({ timeout: 60000 });
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    const metadata = resultsCells(notebook)[0].metadata.training_wizard;
    expect(metadata.config.folds).toBe(5);
    expect(metadata.command).toContain('--folds 5');
    const forest = metadata.leaderboard.find((model: any) => model.id === 'forest');
    expect(forest.status).toBe('succeeded');
    expect(forest.metrics.accuracy).toBeGreaterThan(0.9);
  });
});
