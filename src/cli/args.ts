/**
 * Command-line argument parsing and validation for `training-wizard`.
 *
 * Parsed by hand rather than with `util.parseArgs`, because this folder is
 * also type-checked by the browser build, which has no Node types.
 */
import { FOLD_LIMITS, LIMITS } from '../core/config';
import { BackendName, ModelId, TaskType } from '../core/types';

/**
 * A mistake in the command line: an unknown option, a missing or invalid
 * value, a missing file. The CLI prints the message and exits with code 2.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Whether an option takes a value (`--target species`) or is a switch (`--json`). */
export type OptionKind = 'value' | 'switch';

/** The options of one command, by name without the leading `--`. */
export type OptionSpecs = Record<string, OptionKind>;

/** A command line split into positional arguments and options. */
export interface IParsedArgs {
  positionals: string[];
  /** Values of value options. A repeated option keeps its last value. */
  values: Map<string, string>;
  /** Switches that were given. */
  switches: Set<string>;
  /** True when `--help` or `-h` was given anywhere. */
  help: boolean;
}

/**
 * Split `argv` (the arguments after the command name) by `specs`.
 *
 * Accepts `--name value` and `--name=value`. The token after a value option
 * is always its value, even when it starts with `-`, so `--epochs -3` reaches
 * validation and gets a message about the value. Everything after `--` is
 * positional. Throws `UsageError` for an unknown option, a value option at
 * the end of the line, or a value given to a switch.
 */
export function parseArgs(command: string, argv: string[], specs: OptionSpecs): IParsedArgs {
  const parsed: IParsedArgs = {
    positionals: [],
    values: new Map(),
    switches: new Set(),
    help: false
  };
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index];
    if (token === '--') {
      parsed.positionals.push(...argv.slice(index + 1));
      break;
    }
    if (token === '--help' || token === '-h') {
      parsed.help = true;
      continue;
    }
    if (!token.startsWith('-') || token === '-') {
      parsed.positionals.push(token);
      continue;
    }
    const equals = token.indexOf('=');
    const name = token.slice(2, equals >= 0 ? equals : undefined);
    const kind = token.startsWith('--') ? specs[name] : undefined;
    if (kind === undefined) {
      throw new UsageError(
        `Unknown option '${token}' for 'training-wizard ${command}'. ` +
          `Run 'training-wizard ${command} --help' to list the options.`
      );
    }
    if (kind === 'switch') {
      if (equals >= 0) {
        throw new UsageError(`Option --${name} takes no value; remove '${token.slice(equals)}'.`);
      }
      parsed.switches.add(name);
    } else if (equals >= 0) {
      parsed.values.set(name, token.slice(equals + 1));
    } else if (index + 1 < argv.length) {
      parsed.values.set(name, argv[++index]);
    } else {
      throw new UsageError(`Option --${name} needs a value, for example '--${name} VALUE'.`);
    }
  }
  return parsed;
}

/** Return the single FILE argument, or throw `UsageError` naming what was given. */
export function singleFile(command: string, positionals: string[]): string {
  if (positionals.length === 1) {
    return positionals[0];
  }
  const usage = `Run 'training-wizard ${command} --help' for usage.`;
  if (positionals.length === 0) {
    throw new UsageError(`Missing FILE: name the CSV or TSV file to ${command}. ${usage}`);
  }
  const given = positionals.map(item => `'${item}'`).join(', ');
  throw new UsageError(`Expected one FILE, got ${positionals.length}: ${given}. ${usage}`);
}

/** Settings whose values must be integers. */
const INTEGRAL: ReadonlySet<keyof typeof LIMITS> = new Set<keyof typeof LIMITS>([
  'epochs',
  'batchSize',
  'seed'
]);

/**
 * Read `text` as the value of `--flag`, within `LIMITS[key]`.
 *
 * Returns `fallback` when `text` is undefined. Throws `UsageError` naming the
 * flag, the value and the allowed range for anything else that is not a
 * number in range (an integer for epochs, batch size and seed).
 */
