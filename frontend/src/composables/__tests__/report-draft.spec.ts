import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiError } from '@/api/errors';
import type { Report, SaveReportInput, SaveReportResult } from '@/api/report-types';
import { createReportDraft, type SaveOutcome } from '../report-draft';
import { ratioRules, type ElementRule } from '../report-form';

const ELEMENTS: ElementRule[] = [
  { code: 'STAFF_TOTAL', valueType: 'INTEGER', minValue: 0, maxValue: null },
  { code: 'STAFF_TRAINED_DIGITAL', valueType: 'INTEGER', minValue: 0, maxValue: null },
  { code: 'DIGITAL_SERVICES', valueType: 'INTEGER', minValue: 0, maxValue: null },
];
const RATIOS = ratioRules([
  {
    code: 'TRAINED_PCT',
    unit: 'PERCENT',
    numerator: { code: 'STAFF_TRAINED_DIGITAL' },
    denominator: { code: 'STAFF_TOTAL' },
  },
]);

function report(overrides: Partial<Report> = {}): Report {
  return {
    id: 466,
    status: 'DRAFT',
    version: 3,
    returnReason: null,
    entryOpen: true,
    entryClosesOn: '2027-03-01',
    allowedActions: ['EDIT', 'SUBMIT'],
    late: null,
    submittedAt: null,
    values: [{ orgUnitCode: 'LAO-1', dataElementCode: 'STAFF_TOTAL', value: 50, comment: null, evidenceUrl: null }],
    respondents: [],
    actionItems: [
      { id: 9, titleTh: 'แผน', titleEn: 'Plan', status: 'NOT_STARTED', progressNote: null, dueQuarterCode: 'FY2570Q1' },
    ],
    ...overrides,
  };
}

function saved(input: SaveReportInput, version: number, extra: Partial<SaveReportResult> = {}): SaveOutcome {
  return {
    kind: 'saved',
    result: {
      inserted: input.values.length,
      updated: 0,
      deleted: 0,
      unchanged: 0,
      warnings: [],
      report: { id: 466, status: 'DRAFT', version },
      ...extra,
    },
  };
}

function failed(code: ApiError['code'], problems: ApiError['problems'] = []): SaveOutcome {
  return { kind: 'error', error: { code, messageKey: `errors.${code}`, detail: code, problems } };
}

function setup(save: (input: SaveReportInput) => Promise<SaveOutcome>, initial: Report | null = report()) {
  const draft = createReportDraft({
    provinceCode: 'TH-40',
    quarterCode: 'FY2570Q1',
    elements: ELEMENTS,
    ratios: RATIOS,
    save,
    delayMs: 1500,
    retryMs: 10_000,
  });
  draft.load(initial, true);
  return draft;
}

