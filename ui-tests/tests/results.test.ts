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

  test('an untrusted copy shows the table and the PNG charts', async ({ page, tmpPath }) => {
    await trainPenguins(page, tmpPath, 5);
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    // A notebook from someone else: the server marks each cell as trusted when
    // it knows the content's signature, so drop the marks and change the
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
