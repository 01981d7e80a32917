import { expect, test } from '@jupyterlab/galata';

import {
  chooseFile,
  chooseTarget,
  goToStep,
  openDemo,
  openWizard,
  setOption
} from './helpers';

test.use({ autoGoto: true });

test.describe('Repeated runs', () => {
  test('ten runs keep one training worker and a flat heap', async ({
    page,
    tmpPath
  }) => {
    // Count live workers: the data worker that keeps the parsed file, plus
    // at most one training worker.
    await page.addInitScript(() => {
      const Original = window.Worker;
      const counts = { alive: 0, max: 0 };
      (window as any).__workerCounts = counts;
      (window as any).Worker = class extends Original {
        private _ended = false;
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          counts.alive += 1;
          counts.max = Math.max(counts.max, counts.alive);
        }
        terminate(): void {
          if (!this._ended) {
            this._ended = true;
            counts.alive -= 1;
          }
          super.terminate();
        }
      };
    });
    await page.reload();
    await openDemo(page, tmpPath);
    const panel = await openWizard(page);
    await chooseFile(page, panel, 'penguins.csv');
    await chooseTarget(panel, 'species');
    await setOption(panel, 'Epochs', 3);
    // Without a notebook the results are not written, so the heap measures
    // the panel and its runs, not a notebook growing by ten results cells.
    await page.notebook.close(true);
    const cdp = await page.context().newCDPSession(page.page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return usage.usedSize;
    };
    const start = panel.getByRole('button', { name: 'Start training' });
    const restart = panel.getByRole('button', { name: 'Restart' });

    let afterFirst = 0;
    for (let run = 1; run <= 10; run++) {
      // A new seed per run, so the run cache never returns a stored run.
      await setOption(panel, 'Seed', run);
      await goToStep(panel, '4. Train');
      await start.click();
      if (run % 3 === 0) {
        // Every third run is cancelled, then restarted.
        await panel.getByRole('button', { name: 'Cancel' }).click();
        await expect(panel.getByText('Training cancelled.').first()).toBeVisible();
      } else {
        await expect(panel.getByRole('table', { name: 'Leaderboard' })).toBeVisible({
          timeout: 120000
        });
        // The charts are drawn, so plotly.js is loaded before the first measure.
        await expect(
          panel.getByRole('region', { name: 'Charts of the chosen model' }).locator('.main-svg').first()
        ).toBeVisible({ timeout: 30000 });
      }
      await restart.click();
      await expect(panel.getByText('Ready to train.')).toBeVisible();
      const counts = await page.evaluate(() => (window as any).__workerCounts);
      expect(counts.alive).toBe(1);
      if (run === 1) {
        afterFirst = await heap();
      }
    }
    const afterTenth = await heap();
    const counts = await page.evaluate(() => (window as any).__workerCounts);
    expect(counts.max).toBeLessThanOrEqual(2);
    expect(Math.abs(afterTenth - afterFirst)).toBeLessThan(5 * 1024 * 1024);
    test.info().annotations.push({
      type: 'heap',
      description: `after run 1: ${afterFirst} bytes, after run 10: ${afterTenth} bytes`
    });
  });
});
