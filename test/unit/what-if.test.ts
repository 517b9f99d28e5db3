import { describe, expect, it } from '@jest/globals';
import { applyWhatIfs, parseWhatIf } from '../../src/case/what-if.js';

describe('what-if changes', () => {
  it('reads values as YAML scalars and lists', () => {
    expect(parseWhatIf('criminalHistory.convictions.0.maximumPenaltyDays=180')).toEqual({ path: 'criminalHistory.convictions.0.maximumPenaltyDays', value: 180 });
    expect(parseWhatIf('criminalHistory.convictions.0.offenseTypes=[dui]')?.value).toEqual(['dui']);
    expect(parseWhatIf('removal.mandatoryDetention=false')?.value).toBe(false);
    expect(parseWhatIf('person.dateOfBirth=null')?.value).toBeNull();
  });
  it('rejects text that is not path=value', () => {
    expect(parseWhatIf('maximumPenaltyDays')).toBeUndefined();
    expect(parseWhatIf('=3')).toBeUndefined();
    expect(parseWhatIf('a..b=3')).toBeUndefined();
  });
  it('changes a copy, creating objects on the way and removing a field for null', () => {
    const raw = { person: { dateOfBirth: '1990-01-01' }, criminalHistory: { convictions: [{ maximumPenaltyDays: 730 }] } };
    const changed = applyWhatIfs(raw, [
      { path: 'criminalHistory.convictions.0.maximumPenaltyDays', value: 180 },
      { path: 'removal.mandatoryDetention', value: true },
      { path: 'person.dateOfBirth', value: null },
    ]);
    expect(changed).toEqual({ person: {}, criminalHistory: { convictions: [{ maximumPenaltyDays: 180 }] }, removal: { mandatoryDetention: true } });
    expect(raw.criminalHistory.convictions[0]!.maximumPenaltyDays).toBe(730);
  });
});
