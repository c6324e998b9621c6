/**
 * The flags that ask `govsim validate` and `govsim compare` for conclusions across draws of society
 * (src/uncertainty/draws.ts): `--lhs D [--params GLOB,..]` or `--posterior FILE [--draws D]`, with
 * `--sample-seed S` for the sampling stream.
 */
import type { DrawFlags } from '../../uncertainty/draws';
import { MAX_DRAWS } from '../../uncertainty/draws';
import { intFlag, stringFlag, type FlagSpec, type ParsedArgs } from '../args';

export const DRAW_FLAGS: FlagSpec = { lhs: 'string', posterior: 'string', draws: 'string', params: 'string', 'sample-seed': 'string' };

export const DRAW_USAGE = '[--lhs D [--params GLOB,..] | --posterior FILE [--draws D]] [--sample-seed S]';

export function drawFlags(args: ParsedArgs): DrawFlags {
  return {
    lhs: intFlag(args, 'lhs', 1, MAX_DRAWS),
    posterior: stringFlag(args, 'posterior'),
    draws: intFlag(args, 'draws', 1, MAX_DRAWS),
    params: stringFlag(args, 'params'),
    sampleSeed: intFlag(args, 'sample-seed', 0, 2 ** 32 - 1),
  };
}
