// Galata drives Debian's Chromium against a real `jupyter lab` on 127.0.0.1.
const path = require('path');
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const jupyter = path.join(__dirname, '..', '.venv', 'bin', 'jupyter');

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
    baseURL: 'http://127.0.0.1:8888',
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
    command: `${jupyter} lab --config jupyter_server_test_config.py`,
    cwd: __dirname,
    url: 'http://127.0.0.1:8888/lab',
    timeout: 120000,
    reuseExistingServer: false
  }
};
