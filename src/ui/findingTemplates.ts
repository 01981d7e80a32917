/**
 * Translated templates of the findings that the data room reports.
 *
 * Each template is the English sentence of the data room's `message` with
 * `%1`, `%2`… in place of its values, written as a literal in `trans.__()`
 * or `trans._n()` so that language packs can extract it. With `_n`, `%1` is
 * the count that selects the plural form and the other values follow it.
 *
 * NOTE: some values are English phrases built by the data room, such as line
 * lists ("lines 3, 5 and 9"), column type reasons, leakage descriptions and
 * rare-class lists. They stay English inside a translated sentence.
 */

import type { TranslationBundle } from '@jupyterlab/translation';

import { IFinding } from '../core/types';

/**
 * Render one finding code from its `params`, or return null when the
 * finding has a shape that the template does not know.
 */
type Template = (
  p: string[],
  trans: TranslationBundle,
  finding: IFinding
) => string | null;

/** Templates of the findings built in `src/data/csv.ts`. */
const FILE_TEMPLATES: Record<string, Template> = {
  'empty-file': (p, trans) =>
    trans.__(
      "The file '%1' is empty. Choose a file with a header row and at least one data row.",
      p[0]
    ),
  'no-rows': (p, trans) =>
    trans.__(
      "The file '%1' has a header row but no data rows. Choose a file with at least one data row.",
      p[0]
    ),
  'ragged-rows-skipped': (p, trans) =>
    trans._n(
      "Skipped %1 row of '%2' with the wrong number of fields (%3).",
      "Skipped %1 rows of '%2' with the wrong number of fields (%3).",
      Number(p[0]),
      p[1],
      p[2]
    ),
  'ragged-rows': (p, trans) => {
    // The reader lists each row as "line 4: 2 fields, expected 3", while the
    // pre-flight check lists only line numbers, which never contain a colon.
    if ((p[2] ?? '').includes(':')) {
      return trans._n(
        "The file '%2' has %1 row with the wrong number of fields (%3). Fix the file, or choose to skip them.",
        "The file '%2' has %1 rows with the wrong number of fields (%3). Fix the file, or choose to skip them.",
        Number(p[1]),
        p[0],
        p[2]
      );
    }
    return trans._n(
      "The file '%2' has %1 row with the wrong number of fields on %3. Fix the file, or choose to skip them.",
      "The file '%2' has %1 rows with the wrong number of fields on %3. Fix the file, or choose to skip them.",
      Number(p[1]),
      p[0],
      p[2]
    );
  },
  'row-sample': (p, trans) =>
    trans.__(
      "The file '%1' has %2 data rows; a random sample of %3 drawn with seed %4 is used. Raise the row limit in the settings to use more.",
      p[0],
      p[1],
      p[2],
      p[3]
    ),
  'row-limit': (p, trans) =>
    trans.__(
      "The file '%1' has %2 data rows; only the first %3 are used. Choose to sample rows with the seed, or raise the row limit in the settings.",
      p[0],
      p[1],
      p[2]
    ),
  'renamed-columns': (p, trans) =>
    trans.__(
      "Some column names in '%1' were empty or repeated, so they were renamed: %2. Rename them in the file to choose the names yourself.",
      p[0],
      p[1]
    ),
  'unclosed-quote': (p, trans) =>
    trans.__(
      "The file '%1' has a quoted field that is never closed, starting on %2, so the rest of the file reads as one field. Add the closing quote.",
      p[0],
      p[1]
    ),
  'malformed-quote': (p, trans) =>
    trans.__(
      "The file '%1' has text after a closing quote on %2; it was kept as part of the field. Check the quotes on those lines.",
      p[0],
      p[1]
    )
};

