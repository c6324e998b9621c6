/** A scenario that cannot be used: its source (file, preset or `--set`) and one line per problem. */
import { escapeEcho } from './display';

export class ScenarioError extends Error {
  /** The source as shown: escaped and cut (it may hold a file name or `--set` text a user typed). */
  readonly source: string;

  constructor(
    source: string,
    readonly problems: string[],
  ) {
    const shown = escapeEcho(source, 200);
    super(`${shown}: ${problems.length === 1 ? problems[0] : `${problems.length} problems\n  ${problems.join('\n  ')}`}`);
    this.name = 'ScenarioError';
    this.source = shown;
  }
}
