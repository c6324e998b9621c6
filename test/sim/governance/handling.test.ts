import { describe, expect, it } from 'vitest';
import { smallWorld } from './helpers';
import { CH_GRID, CH_VILLAGE, EV_OPENED, EV_REFERRED, LEVEL_GRID, LEVEL_VILLAGE, TYPE_NEIGHBOUR } from '../../../sim/governance/codes';
import { openCase } from '../../../sim/governance/cases';
import { fail } from '../../../sim/governance/handling';
import { sendTo } from '../../../sim/governance/routing';

function caseAtGrid(referral: boolean) {
  const w = smallWorld({ grandMediation: { referral }, output: { caseLog: true } });
  const row = openCase(w, 10, 1, TYPE_NEIGHBOUR, 0, 0.3, 0);
  sendTo(w, row, CH_GRID);
  return { w, row };
}

describe('handling', () => {
  it('grand mediation refers a failed case up exactly one level, keeping its id and history', () => {
    const { w, row } = caseAtGrid(true);
    const k = w.cases.cols;
    const id = k.id[row];
    expect(k.level[row]).toBe(LEVEL_GRID);
    fail(w, row);
    expect(k.id[row]).toBe(id);
    expect(k.channel[row]).toBe(CH_VILLAGE);
    expect(k.level[row]).toBe(LEVEL_VILLAGE);
    const log = w.log!;
    const events: number[] = [];
    for (let r = 0; r < log.length; r++) if (log.cols.caseId[r] === id) events.push(log.cols.event[r]);
    expect(events).toEqual([EV_OPENED, EV_REFERRED]);
  });

  it('without grand mediation a failed case is not referred: the citizen chooses again', () => {
    const { w, row } = caseAtGrid(false);
    const id = w.cases.cols.id[row];
    fail(w, row);
    const log = w.log!;
    for (let r = 0; r < log.length; r++) {
      if (log.cols.caseId[r] === id) expect(log.cols.event[r]).not.toBe(EV_REFERRED);
    }
    expect(w.cases.cols.attempts[row]).toBe(1);
  });
});
