import { nextTick, ref, shallowRef, type Ref } from 'vue';
import type { ApiError } from '@/api/errors';
import type { FormIssue } from './indicator-form';
import type { SaveOutcome } from './use-framework-admin';
import { useFrameworkFieldMessages } from './use-framework-messages';

export interface FrameworkFormOptions<T> {
  /** Starts the ids of each field's hint and messages ("ind" gives "ind-code-hint", "ind-code-msg"); unique on the page. */
  idPrefix: string;
  /** The fields the form shows; the server's problems of any other field are listed above the form. */
  fields: readonly string[];
  /** The form's own checks of what is typed now. */
  issues: Readonly<Ref<readonly FormIssue[]>>;
  /** Sends the form; called only when `issues` is empty. */
  save: () => Promise<SaveOutcome<T>>;
}

/**
 * What the framework's create and edit forms share: the form's own checks
 * show once the user has tried to save, and nothing is sent while there are
 * any; a refused save keeps the server's error, with its problems placed
 * beside their fields.
 */
export function useFrameworkForm<T>(options: FrameworkFormOptions<T>) {
  const tried = ref(false);
  const serverError = ref<ApiError | null>(null);
  const saving = ref(false);
  const messages = useFrameworkFieldMessages(options.issues, tried, serverError, options.fields);

  const hintId = (field: string) => `${options.idPrefix}-${field}-hint`;
  const messagesId = (field: string) => `${options.idPrefix}-${field}-msg`;

  /** A field's aria-describedby: its hint (when the field shows one) and its messages. */
  const describedBy = (field: string, hint = false): string =>
    [hint ? hintId(field) : null, messagesId(field)].filter(Boolean).join(' ');

  /** The props of a field's AdminFieldMessages; its id is the one describedBy points at. */
  const messagesFor = (field: string) => ({
    id: messagesId(field),
    messages: messages.messages(field),
    problems: messages.problems(field),
    problemLabel: messages.problemLabel,
  });

  /** The saved record, or null when the form's checks or the server stopped the save. */
  async function submit(): Promise<T | null> {
    tried.value = true;
    serverError.value = null;
    if (options.issues.value.length > 0) return null;
    saving.value = true;
    let outcome: SaveOutcome<T>;
    try {
      outcome = await options.save();
    } finally {
      saving.value = false;
    }
    if (outcome.ok) return outcome.value;
    serverError.value = outcome.error;
    return null;
  }

  return {
    tried,
    serverError,
    saving,
    issues: options.issues,
    /** Server problems of fields the form does not show. */
    general: messages.general,
    invalid: messages.invalid,
    hintId,
    describedBy,
    messagesFor,
    submit,
  };
}

export type FrameworkForm<T> = ReturnType<typeof useFrameworkForm<T>>;

/**
 * The form of a list page: one record edited at a time, each opening in a
 * fresh form (closed first, so that the form's key remounts it even for the
 * record already open), and a note of what was saved once it closes.
 */
export function useFormSlot<Target>() {
  const editing = shallowRef<Target | null>(null);
  const savedNote = ref<string | null>(null);

  function open(target: Target): void {
    savedNote.value = null;
    editing.value = null;
    void nextTick(() => (editing.value = target));
  }

  function cancel(): void {
    editing.value = null;
  }

  function saved(note: string): void {
    editing.value = null;
    savedNote.value = note;
  }

  return { editing, savedNote, open, cancel, saved };
}
