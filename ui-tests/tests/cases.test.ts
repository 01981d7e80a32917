import { expect, test } from '@jupyterlab/galata';
import * as path from 'path';

import {
  chooseFile,
  chooseTarget,
  FIXTURES,
  goToStep,
  openDemo,
  openWizard,
  readNotebook,
  resultsCells,
  setOption
} from './helpers';

test.use({ autoGoto: true });

const CASES = path.join(FIXTURES, 'cases');

test.describe('Hard inputs', () => {
  test('empty file gets its own message', async ({ page, tmpPath }) => {
    await openDemo(page, tmpPath, path.join(CASES, '05-empty-file.csv'));
    const panel = await openWizard(page);
    await chooseFile(page, panel, '05-empty-file.csv');
    await expect(panel.getByText(/The file '05-empty-file.csv' is empty/)).toBeVisible();
    await goToStep(panel, '2. Target & features');
    await expect(panel.getByLabel('Target column', { exact: true })).toHaveCount(0);
    await goToStep(panel, '4. Train');
    await expect(panel.getByRole('button', { name: 'Start training' })).toBeDisabled();
    await expect(panel.getByText(/^Not ready: fix the errors listed in Step 1/)).toBeVisible();
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    expect(resultsCells(notebook)).toHaveLength(0);
  });

  test('single-class target blocks training until another target', async ({
    page,
    tmpPath
  }) => {
    await openDemo(page, tmpPath, path.join(CASES, '13-single-class-target.csv'));
    const panel = await openWizard(page);
    await chooseFile(page, panel, '13-single-class-target.csv');
    await chooseTarget(panel, 'defaulted');
    await expect(
      panel.getByText("Target 'defaulted' has one class ('no'); at least 2 are needed.")
    ).toBeVisible();
    await goToStep(panel, '4. Train');
    await expect(panel.getByRole('button', { name: 'Start training' })).toBeDisabled();

    await chooseTarget(panel, 'employment');
    await goToStep(panel, '4. Train');
    await expect(panel.getByRole('button', { name: 'Start training' })).toBeEnabled();
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    expect(resultsCells(notebook)).toHaveLength(0);
  });

  test('ragged rows wait for the choice to skip them', async ({ page, tmpPath }) => {
    await openDemo(page, tmpPath, path.join(CASES, '04-ragged-rows.csv'));
    const panel = await openWizard(page);
    await chooseFile(page, panel, '04-ragged-rows.csv');
    await expect(panel.getByText(/line 5: 4 fields, expected 5/).first()).toBeVisible();
    await expect(panel.getByText(/line 8: 6 fields, expected 5/).first()).toBeVisible();
    await chooseTarget(panel, 'fit');
    await setOption(panel, 'Epochs', 5);
    await goToStep(panel, '4. Train');
    await expect(panel.getByRole('button', { name: 'Start training' })).toBeDisabled();

    await goToStep(panel, '1. Data');
    await panel.getByLabel(/Skip the 2 rows with the wrong number of fields/).check();
    await goToStep(panel, '4. Train');
    const start = panel.getByRole('button', { name: 'Start training' });
    await expect(start).toBeEnabled();
    await start.click();
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
      timeout: 120000
    });
    await expect(
      panel.getByRole('list', { name: 'Data notes' }).getByText(/lines 5, 8/)
    ).toBeVisible();
    await expect(panel.getByText(/Results written to cell/).first()).toBeVisible({ timeout: 60000 });
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    const cells = resultsCells(notebook);
    expect(cells).toHaveLength(1);
    expect(cells[0].metadata.training_wizard.skipped_lines).toEqual([5, 8]);
    expect(cells[0].outputs[0].data['text/plain']).toContain('lines 5, 8');
  });

  test('HTML in names and values stays literal text', async ({ page, tmpPath }) => {
    let dialogs = 0;
    let requestsForX = 0;
    page.on('dialog', dialog => {
      dialogs += 1;
      void dialog.dismiss();
    });
    page.on('request', request => {
      if (/\/x$/.test(new URL(request.url()).pathname)) {
        requestsForX += 1;
      }
    });
    await openDemo(page, tmpPath, path.join(CASES, '17-html-script-column-name.csv'));
    const panel = await openWizard(page);
    await chooseFile(page, panel, '17-html-script-column-name.csv');
    const columns = panel.getByRole('table', { name: 'Columns' });
    await expect(columns.getByText('<img src=x onerror=alert(1)>')).toBeVisible();
    await expect(columns.getByText('<script>alert("pwned")</script>')).toBeVisible();
    await expect(columns.getByText('</td><td>total')).toBeVisible();

    await chooseTarget(panel, 'churn');
    await setOption(panel, 'Epochs', 5);
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    const leaderboard = panel.getByRole('table', { name: 'Leaderboard' });
    await expect(leaderboard).toBeVisible({ timeout: 120000 });
    await expect(
      panel.getByRole('cell', { name: '<svg/onload=alert(3)>', exact: true })
    ).toBeVisible();
    // Charts: class labels in the confusion matrix and feature names in the
    // importance chart are SVG text, literal, and add no elements of their own.
    const charts = panel.getByRole('region', { name: 'Charts of the chosen model' });
    await expect(
      charts.locator('[data-figure="confusion-matrix"] text', { hasText: '<svg/onload=alert(3)>' }).first()
    ).toBeVisible({ timeout: 30000 });
    await expect(
      charts.locator('[data-figure="importance"] text', { hasText: '<img src=x onerror=alert(1)>' }).first()
    ).toBeVisible();
    await expect(page.locator('[onload], [onerror], [onmouseover]')).toHaveCount(0);
    await expect(panel.getByText(/Results written to cell/)).toBeVisible({ timeout: 60000 });

    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    const cells = resultsCells(notebook);
    expect(cells).toHaveLength(1);
    const html: string = cells[0].outputs[0].data['text/html'];
    const markdown: string = cells[0].outputs[0].data['text/markdown'];
    expect(markdown).not.toMatch(/<(script|img|svg|b)\b/i);
    const figures = JSON.stringify(cells[0].outputs.slice(1));
    expect(figures).not.toMatch(/<(script|img|svg|b)\b/i);
    expect(figures).toContain('&lt;svg/onload=alert(3)&gt;');
    expect(html).not.toMatch(/<(script|img|svg|b)\b/i);
    expect(html).toContain('&lt;svg/onload=alert(3)&gt;');
    expect(cells[0].metadata.training_wizard.config.features).toContain(
      '<img src=x onerror=alert(1)>'
    );
    // The output is rendered as a table in the notebook, with the text literal.
    const output = page.locator('.jp-OutputArea-output table.training-wizard-leaderboard');
    await expect(output).toBeVisible();
    expect(dialogs).toBe(0);
    expect(requestsForX).toBe(0);
  });
});

