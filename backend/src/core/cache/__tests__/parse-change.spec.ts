import { EVERYTHING, parseChange, reportChange } from '../analytics-cache.js';

describe('parseChange', () => {
  it('reads the JSON of migration 0009', () => {
    expect(parseChange('{"kind":"approved","quarterIds":[3,4]}')).toEqual({ kind: 'approved', quarterIds: [3, 4] });
    expect(parseChange('{"kind":"framework","quarterIds":null}')).toEqual({ kind: 'framework', quarterIds: null });
  });

  it('takes anything else as a change to everything: a stale result is never served', () => {
    for (const payload of ['report', '', undefined, '{"kind":"published"}', '{"kind":"approved","quarterIds":["3"]}', '{"kind":"approved"}', '[]', 'null']) {
      expect(parseChange(payload)).toEqual(EVERYTHING);
    }
  });
});

describe('reportChange', () => {
  it('names the kind by the report state; a returned report counts as a draft', () => {
    expect(reportChange('APPROVED', [1]).kind).toBe('approved');
    expect(reportChange('SUBMITTED', [1]).kind).toBe('submitted');
    expect(reportChange('RETURNED', [1]).kind).toBe('draft');
    expect(reportChange('DRAFT', [1]).kind).toBe('draft');
  });
});
