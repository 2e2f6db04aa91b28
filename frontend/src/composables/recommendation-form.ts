import type { FrameworkRecommendation, RecommendationInput } from '@/api/framework';
import { checkCode, checkText, MAX_DESCRIPTION, MAX_NAME, normalizeCode, type FormIssue } from './indicator-form';

/** A recommendation as the form holds it, with its links to obstacle categories and indicators. */
export interface RecommendationForm {
  code: string;
  setCode: string;
  groupTh: string;
  groupEn: string;
  titleTh: string;
  titleEn: string;
  detailTh: string;
  detailEn: string;
  obstacleCategoryCodes: string[];
  indicatorCodes: string[];
}

export const RECOMMENDATION_FIELDS: readonly (keyof RecommendationForm)[] = [
  'code',
  'setCode',
  'groupTh',
  'groupEn',
  'titleTh',
  'titleEn',
  'detailTh',
  'detailEn',
  'obstacleCategoryCodes',
  'indicatorCodes',
];

export function emptyRecommendationForm(setCode = ''): RecommendationForm {
  return {
    code: '',
    setCode,
    groupTh: '',
    groupEn: '',
    titleTh: '',
    titleEn: '',
    detailTh: '',
    detailEn: '',
    obstacleCategoryCodes: [],
    indicatorCodes: [],
  };
}

export function recommendationFormFrom(r: FrameworkRecommendation): RecommendationForm {
  return {
    code: r.code,
    setCode: r.setCode,
    groupTh: r.groupTh ?? '',
    groupEn: r.groupEn ?? '',
    titleTh: r.titleTh,
    titleEn: r.titleEn,
    detailTh: r.detailTh ?? '',
    detailEn: r.detailEn ?? '',
    obstacleCategoryCodes: [...r.obstacleCategoryCodes],
    indicatorCodes: [...r.indicatorCodes],
  };
}

export interface RecommendationChoices {
  sets: ReadonlySet<string>;
  obstacleCategories: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
}

/** `takenCodes`: every recommendation's code, when creating (codes are unique across sets); null when editing. */
export function validateRecommendationForm(
  form: RecommendationForm,
  takenCodes: ReadonlySet<string> | null,
  choices?: RecommendationChoices,
): FormIssue[] {
  const issues: FormIssue[] = [];
  checkCode(issues, 'code', form.code, takenCodes);
  if (!form.setCode) issues.push({ field: 'setCode', code: 'REQUIRED' });
  else if (choices && !choices.sets.has(form.setCode)) issues.push({ field: 'setCode', code: 'UNKNOWN_OPTION' });
  checkText(issues, 'groupTh', form.groupTh, false, MAX_NAME);
  checkText(issues, 'groupEn', form.groupEn, false, MAX_NAME);
  checkText(issues, 'titleTh', form.titleTh, true, MAX_NAME);
  checkText(issues, 'titleEn', form.titleEn, true, MAX_NAME);
  checkText(issues, 'detailTh', form.detailTh, false, MAX_DESCRIPTION);
  checkText(issues, 'detailEn', form.detailEn, false, MAX_DESCRIPTION);
  if (choices && form.obstacleCategoryCodes.some((c) => !choices.obstacleCategories.has(c)))
    issues.push({ field: 'obstacleCategoryCodes', code: 'UNKNOWN_OPTION' });
  if (choices && form.indicatorCodes.some((c) => !choices.indicators.has(c)))
    issues.push({ field: 'indicatorCodes', code: 'UNKNOWN_OPTION' });
  return issues;
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

export function toRecommendationInput(form: RecommendationForm): RecommendationInput {
  return {
    code: normalizeCode(form.code),
    setCode: form.setCode,
    groupTh: orNull(form.groupTh),
    groupEn: orNull(form.groupEn),
    titleTh: form.titleTh.trim(),
    titleEn: form.titleEn.trim(),
    detailTh: orNull(form.detailTh),
    detailEn: orNull(form.detailEn),
    obstacleCategoryCodes: [...new Set(form.obstacleCategoryCodes)],
    indicatorCodes: [...new Set(form.indicatorCodes)],
  };
}
