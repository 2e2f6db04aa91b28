import type th from '../th/workspace';

const en: typeof th = {
  workspace: {
    title: 'Quarterly report',
    heading: '{province} · {quarter}',
    chooseProvince: 'Province',
    chooseQuarter: 'Quarter',
    open: 'Open the report',
    notStarted: 'This quarter has not been started. Enter figures and a draft is created and saved automatically.',
    returned: 'The report was returned for correction',
    readonly: {
      SUBMITTED: 'The report is submitted and waits for a planner. It cannot be changed unless it is returned.',
      APPROVED: 'The report is approved and locked. A planner must reopen it before it can be changed.',
      windowClosed: 'Data entry closed on {date}. Ask a planner to extend the window if you need to make changes.',
      noRight: 'You can read this report but not change it.',
    },
    lockedEdits: '{count} edits cannot be saved because the report can no longer be changed.',
    autosave: {
      idle: 'Changes are saved automatically',
      readonly: 'Read-only',
      waiting: 'Changes waiting to be saved',
      saving: 'Saving…',
      saved: 'Saved at {time}',
      invalid: 'Some changes cannot be saved: correct the cells marked in red',
      failed: 'Not saved ({reason}). Your changes are kept; retrying.',
      conflict: 'Autosave stopped: the report was changed elsewhere',
      unsaved: '{count} unsaved',
      saveNow: 'Save now',
    },
    conflict: {
      title: 'This report was changed elsewhere',
      body: 'Someone saved this report after you opened it (another tab, a colleague, or a change of state). Your {count} edits are all kept and not saved yet.',
      reload: 'Load the latest version and keep my edits',
      discard: 'Discard my edits and reload',
    },
    issues: {
      errors: '{count} to correct before they can be saved',
      missing: '{count} required entries missing before submitting',
      warnings: '{count} unusual values',
      warningsHelp:
        'These values are allowed but far from earlier figures. Check them: correct them if wrong, or confirm them.',
      more: 'and {count} more',
    },
    submit: {
      button: 'Submit for approval',
      submitting: 'Submitting…',
      done: 'Submitted. A planner will review the report.',
      unsaved: 'Some changes are not saved: correct the cells with mistakes before submitting.',
      confirmFirst: 'Check and confirm the {count} unusual values before submitting.',
      empty: 'Nothing has been entered in this report yet.',
      incomplete: 'Cannot submit yet: {count} required entries are missing (listed below).',
      warnings: '{count} values are unusual: check and confirm them, then submit again.',
    },
    sections: {
      label: 'Parts of the report',
      values: 'Figures',
      obstacles: 'Obstacles',
      actionItems: 'Action plan progress',
      spreadsheet: 'Import a file',
    },
    leaveConfirm:
      '{count} changes could not be saved (they are kept in this tab and come back when you open this report again). Leave this page?',
  },
};

export default en;
