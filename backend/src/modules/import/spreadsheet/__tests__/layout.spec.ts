import { checkHeader, identifyHeader } from '../header.js';
import { buildLayout, columnLabel, columnLetter } from '../layout.js';
import { referenceLayout } from './test-layout.js';

const layout = referenceLayout();

describe('buildLayout', () => {
  it('puts org code, name and date first, then elements, obstacles, note, link and comment', () => {
    const keys = layout.columns.map((c) => c.key);
    expect(keys.slice(0, 3)).toEqual(['org_code', 'org_name', 'as_of_date']);
    expect(keys.slice(-3)).toEqual(['obstacle_note', 'evidence_url', 'comment']);
    expect(keys[3]).toBe('UNIT_REPORTING');
    expect(keys).toContain('OBSTACLE:BUDGET');
    expect(layout.columns.filter((c) => c.required).map((c) => c.key)).toEqual(['org_code']);
  });

  it('writes every header as "Thai / English [TAG]"', () => {
    const byKey = new Map(layout.columns.map((c) => [c.key, c.header]));
    expect(byKey.get('org_code')).toBe('รหัสหน่วยงาน / Organization code [ORG_CODE]');
    expect(byKey.get('STAFF_TOTAL')).toBe('จำนวนบุคลากรทั้งหมด / Personnel, total (head count) [STAFF_TOTAL]');
    expect(byKey.get('OBSTACLE:BUDGET')).toBe('อุปสรรค: ด้านงบประมาณ / Obstacle: Budget (1-5) [OBSTACLE:BUDGET]');
    expect(byKey.get('evidence_url')).toBe('ลิงก์หลักฐาน / Evidence link [EVIDENCE_URL]');
    expect(byKey.get('comment')).toBe('หมายเหตุ / Comment [COMMENT]');
  });

  it('refuses a data element coded like a fixed column', () => {
    expect(() =>
      buildLayout([{ code: 'COMMENT', nameTh: 'ก', nameEn: 'a', valueType: 'INTEGER', min: 0, max: null }], []),
    ).toThrow(/COMMENT/);
  });
});

describe('columnLetter', () => {
  it('counts columns as spreadsheets do', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(columnLabel(4, 'x [Y]')).toBe('D (x [Y])');
  });
});

describe('identifyHeader', () => {
  it('identifies a column by its [TAG] whatever the text and spacing before it', () => {
    expect(identifyHeader('จำนวนบุคลากร  /  Staff   [ staff_total ]', layout)?.key).toBe('STAFF_TOTAL');
    expect(identifyHeader('anything [OBSTACLE:LAW]', layout)?.key).toBe('OBSTACLE:LAW');
  });

  it('identifies a column without a tag by its Thai, English or combined text', () => {
    expect(identifyHeader('รหัสหน่วยงาน', layout)?.key).toBe('org_code');
    expect(identifyHeader('organization code', layout)?.key).toBe('org_code');
    expect(identifyHeader('หมายเหตุ/Comment', layout)?.key).toBe('comment');
  });

  it('identifies nothing from an unknown tag, several tags or other text', () => {
    expect(identifyHeader('Total staff [STAFF_TOTL]', layout)).toBeNull();
    expect(identifyHeader('[ORG_CODE];[ORG_NAME]', layout)).toBeNull();
    expect(identifyHeader('Employees', layout)).toBeNull();
    expect(identifyHeader('', layout)).toBeNull();
  });
});

describe('checkHeader', () => {
  const headers = () => layout.columns.map((c) => c.header as string | null);

  it('accepts the template header exactly', () => {
    expect(checkHeader(headers(), 1, layout)).toEqual([]);
  });

  it('reports a renamed column once, as unknown, naming what the template has there', () => {
    const h = headers();
    h[4] = 'Employees';
    const problems = checkHeader(h, 1, layout);
    expect(problems.map((p) => [p.code, p.column])).toEqual([['UNKNOWN_COLUMN', 'E (Employees)']]);
    expect(problems[0].message).toContain('[STAFF_TOTAL]');
  });

  it('reports each misplaced column when the order differs', () => {
    const h = headers();
    [h[4], h[5]] = [h[5], h[4]];
    expect(checkHeader(h, 1, layout).map((p) => [p.code, p.column?.slice(0, 2)])).toEqual([
      ['COLUMN_ORDER', 'E '],
      ['COLUMN_ORDER', 'F '],
    ]);
  });

  it('reports a header that is not in row 1', () => {
    expect(checkHeader(headers(), 2, layout).map((p) => p.code)).toEqual(['MISSING_HEADER']);
  });
});
