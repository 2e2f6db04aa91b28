import { useI18n } from 'vue-i18n';
import type { ApiProblem } from '@/api/errors';
import { formatNumber } from '@/locales/format';
import type { WarningEntry } from './report-draft';
import type { ValueIssue } from './report-form';
import { useLocale } from './use-locale';

/**
 * Sentences for the form's checks and the server's problems in the UI
 * language. Server problems carry a stable code (translated here) and an
 * English sentence (shown as the detail).
 */
export function useReportMessages(elementName: (code: string) => string) {
  const { t, te } = useI18n();
  const { locale } = useLocale();
  const num = (n: number) => formatNumber(n, locale.value, Number.isInteger(n) ? 0 : 2);

  function issueText(issue: ValueIssue): string {
    switch (issue.code) {
      case 'WRONG_TYPE':
      case 'NOT_WHOLE_NUMBER':
      case 'NOT_YES_NO':
      case 'BAD_URL':
        return t(`report.validation.${issue.code}`);
      case 'BELOW_MIN':
        return t('report.validation.BELOW_MIN', { min: num(issue.min) });
      case 'ABOVE_MAX':
        return t('report.validation.ABOVE_MAX', { max: num(issue.max) });
      case 'TEXT_TOO_LONG':
        return t('report.validation.TEXT_TOO_LONG', { max: num(issue.max) });
      case 'NUMERATOR_ABOVE_DENOMINATOR':
        return t('report.validation.NUMERATOR_ABOVE_DENOMINATOR', {
          numerator: elementName(issue.numerator),
          denominator: elementName(issue.denominator),
          n: num(issue.numeratorValue),
          d: num(issue.denominatorValue),
        });
    }
  }

  /** The translated kind of a server problem, or null for a code the UI does not know. */
  function problemLabel(code: string | null | undefined): string | null {
    return code && te(`problems.${code}`) ? t(`problems.${code}`) : null;
  }

  function warningText(w: WarningEntry): string {
    const v = w.warning;
    if (v && v.expectedLow !== null && v.expectedHigh !== null) {
      const basis = te(`report.warning.basis.${v.basis}`) ? t(`report.warning.basis.${v.basis}`) : v.basis;
      return t('report.warning.expected', {
        value: num(v.value),
        low: num(v.expectedLow),
        high: num(v.expectedHigh),
        basis,
      });
    }
    return w.message ?? t('problems.UNCONFIRMED_WARNING');
  }

  function problemText(p: ApiProblem): string {
    const label = problemLabel(p.code);
    return label ? `${label}: ${p.message}` : p.message;
  }

  return { issueText, problemLabel, problemText, warningText };
}
