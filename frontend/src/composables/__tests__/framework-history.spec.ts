import { describe, expect, it } from 'vitest';
import { summarizeFrameworkChange } from '../framework-history';

describe('summarizeFrameworkChange', () => {
  it('reads a target set for the first time, changed, and removed', () => {
    expect(
      summarizeFrameworkChange({
        oldValue: null,
        newValue: { what: 'target STAFF_DIGITAL_TRAINED_PCT TH-40 FY2570', value: 25, milestones: null },
      }),
    ).toEqual({
      kind: 'target',
      code: 'STAFF_DIGITAL_TRAINED_PCT',
      orgUnitCode: 'TH-40',
      fiscalYear: 2570,
      change: 'created',
      before: null,
      after: 25,
    });
    expect(
      summarizeFrameworkChange({ oldValue: { value: 25 }, newValue: { what: 'target X_PCT TH FY2571', value: 30 } }),
    ).toMatchObject({ orgUnitCode: 'TH', change: 'updated', before: 25, after: 30 });
    expect(
      summarizeFrameworkChange({
        oldValue: { value: 25 },
        newValue: { what: 'target X_PCT TH-10 FY2571', value: null },
      }),
    ).toMatchObject({ change: 'removed', before: 25, after: null });
  });

  it('reads an indicator or a recommendation created or updated', () => {
    expect(
      summarizeFrameworkChange({ oldValue: null, newValue: { what: 'indicator E_SERVICE_USERS_PCT', indicator: {} } }),
    ).toMatchObject({ kind: 'indicator', code: 'E_SERVICE_USERS_PCT', change: 'created' });
    expect(
      summarizeFrameworkChange({ oldValue: { code: 'MINISTRY-1' }, newValue: { what: 'recommendation MINISTRY-1' } }),
    ).toMatchObject({ kind: 'recommendation', code: 'MINISTRY-1', change: 'updated' });
  });

  it('keeps an unknown record readable rather than failing', () => {
    expect(summarizeFrameworkChange({ oldValue: null, newValue: { what: 'something else' } })).toMatchObject({
      kind: 'other',
      code: 'something else',
    });
    expect(summarizeFrameworkChange({ oldValue: null, newValue: null })).toMatchObject({ kind: 'other', code: '' });
  });
});
