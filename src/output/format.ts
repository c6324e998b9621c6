/**
 * `--format csv|parquet|both`: which form the per-run tables take (a run's time series and case log,
 * a batch's runs and series). Result tables (summary.json, compare.csv, sensitivity.csv) are small and
 * stay as they are. The format is part of the recorded command line, which is how `govsim merge`
 * writes the same files as the unsharded command.
 */
export const OUTPUT_FORMATS = ['csv', 'parquet', 'both'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const DEFAULT_FORMAT: OutputFormat = 'csv';

export function isOutputFormat(text: string): text is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(text);
}

export function wantsCsv(format: OutputFormat): boolean {
  return format !== 'parquet';
}

export function wantsParquet(format: OutputFormat): boolean {
  return format !== 'csv';
}

/** The format a recorded command line asked for (`--format X`, as recordedCommand records it), else csv. */
export function formatFromCommand(command: readonly string[]): OutputFormat {
  const i = command.lastIndexOf('--format');
  const text = i >= 0 ? command[i + 1] : undefined;
  return text !== undefined && isOutputFormat(text) ? text : DEFAULT_FORMAT;
}
