// Galata drives Debian's Chromium against a real `jupyter lab` on 127.0.0.1.
const path = require('path');
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const jupyter = path.join(__dirname, '..', '.venv', 'bin', 'jupyter');
// UI_TEST_PORT moves the test server off 8888, for example to run two
// checkouts' tests side by side.
const port = process.env.UI_TEST_PORT || '8888';

module.exports = {
  ...baseConfig,
  testDir: './tests',
  timeout: 180000,
  globalTimeout: 25 * 60 * 1000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    ...baseConfig.use,
    baseURL: `http://127.0.0.1:${port}`,
    video: 'off',
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    }
  },
  webServer: {
    command: `${jupyter} lab --config jupyter_server_test_config.py --port ${port}`,
    cwd: __dirname,
    url: `http://127.0.0.1:${port}/lab`,
    timeout: 120000,
    reuseExistingServer: false
  }
};