/** Templates of the findings built in `src/data/profile.ts`. */
const COLUMN_TEMPLATES: Record<string, Template> = {
  'invalid-values': (p, trans) =>
    trans._n(
      "Column '%2' of '%3' has %1 invalid number (such as '%4') on %5. They are treated as missing and imputed; fix them in the file if they should be numbers.",
      "Column '%2' of '%3' has %1 invalid numbers (such as '%4') on %5. They are treated as missing and imputed; fix them in the file if they should be numbers.",
      Number(p[2]),
      p[0],
      p[1],
      p[3],
      p[4]
    ),
  'number-format-unused': (p, trans) =>
    trans.__(
      "Column '%1' of '%2' has no number written with a %3, so that format is not used. Choose another number format for it, or clear the format.",
      p[0],
      p[1],
      p[2]
    )
};

/** Templates of the findings built in `src/data/features.ts`. */
const FEATURE_TEMPLATES: Record<string, Template> = {
  'possible-leakage': (p, trans) =>
    trans.__(
      "Feature '%1' predicts target '%2' perfectly in '%3': %4. If it is only known after the outcome, unselect it.",
      p[0],
      p[1],
      p[2],
      p[3]
    ),
  'no-usable-features': (p, trans) =>
    trans.__(
      "Every selected feature of '%1' is free text or empty, so the models have no input. Select a numeric, categorical, boolean or date column.",
      p[0]
    ),
  'more-features-than-rows': (p, trans) =>
    trans.__(
      "The selected features of '%1' encode to %2 input columns, more than its %3 rows, so the models are likely to overfit. Select fewer features or add rows.",
      p[0],
      p[1],
      p[2]
    ),
  'constant-feature': (p, trans) =>
    trans.__(
      "Feature '%1' of '%2' has one value, so scaling turns it into 0 and it cannot help the models. Unselect it.",
      p[0],
      p[1]
    ),
  'unused-feature': (p, trans) => {
    // The third value is the English phrase that the data room chose, so an
    // unknown phrase falls back to the English message.
    switch (p[2]) {
      case 'is free text':
        return trans.__(
          "Feature '%1' of '%2' is free text, so it is left out of the models.",
          p[0],
          p[1]
        );
      case 'has no values':
        return trans.__(
          "Feature '%1' of '%2' has no values, so it is left out of the models.",
          p[0],
          p[1]
        );
      default:
        return null;
    }
  },
  'identifier-feature': (p, trans) =>
    trans.__(
      "Feature '%1' of '%2' identifies rows (%3), so the models may memorise rows instead of learning. Unselect it.",
      p[0],
      p[1],
      p[2]
    ),
  'high-cardinality-feature': (p, trans) =>
    trans.__(
      "Feature '%1' of '%2' has %3 distinct values; only the %4 most frequent get their own input and the rest share one.",
      p[0],
      p[1],
      p[2],
      p[3]
    )
};

/** Templates of the target and selection findings of `src/data/preflight.ts`. */
const CONFIG_TEMPLATES: Record<string, Template> = {
  'no-target': (p, trans) =>
    trans.__("Choose a target column of '%1'.", p[0]),
  'unknown-target': (p, trans) =>
    trans.__(
      "Target '%1' is not a column of '%2'. Choose another target.",
      p[0],
      p[1]
    ),
  'no-features': (p, trans) =>
    trans.__("Choose at least one feature column of '%1'.", p[0]),
  'target-is-feature': (p, trans) =>
    trans.__(
      "Column '%1' of '%2' is the target, so it cannot also be a feature. Unselect it.",
      p[0],
      p[1]
    ),
  'unknown-feature': (p, trans) =>
    trans.__(
      "Feature '%1' is not a column of '%2'. Unselect it.",
      p[0],
      p[1]
    ),
  'target-empty': (p, trans) =>
    trans.__(
      "Target '%1' has no values in '%2'. Choose another target.",
      p[0],
      p[1]
    ),
  'regression-non-numeric': (p, trans) =>
    trans.__(
      "Target '%1' of '%2' is not numeric (%3), so regression cannot use it. Choose classification or another target.",
      p[0],
      p[1],
      p[2]
    ),
  'too-few-rows': (p, trans) =>
    trans._n(
      "Only %1 row of '%2' has a value for target '%3'; at least 2 are needed for a training and a validation split. Add rows or choose another target.",
      "Only %1 rows of '%2' has a value for target '%3'; at least 2 are needed for a training and a validation split. Add rows or choose another target.",
      Number(p[0]),
      p[1],
      p[2]
    ),
  'target-missing': (p, trans) => {
    // The second value is the English phrase that the data room chose, so an
    // unknown phrase falls back to the English message.
    switch (p[1]) {
      case 'missing':
        return trans._n(
          "Target '%2' is missing in %1 row of '%3' (%4). Those rows are left out of training and validation.",
          "Target '%2' is missing in %1 rows of '%3' (%4). Those rows are left out of training and validation.",
          Number(p[2]),
          p[0],
          p[3],
          p[4]
        );
      case 'missing or not a number':
        return trans._n(
          "Target '%2' is missing or not a number in %1 row of '%3' (%4). Those rows are left out of training and validation.",
          "Target '%2' is missing or not a number in %1 rows of '%3' (%4). Those rows are left out of training and validation.",
          Number(p[2]),
          p[0],
          p[3],
          p[4]
        );
      default:
        return null;
    }
  }
};

