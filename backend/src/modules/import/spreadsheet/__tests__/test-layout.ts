import { loadReferenceData } from '@digigov/seed';
import { buildLayout, type LayoutElement, type TemplateLayout } from '../layout.js';
import type { TemplateRow } from '../template.js';

/** Test-only: no reference element is a percentage yet; this one exercises max = 100. */
export const TEST_PERCENT_ELEMENT: LayoutElement = {
  code: 'TEST_SHARE_PCT',
  nameTh: 'ร้อยละทดสอบ',
  nameEn: 'Test share (percent)',
  valueType: 'NUMBER',
  min: 0,
  max: 100,
};

/** The layout the product builds from the reference data elements and DGA's obstacle categories. */
export function referenceLayout(): TemplateLayout {
  const ref = loadReferenceData();
  return buildLayout(
    [
      ...ref.dataElements.map(({ code, nameTh, nameEn, valueType, min, max }) => ({
        code,
        nameTh,
        nameEn,
        valueType,
        min,
        max,
      })),
      TEST_PERCENT_ELEMENT,
    ],
    ref.obstacleCategories.map(({ code, labelTh, labelEn }) => ({ code, labelTh, labelEn })),
  );
}

/** Three valid rows: a province and two local organizations. */
export const GOOD_ROWS: TemplateRow[] = [
  {
    orgCode: 'TH-40',
    orgName: 'จังหวัดขอนแก่น',
    values: { UNIT_REPORTING: 1, STAFF_TOTAL: 120, BUDGET_TOTAL_THB: 1500000.5, DIGITAL_ACTION_PLAN: 1 },
    obstacles: { BUDGET: 4 },
  },
  {
    orgCode: 'LAO-40-0001',
    orgName: 'องค์การบริหารส่วนจังหวัดขอนแก่น',
    values: { UNIT_REPORTING: 1, STAFF_TOTAL: 85, TEST_SHARE_PCT: 99.5 },
    obstacles: { SKILLS: 2 },
  },
  { orgCode: 'LAO-40-0002', orgName: 'เทศบาลนครขอนแก่น', values: { STAFF_TOTAL: 0, DIGITAL_ACTION_PLAN: 0 } },
];
