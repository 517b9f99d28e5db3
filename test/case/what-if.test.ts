import { describe, expect, it } from '@jest/globals';
import { WhatIfError, applyWhatIfs, parseWhatIf } from '../../src/case/what-if.js';

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
  it('takes list items by index written either way, and adds one just past the end', () => {
    expect(parseWhatIf('criminalHistory.convictions[0].label=felony')).toEqual({ path: 'criminalHistory.convictions[0].label', value: 'felony' });
    const raw = { criminalHistory: { convictions: [{ label: 'misdemeanor' }] } };
    expect(applyWhatIfs(raw, [{ path: 'criminalHistory.convictions[0].label', value: 'felony' }])).toEqual({ criminalHistory: { convictions: [{ label: 'felony' }] } });
    expect(applyWhatIfs(raw, [{ path: 'criminalHistory.convictions.1.label', value: 'felony' }])).toEqual({ criminalHistory: { convictions: [{ label: 'misdemeanor' }, { label: 'felony' }] } });
    expect(applyWhatIfs({}, [{ path: 'entries.0.manner', value: 'admitted' }])).toEqual({ entries: [{ manner: 'admitted' }] });
    expect(applyWhatIfs(raw, [{ path: 'criminalHistory.convictions.0', value: null }])).toEqual({ criminalHistory: { convictions: [] } });
    expect(applyWhatIfs(raw, [{ path: 'entries.1.afterRemoval', value: null }])).toEqual(raw);
  });
  it('refuses an index past the end of a list, or a name on a list, without growing it', () => {
    const raw = { criminalHistory: { convictions: [{ label: 'misdemeanor' }] } };
    const change = (path: string, value: unknown = 'felony') => () => applyWhatIfs(raw, [{ path, value }]);
    expect(change('criminalHistory.convictions.100000000.label')).toThrow(new WhatIfError('criminalHistory.convictions.100000000.label', 'item 100000000 is past the end of the list: criminalHistory.convictions has 1 item, numbered from 0; 1 adds one'));
    expect(change('criminalHistory.convictions.2')).toThrow(WhatIfError);
    expect(change('criminalHistory.convictions.1', null)).toThrow('item 1 is past the end of the list: criminalHistory.convictions has 1 item, numbered from 0');
    expect(change('criminalHistory.convictions.label')).toThrow('criminalHistory.convictions is a list: name an item by its number, e.g. criminalHistory.convictions[0]');
  });
  it('reads values within the case limits, refusing what the YAML library would recurse on or warn about', () => {
    expect(parseWhatIf(`caseId=${'['.repeat(100_000)}`)).toBeUndefined();
    expect(parseWhatIf('caseId=!!js/function "f"')).toBeUndefined();
  });
});
