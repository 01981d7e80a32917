/** Checks of the selected features of a wizard configuration. */

import { IColumnProfile, IDatasetProfile, IFinding, IWizardConfig } from '../core/types';
import { ITable } from './csv';
import { makeFinding } from './findings';
import { describeLeakage } from './leakage';
import { MAX_LEVELS } from './plan';

/**
 * Check the selected features: types that are left out or add nothing,
 * possible target leakage, and more encoded inputs than rows. Features that
 * are not columns are reported elsewhere and skipped here.
 */
export function checkFeatures(
  table: ITable,
  profile: IDatasetProfile,
  target: IColumnProfile,
  config: IWizardConfig
): IFinding[] {
  const features = config.features
    .filter(name => name !== target.name)
    .map(name => profile.columns.find(column => column.name === name))
    .filter((column): column is IColumnProfile => column !== undefined);
  const findings: IFinding[] = [];
  let width = 0;
  for (const feature of features) {
    findings.push(...featureTypeFindings(table.fileName, feature));
    width += encodedWidth(feature);
    const leak = describeLeakage(table, target, feature, config.task === 'classification');
    if (leak) {
      findings.push(
        makeFinding(
          'warning',
          'possible-leakage',
          `Feature '${feature.name}' predicts target '${target.name}' perfectly in '${table.fileName}': ${leak}. If it is only known after the outcome, unselect it.`,
          [feature.name, target.name, table.fileName, leak],
          { column: feature.name }
        )
      );
    }
  }
  if (features.length > 0 && width === 0) {
    findings.push(
      makeFinding(
        'error',
        'no-usable-features',
        `Every selected feature of '${table.fileName}' is free text or empty, so the models have no input. Select a numeric, categorical, boolean or date column.`,
        [table.fileName]
      )
    );
  } else if (width > profile.rowCount) {
    findings.push(
      makeFinding(
        'warning',
        'more-features-than-rows',
        `The selected features of '${table.fileName}' encode to ${width} input columns, more than its ${profile.rowCount} rows, so the models are likely to overfit. Select fewer features or add rows.`,
        [table.fileName, String(width), String(profile.rowCount)]
      )
    );
  }
  return findings;
}

/**
 * Input columns a feature adds: as the preprocessing plan encodes it, but
 * counting the missing and other slots of a category only when this file
 * fills them.
 */
function encodedWidth(feature: IColumnProfile): number {
  if (feature.type === 'text' || feature.type === 'empty') {
    return 0;
  }
  if (feature.type === 'datetime') {
    return 3;
  }
  const isLevels =
    feature.min === undefined && feature.type !== 'boolean' && feature.type !== 'constant';
  if (!isLevels) {
    return 1;
  }
  const missingSlot = feature.missing > 0 ? 1 : 0;
  const otherSlot = feature.distinct > MAX_LEVELS ? 1 : 0;
  return Math.min(feature.distinct, MAX_LEVELS) + missingSlot + otherSlot;
}

/** Warnings for a selected feature whose type adds little or nothing. */
function featureTypeFindings(fileName: string, feature: IColumnProfile): IFinding[] {
  const name = feature.name;
  const extras = { column: name };
  switch (feature.type) {
    case 'constant':
      return [
        makeFinding(
          'warning',
          'constant-feature',
          `Feature '${name}' of '${fileName}' has one value, so scaling turns it into 0 and it cannot help the models. Unselect it.`,
          [name, fileName],
          extras
        )
      ];
    case 'text':
    case 'empty': {
      const problem = feature.type === 'text' ? 'is free text' : 'has no values';
      return [
        makeFinding(
          'warning',
          'unused-feature',
          `Feature '${name}' of '${fileName}' ${problem}, so it is left out of the models.`,
          [name, fileName, problem],
          extras
        )
      ];
    }
    case 'identifier':
      return [
        makeFinding(
          'warning',
          'identifier-feature',
          `Feature '${name}' of '${fileName}' identifies rows (${feature.reason}), so the models may memorise rows instead of learning. Unselect it.`,
          [name, fileName, feature.reason],
          extras
        )
      ];
    case 'high-cardinality':
      return [
        makeFinding(
          'warning',
          'high-cardinality-feature',
          `Feature '${name}' of '${fileName}' has ${feature.distinct} distinct values; only the ${MAX_LEVELS} most frequent get their own input and the rest share one.`,
          [name, fileName, String(feature.distinct), String(MAX_LEVELS)],
          extras
        )
      ];
    default:
      return [];
  }
}
