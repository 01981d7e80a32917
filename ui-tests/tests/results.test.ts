import { expect, test } from '@jupyterlab/galata';

import { readNotebook, resultsCells, trainPenguins } from './helpers';

test.use({ autoGoto: true });

/** Base64 start of every PNG file. */
const PNG_START = 'iVBORw0KGgo';

test.describe('Results cell and charts', () => {
  test('writes every mime type and draws the charts', async ({ page, tmpPath }) => {
    const panel = await trainPenguins(page, tmpPath, 5);
    const charts = panel.getByRole('region', { name: 'Charts of the chosen model' });
    await expect(charts.locator('.jp-TrainingWizard-plot .main-svg').first()).toBeVisible({
      timeout: 30000
    });
    await expect(charts.locator('.jp-TrainingWizard-plot')).toHaveCount(5);
    await expect(panel.getByText(/Results written to cell 3/)).toBeVisible();

    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    const [cell] = resultsCells(notebook);
    const [table, ...figures] = cell.outputs;
    expect(Object.keys(table.data).sort()).toEqual(['text/html', 'text/markdown', 'text/plain']);
    expect(table.data['text/markdown']).toContain('| Rank |');
    expect(figures.map((output: any) => output.data['text/plain'])).toEqual([
      'Learning curve',
      'Confusion matrix',
      'ROC curve',
      'Precision-recall curve',
      'Permutation importance'
    ]);
    for (const output of figures) {
      expect(output.data['application/vnd.plotly.v1+json'].data.length).toBeGreaterThan(0);
      expect(output.data['image/png'].startsWith(PNG_START)).toBe(true);
    }
    // The saved file is strict JSON: no NaN or Infinity anywhere.
    const raw = await page.request.get(`/files/${tmpPath}/demo.ipynb`);
    expect(await raw.text()).not.toMatch(/\bNaN\b|Infinity/);

    // The trusted notebook renders the interactive charts.
    const outputArea = page.locator('.jp-Notebook .jp-Cell').nth(2).locator('.jp-OutputArea');
    await expect(outputArea.locator('.jp-TrainingWizard-plot:has(.main-svg)')).toHaveCount(5, {
      timeout: 30000
    });
  });

  test('a leaderboard row shows that model', async ({ page, tmpPath }) => {
    const panel = await trainPenguins(page, tmpPath, 5);
    const leaderboard = panel.getByRole('table', { name: 'Leaderboard' });
    await leaderboard.getByRole('row', { name: /Baseline/ }).click();
    await expect(panel.getByRole('heading', { name: 'Chosen model: Baseline' })).toBeVisible();
    const charts = panel.getByRole('region', { name: 'Charts of the chosen model' });
    // The baseline has no learning curve: confusion matrix, ROC, PR and importance.
    await expect(charts.locator('.jp-TrainingWizard-plot')).toHaveCount(4, { timeout: 30000 });
    await expect(charts.locator('[data-figure="learning-curve"]')).toHaveCount(0);
  });

  test('charts follow the dark theme', async ({ page, tmpPath }) => {
    const panel = await trainPenguins(page, tmpPath, 5);
    const svg = panel.locator('[data-figure="confusion-matrix"] .main-svg').first();
    await expect(svg).toBeVisible({ timeout: 30000 });
    const background = () => svg.evaluate(node => getComputedStyle(node).backgroundColor);
    const layoutColor = () =>
      page.evaluate(() =>
        getComputedStyle(document.body).getPropertyValue('--jp-layout-color0').trim()
      );
    const light = await background();
    await page.evaluate(async () => {
      await (window as any).jupyterapp.commands.execute('apputils:change-theme', {
        theme: 'JupyterLab Dark'
      });
    });
    await expect(page.locator('body[data-jp-theme-light="false"]')).toHaveCount(1, {
      timeout: 30000
    });
    await expect.poll(background, { timeout: 30000 }).not.toBe(light);
    // The new background is the dark theme's layout colour.
    const dark = await layoutColor();
    const expected = await page.evaluate(color => {
      const probe = document.createElement('div');
      probe.style.backgroundColor = color;
      document.body.appendChild(probe);
      const value = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return value;
    }, dark);
    expect(await background()).toBe(expected);
    // The chart in the results cell follows the theme too.
    const cellSvg = page
      .locator('.jp-Notebook .jp-Cell')
      .nth(2)
      .locator('.jp-TrainingWizard-plot .main-svg')
      .first();
    await expect
      .poll(() => cellSvg.evaluate(node => getComputedStyle(node).backgroundColor), { timeout: 30000 })
      .toBe(expected);
  });

  test('an untrusted copy shows the table and the PNG charts', async ({ page, tmpPath }) => {
    await trainPenguins(page, tmpPath, 5);
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    // A notebook from someone else: the server marks each cell as trusted when
    // it has stored the content's signature, so drop the marks and change the
    // content. The copy is then saved unsigned and opens untrusted.
    for (const cell of notebook.cells) {
      delete cell.metadata.trusted;
    }
    notebook.metadata.shared_by = 'a colleague';
    const response = await page.request.put(`/api/contents/${tmpPath}/copy.ipynb`, {
      data: { type: 'notebook', format: 'json', content: notebook }
    });
    expect(response.ok()).toBe(true);
    await page.evaluate(async path => {
      await (window as any).jupyterapp.commands.execute('docmanager:open', { path });
    }, `${tmpPath}/copy.ipynb`);
    const cell = page.locator('.jp-NotebookPanel:visible .jp-Cell').nth(2);
    await expect(cell.locator('table').first()).toBeVisible({ timeout: 30000 });
    await expect(cell.locator('.jp-OutputArea-output img')).toHaveCount(5);
    await expect(cell.locator('.main-svg')).toHaveCount(0);
  });
});