export function numberOption(
  flag: string,
  text: string | undefined,
  key: keyof typeof LIMITS,
  fallback: number
): number {
  if (text === undefined) {
    return fallback;
  }
  const { min, max } = LIMITS[key];
  const integral = INTEGRAL.has(key);
  const value = text.trim() === '' ? NaN : Number(text);
  const valid = Number.isFinite(value) && (!integral || Number.isInteger(value));
  if (!valid || value < min || value > max) {
    const expected = integral ? 'an integer' : 'a number';
    throw new UsageError(
      `Invalid value '${text}' for --${flag}: expected ${expected} from ${min} to ${max}.`
    );
  }
  return value;
}

/**
 * Read `text` as one of `allowed`, or throw `UsageError` listing them.
 * Returns `fallback` when `text` is undefined.
 */
export function choiceOption<T extends string>(
  flag: string,
  text: string | undefined,
  allowed: readonly T[],
  fallback: T
): T {
  if (text === undefined) {
    return fallback;
  }
  if ((allowed as readonly string[]).includes(text)) {
    return text as T;
  }
  throw new UsageError(
    `Invalid value '${text}' for --${flag}: expected one of ${allowed.join(', ')}.`
  );
}

/**
 * Read `--folds`: an integer from `FOLD_LIMITS.min` to `FOLD_LIMITS.max`.
 * Returns undefined, meaning a hold-out split, when `text` is undefined.
 * Throws `UsageError` for anything else.
 */
export function foldsOption(text: string | undefined): number | undefined {
  if (text === undefined) {
    return undefined;
  }
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isInteger(value) || value < FOLD_LIMITS.min || value > FOLD_LIMITS.max) {
    throw new UsageError(
      `Invalid value '${text}' for --folds: expected an integer from ${FOLD_LIMITS.min} ` +
        `to ${FOLD_LIMITS.max}. Leave --folds out for a hold-out split.`
    );
  }
  return value;
}

/** Split a comma-separated option value. Entries are trimmed, and empty entries are kept. */
export function listOption(text: string): string[] {
  return text.split(',').map(item => item.trim());
}

/**
 * Read `--models`: a comma-separated list of distinct model ids from
 * `allowed`, in training order. Throws `UsageError` otherwise.
 */
export function modelsOption(text: string, allowed: readonly ModelId[]): ModelId[] {
  const names = listOption(text);
  const expected = `expected a comma-separated list of ${allowed.join(', ')}`;
  for (const name of names) {
    if (!(allowed as readonly string[]).includes(name)) {
      const shown = name === '' ? 'an empty name' : `'${name}'`;
      throw new UsageError(`Invalid value '${text}' for --models: ${shown} is not a model; ${expected}.`);
    }
  }
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined) {
    throw new UsageError(
      `Invalid value '${text}' for --models: '${repeated}' is listed twice; ${expected}, each once.`
    );
  }
  return names as ModelId[];
}

/** Delimiters that can be given by name, because they are awkward to type. */
const NAMED_DELIMITERS: Record<string, string> = {
  tab: '\t',
  '\\t': '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  space: ' '
};

/**
 * Read `--delimiter`: one character, or `tab` (also `\t`), `comma`,
 * `semicolon`, `pipe` or `space`. Throws `UsageError` for anything else.
 */
export function delimiterOption(text: string): string {
  const named = NAMED_DELIMITERS[text.toLowerCase()];
  if (named !== undefined) {
    return named;
  }
  if ([...text].length === 1 && text !== '"' && text !== '\n' && text !== '\r') {
    return text;
  }
  throw new UsageError(
    `Invalid value '${text}' for --delimiter: expected one character other than a quote or ` +
      `line break, or one of ${Object.keys(NAMED_DELIMITERS).join(', ')}.`
  );
}

/** The tasks `--task` accepts. */
export const TASKS: readonly TaskType[] = ['classification', 'regression'];

/** The backends `--backend` accepts. */
export const BACKENDS: readonly BackendName[] = ['cpu', 'wasm', 'auto'];
