/**
 * A small, strict flag parser: every flag is declared with its kind, unknown flags are refused with
 * the nearest known one, and values are checked where they are read.
 */
import { nearest } from '../scenario/nearest';
import { UsageError } from './errors';
import { escapeEcho, quoteEcho } from '../scenario/display';

export type FlagKind = 'string' | 'boolean' | 'list';
export type FlagSpec = Record<string, FlagKind>;

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | boolean | string[] | undefined>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const positional: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    const kind = spec[name];
    if (!kind) {
      const hint = nearest(name, Object.keys(spec));
      throw new UsageError(`unknown flag --${escapeEcho(name)}${hint ? `; did you mean --${hint}?` : ''} (allowed: ${Object.keys(spec).map((f) => '--' + f).join(', ')})`);
    }
    if (kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value, got ${quoteEcho(a.slice(eq + 1))}`);
      flags[name] = true;
      continue;
    }
    let value: string;
    if (eq >= 0) value = a.slice(eq + 1);
    else {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new UsageError(`--${name} needs a value`);
      value = argv[++i];
    }
    if (kind === 'list') ((flags[name] as string[] | undefined) ?? (flags[name] = [])).push(value);
    else {
      if (flags[name] !== undefined) throw new UsageError(`--${name} was given twice`);
      flags[name] = value;
    }
  }
  return { positional, flags };
}

/** A whole number flag within [min, max], or undefined when absent. */
export function intFlag(args: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const v = args.flags[name];
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^-?\d+$/.test(s) || Number(s) < min || Number(s) > max) {
    throw new UsageError(`--${name}: ${quoteEcho(s)} is not allowed; allowed: a whole number from ${min} to ${max}`);
  }
  return Number(s);
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return v === undefined ? undefined : String(v);
}

export function listFlag(args: ParsedArgs, name: string): string[] {
  return (args.flags[name] as string[] | undefined) ?? [];
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  return args.flags[name] === true;
}

export function expectPositional(args: ParsedArgs, count: number, usage: string): string[] {
  if (args.positional.length !== count) {
    throw new UsageError(
      // The extra arguments are echoed escaped and cut, as every user string is (scenario/display.ts): raw,
      // an argument holding ESC or a bidi override rewrote the terminal (found by
      // test/src/cli/args.property.test.ts).
      `${args.positional.length < count ? 'missing' : 'too many'} arguments${args.positional.length > count ? ` (${args.positional.slice(count).map((a) => escapeEcho(a)).join(' ')})` : ''}; usage: ${usage}`,
    );
  }
  return args.positional;
}
