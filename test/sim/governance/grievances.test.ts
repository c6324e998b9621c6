import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { Stream } from '../../../sim/core/random';
import { economyStep } from '../../../sim/governance/economy';
import { grievanceStep } from '../../../sim/governance/grievances';
import { addDayToTotals, zeroDaily } from '../../../sim/governance/world';

/** A stream that counts its draws. */
class CountingStream extends Stream {
  draws = 0;
  constructor(key: string) {
    super(key);
    const inner = this.next;
    (this as unknown as { next: () => number }).next = () => {
      this.draws++;
      return inner();
    };
  }
  override geometricSkip(p: number): number {
    this.draws++;
    return super.geometricSkip(p);
  }
  override exponential(rate: number): number {
    this.draws++;
    return super.exponential(rate);
  }
}

function runDays(residents: number, rate: number, days: number) {
  const w = smallWorld({ population: { residents, villagesPerTown: 4, gridsPerVillage: 5 }, grievances: { ratePerResidentYear: rate } });
  const s = new CountingStream('count');
  w.streams.grievances = s;
  for (let d = 0; d < days; d++) {
    economyStep(w);
    grievanceStep(w);
    addDayToTotals(w.totals, w.today); // the end of the day, as the model does it
    w.today = zeroDaily();
    w.day++;
  }
  return { w, draws: s.draws, events: w.totals.grievances };
}

describe('grievances', () => {
  it('are event-driven: draws scale with events, not residents x days', () => {
    const { draws, events } = runDays(50000, 0.02, 60);
    expect(events).toBeGreaterThan(50);
    expect(draws).toBeLessThan(12 * (events + 1));
    expect(draws).toBeLessThan((50000 * 60) / 100);
    // Ten times the residents at a tenth of the rate: about the same number of draws.
    const big = runDays(500000, 0.002, 60);
    expect(big.draws).toBeLessThan(2 * draws + 200);
  });

  it('arrive at the configured rate (statistical check)', () => {
    const { w, events } = runDays(20000, 0.05, 365);
    // Mean events = residents x rate x rateFactor (hardship weighting averages out) over a year.
    const expected = 20000 * 0.05 * w.rateFactor;
    expect(Math.abs(events - expected)).toBeLessThan(5 * Math.sqrt(expected) + 0.1 * expected);
  });

  it('follow the attrition funnel: about 700 claims and 450 disputes per 1,000 grievances', () => {
    const { w } = runDays(50000, 0.05, 365);
    const claims = (1000 * w.totals.claims) / w.totals.grievances;
    const disputes = (1000 * w.totals.disputesOpened) / w.totals.grievances;
    expect(claims).toBeGreaterThan(650);
    expect(claims).toBeLessThan(760);
    expect(disputes).toBeGreaterThan(400);
    expect(disputes).toBeLessThan(500);
  });
});
