import { computed, reactive, ref, shallowRef } from 'vue';
import type { ApiError, ApiProblem } from '@/api/errors';
import type {
  ActionItem,
  ActionItemUpdateInput,
  DataValueInput,
  Report,
  ReportStatus,
  RespondentInput,
  SaveReportInput,
  SaveReportResult,
  ValueWarning,
} from '@/api/report-types';
import {
  actionItemDraft,
  actionItemInput,
  cellKey,
  checkRespondent,
  checkRow,
  editFromSaved,
  editMatchesSaved,
  emptyRespondent,
  parseCellKey,
  problemTarget,
  readingOf,
  respondentDraft,
  respondentInput,
  sameActionItem,
  sameRespondent,
  savedValuesByCell,
  valueInput,
  type ActionItemDraft,
  type CellEdit,
  type CellKey,
  type ElementRule,
  type RatioRule,
  type RespondentDraft,
  type SavedValue,
  type SentChanges,
  type ValueIssue,
} from './report-form';

/**
 * The officer's unsaved work on one report, and its autosave.
 *
 * Edits are kept apart from what the server holds: `saved` is the server's
 * state as last seen, `edits` what the officer typed. A cell is dirty while
 * its edit differs from `saved`. Autosave waits for a pause in typing, then
 * sends only dirty entries that pass the checks (a cell with a mistake would
 * make the server refuse the whole batch), with the version it last saw.
 *
 * - Saved: the server's counts and version are kept; cells edited again while
 *   the request was in flight stay dirty and go in the next save.
 * - BAD_USER_INPUT: each problem is pinned to its cell ("values[3]" is the
 *   fourth value sent); those cells wait until edited, the rest are retried.
 * - CONFLICT (someone else saved, or the report changed state): autosave
 *   stops, nothing typed is lost; `load()` with a fresh copy of the report
 *   rebases the edits on it and resumes.
 * - Network trouble: retried after a delay; edits stay.
 */

export type SaveOutcome = { kind: 'saved'; result: SaveReportResult } | { kind: 'error'; error: ApiError };

export interface ReportDraftOptions {
  provinceCode: string;
  quarterCode: string;
  elements: readonly ElementRule[];
  ratios: readonly RatioRule[];
  save: (input: SaveReportInput) => Promise<SaveOutcome>;
  /** Pause in typing before saving. */
  delayMs?: number;
  /** Wait before retrying after a network failure. */
  retryMs?: number;
  now?: () => Date;
}

/** The autosave state as the officer sees it. */
export type SaveState = 'idle' | 'waiting' | 'saving' | 'saved' | 'invalid' | 'failed' | 'conflict';

export interface WarningEntry {
  /** From a save: the numbers behind the warning. */
  warning: ValueWarning | null;
  /** From a refused submit: the server's sentence (it gives no numbers there). */
  message: string | null;
  confirmed: boolean;
}

/** Unsaved edits in a form that survives storage (JSON), to be put back after a reload or a new sign-in. */
export interface DraftSnapshot {
  values: Array<[CellKey, CellEdit]>;
  respondents: Array<[string, RespondentDraft]>;
  actionItems: Array<[number, ActionItemDraft]>;
}

