/** The answer to ReportFormReference for Khon Kaen's first quarter of 2570: two organizations, one ratio indicator. */
export const REPORT_REFERENCE = {
  data: {
    province: {
      code: 'TH-40',
      nameTh: 'ขอนแก่น',
      nameEn: 'Khon Kaen',
      localOrganizations: [
        { code: 'LAO-40-0001', nameTh: 'อบจ.ขอนแก่น', nameEn: 'Khon Kaen PAO', type: 'PAO' },
        { code: 'LAO-40-0002', nameTh: 'เทศบาลเมืองหนึ่ง', nameEn: 'Town One', type: 'TOWN_MUNICIPALITY' },
      ],
    },
    fiscalQuarter: {
      code: 'FY2570Q1',
      startDate: '2026-10-01',
      endDate: '2026-12-31',
      entryOpensOn: '2026-10-01',
      entryClosesOn: '2027-03-01',
      deadline: '2027-01-30',
    },
    dataElements: [
      {
        code: 'STAFF_TOTAL',
        nameTh: 'จำนวนบุคลากรทั้งหมด',
        nameEn: 'Personnel, total',
        valueType: 'INTEGER',
        minValue: 0,
        maxValue: null,
      },
      {
        code: 'STAFF_TRAINED_DIGITAL',
        nameTh: 'บุคลากรที่ได้รับการพัฒนา',
        nameEn: 'Personnel trained',
        valueType: 'INTEGER',
        minValue: 0,
        maxValue: null,
      },
    ],
    indicators: [
      {
        code: 'PCT',
        unit: 'PERCENT',
        numerator: { code: 'STAFF_TRAINED_DIGITAL' },
        denominator: { code: 'STAFF_TOTAL' },
      },
    ],
    obstacleCategories: [{ code: 'SKILLS', labelTh: 'ทักษะ', labelEn: 'Skills' }],
  },
};
