/** Shared helpers for the data room tests: fixture files and quick tables. */

import { readFileSync } from 'fs';
import { join } from 'path';

import { defaultConfig } from '../../src/core/config';
import { IDatasetProfile, IWizardConfig, TaskType } from '../../src/core/types';
import { ColumnBuilder, columnTexts } from '../../src/data/column';
import { IReadOptions, ITable, readCsv } from '../../src/data/csv';
import { profileTable } from '../../src/data/profile';

/** Folder of the hard-input CSV files and their variants. */
export const CASES = join(__dirname, '..', 'fixtures', 'cases');

/** Read a fixture file's text as UTF-8, byte order mark included. */
export function caseText(name: string): string {
  return readFileSync(join(CASES, name), 'utf8');
}

/** Read a fixture file into a table, naming it as the person would see it. */
export function readCase(name: string, options?: IReadOptions): ITable {
  return readCsv(caseText(name), name.split('/').pop()!, options);
}

/** Return a table's cells as texts, `cells[column][row]`, with '' for missing cells. */
export function cellsOf(table: ITable): string[][] {
  return table.data.map(columnTexts);
}

/** Return a copy of `table` whose columns hold `cells`, where '' is a missing cell. */
export function withCells(table: ITable, cells: string[][]): ITable {
  const data = cells.map(texts => {
    const builder = new ColumnBuilder();
    texts.forEach(cell => (cell === '' ? builder.pushMissing() : builder.push(cell)));
    return builder.finish();
  });
  return { ...table, data };
}

/** A table and its profile. */
export interface ILoaded {
  table: ITable;
  profile: IDatasetProfile;
}

/** Read and profile a fixture file. */
export function loadCase(name: string, options?: IReadOptions): ILoaded {
  const table = readCase(name, options);
  return { table, profile: profileTable(table, options) };
}

/** Read and profile inline CSV text. */
export function loadText(text: string, fileName = 'inline.csv', options?: IReadOptions): ILoaded {
  const table = readCsv(text, fileName, options);
  return { table, profile: profileTable(table, options) };
}

/** Build a default configuration with some fields replaced. */
export function configFor(
  target: string,
  task: TaskType,
  features: string[],
  changes: Partial<IWizardConfig> = {}
): IWizardConfig {
  return { ...defaultConfig(target, task, features), ...changes };
}

/** Find a column's profile by name, failing the test when it is absent. */
export function column(profile: IDatasetProfile, name: string) {
  const found = profile.columns.find(item => item.name === name);
  if (!found) {
    throw new Error(`Column '${name}' is not in the profile of '${profile.fileName}'.`);
  }
  return found;
}
