import { describe, expect, it } from 'vitest';
import { CASE_SPEC, createCaseStore, createLogStore, LOG_SPEC } from '../../../sim/governance/case-table';

describe('case table and log', () => {
  it('hold one typed column per field, growing past their first capacity', () => {
    const cases = createCaseStore();
    expect(Object.keys(cases.cols).sort()).toEqual(Object.keys(CASE_SPEC).sort());
    for (const [k, T] of Object.entries(CASE_SPEC)) expect([k, (cases.cols as Record<string, unknown>)[k] instanceof T]).toEqual([k, true]);
    for (let r = 0; r < 3000; r++) cases.cols.id[cases.add()] = r;
    expect(cases.cols.id[2999]).toBe(2999);
    const log = createLogStore();
    expect(Object.keys(log.cols).sort()).toEqual(Object.keys(LOG_SPEC).sort());
    // The case columns the model relies on: severity and cost are fractional, links and instance signed.
    expect([CASE_SPEC.severity, CASE_SPEC.cost, CASE_SPEC.inst, CASE_SPEC.prev, CASE_SPEC.next]).toEqual([Float32Array, Float32Array, Int32Array, Int32Array, Int32Array]);
    expect([CASE_SPEC.flags, CASE_SPEC.first, LOG_SPEC.size, LOG_SPEC.day]).toEqual([Uint16Array, Uint8Array, Int32Array, Int32Array]);
  });
});
