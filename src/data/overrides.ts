/**
 * Column types set by the person, applied on top of the inferred profile.
 * Only changes that the preprocessing can honour are accepted: any column
 * can be read as categorical, and a column whose cells all parse as numbers
 * can be read as numeric.
 */
import { ColumnType, IColumnProfile, IDatasetProfile } from '../core/types';

/** The types a person may set a column to. */
export type TypeOverride = 'numeric' | 'categorical';

/** List the overrides `column` accepts, besides keeping the inferred type. */
export function allowedOverrides(column: IColumnProfile): TypeOverride[] {
  const allowed: TypeOverride[] = [];
  if (column.min !== undefined && column.type !== 'numeric') {
    allowed.push('numeric');
  }
  if (column.type !== 'categorical' && column.type !== 'empty') {
    allowed.push('categorical');
  }
  return allowed;
}

/**
 * Return a copy of `profile` with the overrides applied. An override the
 * column does not accept, or for a column the file lacks, is ignored.
 */
export function applyTypeOverrides(
  profile: IDatasetProfile,
  overrides: Record<string, TypeOverride> | undefined
): IDatasetProfile {
  if (!overrides || Object.keys(overrides).length === 0) {
    return profile;
  }
  const columns = profile.columns.map(column => {
    const override = Object.prototype.hasOwnProperty.call(overrides, column.name)
      ? overrides[column.name]
      : undefined;
    if (!override || !allowedOverrides(column).includes(override)) {
      return column;
    }
    return overrideColumn(column, override);
  });
  return { ...profile, columns };
}

function overrideColumn(
  column: IColumnProfile,
  override: TypeOverride
): IColumnProfile {
  const inferred: ColumnType = column.type;
  const reason = `set to ${override} by you; inferred ${inferred} (${column.reason})`;
  if (override === 'numeric') {
    return { ...column, type: 'numeric', reason };
  }
  // The plan encodes a column as numbers when it has a range, so drop it.
  const { min: _min, max: _max, ...rest } = column;
  return { ...rest, type: 'categorical', reason };
}
