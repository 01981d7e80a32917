import { expect, galata, IJupyterLabPageFixture, test } from '@jupyterlab/galata';
import { Locator } from '@playwright/test';
import * as path from 'path';

import { chooseTarget, EXAMPLES, goToStep, openWizard, setOption } from './helpers';

test.use({ autoGoto: true });

/** Create a notebook with a Python kernel in the test folder and run `source` in its first cell. */
async function notebookWith(
  page: IJupyterLabPageFixture,
  tmpPath: string,
  source: string
): Promise<void> {
  await page.contents.uploadFile(path.join(EXAMPLES, 'penguins.csv'), `${tmpPath}/penguins.csv`);
  await page.notebook.createNew('kernel.ipynb');
  await page.notebook.setCell(0, 'code', source);
  await page.notebook.runCell(0);
}

/** Index of the cell that `runInCell` ran last. */
let lastCell = -1;

/** Add a code cell, run it and return its text output. */
async function runInCell(page: IJupyterLabPageFixture, source: string): Promise<string> {
  await page.notebook.addCell('code', source);
  lastCell = (await page.notebook.getCellCount()) - 1;
  await page.notebook.runCell(lastCell);
  return ((await page.notebook.getCellTextOutput(lastCell)) ?? []).join('');
}

async function refresh(panel: Locator): Promise<void> {
  await panel.getByRole('button', { name: 'Refresh the DataFrames of the kernel' }).click();
}

/** Return the notice line at the top of the panel. */
function notice(panel: Locator): Locator {
  return panel.locator('.jp-TrainingWizard-notice');
}

