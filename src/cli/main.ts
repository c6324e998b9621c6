/**
 * The `govsim` command: dispatches to one file per subcommand. Problems the user can fix are printed as
 * one line (or one line per scenario problem) with exit code 2; never a bare stack trace.
 */
import { ScenarioError } from '../scenario/parse';
import { UsageError } from './errors';
import { WriteError } from '../io/write-error';
import { nearest } from '../scenario/nearest';
import { check } from './commands/check';
import { presets } from './commands/presets';
import { run } from './commands/run';
import { batch } from './commands/batch';
import { sweep } from './commands/sweep';
import { compare } from './commands/compare';
import { merge } from './commands/merge';
import { validate } from './commands/validate';
import { effects } from './commands/effects';
import { sensitivity } from './commands/sensitivity';
import { calibrate } from './commands/calibrate';
import { replay } from './commands/replay';
import { verify } from './commands/verify';
import { quoteEcho } from '../scenario/display';

type Command = (argv: string[]) => Promise<number>;

const COMMANDS: Record<string, { fn: Command; help: string }> = {
  run: { fn: run, help: 'run one scenario and write timeseries.csv, summary.json, manifest.json' },
  check: { fn: check, help: 'validate scenario files and print their problems' },
  presets: { fn: presets, help: 'list the preset scenarios' },
  batch: { fn: batch, help: 'run a scenario over many seeds in parallel: runs.csv, summary.json, manifest.json' },
  sweep: { fn: sweep, help: 'run a grid or Latin hypercube of parameter values, each over many seeds' },
  compare: { fn: compare, help: 'run scenarios on the same seeds and compare them metric by metric' },
  effects: { fn: effects, help: 'does every lever act? each lever at the ends of its range vs the scenario, paired over seeds' },
  sensitivity: { fn: sensitivity, help: 'Morris screening or Sobol indices over a kind of parameters, each point over several seeds' },
  calibrate: { fn: calibrate, help: 'ABC-SMC (Toni et al. 2009) of society parameters against calibration targets: posterior, summary, calibrated scenario' },
  validate: { fn: validate, help: 'check the nine patterns of the governance model over many seeds' },
  merge: { fn: merge, help: 'combine the folders of a sharded batch, sweep or compare into one' },
  replay: { fn: replay, help: 'run a run or batch folder again from its manifest and report per file whether the bytes match' },
  verify: { fn: verify, help: "check every file of a run or batch folder against its manifest's hashes, without running" },
};

const HELP = `govsim: agent-based simulation of how governance policies resolve conflicts

usage: govsim <command> [arguments]

commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(11)} ${c.help}`)
  .join('\n')}

A scenario is a JSON file or the name of a preset in scenarios/ (see \`govsim presets\`).`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    const hint = nearest(name, Object.keys(COMMANDS));
    throw new UsageError(`unknown command ${quoteEcho(name)}${hint ? `; did you mean ${hint}?` : ''} (commands: ${Object.keys(COMMANDS).join(', ')})`);
  }
  return cmd.fn(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`govsim: ${e.message}`);
  } else if (e instanceof WriteError) {
    // A file that cannot be written (full disk, no permission): what and why, exit 3; no stack trace.
    console.error(`govsim: ${e.message}`);
  } else if (e instanceof ScenarioError) {
    console.error(`govsim: ${e.source}: ${e.problems.length === 1 ? e.problems[0] : ''}`);
    if (e.problems.length > 1) for (const p of e.problems) console.error(`    ${p}`);
  } else {
    console.error(`govsim: internal error: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.GOVSIM_DEBUG) console.error((e as Error)?.stack);
    else console.error('  (set GOVSIM_DEBUG=1 for the stack trace; please report this)');
  }
  process.exitCode = e instanceof WriteError ? 3 : 2;
}
