// Print one line, "tests: N passed, M failed", from a jest JSON report and a
// Playwright JSON report. A missing report counts as one failure.
const fs = require('fs');

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (reason) {
    console.error(`Failed to read the test report ${file}: ${reason.message}`);
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;

const jest = read(process.argv[2]);
if (jest) {
  passed += jest.numPassedTests;
  failed += jest.numFailedTests;
  skipped += jest.numPendingTests;
} else {
  failed += 1;
}

const ui = read(process.argv[3]);
if (ui) {
  passed += ui.stats.expected;
  failed += ui.stats.unexpected + ui.stats.flaky;
  skipped += ui.stats.skipped;
} else {
  failed += 1;
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