/** Templates of the class findings of `src/data/preflight.ts`. */
const CLASS_TEMPLATES: Record<string, Template> = {
  'single-class': (p, trans) =>
    trans.__(
      "Target '%1' has one class ('%2'); at least 2 are needed.",
      p[0],
      p[1]
    ),
  'many-classes': (p, trans) =>
    trans.__(
      "Target '%1' of '%2' has %3 classes. If it is a quantity, choose regression.",
      p[0],
      p[1],
      p[2]
    ),
  // Dropping is an error only when fewer than 2 classes would remain.
  'rare-class-dropped': (p, trans, finding) =>
    finding.severity === 'error'
      ? trans.__(
          "Rows of rare classes %1 of target '%2' in '%3' are dropped (%4). Fewer than 2 classes remain; merge them instead.",
          p[0],
          p[1],
          p[2],
          p[3]
        )
      : trans.__(
          "Rows of rare classes %1 of target '%2' in '%3' are dropped (%4).",
          p[0],
          p[1],
          p[2],
          p[3]
        ),
  // Merging is an error only when the merged class is still too small.
  'rare-class-merged': (p, trans, finding) =>
    finding.severity === 'error'
      ? trans._n(
          "Merging rare classes %2 of target '%3' in '%4' gives '%5' only %1 row, fewer than %6. Drop those rows instead.",
          "Merging rare classes %2 of target '%3' in '%4' gives '%5' only %1 rows, fewer than %6. Drop those rows instead.",
          Number(p[4]),
          p[0],
          p[1],
          p[2],
          p[3],
          p[5]
        )
      : trans.__(
          "Rare classes %1 of target '%2' in '%3' are merged into '%4' (%5).",
          p[0],
          p[1],
          p[2],
          p[3],
          p[4]
        ),
  'rare-class': (p, trans) =>
    trans._n(
      "Target '%2' of '%3' has classes with fewer than %1 row: %4 (%5). Each class needs %1 row to appear in every split. Choose to merge them into '%6' or to drop their rows, or choose regression.",
      "Target '%2' of '%3' has classes with fewer than %1 rows: %4 (%5). Each class needs %1 rows to appear in every split. Choose to merge them into '%6' or to drop their rows, or choose regression.",
      Number(p[2]),
      p[0],
      p[1],
      p[3],
      p[4],
      p[5]
    )
};

const TEMPLATES: Record<string, Template> = {
  ...FILE_TEMPLATES,
  ...COLUMN_TEMPLATES,
  ...FEATURE_TEMPLATES,
  ...CONFIG_TEMPLATES,
  ...CLASS_TEMPLATES
};

/** Finding codes that have a translated template. */
export const TEMPLATE_CODES: ReadonlySet<string> = new Set(Object.keys(TEMPLATES));

/**
 * Render `finding` from its translated template, or return null when its
 * code has no template or its params do not fit the template.
 */
export function translateFinding(
  finding: IFinding,
  trans: TranslationBundle
): string | null {
  const template = Object.prototype.hasOwnProperty.call(TEMPLATES, finding.code)
    ? TEMPLATES[finding.code]
    : undefined;
  return template ? template(finding.params, trans, finding) : null;
}
