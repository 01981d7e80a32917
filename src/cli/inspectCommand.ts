/**
 * `training-wizard inspect FILE`: the dialect, columns and findings of a
 * file, and optionally the pre-flight findings for a target.
 */
import { defaultConfig } from '../core/config';
import { IDatasetProfile, IFinding, IWizardConfig } from '../core/types';
import { defaultFeatures, inferTask } from '../data/preflight';
import { OptionSpecs, parseArgs, singleFile } from './args';
import { INSPECT_HELP } from './help';
import { EngineSession, ICliIO, openDataFile, READ_OPTIONS, readOptionsOf } from './io';
import {
  columnsTable,
  countFindings,
  describeDelimiter,
  findingsTable,
  hasErrors,
  indent,
  jsonText,
  RAGGED_HINT
} from './text';

const OPTIONS: OptionSpecs = {
  ...READ_OPTIONS,
  target: 'value',
  json: 'switch'
};

/** The pre-flight checks of the default configuration for one target. */
interface IPreflight {
  config: IWizardConfig;
  findings: IFinding[];
}

/**
 * Run `inspect` with the arguments after the command name.
 *
 * Returns exit code 0 when no finding is an error and 1 when one is. Throws
 * `UsageError` (exit code 2) for a bad command line or an unreadable file.
 */
export async function runInspect(argv: string[], io: ICliIO): Promise<number> {
  const parsed = parseArgs('inspect', argv, OPTIONS);
  if (parsed.help) {
    io.stdout(INSPECT_HELP);
    return 0;
  }
  const path = singleFile('inspect', parsed.positionals);
  const options = readOptionsOf(parsed);
  const file = await openDataFile(io, path);

  const session = new EngineSession();
  const profile = await session.inspect(path, file, options);
  const target = parsed.values.get('target');
  let preflight: IPreflight | null = null;
  if (target !== undefined) {
    const config = defaultConfig(
      target,
      inferTask(profile, target),
      defaultFeatures(profile, target)
    );
    config.skipRaggedRows = options.skipRaggedRows ?? false;
    preflight = { config, findings: await session.check(config) };
  }

  if (parsed.switches.has('json')) {
    io.stdout(jsonText({ ...profile, preflight }) + '\n');
  } else {
    io.stdout(inspectText(profile, preflight));
  }
  const failed = hasErrors(profile.findings) || (preflight !== null && hasErrors(preflight.findings));
  return failed ? 1 : 0;
}

/** Render the inspection as aligned text sections. */
function inspectText(profile: IDatasetProfile, preflight: IPreflight | null): string {
  const sections = [
    [
      `File: ${profile.fileName}`,
      `Delimiter: ${describeDelimiter(profile.delimiter)}`,
      `Rows: ${profile.rowCount}`
    ].join('\n'),
    `Columns (${profile.columns.length}):\n${indent(columnsTable(profile.columns))}`,
    `Findings (${countFindings(profile.findings)}):\n${indent(findingsTable(profile.findings))}`
  ];
  if (profile.findings.some(finding => finding.code === 'ragged-rows')) {
    sections.push(RAGGED_HINT);
  }
  if (preflight !== null) {
    sections.push(preflightText(profile, preflight));
  }
  return sections.join('\n\n') + '\n';
}

/**
 * Render the pre-flight section. Findings already listed with the file's own
 * findings (such as an empty file) are not repeated.
 */
function preflightText(profile: IDatasetProfile, preflight: IPreflight): string {
  const { config } = preflight;
  const listed = new Set(profile.findings.map(finding => `${finding.code}\n${finding.message}`));
  const fresh = preflight.findings.filter(
    finding => !listed.has(`${finding.code}\n${finding.message}`)
  );
  const features = config.features.length > 0 ? config.features.join(', ') : 'none';
  const repeated = preflight.findings.length - fresh.length;
  const besides = repeated > 0 ? `; ${repeated} more listed above` : '';
  return [
    `Pre-flight for target '${config.target}' (${config.task}, default configuration):`,
    indent(`Features (${config.features.length}): ${features}`),
    indent(`Findings (${countFindings(fresh)}${besides}):`),
    indent(findingsTable(fresh), 4)
  ].join('\n');
}
