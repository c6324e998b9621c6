/**
 * Properties of the CLI's flag parser (issue 10), with the flags of `govsim run`: any argv gives the
 * parsed flags or a UsageError (never another throw), every `--set` value arrives whole and in order,
 * and a refusal echoes nothing raw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectPositional, type FlagSpec, intFlag, parseArgs } from '../../../src/cli/args';
import { UsageError } from '../../../src/cli/errors';
import { nastyString, RAW_CONTROL } from '../scenario/arbitraries';

const RUN: FlagSpec = { seed: 'string', steps: 'string', set: 'list', out: 'string', cases: 'boolean' };

const arg = fc.oneof(
  fc.constantFrom('--seed', '--steps', '--set', '--out', '--cases', '--', '--sed', '--set=', '--cases=1', '-x', 'social-governance'),
  fc.tuple(fc.constantFrom('--seed=', '--steps=', '--set=', '--out=', '--'), fc.oneof(fc.string({ maxLength: 10 }), nastyString)).map(([a, b]) => a + b),
  fc.string({ maxLength: 10 }),
  nastyString,
);

function usage(fn: () => unknown): UsageError | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    const m = (e as UsageError).message;
    expect(m).not.toMatch(RAW_CONTROL);
    expect(m).not.toMatch(/\n/);
    return e as UsageError;
  }
}

describe('parseArgs', () => {
  it('any argv: parsed flags or a UsageError that echoes nothing raw', () => {
    fc.assert(
      fc.property(fc.array(arg, { maxLength: 8 }), (argv) => {
        const t0 = performance.now();
        const err = usage(() => parseArgs(argv, RUN));
        if (!err) {
          const args = parseArgs(argv, RUN);
          for (const [k, v] of Object.entries(args.flags)) {
            expect(Object.keys(RUN)).toContain(k);
            if (RUN[k] === 'list') expect(Array.isArray(v)).toBe(true);
            if (RUN[k] === 'boolean') expect(v).toBe(true);
          }
          usage(() => intFlag(args, 'seed', 0, 2 ** 32 - 1));
          usage(() => intFlag(args, 'steps', 1, 10_000_000));
          usage(() => expectPositional(args, 1, 'govsim run <scenario>'));
        }
        expect(performance.now() - t0).toBeLessThan(1000);
      }),
      { numRuns: 500 },
    );
  });

  it('every --set value arrives whole and in order, written either way', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), nastyString).filter((v) => !v.startsWith('--')), fc.boolean()), { maxLength: 5 }), (sets) => {
        const argv = ['preset', ...sets.flatMap(([v, joined]) => (joined ? [`--set=${v}`] : ['--set', v]))];
        const args = parseArgs(argv, RUN);
        expect(args.positional).toEqual(['preset']);
        expect(args.flags.set ?? []).toEqual(sets.map(([v]) => v));
      }),
      { numRuns: 200 },
    );
  });
});