test.describe('Export', () => {
  test('exported files reload in the kernel and predict the same', async ({
    page,
    tmpPath
  }) => {
    const panel = await trainPenguins(page, tmpPath, 5);
    await panel.getByRole('button', { name: 'Export model' }).click();
    await expect(panel.getByText(/^Exported MLP to /)).toBeVisible({ timeout: 30000 });

    const folder = `${tmpPath}/demo_wizard_export`;
    const listing = await page.request.get(`/api/contents/${folder}?content=1`);
    expect(listing.ok()).toBe(true);
    const [exported] = (await listing.json()).content;
    expect(exported.name).toMatch(/^mlp-[0-9a-f]{8}$/);
    const files = await page.request.get(`/api/contents/${exported.path}?content=1`);
    const names = (await files.json()).content.map((item: any) => item.name).sort();
    expect(names).toEqual([
      'model.json',
      'predict.py',
      'predictions.csv',
      'preprocessing.json',
      'weights.bin'
    ]);

    // The generated cell sits below the results cell; run it, then compare
    // its predictions with the validation predictions of the panel.
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    expect(notebook.cells[3].metadata.training_wizard_export.model).toBe('mlp');
    await page.notebook.runCell(3);
    await page.notebook.addCell(
      'code',
      [
        'import pandas as pd',
        `check = pd.read_csv(${JSON.stringify(`demo_wizard_export/${exported.name}/predictions.csv`)})`,
        'labels = list(wizard_predictions)',
        'same = sum(labels[row] == label for row, label in zip(check["row"], check["predicted"]))',
        'raw = wizard_model.predict_raw(wizard_data)',
        'columns = [c for c in check.columns if c.startswith("p(")]',
        'gap = abs(raw[check["row"].to_numpy()] - check[columns].to_numpy()).max()',
        'print(f"same {same} of {len(check)}; probability gap below 1e-4: {gap < 1e-4}")'
      ].join('\n')
    );
    const last = (await page.notebook.getCellCount()) - 1;
    await page.notebook.runCell(last);
    const output = await page.notebook.getCellTextOutput(last);
    expect(output?.join('')).toContain('same 69 of 69; probability gap below 1e-4: True');
  });
});
