/**
 * A file a flag names (--targets, --priors, --posterior): its text, or a BatchInputError naming the flag,
 * the file and why it cannot be read or parsed.
 */
import { readFileSync } from 'node:fs';
import { BatchInputError } from './errors';

export function readInputText(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new BatchInputError(`${flag} ${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

/** `text` parsed as JSON; `source` names it in the message (the file, or where the text came from). */
export function parseInputJson(flag: string, source: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BatchInputError(`${flag} ${source}: not valid JSON (${(e as Error).message})`);
  }
}

export function readInputJson(flag: string, file: string): unknown {
  return parseInputJson(flag, file, readInputText(flag, file));
}
