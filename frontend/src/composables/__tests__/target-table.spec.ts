import { describe, expect, it } from 'vitest';
import type { Target } from '@/api/framework';
import {
  checkTargetRow,
  evenMilestones,
  isRowChanged,
  targetChanges,
  targetRows,
  type TargetRow,
} from '../target-table';

const stored = (
  orgUnitCode: string,
  value: number,
  milestones: Array<number | null> = [null, null, null, null],
  isDemo = false,
): Target => ({
  orgUnitCode,
  value,
  milestones,
  isDemo,
  source: null,
});

function rows(): TargetRow[] {
  return targetRows(['TH-10', 'TH-40', 'TH-50'], [stored('TH', 20), stored('TH-40', 20, [5, 10, 15, 20], true)]);
}
const row = (list: TargetRow[], code: string) => list.find((r) => r.orgUnitCode === code)!;

describe('targetRows', () => {
  it('puts the nation first, then every province, with what is stored as text', () => {
    const list = rows();
    expect(list.map((r) => r.orgUnitCode)).toEqual(['TH', 'TH-10', 'TH-40', 'TH-50']);
    expect(row(list, 'TH')).toMatchObject({ value: '20', milestones: ['', '', '', ''] });
    expect(row(list, 'TH-40')).toMatchObject({ value: '20', milestones: ['5', '10', '15', '20'] });
    expect(row(list, 'TH-40').stored?.isDemo).toBe(true);
    expect(row(list, 'TH-10')).toMatchObject({ value: '', stored: null });
  });
});

describe('targetChanges', () => {
  it('sends nothing when nothing changed, even when retyped the same ("20.0")', () => {
    const list = rows();
    row(list, 'TH').value = '20.0';
    expect(list.some(isRowChanged)).toBe(false);
    expect(targetChanges(list)).toEqual([]);
  });

  it('sends new and changed targets, milestones as numbers or null', () => {
    const list = rows();
    row(list, 'TH-10').value = '25';
    row(list, 'TH-50').value = '๓๐';
    row(list, 'TH-50').milestones = ['5', '', '20', '30'];
    row(list, 'TH-40').milestones[3] = '21';
    expect(targetChanges(list)).toEqual([
      { orgUnitCode: 'TH-10', value: 25, milestones: null },
      { orgUnitCode: 'TH-40', value: 20, milestones: [5, 10, 15, 21] },
      { orgUnitCode: 'TH-50', value: 30, milestones: [5, null, 20, 30] },
    ]);
  });

  it('removes a cleared target with value null', () => {
    const list = rows();
    row(list, 'TH-40').value = '';
    row(list, 'TH-40').milestones = ['', '', '', ''];
    expect(targetChanges(list)).toEqual([{ orgUnitCode: 'TH-40', value: null, milestones: null }]);
  });
});

describe('checkTargetRow', () => {
  it('flags what is not a number, negative values, and milestones without a target', () => {
    const list = rows();
    row(list, 'TH-10').value = 'ยี่สิบ';
    row(list, 'TH-50').value = '-1';
    row(list, 'TH-40').value = '';
    expect(checkTargetRow(row(list, 'TH-10'))).toEqual([{ column: 'value', code: 'NOT_A_NUMBER' }]);
    expect(checkTargetRow(row(list, 'TH-50'))).toEqual([{ column: 'value', code: 'NEGATIVE' }]);
    expect(checkTargetRow(row(list, 'TH-40')).map((i) => `${i.column}:${i.code}`)).toEqual([
      'q1:MILESTONE_WITHOUT_TARGET',
      'q2:MILESTONE_WITHOUT_TARGET',
      'q3:MILESTONE_WITHOUT_TARGET',
      'q4:MILESTONE_WITHOUT_TARGET',
    ]);
    expect(checkTargetRow(row(list, 'TH'))).toEqual([]);
    // A milestone typed where there is no target counts as a change, so that saving reports it.
    row(list, 'TH-10').value = '';
    row(list, 'TH-10').milestones[0] = '5';
    expect(isRowChanged(row(list, 'TH-10'))).toBe(true);
    expect(checkTargetRow(row(list, 'TH-10'))).toEqual([{ column: 'q1', code: 'MILESTONE_WITHOUT_TARGET' }]);
  });
});

describe('evenMilestones', () => {
  it('grows evenly to the target, to two decimals', () => {
    expect(evenMilestones(20)).toEqual(['5', '10', '15', '20']);
    expect(evenMilestones(1)).toEqual(['0.25', '0.5', '0.75', '1']);
    expect(evenMilestones(10)).toEqual(['2.5', '5', '7.5', '10']);
  });
});
