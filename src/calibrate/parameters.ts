/**
 * Which parameters a calibration varies, and their priors: the society parameters named by `--params`
 * globs, else those the targets file lists under "parameters"; each with its --priors entry or, by
 * default, uniform over the schema's plausible range (src/sensitivity/factors.ts). Policy parameters are
 * refused: a calibration chooses what the people are like (MODEL.md section 7), once, for every regime.
 * A parameter the ODD gives an empirical source (not "calibrated" or "assumption") is noted, since
 * calibrating it replaces a sourced value.
 */
import { leverName } from '../batch/effects';
import { BatchInputError } from '../batch/errors';
import { leversOf } from '../scenario/levers';
import { nearest } from '../scenario/nearest';
import { sourceOf } from '../scenario/odd-table';
import { defaultFactor, selectParameters } from '../sensitivity/factors';
import type { Priors } from '../sensitivity/priors';
import type { Factor } from '../sensitivity/types';

export function calibrationFactors(model: string, opts: { globs: readonly string[]; named?: readonly string[]; priors?: Priors }): { factors: Factor[]; notes: string[] } {
  let specs;
  if (opts.globs.length) specs = selectParameters(model, opts.globs, 'society').specs;
  else if (opts.named?.length) {
    const all = leversOf(model).filter((s) => s.kind !== 'output');
    const problems: string[] = [];
    specs = opts.named.flatMap((raw) => {
      const n = raw.replace(/^params\./, '');
      const spec = all.find((s) => leverName(s) === n);
      if (!spec) {
        const hint = nearest(n, all.map(leverName));
        problems.push(`${raw}: not a parameter of the ${model} model${hint ? `; did you mean ${hint}?` : ''}`);
      } else if (spec.kind !== 'society') problems.push(`${raw}: a ${spec.kind ?? 'unmarked'} parameter; only society parameters are calibrated (MODEL.md section 7)`);
      else if (spec.type !== 'number' && spec.type !== 'integer') problems.push(`${raw}: a ${spec.type}, not a number; only numeric parameters can be calibrated`);
      else return [spec];
      return [];
    });
    if (problems.length) throw new BatchInputError(`the targets file's "parameters": ${problems.join('; ')}`);
  } else {
    throw new BatchInputError('no parameters to calibrate: list them in the targets file\'s "parameters" or give --params GLOB[,GLOB] (society parameters, e.g. survey.base,grievances.*)');
  }
  const factors = specs.map((s) => opts.priors?.factors.get(s.path) ?? defaultFactor(s));
  const notes: string[] = [];
  if (model === 'governance') {
    for (const s of specs) {
      const src = sourceOf(leverName(s));
      if (!/calibrated|assumption/.test(src)) notes.push(`${leverName(s)} has a source in the ODD (${src}); calibrating it replaces a sourced value`);
    }
  }
  return { factors, notes };
}