test.describe('Missing values', () => {
  test('markers are counted, editable and imputed', async ({ page, tmpPath }) => {
    await openDemo(page, tmpPath, path.join(CASES, '08-missing-markers.csv'));
    const panel = await openWizard(page);
    await chooseFile(page, panel, '08-missing-markers.csv');
    const columns = panel.getByRole('table', { name: 'Columns' });
    await expect(columns.getByRole('row', { name: /^age numeric 1234\.5 \(detected\) 3 / })).toBeVisible();
    await expect(columns.getByRole('row', { name: /^income numeric 1234\.5 \(detected\) 2 / })).toBeVisible();
    await expect(columns.getByRole('row', { name: /^region categorical not numbers 1 / })).toBeVisible();

    await chooseTarget(panel, 'outcome');
    await setOption(panel, 'Epochs', 5);
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
      timeout: 120000
    });
    const notes = panel.getByRole('list', { name: 'Data notes' });
    await expect(notes.getByText(/Imputed 3 missing values of age \(median/)).toBeVisible();
    await expect(notes.getByText(/Imputed 1 missing value of region/)).toBeVisible();
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toContainText(
      'Target outcome (classification): 12 training rows, 3 validation rows.'
    );

    // Without '?' as a marker, age contains text and is no longer numeric.
    await panel.getByRole('button', { name: 'Restart' }).click();
    await goToStep(panel, '1. Data');
    const markers = panel.getByLabel('Missing value markers');
    await expect(markers).toHaveValue(/NA, N\/A/);
    await markers.fill('NA');
    await markers.press('Enter');
    await expect(columns.getByRole('row', { name: /^age categorical not numbers 2 / })).toBeVisible();
  });
});

