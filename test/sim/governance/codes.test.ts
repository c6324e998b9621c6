import { describe, expect, it } from 'vitest';
import * as codes from '../../../sim/governance/index';

describe('codes and their label tables', () => {
  it('give every code a name and a label', () => {
    expect(codes.CHANNEL_NAMES).toHaveLength(codes.CHANNELS);
    expect(codes.CHANNEL_LABELS).toHaveLength(codes.CHANNELS);
    expect(codes.RESOLVER_LABELS).toHaveLength(codes.CHANNELS);
    expect(codes.CHANNEL_LEVEL).toHaveLength(codes.CHANNELS);
    expect(codes.STATUS_LABELS).toHaveLength(codes.ST_DELAYED + 1);
    expect(codes.TYPE_LABELS).toHaveLength(codes.TYPE_NAMES.length);
    expect(codes.LEVEL_LABELS).toHaveLength(codes.LEVEL_NAMES.length);
    expect(codes.CITIZEN_STATE_LABELS).toHaveLength(codes.CIT_DETAINED + 1);
    expect(codes.TEAM_LABELS).toHaveLength(codes.TEAM_COUNSELLING + 1);
    expect(codes.PATH_FIRST_NAMES).toHaveLength(codes.PATH_FIRSTS);
    expect(codes.OUTCOME_NAMES).toHaveLength(codes.PATH_OUTCOMES);
    expect(codes.OUTCOME_NAMES[codes.OUTCOME_ABANDONED]).toBe('abandoned');
  });

  it('labels dispute types as the page always has: land-housing is "land or housing"', () => {
    expect(codes.TYPE_LABELS).toEqual(codes.TYPE_NAMES.map((t) => t.replace('-', ' or ')));
  });

  it('keeps calendar kinds within the low 4 bits of an event code', () => {
    for (const k of [codes.K_FIRST_CONTACT, codes.K_SERVICE_END, codes.K_PATIENCE, codes.K_REPEAT, codes.K_RELEASE, codes.K_PROJECT]) {
      expect(codes.eventCode(k, 12345) & 15).toBe(k);
      expect(codes.eventCode(k, 12345) >>> 4).toBe(12345);
    }
  });
});
