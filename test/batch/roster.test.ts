/** CSV roster rows -> case values: each cell read by its field's type, never guessed. */
import { describe, expect, it } from '@jest/globals';
import { headerIssues, rosterColumns, rowToCase } from '../../src/batch/roster.js';

const read = (header: string[], cells: string[]) => rowToCase(rosterColumns(header), cells);

describe('CSV roster rows', () => {
  it('reads numbers, booleans, text and lists by the field they fill', () => {
    const header = ['caseId', 'person.dateOfBirth', 'removal.detained', 'criminalHistory.convictions.0.maximumPenaltyDays', 'criminalHistory.convictions.0.offenseTypes', 'equities.witness'];
    expect(read(header, ['007', '1990-03-10', 'yes', '365', 'dui; burglary', 'FALSE'])).toEqual({
      value: {
        caseId: '007',
        person: { dateOfBirth: '1990-03-10' },
        removal: { detained: true },
        criminalHistory: { convictions: [{ maximumPenaltyDays: 365, offenseTypes: ['dui', 'burglary'] }] },
        equities: { witness: false },
      },
    });
  });

  it('leaves an empty cell unknown and reads "[]" as an empty list', () => {
    expect(read(['caseId', 'departures', 'person.dateOfBirth', 'criminalHistory.convictions.0.offenseTypes'], ['a', '[]', '', '[]'])).toEqual({
      value: { caseId: 'a', departures: [], criminalHistory: { convictions: [{ offenseTypes: [] }] } },
    });
  });

  it('closes gaps between numbered list items', () => {
    expect(read(['entries.0.date', 'entries.1.date', 'entries.2.date'], ['2000', '', '2004'])).toEqual({ value: { entries: [{ date: '2000' }, { date: '2004' }] } });
  });

  it('names the column of a cell it cannot read', () => {
    expect(read(['criminalHistory.convictions.0.maximumPenaltyDays'], ['a year'])).toEqual({ issues: [{ field: 'criminalHistory.convictions.0.maximumPenaltyDays', problem: '"a year" is not a number' }] });
    expect(read(['removal.detained'], ['maybe'])).toEqual({ issues: [{ field: 'removal.detained', problem: '"maybe" is not yes/no (yes/no, y/n, true/false or 1/0)' }] });
    expect(read(['departures'], ['2001'])).toEqual({ issues: [{ field: 'departures', problem: expect.stringContaining('departures.0.<field>') }] });
    expect(read(['departures', 'departures.0.date'], ['[]', '2001'])).toEqual({ issues: [{ field: 'departures.0.date', problem: 'conflicts with another column of this row' }] });
  });

  it('reports a row whose cell count does not match the header', () => {
    expect(read(['caseId', 'screeningDate'], ['a'])).toEqual({ issues: [{ field: null, problem: 'the row has 1 cells but the header has 2 columns' }] });
  });

  it('rejects header columns that are not case-file fields, and duplicates', () => {
    expect(headerIssues(rosterColumns(['caseId', 'person.dateOfBrith', 'caseId', 'person']))).toEqual([
      { field: 'person.dateOfBrith', problem: expect.stringContaining('is not a case-file field') },
      { field: 'caseId', problem: 'appears twice in the header' },
    ]);
  });

  it('reads yes/no as case-management exports write it: yes/no, y/n, true/false, 1/0 in any case', () => {
    const words = ['yes', 'Y', 'TRUE', '1', 'No', 'n', 'False', '0'];
    for (const [i, word] of words.entries()) expect(read(['removal.detained'], [word])).toEqual({ value: { removal: { detained: i < 4 } } });
    for (const word of ['2', 'ye', 'oui', '1.0']) expect(read(['removal.detained'], [word])).toEqual({ issues: [expect.objectContaining({ field: 'removal.detained' })] });
    expect(read(['criminalHistory.convictions.0.maximumPenaltyDays'], ['1'])).toEqual({ value: { criminalHistory: { convictions: [{ maximumPenaltyDays: 1 }] } } });
  });

  it('never guesses the order of a date written with slashes', () => {
    for (const cell of ['03/10/1990', '3/4/2010', '03/2010', '03/10/90']) {
      expect(read(['person.dateOfBirth'], [cell])).toEqual({ issues: [{ field: 'person.dateOfBirth', problem: expect.stringContaining('--date-order mdy') }] });
    }
    // Text that is not a date is not read as one: a statute keeps its slashes.
    expect(read(['criminalHistory.convictions.0.statute'], ['12/31/2011'])).toEqual({ value: { criminalHistory: { convictions: [{ statute: '12/31/2011' }] } } });
  });

  it('reads MM/DD/YYYY and MM/YYYY in a roster declared month/day/year, and YYYY-MM-DD still', () => {
    const header = ['screeningDate', 'person.dateOfBirth', 'entries.0.date', 'statusHistory.0.to', 'entries.1.date'];
    expect(rowToCase(rosterColumns(header), ['07/01/2014', '3/4/1990', '06/2001', 'present', '2005-02-28'], 'mdy')).toEqual({
      value: { screeningDate: '2014-07-01', person: { dateOfBirth: '1990-03-04' }, entries: [{ date: '2001-06' }, { date: '2005-02-28' }], statusHistory: [{ to: 'present' }] },
    });
    expect(rowToCase(rosterColumns(['person.dateOfBirth']), ['13/01/1990'], 'mdy')).toEqual({ issues: [{ field: 'person.dateOfBirth', problem: '"13/01/1990" is not a real calendar date read as month/day/year' }] });
    expect(rowToCase(rosterColumns(['person.dateOfBirth']), ['02/30/1990'], 'mdy')).toEqual({ issues: [{ field: 'person.dateOfBirth', problem: expect.stringContaining('not a real calendar date') }] });
    expect(rowToCase(rosterColumns(['person.dateOfBirth']), ['03/04/90'], 'mdy')).toEqual({ issues: [{ field: 'person.dateOfBirth', problem: expect.stringContaining('two-digit year') }] });
  });

  it('reads a clientName column as person.name, and refuses it beside person.name', () => {
    expect(read(['caseId', 'clientName'], ['c-1', 'María P.'])).toEqual({ value: { caseId: 'c-1', person: { name: 'María P.' } } });
    expect(headerIssues(rosterColumns(['clientName', 'person.name']))).toEqual([{ field: 'person.name', problem: 'fills the same field as the column "clientName"' }]);
  });
});
