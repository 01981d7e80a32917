/**
 * Write only the "Backends in the worker" section into BENCHMARKS.md, for a
 * checkout without the other result files, and leave every other section as
 * it is. Usage: `node report.js`.
 */
import * as fs from 'fs';
import * as path from 'path';

import { REPO_ROOT, RESULTS_DIR } from '../common';
import { backendsSection } from '../report';

/** Heading of the section that `backendsSection` renders. */
export const BACKENDS_HEADING = '## Backends in the worker';

/**
 * Return `page` with the level-2 section under `heading` replaced by
 * `section`. When the page has no such section, insert it before
 * "## Limits", or append it when that heading is missing too. `section`
 * starts with `heading` and has no trailing newline.
 */
export function spliceSection(page: string, heading: string, section: string): string {
  const start = page.indexOf(`\n${heading}\n`);
  if (start >= 0) {
    const next = page.indexOf('\n## ', start + heading.length + 1);
    if (next < 0) {
      return `${page.slice(0, start + 1)}${section}\n`;
    }
    return `${page.slice(0, start + 1)}${section}\n\n${page.slice(next + 1)}`;
  }
  const limits = page.indexOf('\n## Limits\n');
  if (limits >= 0) {
    return `${page.slice(0, limits + 1)}${section}\n\n${page.slice(limits + 1)}`;
  }
  return `${page.trimEnd()}\n\n${section}\n`;
}

function main(): void {
  const result = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, 'backends.json'), 'utf8'));
  const file = path.join(REPO_ROOT, 'BENCHMARKS.md');
  const page = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, spliceSection(page, BACKENDS_HEADING, backendsSection(result)));
  process.stderr.write(`wrote the backends section of ${file}\n`);
}

if (require.main === module) {
  main();
}
