import { describe, expect, it } from 'vitest';
import { placeProblems, problemsByOrgUnit } from '../field-problems';

describe('placeProblems', () => {
  it('puts each problem beside its field, and the others above the form', () => {
    const placed = placeProblems(
      [
        { field: 'code', code: 'BAD_CODE', message: 'Codes are…' },
        { field: 'denominatorCode', code: 'RATIO_DENOMINATOR', message: 'A RATIO needs…' },
        { field: 'somethingElse', code: 'X', message: 'other' },
        { code: 'Y', message: 'no field' },
      ],
      ['code', 'denominatorCode'],
    );
    expect([...placed.byField.keys()]).toEqual(['code', 'denominatorCode']);
    expect(placed.general.map((p) => p.message)).toEqual(['other', 'no field']);
  });
});

describe('problemsByOrgUnit', () => {
  it('maps targets[i] back to the org unit of the row that was sent at i', () => {
    const sent = [{ orgUnitCode: 'TH-40' }, { orgUnitCode: 'TH-41' }];
    const placed = problemsByOrgUnit(
      [
        { field: 'targets[1]', code: 'OUT_OF_RANGE', message: 'A target cannot be negative' },
        { field: 'targets[7]', code: 'DUPLICATE', message: 'out of range index' },
        { field: 'indicatorCode', code: 'UNKNOWN', message: 'Unknown indicator' },
      ],
      sent,
    );
    expect(placed.byField.get('TH-41')?.map((p) => p.code)).toEqual(['OUT_OF_RANGE']);
    expect(placed.byField.has('TH-40')).toBe(false);
    expect(placed.general.map((p) => p.code)).toEqual(['DUPLICATE', 'UNKNOWN']);
  });
});
