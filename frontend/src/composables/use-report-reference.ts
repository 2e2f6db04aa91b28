import { computed } from 'vue';
import { ReportFormReferenceQuery, type ReportFormReferenceData } from '@/api/report';
import { requiredElementCodes } from './report-form';
import { useApiQuery } from './use-api-query';
import { useLocale } from './use-locale';

/**
 * What one province's quarterly report is made of, for the officer who fills
 * it and the planner who reviews it: the province's local organizations (the
 * rows), the data elements (the columns), the indicators' rules and the
 * obstacle categories, with the names to show for their codes.
 */
export function useReportReference(provinceCode: string, quarterCode: string) {
  const { locale } = useLocale();
  const reference = useApiQuery({ query: ReportFormReferenceQuery, variables: { provinceCode, quarterCode } });
  const form = computed<ReportFormReferenceData | null>(() => reference.data.value ?? null);

  const organizations = computed(() => form.value?.province.localOrganizations ?? []);
  const elements = computed(() => form.value?.dataElements ?? []);
  const provinceName = computed(() =>
    form.value ? (locale.value === 'th' ? form.value.province.nameTh : form.value.province.nameEn) : provinceCode,
  );
  const organizationsByCode = computed(() => new Map(organizations.value.map((o) => [o.code, o])));
  const elementsByCode = computed(() => new Map(elements.value.map((e) => [e.code, e])));

  /** The province itself or one of its local organizations; the code when unknown. */
  function organizationName(code: string): string {
    if (code === provinceCode) return provinceName.value;
    const o = organizationsByCode.value.get(code);
    return o ? (locale.value === 'th' ? o.nameTh : o.nameEn) : code;
  }

  function elementName(code: string): string {
    const e = elementsByCode.value.get(code);
    return e ? (locale.value === 'th' ? e.nameTh : e.nameEn) : code;
  }

  /** The data elements the indicators are computed from: each organization must report them. */
  const required = computed(() => (form.value ? requiredElementCodes(form.value.indicators) : new Set<string>()));

  return { reference, form, organizations, elements, provinceName, organizationName, elementName, required };
}