test.describe('Kernel DataFrame source', () => {
  test('trains on a DataFrame and pushes the leaderboard back', async ({ page, tmpPath }) => {
    await notebookWith(
      page,
      tmpPath,
      [
        'import pandas as pd',
        "penguins = pd.read_csv('penguins.csv')",
        'names_before = set(dir())',
        'print(penguins.shape)'
      ].join('\n')
    );
    const panel = await openWizard(page);

    // Listing twice adds nothing to the execution count, so the next cell runs as [2].
    await refresh(panel);
    const frames = panel.getByRole('table', { name: 'DataFrames' });
    await expect(frames.getByRole('row', { name: /penguins 344 × 8/ })).toBeVisible();
    await refresh(panel);
    await expect(frames.getByRole('row', { name: /penguins 344 × 8/ })).toBeVisible();
    expect(await runInCell(page, "print('after listing')")).toContain('after listing');
    const prompt = (await page.notebook.getCellLocator(lastCell))!.locator('.jp-InputPrompt');
    await expect(prompt).toHaveText('[2]:');

    await panel.getByRole('button', { name: 'Use penguins' }).click();
    await expect(panel.getByText('File: penguins (DataFrame)')).toBeVisible();
    await expect(panel.getByText('344 rows, 8 columns')).toBeVisible();
    const digest = await runInCell(
      page,
      "print(__import__('hashlib').sha256(penguins.to_csv(index=False).encode('utf-8')).hexdigest())"
    );
    await expect(panel.getByText(`SHA-256 ${digest.trim()}`)).toBeVisible();
    const columns = panel.getByRole('table', { name: 'Columns' });
    await expect(columns.getByRole('row', { name: /island categorical/ })).toBeVisible();

    await chooseTarget(panel, 'species');
    await setOption(panel, 'Epochs', 5);
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    const leaderboard = panel.getByRole('table', { name: 'Leaderboard' });
    await expect(leaderboard).toBeVisible({ timeout: 120000 });
    // The results cell is written after its charts are drawn; wait for it so
    // its notice does not replace the ones checked below.
    await expect(notice(panel)).toContainText('Results written to cell', { timeout: 60000 });

    // Names that are not Python identifiers are rejected with the name in the message.
    const name = panel.getByLabel('Results DataFrame name');
    const push = panel.getByRole('button', { name: 'Push results to kernel' });
    await name.fill('my results');
    await push.click();
    await expect(notice(panel)).toContainText("'my results' contains spaces");
    await expect(notice(panel)).toContainText('my_results');

    // A builtin name needs confirmation, and Cancel pushes nothing.
    await name.fill('list');
    await push.click();
    const dialog = page.locator('.jp-Dialog');
    await expect(dialog).toContainText('Hide the builtin list?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(notice(panel)).toContainText("Nothing was pushed: 'list' is a Python builtin");

    await name.fill('résultats');
    await push.click();
    await expect(notice(panel)).toContainText('Pushed the leaderboard to résultats (3 rows)');
    // Three models with predictions for the same validation rows.
    await expect(notice(panel)).toContainText('The validation predictions are in résultats_predictions');

    const table = await runInCell(
      page,
      "print(type(résultats).__name__, len(résultats)); print(résultats[['rank', 'model', 'status']].to_string(index=False))"
    );
    expect(table).toContain('DataFrame 3');
    for (const model of ['baseline', 'linear', 'mlp']) {
      expect(table).toContain(model);
    }
    expect(table).toMatch(/^\s*1(\.0)?\s+\w+\s+succeeded/m);
    const predictions = await runInCell(
      page,
      "print(sorted(set(résultats_predictions['model'])), len(résultats_predictions))"
    );
    expect(predictions).toContain("['baseline', 'linear', 'mlp']");
    // The cancelled push left the builtin alone.
    expect(await runInCell(page, "print(list is __import__('builtins').list)")).toContain('True');

    // The wizard added only the name it was given.
    const added = await runInCell(
      page,
      "print(sorted(n for n in set(dir()) - names_before - {'names_before'} if not __import__('re').fullmatch(r'_i*\\d*|_+', n)))"
    );
    expect(added.trim()).toBe("['résultats', 'résultats_predictions']");
  });

  test('reports a busy kernel', async ({ page, tmpPath }) => {
    await notebookWith(page, tmpPath, 'import pandas as pd\ndf = pd.DataFrame({"a": [1, 2]})');
    const panel = await openWizard(page);
    await page.notebook.setCell(0, 'code', 'import time\ntime.sleep(15)');
    await page.notebook.runCell(0, { wait: false });
    await page.waitForFunction(() => {
      const widget = (window as any).jupyterapp.shell.currentWidget;
      return widget?.sessionContext?.session?.kernel?.status === 'busy';
    });
    await refresh(panel);
    await expect(notice(panel)).toContainText('is busy running a cell');
    await expect(panel.getByRole('table', { name: 'DataFrames' })).toHaveCount(0);
  });

  test('reports a kernel that dies during the transfer', async ({ page, tmpPath }) => {
    // to_csv calls str() on object cells, and this one ends the kernel process.
    await notebookWith(
      page,
      tmpPath,
      [
        'import os',
        'import pandas as pd',
        // type() builds the class on one line, because the cell editor indents the lines after a class header.
        "Fatal = type('Fatal', (), {'__str__': lambda self: os._exit(1)})",
        "fatal = pd.DataFrame({'a': [1, 2], 'b': [Fatal(), Fatal()]})"
      ].join('\n')
    );
    const panel = await openWizard(page);
    await refresh(panel);
    await panel.getByRole('button', { name: 'Use fatal' }).click();
    await expect(notice(panel)).toContainText('restarted or stopped');
    await expect(panel.getByText('File: fatal (DataFrame)')).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Choose CSV file…' })).toBeEnabled();
  });

  test('reports a notebook without a kernel', async ({ page }) => {
    await page.notebook.createNew('no-kernel.ipynb', { kernel: null });
    const panel = await openWizard(page);
    await refresh(panel);
    await expect(notice(panel)).toContainText('has no running kernel');
  });

  test('reports a kernel without pandas', async ({ page, tmpPath }) => {
    await notebookWith(page, tmpPath, 'x = 1');
    const panel = await openWizard(page);

    // pandas is installed but not imported, so no DataFrame can exist yet.
    await refresh(panel);
    await expect(panel.getByText(/No pandas DataFrame in the kernel of/)).toBeVisible();

    await runInCell(page, "import sys\nsys.modules['pandas'] = None");
    await refresh(panel);
    await expect(notice(panel)).toContainText('pandas cannot be imported in the kernel');
    // The file source still works.
    await expect(panel.getByRole('button', { name: 'Choose CSV file…' })).toBeEnabled();
  });
});

test.describe('Kernel push setting', () => {
  test.use({
    mockSettings: {
      ...galata.DEFAULT_SETTINGS,
      'jupyterlab-training-wizard:plugin': { pushResultsToKernel: true, epochs: 5 }
    }
  });

  test('pushes results after every run', async ({ page, tmpPath }) => {
    await notebookWith(page, tmpPath, "import pandas as pd\npenguins = pd.read_csv('penguins.csv')");
    const panel = await openWizard(page);
    await refresh(panel);
    await panel.getByRole('button', { name: 'Use penguins' }).click();
    await expect(panel.getByText('344 rows, 8 columns')).toBeVisible();
    await chooseTarget(panel, 'species');
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({ timeout: 120000 });

    await expect(notice(panel)).toContainText('Results written to cell', { timeout: 60000 });
    await expect(notice(panel)).toContainText('Pushed the leaderboard to wizard_results (3 rows)');
    const output = await runInCell(page, 'print(type(wizard_results).__name__, wizard_results.shape[0])');
    expect(output).toContain('DataFrame 3');
  });
});
