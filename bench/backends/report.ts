/**
 * Write only the "Backends in the worker" section into BENCHMARKS.md, for a
 * checkout without the other result files. Replaces the section when it
 * exists, otherwise inserts it before "## Limits" (or at the end), and leaves
 * every other section as it is. Usage: `node report.js`.
 */
import * as fs from 'fs';
import * as path from 'path';

import { REPO_ROOT, RESULTS_DIR } from '../common';
import { backendsSection } from '../report';

const HEADING = '## Backends in the worker';

function main(): void {
  const result = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, 'backends.json'), 'utf8'));
  const section = backendsSection(result);
  const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
  const page = fs.readFileSync(file, 'utf8');

  let updated: string;
  const start = page.indexOf(`\n${HEADING}\n`);
  if (start >= 0) {
    const next = page.indexOf('\n## ', start + HEADING.length + 1);
    const end = next >= 0 ? next + 1 : page.length;
    updated = `${page.slice(0, start + 1)}${section}\n${next >= 0 ? '\n' : ''}${page.slice(end)}`;
  } else {
    const limits = page.indexOf('\n## Limits\n');
    updated = limits >= 0 ? `${page.slice(0, limits + 1)}${section}\n\n${page.slice(limits + 1)}` : `${page.trimEnd()}\n\n${section}\n`;
  }
  fs.writeFileSync(file, updated);
  process.stderr.write(`wrote the backends section of ${file}\n`);
}

main();
