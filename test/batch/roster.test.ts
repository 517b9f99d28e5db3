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
    expect(read(['removal.detained'], ['maybe'])).toEqual({ issues: [{ field: 'removal.detained', problem: '"maybe" is not true/false or yes/no' }] });
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
});
