import { useApiClient } from '@/composables/use-api-client';
import { computed, onBeforeUnmount, ref, shallowRef, watch } from 'vue';
import { toApiError, type ApiError, type ApiProblem } from '@/api/errors';
import {
  ReportHeaderQuery,
  ReportQuery,
  SaveReportMutation,
  SubmitReportMutation,
  type ReportFormReferenceData,
} from '@/api/report';
import type { Report, ReportHeader, SaveReportInput } from '@/api/report-types';
import { bangkokToday } from '@/locales/format';
import { useAuthStore } from '@/stores/auth';
import { createReportDraft, type DraftSnapshot, type ReportDraft, type SaveOutcome } from './report-draft';
import { ratioRules } from './report-form';
import { useReportReference } from './use-report-reference';

const UNKNOWN: ApiError = { code: 'UNKNOWN', messageKey: 'errors.UNKNOWN', detail: 'no data', problems: [] };

export type SubmitOutcome =
  | { kind: 'submitted' }
  /** Some edits could not be saved (mistakes in cells, or no connection). */
  | { kind: 'unsaved' }
  | { kind: 'conflict' }
  /** Unusual values the officer has not confirmed yet. */
  | { kind: 'confirm'; count: number }
  /** Nothing has been entered: there is no report to submit. */
  | { kind: 'empty' }
  | { kind: 'incomplete'; missing: number; warnings: number; other: ApiProblem[]; detail: string }
  | { kind: 'error'; error: ApiError };

/**
 * One province's quarter in the officer's workspace: the form's reference
 * data, the report, the draft with its autosave, submit, reload.
 */
