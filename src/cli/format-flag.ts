/** `--format csv|parquet|both` (src/output/format.ts), refused by name, value and allowed values when wrong. */
import { DEFAULT_FORMAT, isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from '../output/format';
import { quoteEcho } from '../scenario/display';
import { type ParsedArgs, stringFlag } from './args';
import { UsageError } from './errors';

export function formatFlag(args: ParsedArgs): OutputFormat {
  const text = stringFlag(args, 'format');
  if (text === undefined) return DEFAULT_FORMAT;
  if (!isOutputFormat(text)) throw new UsageError(`--format ${quoteEcho(text)} is not allowed; allowed: ${OUTPUT_FORMATS.join(', ')}`);
  return text;
}
