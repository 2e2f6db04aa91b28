import { useApiClient } from '@/composables/use-api-client';
import { computed, ref } from 'vue';
import { ReportHistoryQuery } from '@/api/approvals';
import { toApiError, type ApiError } from '@/api/errors';
import {
  ApproveReportMutation,
  ExtendEntryWindowMutation,
  ReopenReportMutation,
  ReportQuery,
  ReturnReportMutation,
} from '@/api/report';
import type { ReportHeader } from '@/api/report-types';
import { useApiQuery } from './use-api-query';
import { useReportReference } from './use-report-reference';

export type Decision = 'APPROVE' | 'RETURN' | 'REOPEN';

export type DecisionOutcome = { ok: true; report: ReportHeader } | { ok: false; error: ApiError };

const UNKNOWN: ApiError = { code: 'UNKNOWN', messageKey: 'errors.UNKNOWN', detail: 'no data', problems: [] };

/** A planner's view of one province's quarter: the report read-only, its history, and the decisions. */
export function useReportReview(provinceCode: string, quarterCode: string) {
  const client = useApiClient();
  const referenceData = useReportReference(provinceCode, quarterCode);
  const report = useApiQuery({
    query: ReportQuery,
    variables: { provinceCode, quarterCode },
    requestPolicy: 'network-only',
  });
  const reportId = computed(() => report.data.value?.report?.id ?? null);
  const history = useApiQuery({
    query: ReportHistoryQuery,
    variables: () => ({ reportId: reportId.value ?? 0 }),
    pause: () => reportId.value === null,
    requestPolicy: 'network-only',
  });
  const deciding = ref(false);

  async function decide(decision: Decision, reason: string | null): Promise<DecisionOutcome> {
    const r = report.data.value?.report;
    if (!r) return { ok: false, error: UNKNOWN };
    deciding.value = true;
    const input = { reportId: r.id, version: r.version, reason };
    let outcome: DecisionOutcome;
    switch (decision) {
      case 'APPROVE': {
        const res = await client.mutation(ApproveReportMutation, { input }).toPromise();
        outcome = res.data
          ? { ok: true, report: res.data.approveReport }
          : { ok: false, error: res.error ? toApiError(res.error) : UNKNOWN };
        break;
      }
      case 'RETURN': {
        const res = await client.mutation(ReturnReportMutation, { input }).toPromise();
        outcome = res.data
          ? { ok: true, report: res.data.returnReport }
          : { ok: false, error: res.error ? toApiError(res.error) : UNKNOWN };
        break;
      }
      case 'REOPEN': {
        const res = await client.mutation(ReopenReportMutation, { input }).toPromise();
        outcome = res.data
          ? { ok: true, report: res.data.reopenReport }
          : { ok: false, error: res.error ? toApiError(res.error) : UNKNOWN };
        break;
      }
    }
    deciding.value = false;
    refresh();
    return outcome;
  }

  async function extendWindow(until: string, reason: string | null): Promise<DecisionOutcome> {
    deciding.value = true;
    const res = await client
      .mutation(ExtendEntryWindowMutation, { input: { provinceCode, quarterCode, until, reason } })
      .toPromise();
    deciding.value = false;
    refresh();
    return res.data
      ? { ok: true, report: res.data.extendEntryWindow }
      : { ok: false, error: res.error ? toApiError(res.error) : UNKNOWN };
  }

  function refresh(): void {
    report.refresh();
    if (reportId.value !== null) history.refresh();
  }

  return { ...referenceData, report, history, deciding, decide, extendWindow, refresh };
}