export function useReportWorkspace(provinceCode: string, quarterCode: string, options: { delayMs?: number } = {}) {
  const client = useApiClient();
  const auth = useAuthStore();

  const referenceData = useReportReference(provinceCode, quarterCode);
  const { form } = referenceData;

  const header = shallowRef<ReportHeader | null>(null);
  const report = shallowRef<Report | null>(null);
  const reportLoaded = ref(false);
  const reportError = shallowRef<ApiError | null>(null);
  const draft = shallowRef<ReportDraft | null>(null);
  /** The server listed every unusual value on a refused submit; confirming them all may now be sent. */
  const warningsListed = ref(false);

  const canEdit = computed(() => {
    if (header.value) return header.value.allowedActions.includes('EDIT');
    const user = auth.user;
    const quarter = form.value?.fiscalQuarter;
    if (!user || user.readOnly || !quarter) return false;
    if (user.role === 'ADMIN') return true;
    if (user.role !== 'OFFICER' || user.provinceCode !== provinceCode) return false;
    const today = bangkokToday();
    return today >= quarter.entryOpensOn && today <= quarter.entryClosesOn;
  });
  const canSubmit = computed(() => header.value?.allowedActions.includes('SUBMIT') ?? canEdit.value);

  async function fetchReport(): Promise<boolean> {
    const result = await client
      .query(ReportQuery, { provinceCode, quarterCode }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.error || !result.data) {
      reportError.value = result.error ? toApiError(result.error) : UNKNOWN;
      return false;
    }
    reportError.value = null;
    report.value = result.data.report;
    header.value = result.data.report;
    reportLoaded.value = true;
    return true;
  }

  async function refreshHeader(): Promise<void> {
    const result = await client
      .query(ReportHeaderQuery, { provinceCode, quarterCode }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.data) header.value = result.data.report;
  }

  async function save(input: SaveReportInput): Promise<SaveOutcome> {
    const result = await client.mutation(SaveReportMutation, { input }).toPromise();
    if (result.error) return { kind: 'error', error: toApiError(result.error) };
    if (!result.data) return { kind: 'error', error: UNKNOWN };
    const saved = result.data.saveReport.report;
    // The first save creates the report (and with it the action items to show);
    // a save of a returned report makes it a draft again.
    if (!header.value) void fetchReport().then(() => draft.value?.adoptActionItems(report.value?.actionItems ?? []));
    else if (header.value.status !== saved.status) void refreshHeader();
    else header.value = { ...header.value, version: saved.version };
    return { kind: 'saved', result: result.data.saveReport };
  }

  function createDraft(data: ReportFormReferenceData): ReportDraft {
    return createReportDraft({
      provinceCode,
      quarterCode,
      elements: data.dataElements,
      ratios: ratioRules(data.indicators),
      save,
      delayMs: options.delayMs,
    });
  }

  // Unsaved edits are also kept in this tab's sessionStorage, per user and report, so that a
  // reload or a sign-in after the session expired does not lose them.
  const storageKey = computed(() =>
    auth.user ? `digigov.unsaved.${auth.user.id}.${provinceCode}.${quarterCode}` : null,
  );

  function readKept(): DraftSnapshot | null {
    try {
      const raw = storageKey.value ? sessionStorage.getItem(storageKey.value) : null;
      return raw ? (JSON.parse(raw) as DraftSnapshot) : null;
    } catch {
      return null;
    }
  }

  function keep(snapshot: DraftSnapshot | null): void {
    try {
      if (!storageKey.value) return;
      if (snapshot) sessionStorage.setItem(storageKey.value, JSON.stringify(snapshot));
      else sessionStorage.removeItem(storageKey.value);
    } catch {
      // Storage full or disabled: the edits are still in memory.
    }
  }

  let stopKeeping: (() => void) | null = null;

  // The draft is made once both the form and the report are known.
  watch(
    [form, reportLoaded],
    ([data, loaded]) => {
      if (!data || !loaded || draft.value) return;
      const d = createDraft(data);
      d.load(report.value, canEdit.value);
      const kept = readKept();
      if (kept) d.restore(kept);
      draft.value = d;
      stopKeeping = watch(() => d.snapshot(), keep, { deep: true });
    },
    { immediate: true },
  );

  watch(canEdit, (editable) => {
    if (draft.value) draft.value.editable.value = editable;
  });

  void fetchReport();

  /** Fetches the server's copy again; unsaved edits are kept and saved on top of it. */
  async function reload(): Promise<boolean> {
    if (!(await fetchReport())) return false;
    warningsListed.value = false;
    draft.value?.load(report.value, canEdit.value);
    return true;
  }

  async function discardAndReload(): Promise<boolean> {
    draft.value?.discardEdits();
    return reload();
  }

  async function submit(): Promise<SubmitOutcome> {
    const d = draft.value;
    if (!d) return { kind: 'unsaved' };
    const clean = await d.flush();
    if (d.state.value === 'conflict') return { kind: 'conflict' };
    if (!clean) return { kind: 'unsaved' };
    if (d.unconfirmedWarnings.value > 0) return { kind: 'confirm', count: d.unconfirmedWarnings.value };
    if (d.reportId.value === null || d.version.value === null) return { kind: 'empty' };
    const result = await client
      .mutation(SubmitReportMutation, {
        // Confirm only what the server itself listed and the officer ticked, one by one.
        input: {
          reportId: d.reportId.value,
          version: d.version.value,
          confirmWarnings: warningsListed.value && d.warnings.size > 0,
        },
      })
      .toPromise();
    if (result.error || !result.data) {
      const error = result.error ? toApiError(result.error) : UNKNOWN;
      if (error.code === 'BAD_USER_INPUT') {
        const found = d.applySubmitProblems(error.problems);
        if (found.warnings > 0) warningsListed.value = true;
        return { kind: 'incomplete', ...found, detail: error.detail };
      }
      if (error.code === 'CONFLICT') {
        d.markConflict();
        return { kind: 'conflict' };
      }
      return { kind: 'error', error };
    }
    const next = result.data.submitReport;
    header.value = next;
    d.setHeader(next, next.allowedActions.includes('EDIT'));
    return { kind: 'submitted' };
  }

  onBeforeUnmount(() => {
    stopKeeping?.();
    draft.value?.dispose();
  });

  return {
    ...referenceData,
    report,
    header,
    reportLoaded,
    reportError,
    draft,
    canEdit,
    canSubmit,
    fetchReport,
    reload,
    discardAndReload,
    submit,
  };
}