export interface SaveCounts {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

export function createReportDraft(options: ReportDraftOptions) {
  const delayMs = options.delayMs ?? 1500;
  const retryMs = options.retryMs ?? 10_000;
  const now = options.now ?? (() => new Date());
  const elementByCode = new Map(options.elements.map((e) => [e.code, e]));

  const reportId = ref<number | null>(null);
  const version = ref<number | null>(null);
  const status = ref<ReportStatus | null>(null);
  const editable = ref(false);

  const saved = reactive(new Map<CellKey, SavedValue>());
  const edits = reactive(new Map<CellKey, CellEdit>());
  const dirty = reactive(new Set<CellKey>());
  const cellProblems = reactive(new Map<CellKey, ApiProblem[]>());
  const warnings = reactive(new Map<CellKey, WarningEntry>());
  /** Cells the server said are required and missing, from the last refused submit. */
  const missing = reactive(new Set<CellKey>());

  const savedRespondents = reactive(new Map<string, RespondentDraft>());
  const respondentEdits = reactive(new Map<string, RespondentDraft>());
  const dirtyRespondents = reactive(new Set<string>());
  const respondentProblems = reactive(new Map<string, ApiProblem[]>());
  /** Respondents whose obstacle answers the server requires before submitting. */
  const missingObstacles = reactive(new Set<string>());

  const savedActionItems = reactive(new Map<number, ActionItemDraft>());
  const actionItemEdits = reactive(new Map<number, ActionItemDraft>());
  const dirtyActionItems = reactive(new Set<number>());
  const actionItemProblems = reactive(new Map<number, ApiProblem[]>());

  /** Problems the form cannot place (a field it does not show). */
  const generalProblems = ref<ApiProblem[]>([]);
  const state = ref<SaveState>('idle');
  const lastSavedAt = ref<Date | null>(null);
  const lastCounts = ref<SaveCounts | null>(null);
  const lastError = shallowRef<ApiError | null>(null);

  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let disposed = false;

  // ------------------------------------------------------------ reading

  function edited(key: CellKey): CellEdit | undefined {
    return edits.get(key);
  }

  /** The text shown in a cell's input. */
  function display(key: CellKey): string {
    const e = edits.get(key);
    if (e) return e.raw;
    const s = saved.get(key);
    return s ? String(s.value) : '';
  }

  function notes(key: CellKey): { comment: string; evidenceUrl: string } {
    const e = edits.get(key);
    if (e) return { comment: e.comment, evidenceUrl: e.evidenceUrl };
    const s = saved.get(key);
    return { comment: s?.comment ?? '', evidenceUrl: s?.evidenceUrl ?? '' };
  }

  /** Client-side issues of one organization's row, by data element. */
  function rowIssues(orgUnitCode: string): Map<string, ValueIssue> {
    return checkRow(options.elements, options.ratios, (element) => {
      const key = cellKey(orgUnitCode, element);
      const e = edits.get(key);
      const s = saved.get(key);
      return e || s ? readingOf(e, s) : undefined;
    });
  }

  function issue(key: CellKey): ValueIssue | null {
    const { orgUnitCode, dataElementCode } = parseCellKey(key);
    return rowIssues(orgUnitCode).get(dataElementCode) ?? null;
  }

  /** Whether a cell has a value now (saved or typed). */
  function hasValue(key: CellKey): boolean {
    const reading = readingOf(edits.get(key), saved.get(key));
    return reading.parsed.ok && reading.parsed.value !== null;
  }

  function respondent(orgUnitCode: string): RespondentDraft {
    return respondentEdits.get(orgUnitCode) ?? savedRespondents.get(orgUnitCode) ?? emptyRespondent();
  }

  function actionItem(id: number): ActionItemDraft | undefined {
    return actionItemEdits.get(id) ?? savedActionItems.get(id);
  }

  const unsavedCount = computed(() => dirty.size + dirtyRespondents.size + dirtyActionItems.size);
  const unconfirmedWarnings = computed(() => [...warnings.values()].filter((w) => !w.confirmed).length);

  // ------------------------------------------------------------ editing

  function schedule(ms = delayMs): void {
    if (disposed || !editable.value || state.value === 'conflict') return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void saveNow();
    }, ms);
    if (state.value !== 'saving') state.value = 'waiting';
  }

  function touchCell(key: CellKey, next: CellEdit): void {
    if (!editable.value) return;
    edits.set(key, next);
    cellProblems.delete(key);
    warnings.delete(key);
    if (editMatchesSaved(next, saved.get(key))) {
      edits.delete(key);
      dirty.delete(key);
    } else dirty.add(key);
    schedule();
  }

  function setCell(key: CellKey, raw: string): void {
    const current = edits.get(key) ?? editFromSaved(saved.get(key));
    touchCell(key, { ...current, raw });
  }

  function setCellNotes(key: CellKey, patch: Partial<Pick<CellEdit, 'comment' | 'evidenceUrl'>>): void {
    const current = edits.get(key) ?? editFromSaved(saved.get(key));
    touchCell(key, { ...current, ...patch });
  }

  function touchRespondent(orgUnitCode: string, next: RespondentDraft): void {
    if (!editable.value) return;
    respondentProblems.delete(orgUnitCode);
    missingObstacles.delete(orgUnitCode);
    if (sameRespondent(orgUnitCode, next, savedRespondents.get(orgUnitCode))) {
      respondentEdits.delete(orgUnitCode);
      dirtyRespondents.delete(orgUnitCode);
    } else {
      respondentEdits.set(orgUnitCode, next);
      dirtyRespondents.add(orgUnitCode);
    }
    schedule();
  }

  /** Cites an obstacle category with a severity (1–5), or withdraws it (null). */
  function setSeverity(orgUnitCode: string, categoryCode: string, severity: number | null): void {
    const current = respondent(orgUnitCode);
    const answers = { ...current.answers };
    if (severity === null) delete answers[categoryCode];
    else answers[categoryCode] = { severity, note: answers[categoryCode]?.note ?? null };
    touchRespondent(orgUnitCode, { ...current, answers, noObstacles: severity === null ? current.noObstacles : false });
  }

  /** Answers "no obstacle this quarter" (withdrawing every category), or takes it back. */
  function setNoObstacles(orgUnitCode: string, none: boolean): void {
    const current = respondent(orgUnitCode);
    touchRespondent(orgUnitCode, { ...current, answers: none ? {} : current.answers, noObstacles: none });
  }

  /** Whether the respondent's answer is "no obstacle" (said now, or held by the server). */
  function declaredNone(orgUnitCode: string): boolean {
    const d = respondent(orgUnitCode);
    return Object.keys(d.answers).length === 0 && (d.noObstacles || savedRespondents.has(orgUnitCode));
  }

  function setAnswerNote(orgUnitCode: string, categoryCode: string, note: string): void {
    const current = respondent(orgUnitCode);
    const answer = current.answers[categoryCode];
    if (!answer) return;
    touchRespondent(orgUnitCode, { ...current, answers: { ...current.answers, [categoryCode]: { ...answer, note } } });
  }

  function setRespondentField(
    orgUnitCode: string,
    field: 'obstacleNote' | 'evidenceUrl' | 'comment' | 'asOfDate',
    value: string,
  ): void {
    touchRespondent(orgUnitCode, { ...respondent(orgUnitCode), [field]: value });
  }

  function setActionItem(id: number, patch: Partial<ActionItemDraft>): void {
    const current = actionItem(id);
    if (!current || !editable.value) return;
    const next = { ...current, ...patch };
    actionItemProblems.delete(id);
    if (sameActionItem(next, savedActionItems.get(id))) {
      actionItemEdits.delete(id);
      dirtyActionItems.delete(id);
    } else {
      actionItemEdits.set(id, next);
      dirtyActionItems.add(id);
    }
    schedule();
  }

  function confirmWarning(key: CellKey, confirmed: boolean): void {
    const w = warnings.get(key);
    if (w) warnings.set(key, { ...w, confirmed });
  }

  // ------------------------------------------------------------ saving

  /** What can be sent now: dirty entries without a known problem. */
  function pendingChanges(): SentChanges & { held: number } {
    const values: DataValueInput[] = [];
    let held = 0;
    const issuesByRow = new Map<string, Map<string, ValueIssue>>();
    for (const key of dirty) {
      const { orgUnitCode, dataElementCode } = parseCellKey(key);
      if (!issuesByRow.has(orgUnitCode)) issuesByRow.set(orgUnitCode, rowIssues(orgUnitCode));
      const input = edits.has(key) ? valueInput(key, edits.get(key)!) : null;
      if (
        !input ||
        cellProblems.has(key) ||
        issuesByRow.get(orgUnitCode)!.has(dataElementCode) ||
        !elementByCode.has(dataElementCode)
      ) {
        held++;
        continue;
      }
      values.push(input);
    }
    const respondents: RespondentInput[] = [];
    for (const code of dirtyRespondents) {
      const d = respondentEdits.get(code);
      if (!d || respondentProblems.has(code) || checkRespondent(d)) {
        held++;
        continue;
      }
      respondents.push(respondentInput(code, d));
    }
    const actionItems: ActionItemUpdateInput[] = [];
    for (const id of dirtyActionItems) {
      const d = actionItemEdits.get(id);
      if (!d || actionItemProblems.has(id)) {
        held++;
        continue;
      }
      actionItems.push(actionItemInput(id, d));
    }
    return { values, respondents, actionItems, held };
  }

  const changeCount = (c: SentChanges) => c.values.length + c.respondents.length + c.actionItems.length;

  function settleState(): void {
    if (state.value === 'conflict') return;
    if (timer) state.value = 'waiting';
    else if (unsavedCount.value > 0) state.value = 'invalid';
    else state.value = lastSavedAt.value ? 'saved' : 'idle';
  }

  function applySaved(sent: SentChanges, result: SaveReportResult): void {
    reportId.value = result.report.id;
    version.value = result.report.version;
    status.value = result.report.status;
    lastSavedAt.value = now();
    lastCounts.value = {
      inserted: result.inserted,
      updated: result.updated,
      deleted: result.deleted,
      unchanged: result.unchanged,
    };
    lastError.value = null;
    generalProblems.value = [];
    for (const v of sent.values) {
      const key = cellKey(v.orgUnitCode, v.dataElementCode);
      if (v.value === null) saved.delete(key);
      else saved.set(key, { value: v.value, comment: v.comment, evidenceUrl: v.evidenceUrl });
      warnings.delete(key);
      const e = edits.get(key);
      // Typed again while the save was on its way: that newer edit stays dirty.
      if (e && editMatchesSaved(e, saved.get(key))) {
        edits.delete(key);
        dirty.delete(key);
      }
    }
    for (const w of result.warnings)
      warnings.set(cellKey(w.orgUnitCode, w.dataElementCode), { warning: w, message: null, confirmed: false });
    for (const r of sent.respondents) {
      const d = respondentDraft(r);
      savedRespondents.set(r.orgUnitCode, d);
      if (sameRespondent(r.orgUnitCode, respondentEdits.get(r.orgUnitCode), d)) {
        respondentEdits.delete(r.orgUnitCode);
        dirtyRespondents.delete(r.orgUnitCode);
      }
    }
    for (const a of sent.actionItems) {
      const d = { status: a.status, progressNote: a.progressNote };
      savedActionItems.set(a.id, d);
      const e = actionItemEdits.get(a.id);
      if (e && sameActionItem(e, d)) {
        actionItemEdits.delete(a.id);
        dirtyActionItems.delete(a.id);
      }
    }
  }

  /** Pins each problem to its cell, respondent or action item; the rest are shown above the form. */
  function applyProblems(sent: SentChanges, problems: readonly ApiProblem[]): void {
    const general: ApiProblem[] = [];
    const add = <K>(map: Map<K, ApiProblem[]>, key: K, p: ApiProblem) => map.set(key, [...(map.get(key) ?? []), p]);
    for (const p of problems) {
      const target = problemTarget(p.field, sent);
      switch (target.kind) {
        case 'value':
          add(cellProblems, target.key, p);
          break;
        case 'respondent':
        case 'obstacles':
          add(respondentProblems, target.orgUnitCode, p);
          break;
        case 'actionItem':
          add(actionItemProblems, target.id, p);
          break;
        case 'field':
        case 'report':
          general.push(p);
          break;
      }
    }
    generalProblems.value = general;
  }

  async function runSave(): Promise<void> {
    const sent = pendingChanges();
    if (changeCount(sent) === 0) {
      settleState();
      return;
    }
    state.value = 'saving';
    const outcome = await options.save({
      provinceCode: options.provinceCode,
      quarterCode: options.quarterCode,
      version: version.value,
      values: [...sent.values],
      respondents: [...sent.respondents],
      actionItems: [...sent.actionItems],
    });
    if (disposed) return;
    if (outcome.kind === 'saved') {
      applySaved(sent, outcome.result);
      state.value = 'saved';
      if (changeCount(pendingChanges()) > 0) schedule(0);
      else settleState();
      return;
    }
    const error = outcome.error;
    lastError.value = error;
    switch (error.code) {
      case 'BAD_USER_INPUT': {
        applyProblems(sent, error.problems);
        // The batch was refused as a whole: send the rest again without the entries at fault,
        // but only if that holds back something more (else the same refusal would repeat).
        const rest = changeCount(pendingChanges());
        if (rest > 0 && rest < changeCount(sent)) schedule(0);
        state.value = 'invalid';
        return;
      }
      case 'CONFLICT':
        if (timer) clearTimeout(timer);
        timer = null;
        state.value = 'conflict';
        return;
      case 'NETWORK':
      case 'UNKNOWN':
        schedule(retryMs);
        state.value = 'failed';
        return;
      case 'UNAUTHENTICATED':
      case 'FORBIDDEN':
      case 'NOT_FOUND':
        // Nothing to retry: the session or the right to edit is gone; edits stay on screen.
        if (timer) clearTimeout(timer);
        timer = null;
        state.value = 'failed';
        return;
    }
  }

  /** Saves what can be saved now (one request at a time). */
  function saveNow(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (!editable.value || state.value === 'conflict') return Promise.resolve();
    if (inFlight) return inFlight.then(() => saveNow());
    inFlight = runSave().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  /**
   * Saves everything pending before a submit or an import; true when nothing
   * unsaved is left.
   */
  async function flush(): Promise<boolean> {
    for (let round = 0; round < 5; round++) {
      await saveNow();
      if (inFlight) continue;
      if (changeCount(pendingChanges()) === 0) break;
      if (state.value === 'conflict' || state.value === 'failed') break;
    }
    return unsavedCount.value === 0 && state.value !== 'conflict';
  }

  // ------------------------------------------------------------ loading

  /**
   * Takes the server's copy of the report (first load, or a reload after a
   * conflict or an import). Edits are kept and rebased: those that now match
   * the server are dropped, the rest stay dirty and are saved with the new version.
   */
  function load(report: Report | null, canEdit: boolean): void {
    reportId.value = report?.id ?? null;
    version.value = report?.version ?? null;
    status.value = report?.status ?? null;
    editable.value = canEdit;

    saved.clear();
    for (const [k, v] of savedValuesByCell(report?.values ?? [])) saved.set(k, v);
    for (const [key, e] of [...edits]) {
      if (editMatchesSaved(e, saved.get(key))) {
        edits.delete(key);
        dirty.delete(key);
      } else dirty.add(key);
    }
    savedRespondents.clear();
    for (const r of report?.respondents ?? []) savedRespondents.set(r.orgUnitCode, respondentDraft(r));
    for (const [code, d] of [...respondentEdits]) {
      if (sameRespondent(code, d, savedRespondents.get(code))) {
        respondentEdits.delete(code);
        dirtyRespondents.delete(code);
      }
    }
    savedActionItems.clear();
    for (const a of report?.actionItems ?? []) savedActionItems.set(a.id, actionItemDraft(a));
    for (const [id, d] of [...actionItemEdits]) {
      if (!savedActionItems.has(id) || sameActionItem(d, savedActionItems.get(id))) {
        actionItemEdits.delete(id);
        dirtyActionItems.delete(id);
      }
    }
    lastError.value = null;
    state.value = 'idle';
    settleState();
    if (unsavedCount.value > 0) schedule();
  }

  /** Action items the server listed after the report was created (they come with the report). */
  function adoptActionItems(items: readonly ActionItem[]): void {
    for (const a of items) if (!savedActionItems.has(a.id)) savedActionItems.set(a.id, actionItemDraft(a));
  }

  /** Forgets every unsaved edit (after a conflict, when the officer prefers the server's copy). */
  function discardEdits(): void {
    edits.clear();
    dirty.clear();
    respondentEdits.clear();
    dirtyRespondents.clear();
    actionItemEdits.clear();
    dirtyActionItems.clear();
    cellProblems.clear();
    respondentProblems.clear();
    actionItemProblems.clear();
    if (timer) clearTimeout(timer);
    timer = null;
    settleState();
  }

  /** The unsaved edits, or null when there are none. */
  function snapshot(): DraftSnapshot | null {
    if (unsavedCount.value === 0) return null;
    return {
      values: [...dirty].filter((k) => edits.has(k)).map((k) => [k, { ...edits.get(k)! }]),
      respondents: [...dirtyRespondents].filter((c) => respondentEdits.has(c)).map((c) => [c, respondentEdits.get(c)!]),
      actionItems: [...dirtyActionItems]
        .filter((id) => actionItemEdits.has(id))
        .map((id) => [id, { ...actionItemEdits.get(id)! }]),
    };
  }

  /** Puts back edits kept from an earlier visit; those that match the server now are dropped. */
  function restore(s: DraftSnapshot): void {
    if (!editable.value) return;
    for (const [key, e] of s.values) {
      if (editMatchesSaved(e, saved.get(key))) continue;
      edits.set(key, e);
      dirty.add(key);
    }
    for (const [code, d] of s.respondents) {
      if (sameRespondent(code, d, savedRespondents.get(code))) continue;
      respondentEdits.set(code, d);
      dirtyRespondents.add(code);
    }
    for (const [id, d] of s.actionItems) {
      if (!savedActionItems.has(id) || sameActionItem(d, savedActionItems.get(id))) continue;
      actionItemEdits.set(id, d);
      dirtyActionItems.add(id);
    }
    if (unsavedCount.value > 0) schedule();
  }

  /** A refused submit: required values missing and unusual values to confirm. */
  function applySubmitProblems(problems: readonly ApiProblem[]): {
    missing: number;
    warnings: number;
    other: ApiProblem[];
  } {
    missing.clear();
    missingObstacles.clear();
    let missingCount = 0;
    let warningCount = 0;
    const other: ApiProblem[] = [];
    for (const p of problems) {
      const target = problemTarget(p.field);
      if (p.code === 'REQUIRED' && target.kind === 'value') {
        missing.add(target.key);
        missingCount++;
      } else if (p.code === 'REQUIRED' && target.kind === 'obstacles') {
        missingObstacles.add(target.orgUnitCode);
        missingCount++;
      } else if (p.code === 'UNCONFIRMED_WARNING' && target.kind === 'value') {
        const existing = warnings.get(target.key);
        warnings.set(target.key, { warning: existing?.warning ?? null, message: p.message, confirmed: false });
        warningCount++;
      } else other.push(p);
    }
    return { missing: missingCount, warnings: warningCount, other };
  }

  /** After a decision (submit, approve…), the report's new header. */
  function setHeader(next: { id: number; version: number; status: ReportStatus }, canEdit: boolean): void {
    reportId.value = next.id;
    version.value = next.version;
    status.value = next.status;
    editable.value = canEdit;
    if (!canEdit && timer) {
      clearTimeout(timer);
      timer = null;
    }
  }

  /** The server refused a decision on a stale copy: stop saving until reloaded. */
  function markConflict(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    state.value = 'conflict';
  }

  function dispose(): void {
    disposed = true;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  return {
    // state
    reportId,
    version,
    status,
    editable,
    state,
    lastSavedAt,
    lastCounts,
    lastError,
    generalProblems,
    saved,
    edits,
    dirty,
    cellProblems,
    warnings,
    missing,
    missingObstacles,
    respondentProblems,
    dirtyRespondents,
    actionItemProblems,
    dirtyActionItems,
    unsavedCount,
    unconfirmedWarnings,
    // reading
    edited,
    display,
    notes,
    rowIssues,
    issue,
    hasValue,
    respondent,
    actionItem,
    // editing
    setCell,
    setCellNotes,
    setSeverity,
    setNoObstacles,
    declaredNone,
    setAnswerNote,
    setRespondentField,
    setActionItem,
    confirmWarning,
    // saving and loading
    saveNow,
    flush,
    load,
    snapshot,
    restore,
    adoptActionItems,
    discardEdits,
    applySubmitProblems,
    setHeader,
    markConflict,
    dispose,
  };
}

export type ReportDraft = ReturnType<typeof createReportDraft>;
