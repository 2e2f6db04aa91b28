import { describe, expect, it } from 'vitest';
import { describeAuditValue } from '../audit-format';

const labels = { status: (s: string) => `status:${s}`, actionItemStatus: (s: string) => `item:${s}` };

describe('describeAuditValue', () => {
  it('shows a value with its comment and evidence', () => {
    expect(
      describeAuditValue('VALUE_CHANGED', { value: 120, comment: 'ตรวจแล้ว', evidenceUrl: 'https://x.go.th/a' }, labels),
    ).toBe('120 · “ตรวจแล้ว” · https://x.go.th/a');
    expect(describeAuditValue('VALUE_CHANGED', null, labels)).toBe('—');
  });

  it('names statuses in the UI language', () => {
    expect(describeAuditValue('STATUS_CHANGED', { status: 'RETURNED', action: 'RETURN' }, labels)).toBe(
      'status:RETURNED',
    );
    expect(describeAuditValue('ACTION_ITEM_CHANGED', { id: 1, status: 'DONE', progressNote: 'เสร็จ' }, labels)).toBe(
      'item:DONE · เสร็จ',
    );
  });

  it('lists obstacle answers by category and severity', () => {
    expect(
      describeAuditValue(
        'OBSTACLES_CHANGED',
        [
          { categoryCode: 'BUDGET', severity: 5 },
          { categoryCode: 'SKILLS', severity: 3 },
        ],
        labels,
      ),
    ).toBe('BUDGET 5, SKILLS 3');
    expect(describeAuditValue('OBSTACLES_CHANGED', [], labels)).toBe('∅');
  });

  it('spells out other records field by field', () => {
    expect(describeAuditValue('WINDOW_EXTENDED', { until: '2027-03-15', previous: '2027-03-01' }, labels)).toBe(
      'until: 2027-03-15 · previous: 2027-03-01',
    );
  });

  it('names categories and recorded fields in the UI language when given their words', () => {
    const thai = {
      ...labels,
      category: (c: string) => ({ BUDGET: 'ด้านงบประมาณ' })[c] ?? c,
      field: (k: string) => ({ entryClosesOn: 'วันสุดท้ายของการบันทึกข้อมูล' })[k] ?? k,
    };
    expect(describeAuditValue('OBSTACLES_CHANGED', [{ categoryCode: 'BUDGET', severity: 5 }], thai)).toBe(
      'ด้านงบประมาณ 5',
    );
    expect(describeAuditValue('WINDOW_EXTENDED', { entryClosesOn: '2027-03-15' }, thai)).toBe(
      'วันสุดท้ายของการบันทึกข้อมูล: 2027-03-15',
    );
  });
});