test.describe('Column types', () => {
  test('a numeric column read as categorical', async ({ page, tmpPath }) => {
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await goToStep(panel, '1. Data');
    await panel.getByLabel('Type of year').selectOption('categorical');
    const year = panel.getByLabel('Type of year');
    await expect(year.locator('option').first()).toHaveText('categorical');
    await expect(year).toHaveAttribute('title', /^set to categorical by you; inferred numeric/);

    // The target and task survive the re-read.
    await goToStep(panel, '2. Target & features');
    await expect(panel.getByLabel('Target column', { exact: true })).toHaveValue('species');
    await setOption(panel, 'Epochs', 3);
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
      timeout: 120000
    });
    await expect(panel.getByText(/Results written to cell/).first()).toBeVisible({ timeout: 60000 });
    await page.notebook.save();
    const notebook = await readNotebook(page, `${tmpPath}/demo.ipynb`);
    const metadata = resultsCells(notebook)[0].metadata.training_wizard;
    expect(metadata.read_options.columnTypes).toEqual({ year: 'categorical' });
  });

  test('semicolon file with decimal commas', async ({ page, tmpPath }) => {
    await openDemo(page, tmpPath, path.join(CASES, 'variants', 'semicolon-decimal-comma.csv'));
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'semicolon-decimal-comma.csv');
    await expect(panel.getByText(/delimiter semicolon/)).toBeVisible();
    const price = panel.getByLabel('Type of price_eur');
    await expect(price).toHaveValue('');
    await expect(price.locator('option').first()).toHaveText('numeric');
    await expect(price).toHaveAttribute('title', /decimal comma/);
    await expect(
      panel.getByRole('table', { name: 'Columns' }).getByText('1.5 – 6.5')
    ).toBeVisible();
  });
});

test.describe('Rare classes', () => {
  test('merge rare classes into other', async ({ page, tmpPath }) => {
    await openDemo(page, tmpPath, path.join(FIXTURES, 'ui', 'rare-classes.csv'));
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'rare-classes.csv');
    await chooseTarget(panel, 'label');
    await expect(panel.getByText(/has classes with fewer than 2 rows/)).toBeVisible();
    await goToStep(panel, '4. Train');
    await expect(panel.getByRole('button', { name: 'Start training' })).toBeDisabled();

    await goToStep(panel, '2. Target & features');
    await panel.getByRole('radio', { name: "Merge them into 'other'" }).check();
    await expect(panel.getByText(/are merged into 'other'/)).toBeVisible();
    await setOption(panel, 'Epochs', 3);
    await goToStep(panel, '4. Train');
    await panel.getByRole('button', { name: 'Start training' }).click();
    await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
      timeout: 120000
    });
    await expect(
      panel.getByRole('list', { name: 'Data notes' }).getByText(/Merged rare classes into other: c \(1 row\), d \(1 row\)/)
    ).toBeVisible();
  });
});

test.describe('Number formats', () => {
  test('thousands separators are detected and can be set', async ({
    page,
    tmpPath
  }) => {
    await openDemo(page, tmpPath, path.join(CASES, 'variants', 'thousands-separators.csv'));
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'thousands-separators.csv');
    const price = panel.getByLabel('Number format of price_eur');
    await expect(price.locator('option').first()).toHaveText('1.234,5 (detected)');
    await expect(panel.getByLabel('Type of price_eur')).toHaveAttribute(
      'title',
      /decimal comma and '\.' between thousands/
    );

    // Read as plain numbers, the price cells no longer parse and count as invalid.
    await price.selectOption('1234.5');
    await expect(
      panel.getByLabel('Number format of price_eur').locator('option').first()
    ).toHaveText(/set by you/);
    await expect(panel.getByText(/Column 'price_eur' of 'thousands-separators.csv' has/)).toBeVisible();

    await panel.getByLabel('Number format of price_eur').selectOption('detect');
    await expect(
      panel.getByLabel('Number format of price_eur').locator('option').first()
    ).toHaveText('1.234,5 (detected)');
  });
});
