import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, nextTick, ref } from 'vue';
import type { ApiError } from '@/api/errors';
import { appPlugins } from '@/test-support/plugins';
import type { FormIssue } from '../indicator-form';
import type { SaveOutcome } from '../use-framework-admin';
import { useFormSlot, useFrameworkForm } from '../use-framework-form';

const REFUSED: ApiError = {
  code: 'BAD_USER_INPUT',
  messageKey: 'errors.BAD_USER_INPUT',
  detail: 'problems: nothing was saved',
  problems: [
    { field: 'code', code: 'BAD_CODE', message: 'Codes are capitals' },
    { field: 'reason', code: 'REQUIRED', message: 'Say why' },
  ],
};

/** A save that answers only when the test says so. */
function pendingSave<T>() {
  let answer!: (outcome: SaveOutcome<T>) => void;
  let calls = 0;
  const save = () => {
    calls += 1;
    return new Promise<SaveOutcome<T>>((resolve) => (answer = resolve));
  };
  return { save, answer: (outcome: SaveOutcome<T>) => answer(outcome), calls: () => calls };
}

/** Runs the composable inside a component, as the forms do (it needs i18n). */
function setup(issues: FormIssue[] = [], save = pendingSave<string>()) {
  const { i18n } = appPlugins({ locale: 'en' });
  const shownIssues = ref<FormIssue[]>(issues);
  let form!: ReturnType<typeof useFrameworkForm<string>>;
  mount(
    defineComponent({
      setup: () => (
        (form = useFrameworkForm({
          idPrefix: 'ind',
          fields: ['code', 'nameEn'],
          issues: shownIssues,
          save: save.save,
        })),
        () => null
      ),
    }),
    {
      global: { plugins: [i18n] },
    },
  );
  return { form, issues: shownIssues, save };
}

describe(useFrameworkForm.name, () => {
  describe('submit', () => {
    it('sends nothing and shows the form’s own checks when there are any', async () => {
      const { form, save } = setup([{ field: 'nameEn', code: 'REQUIRED' }]);
      expect(form.invalid('nameEn')).toBeUndefined();
      expect(await form.submit()).toBeNull();
      expect(save.calls()).toBe(0);
      expect(form.tried.value).toBe(true);
      expect(form.messagesFor('nameEn').messages).toEqual(['Required']);
      expect(form.invalid('nameEn')).toBe('true');
      expect(form.invalid('code')).toBeUndefined();
    });

    it('is saving while the save is under way, and answers the saved record', async () => {
      const { form, save } = setup();
      const submitted = form.submit();
      expect(form.saving.value).toBe(true);
      save.answer({ ok: true, value: 'STAFF_PCT' });
      expect(await submitted).toBe('STAFF_PCT');
      expect(form.saving.value).toBe(false);
      expect(form.serverError.value).toBeNull();
    });

    it('keeps a refused save’s error, with its problems beside their fields and the others in general', async () => {
      const { form, save } = setup();
      const submitted = form.submit();
      save.answer({ ok: false, error: REFUSED });
      expect(await submitted).toBeNull();
      expect(form.saving.value).toBe(false);
      expect(form.serverError.value).toEqual(REFUSED);
      expect(form.messagesFor('code').problems.map((p) => p.code)).toEqual(['BAD_CODE']);
      expect(form.messagesFor('code').problemLabel('BAD_CODE')).toBe('Badly formed code');
      expect(form.invalid('code')).toBe('true');
      expect(form.general.value.map((p) => p.field)).toEqual(['reason']);
    });

    it('forgets the last refusal when the user tries again', async () => {
      const { form, save, issues } = setup();
      const first = form.submit();
      save.answer({ ok: false, error: REFUSED });
      await first;
      issues.value = [{ field: 'nameEn', code: 'REQUIRED' }];
      expect(await form.submit()).toBeNull();
      expect(form.serverError.value).toBeNull();
      expect(form.messagesFor('code').problems).toEqual([]);
    });
  });

  describe('describedBy', () => {
    it('points at the field’s hint when it shows one, and always at its messages', () => {
      const { form } = setup();
      expect(form.describedBy('code', true)).toBe('ind-code-hint ind-code-msg');
      expect(form.describedBy('nameEn')).toBe('ind-nameEn-msg');
      expect(form.hintId('code')).toBe('ind-code-hint');
      expect(form.messagesFor('nameEn').id).toBe('ind-nameEn-msg');
    });
  });
});

describe(useFormSlot.name, () => {
  it('opens a fresh form for each record, even the one already open', async () => {
    const slot = useFormSlot<string>();
    slot.open('A');
    expect(slot.editing.value).toBeNull();
    await nextTick();
    expect(slot.editing.value).toBe('A');
    slot.open('A');
    // Closed for a tick, so that the keyed form is mounted again.
    expect(slot.editing.value).toBeNull();
    await nextTick();
    expect(slot.editing.value).toBe('A');
  });

  it('closes with a note of what was saved, and clears the note when another form opens', async () => {
    const slot = useFormSlot<string>();
    slot.open('A');
    await nextTick();
    slot.saved('A saved');
    expect(slot.editing.value).toBeNull();
    expect(slot.savedNote.value).toBe('A saved');
    slot.open('B');
    expect(slot.savedNote.value).toBeNull();
    await nextTick();
    slot.cancel();
    expect(slot.editing.value).toBeNull();
    expect(slot.savedNote.value).toBeNull();
  });
});