/** Runs timers and the promises they start. */
async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('createReportDraft', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  describe('autosave', () => {
    it('waits for a pause in typing, then sends only the changed cells with the version it saw', async () => {
      const save = vi.fn(async (input: SaveReportInput) => saved(input, 4));
      const draft = setup(save);
      draft.setCell('LAO-1|STAFF_TOTAL', '5');
      draft.setCell('LAO-1|STAFF_TOTAL', '55');
      draft.setCell('LAO-2|STAFF_TOTAL', '12');
      expect(draft.state.value).toBe('waiting');
      await advance(1400);
      expect(save).not.toHaveBeenCalled();
      await advance(200);
      expect(save).toHaveBeenCalledOnce();
      const input = save.mock.calls[0]![0];
      expect(input.version).toBe(3);
      expect(input.values).toEqual([
        { orgUnitCode: 'LAO-1', dataElementCode: 'STAFF_TOTAL', value: 55, comment: null, evidenceUrl: null },
        { orgUnitCode: 'LAO-2', dataElementCode: 'STAFF_TOTAL', value: 12, comment: null, evidenceUrl: null },
      ]);
      expect(draft.version.value).toBe(4);
      expect(draft.state.value).toBe('saved');
      expect(draft.unsavedCount.value).toBe(0);
      expect(draft.display('LAO-1|STAFF_TOTAL')).toBe('55');
    });

    it('sends nothing when an edit is typed back to the saved value', async () => {
      const save = vi.fn(async (input: SaveReportInput) => saved(input, 4));
      const draft = setup(save);
      draft.setCell('LAO-1|STAFF_TOTAL', '51');
      draft.setCell('LAO-1|STAFF_TOTAL', '50');
      await advance(2000);
      expect(save).not.toHaveBeenCalled();
      expect(draft.unsavedCount.value).toBe(0);
    });

    it('sends an emptied cell as null, which removes the value', async () => {
      const save = vi.fn(async (input: SaveReportInput) => saved(input, 4));
      const draft = setup(save);
      draft.setCell('LAO-1|STAFF_TOTAL', '');
      await advance(1500);
      expect(save.mock.calls[0]![0].values).toEqual([
        { orgUnitCode: 'LAO-1', dataElementCode: 'STAFF_TOTAL', value: null, comment: null, evidenceUrl: null },
      ]);
      expect(draft.saved.has('LAO-1|STAFF_TOTAL')).toBe(false);
    });

    it('holds back cells that fail the checks and saves the rest', async () => {
      const save = vi.fn(async (input: SaveReportInput) => saved(input, 4));
      const draft = setup(save);
      draft.setCell('LAO-1|STAFF_TRAINED_DIGITAL', '60'); // above the saved 50 staff
      draft.setCell('LAO-2|STAFF_TOTAL', '1.5');
      draft.setCell('LAO-3|STAFF_TOTAL', '7');
      await advance(1500);
      expect(save.mock.calls[0]![0].values.map((v) => v.orgUnitCode)).toEqual(['LAO-3']);
      expect(draft.issue('LAO-1|STAFF_TRAINED_DIGITAL')?.code).toBe('NUMERATOR_ABOVE_DENOMINATOR');
      expect(draft.issue('LAO-1|STAFF_TOTAL')?.code).toBe('NUMERATOR_ABOVE_DENOMINATOR');
      expect(draft.issue('LAO-2|STAFF_TOTAL')?.code).toBe('NOT_WHOLE_NUMBER');
      expect(draft.state.value).toBe('invalid');
      expect(draft.unsavedCount.value).toBe(2);
    });

    it('keeps a cell dirty when it is typed again while its save is on the way', async () => {
      let release: (o: SaveOutcome) => void = () => {};
      const save = vi.fn(
        (input: SaveReportInput) => new Promise<SaveOutcome>((r) => (release = () => r(saved(input, 4)))),
      );
      const draft = setup(save);
      draft.setCell('LAO-2|STAFF_TOTAL', '10');
      await advance(1500);
      expect(draft.state.value).toBe('saving');
      draft.setCell('LAO-2|STAFF_TOTAL', '11');
      release(saved(save.mock.calls[0]![0], 4));
      await advance(0);
      expect(draft.saved.get('LAO-2|STAFF_TOTAL')?.value).toBe(10);
      expect(draft.dirty.has('LAO-2|STAFF_TOTAL')).toBe(true);
      await advance(1500);
      expect(save).toHaveBeenCalledTimes(2);
      expect(save.mock.calls[1]![0].version).toBe(4);
      expect(save.mock.calls[1]![0].values[0]!.value).toBe(11);
    });

    it('creates the report with version null when there is none yet', async () => {
      const save = vi.fn(async (input: SaveReportInput) => saved(input, 1));
      const draft = setup(save, null);
      draft.setCell('LAO-1|STAFF_TOTAL', '3');
      await advance(1500);
      expect(save.mock.calls[0]![0].version).toBeNull();
      expect(draft.reportId.value).toBe(466);
      expect(draft.version.value).toBe(1);
    });

    it('does nothing on a read-only report', async () => {
      const save = vi.fn(async (input: SaveReportInput) => saved(input, 4));
      const draft = createReportDraft({
        provinceCode: 'TH-40',
        quarterCode: 'FY2570Q1',
        elements: ELEMENTS,
        ratios: RATIOS,
        save,
      });
      draft.load(report({ status: 'SUBMITTED', allowedActions: [] }), false);
      draft.setCell('LAO-1|STAFF_TOTAL', '9');
      await advance(5000);
      expect(save).not.toHaveBeenCalled();
      expect(draft.display('LAO-1|STAFF_TOTAL')).toBe('50');
    });
  });

  describe('server problems', () => {
    it('pins each problem to the cell that was sent at its index, and retries the others', async () => {
      const save = vi
        .fn<(input: SaveReportInput) => Promise<SaveOutcome>>()
        .mockResolvedValueOnce(
          failed('BAD_USER_INPUT', [{ field: 'values[1]', code: 'OUT_OF_RANGE', message: 'too big' }]),
        )
        .mockImplementation(async (input) => saved(input, 4));
      const draft = setup(save);
      draft.setCell('LAO-2|STAFF_TOTAL', '10');
      draft.setCell('LAO-3|STAFF_TOTAL', '999999');
      await advance(1500);
      await advance(1);
      expect(save).toHaveBeenCalledTimes(2);
      expect(save.mock.calls[1]![0].values.map((v) => v.orgUnitCode)).toEqual(['LAO-2']);
      expect(draft.cellProblems.get('LAO-3|STAFF_TOTAL')).toEqual([
        { field: 'values[1]', code: 'OUT_OF_RANGE', message: 'too big' },
      ]);
      expect(draft.dirty.has('LAO-3|STAFF_TOTAL')).toBe(true);
      // Editing the cell clears its problem and sends it again.
      draft.setCell('LAO-3|STAFF_TOTAL', '99');
      expect(draft.cellProblems.has('LAO-3|STAFF_TOTAL')).toBe(false);
      await advance(1500);
      expect(save).toHaveBeenCalledTimes(3);
    });

    it('does not repeat a refusal it cannot place', async () => {
      const save = vi.fn(async () => failed('BAD_USER_INPUT', [{ field: 'something', message: 'no' }]));
      const draft = setup(save);
      draft.setCell('LAO-2|STAFF_TOTAL', '10');
      await advance(10_000);
      expect(save).toHaveBeenCalledOnce();
      expect(draft.generalProblems.value).toEqual([{ field: 'something', message: 'no' }]);
    });
  });

  describe('conflict', () => {
    it('stops autosave, keeps the edits, and saves them on top of the reloaded report', async () => {
      const save = vi
        .fn<(input: SaveReportInput) => Promise<SaveOutcome>>()
        .mockResolvedValueOnce(failed('CONFLICT'))
        .mockImplementation(async (input) => saved(input, 6));
      const draft = setup(save);
      draft.setCell('LAO-2|STAFF_TOTAL', '10');
      await advance(1500);
      expect(draft.state.value).toBe('conflict');
      draft.setCell('LAO-2|DIGITAL_SERVICES', '3');
      await advance(10_000);
      expect(save).toHaveBeenCalledOnce();
      expect(draft.unsavedCount.value).toBe(2);

      // Meanwhile someone else saved LAO-5 and the same value for LAO-2 DIGITAL_SERVICES.
      draft.load(
        report({
          version: 5,
          values: [
            { orgUnitCode: 'LAO-1', dataElementCode: 'STAFF_TOTAL', value: 50, comment: null, evidenceUrl: null },
            { orgUnitCode: 'LAO-5', dataElementCode: 'STAFF_TOTAL', value: 77, comment: null, evidenceUrl: null },
            { orgUnitCode: 'LAO-2', dataElementCode: 'DIGITAL_SERVICES', value: 3, comment: null, evidenceUrl: null },
          ],
        }),
        true,
      );
      expect(draft.state.value).toBe('waiting');
      expect(draft.display('LAO-5|STAFF_TOTAL')).toBe('77');
      expect(draft.display('LAO-2|STAFF_TOTAL')).toBe('10');
      expect(draft.unsavedCount.value).toBe(1);
      await advance(1500);
      expect(save).toHaveBeenCalledTimes(2);
      expect(save.mock.calls[1]![0].version).toBe(5);
      expect(save.mock.calls[1]![0].values).toEqual([
        { orgUnitCode: 'LAO-2', dataElementCode: 'STAFF_TOTAL', value: 10, comment: null, evidenceUrl: null },
      ]);
      expect(draft.state.value).toBe('saved');
    });

    it('can discard the edits instead', async () => {
      const save = vi.fn(async () => failed('CONFLICT'));
      const draft = setup(save);
      draft.setCell('LAO-2|STAFF_TOTAL', '10');
      await advance(1500);
      draft.discardEdits();
      draft.load(report({ version: 5 }), true);
      expect(draft.unsavedCount.value).toBe(0);
      expect(draft.display('LAO-2|STAFF_TOTAL')).toBe('');
    });
  });

  describe('network failure', () => {
    it('keeps the edits and retries later', async () => {
      const save = vi
        .fn<(input: SaveReportInput) => Promise<SaveOutcome>>()
        .mockResolvedValueOnce(failed('NETWORK'))
        .mockImplementation(async (input) => saved(input, 4));
      const draft = setup(save);
      draft.setCell('LAO-2|STAFF_TOTAL', '10');
      await advance(1500);
      expect(draft.state.value).toBe('failed');
      expect(draft.unsavedCount.value).toBe(1);
      await advance(10_000);
      expect(save).toHaveBeenCalledTimes(2);
      expect(draft.state.value).toBe('saved');
    });
  });

  describe('warnings', () => {
    it('shows the outliers a save returns until the value changes, and lets the officer confirm them', async () => {
      const warning = {
        orgUnitCode: 'LAO-2',
        dataElementCode: 'DIGITAL_SERVICES',
        value: 4000,
        expectedLow: 0,
        expectedHigh: 2,
        basis: 'HISTORY',
      };
      const save = vi.fn(async (input: SaveReportInput) => saved(input, 4, { warnings: [warning] }));
      const draft = setup(save);
      draft.setCell('LAO-2|DIGITAL_SERVICES', '4000');
      await advance(1500);
      expect(draft.warnings.get('LAO-2|DIGITAL_SERVICES')).toEqual({ warning, message: null, confirmed: false });
      expect(draft.unconfirmedWarnings.value).toBe(1);
      draft.confirmWarning('LAO-2|DIGITAL_SERVICES', true);
      expect(draft.unconfirmedWarnings.value).toBe(0);
      draft.setCell('LAO-2|DIGITAL_SERVICES', '2');
      expect(draft.warnings.has('LAO-2|DIGITAL_SERVICES')).toBe(false);
    });

    it('reads a refused submit: missing values, the province obstacles, and unconfirmed warnings', () => {
      const draft = setup(vi.fn());
      const found = draft.applySubmitProblems([
        { field: 'TH-40.obstacles', code: 'REQUIRED', message: 'missing' },
        { field: 'LAO-7.STAFF_TOTAL', code: 'REQUIRED', message: 'missing' },
        {
          field: 'LAO-1.STAFF_TOTAL',
          code: 'UNCONFIRMED_WARNING',
          message: 'STAFF_TOTAL = 50 is outside the usual 100–200',
        },
        { field: 'until', code: 'BAD_DATE', message: 'bad' },
      ]);
      expect(found).toEqual({ missing: 2, warnings: 1, other: [{ field: 'until', code: 'BAD_DATE', message: 'bad' }] });
      expect(draft.missing.has('LAO-7|STAFF_TOTAL')).toBe(true);
      expect(draft.missingObstacles.has('TH-40')).toBe(true);
      expect(draft.warnings.get('LAO-1|STAFF_TOTAL')?.message).toContain('outside the usual');
    });
  });

  describe('obstacles and action items', () => {
    it('sends a respondent whole, and an explicit "no obstacle" as empty answers', async () => {
      const save = vi.fn(async (input: SaveReportInput) => saved(input, 4));
      const draft = setup(save);
      draft.setSeverity('LAO-2', 'SKILLS', 4);
      draft.setNoObstacles('TH-40', true);
      draft.setActionItem(9, { status: 'IN_PROGRESS' });
      await advance(1500);
      const input = save.mock.calls[0]![0];
      expect(input.respondents).toEqual([
        {
          orgUnitCode: 'LAO-2',
          answers: [{ categoryCode: 'SKILLS', severity: 4, note: null }],
          obstacleNote: null,
          evidenceUrl: null,
          comment: null,
          asOfDate: null,
        },
        { orgUnitCode: 'TH-40', answers: [], obstacleNote: null, evidenceUrl: null, comment: null, asOfDate: null },
      ]);
      expect(input.actionItems).toEqual([{ id: 9, status: 'IN_PROGRESS', progressNote: null }]);
      expect(draft.declaredNone('TH-40')).toBe(true);
      expect(draft.unsavedCount.value).toBe(0);
    });

    it('does not send a severity chosen and withdrawn again', async () => {
      const save = vi.fn(async (input: SaveReportInput) => saved(input, 4));
      const draft = setup(save);
      draft.setSeverity('LAO-2', 'SKILLS', 4);
      draft.setSeverity('LAO-2', 'SKILLS', null);
      await advance(2000);
      expect(save).not.toHaveBeenCalled();
    });
  });

  describe('snapshot and restore', () => {
    it('carries unsaved edits to a new draft of the same report', async () => {
      const first = setup(vi.fn(async () => failed('UNAUTHENTICATED')));
      first.setCell('LAO-2|STAFF_TOTAL', '10');
      first.setSeverity('TH-40', 'BUDGET', 5);
      await advance(1500);
      const kept = JSON.parse(JSON.stringify(first.snapshot()));
      const save = vi.fn(async (input: SaveReportInput) => saved(input, 4));
      const second = setup(save);
      second.restore(kept);
      expect(second.display('LAO-2|STAFF_TOTAL')).toBe('10');
      await advance(1500);
      expect(save.mock.calls[0]![0].values).toHaveLength(1);
      expect(save.mock.calls[0]![0].respondents).toHaveLength(1);
      expect(second.snapshot()).toBeNull();
    });
  });

  describe('flush', () => {
    it('saves at once and says whether anything is left unsaved', async () => {
      const save = vi.fn(async (input: SaveReportInput) => saved(input, 4));
      const draft = setup(save);
      draft.setCell('LAO-2|STAFF_TOTAL', '10');
      await expect(draft.flush()).resolves.toBe(true);
      expect(save).toHaveBeenCalledOnce();
      draft.setCell('LAO-2|STAFF_TOTAL', 'ten');
      await expect(draft.flush()).resolves.toBe(false);
    });
  });
});
