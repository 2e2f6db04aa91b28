import { ReportStatus } from '../report.entity.js';
import { allowedActions, nextStatus, ReportAction, transition, TransitionError } from '../report-state.js';
import { judgeValue } from '../outlier.js';

describe('report state machine', () => {
  const all = Object.values(ReportStatus);
  const actions = Object.values(ReportAction);

  it('allows exactly the documented transitions', () => {
    const table = Object.fromEntries(
      all.map((s) => [s, Object.fromEntries(actions.map((a) => [a, nextStatus(s, a)]).filter(([, to]) => to))]),
    );
    expect(table).toEqual({
      DRAFT: { EDIT: 'DRAFT', SUBMIT: 'SUBMITTED' },
      SUBMITTED: { APPROVE: 'APPROVED', RETURN: 'RETURNED' },
      RETURNED: { EDIT: 'DRAFT' },
      APPROVED: { REOPEN: 'DRAFT' },
    });
  });

  it('refuses every other transition with a CONFLICT that says why', () => {
    for (const s of all) {
      for (const a of actions) {
        if (allowedActions(s).includes(a)) continue;
        expect(() => transition(s, a)).toThrow(TransitionError);
        try {
          transition(s, a);
        } catch (err) {
          expect((err as TransitionError).code).toBe('CONFLICT');
          expect((err as TransitionError).message.length).toBeGreaterThan(20);
        }
      }
    }
  });
});

describe('judgeValue', () => {
  it('flags a value far from the unit history and accepts one near it', () => {
    const history = [40, 42, 41, 43];
    expect(judgeValue(44, { history, peers: null }).outlier).toBe(false);
    expect(judgeValue(400, { history, peers: null })).toMatchObject({ outlier: true, basis: 'HISTORY' });
    expect(judgeValue(4, { history, peers: null }).outlier).toBe(true);
  });

  it('falls back on peers when the unit has no history, and flags nothing without either', () => {
    expect(judgeValue(1000, { history: [], peers: { low: 10, high: 60 } })).toMatchObject({
      outlier: true,
      basis: 'PEERS',
    });
    expect(judgeValue(50, { history: [], peers: { low: 10, high: 60 } }).outlier).toBe(false);
    expect(judgeValue(1e9, { history: [], peers: null }).outlier).toBe(false);
  });

  it('never flags a value the unit has reported before', () => {
    expect(judgeValue(3, { history: [3, 0, 0, 0], peers: null }).outlier).toBe(false);
    expect(judgeValue(9, { history: [3, 0, 0, 0], peers: null }).outlier).toBe(true);
  });

  it('tolerates small counts moving by a couple', () => {
    expect(judgeValue(3, { history: [1, 1, 1], peers: null }).outlier).toBe(false);
  });
});
