import { computed, onBeforeUnmount, ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ApiError } from '@/api/errors';
import {
  fetchTemplate,
  saveBlob,
  uploadImport,
  type ImportResult,
  type TemplateFormat,
  type UploadHandle,
} from '@/api/spreadsheet';
import { useAuthStore } from '@/stores/auth';

/** uploading: bytes going up; reading: the server reports rows read; done: a result is shown. */
export type ImportPhase = 'idle' | 'uploading' | 'reading' | 'done' | 'error';

export interface SpreadsheetImportOptions {
  quarterCode: string;
  provinceCode: string;
  /** Before committing: save pending edits, so that the import and the form do not collide. Resolve false to stop. */
  beforeCommit?: () => Promise<boolean>;
  /** After a committed import: reload the report. */
  afterCommit?: (result: ImportResult) => void | Promise<void>;
}

/**
 * Template download and spreadsheet upload, dry run first: the file is sent,
 * the server reads it and says what would change and what is wrong, row by
 * row; only then can the officer commit the same file.
 */
export function useSpreadsheetImport(options: SpreadsheetImportOptions) {
  const auth = useAuthStore();
  const { locale } = useI18n({ useScope: 'global' });

  const file = shallowRef<File | null>(null);
  const phase = ref<ImportPhase>('idle');
  const dryRun = ref(true);
  const uploadFraction = ref(0);
  const rowsRead = ref(0);
  const result = shallowRef<ImportResult | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const downloading = ref<TemplateFormat | null>(null);
  const downloadError = shallowRef<ApiError | null>(null);
  let handle: UploadHandle | null = null;

  const busy = computed(() => phase.value === 'uploading' || phase.value === 'reading');
  /** The dry run passed and nothing was committed yet. */
  const canCommit = computed(() => !busy.value && !!file.value && !!result.value?.ok && result.value.dryRun);

  function httpAuth() {
    return { token: auth.token, locale: locale.value };
  }

  function noteError(e: ApiError): void {
    error.value = e;
    phase.value = 'error';
    if (e.code === 'UNAUTHENTICATED') auth.handleUnauthenticated();
  }

  async function download(format: TemplateFormat): Promise<void> {
    downloading.value = format;
    downloadError.value = null;
    const outcome = await fetchTemplate(options.provinceCode, options.quarterCode, format, httpAuth());
    downloading.value = null;
    if (outcome.ok) saveBlob(outcome.blob, outcome.filename);
    else {
      downloadError.value = outcome.error;
      if (outcome.error.code === 'UNAUTHENTICATED') auth.handleUnauthenticated();
    }
  }

  function choose(next: File | null): void {
    handle?.abort();
    file.value = next;
    result.value = null;
    error.value = null;
    phase.value = 'idle';
  }

  async function send(asDryRun: boolean): Promise<ImportResult | null> {
    if (!file.value) return null;
    dryRun.value = asDryRun;
    phase.value = 'uploading';
    uploadFraction.value = 0;
    rowsRead.value = 0;
    error.value = null;
    handle = uploadImport(file.value, options.quarterCode, asDryRun, httpAuth(), {
      onUploadProgress(loaded, total) {
        uploadFraction.value = total > 0 ? loaded / total : 0;
        if (loaded >= total) phase.value = 'reading';
      },
      onRowsRead(n) {
        phase.value = 'reading';
        uploadFraction.value = 1;
        rowsRead.value = n;
      },
    });
    const outcome = await handle.done;
    handle = null;
    switch (outcome.kind) {
      case 'result':
        result.value = outcome.result;
        rowsRead.value = outcome.result.summary?.rowsRead ?? rowsRead.value;
        phase.value = 'done';
        return outcome.result;
      case 'error':
        noteError(outcome.error);
        return null;
      case 'aborted':
        phase.value = 'idle';
        return null;
    }
  }

  /** Uploads the chosen file as a dry run: nothing is saved. */
  function check(): Promise<ImportResult | null> {
    return send(true);
  }

  /** Sends the same file again for real. */
  async function commit(): Promise<ImportResult | null> {
    if (!canCommit.value) return null;
    if (options.beforeCommit && !(await options.beforeCommit())) return null;
    const done = await send(false);
    if (done?.ok) await options.afterCommit?.(done);
    return done;
  }

  function cancel(): void {
    handle?.abort();
  }

  onBeforeUnmount(cancel);

  return {
    file,
    phase,
    dryRun,
    uploadFraction,
    rowsRead,
    result,
    error,
    busy,
    canCommit,
    downloading,
    downloadError,
    download,
    choose,
    check,
    commit,
    cancel,
  };
}
