import type { Indicator, Province, ProvinceIndicatorValue, PublishedDataset } from '@/api/types';

const northeast = { code: 'NE', nameTh: 'ภาคตะวันออกเฉียงเหนือ', nameEn: 'Northeast' };
const central = { code: 'C', nameTh: 'ภาคกลาง', nameEn: 'Central' };

export const provinces: Province[] = [
  { code: 'TH-10', nameTh: 'กรุงเทพมหานคร', nameEn: 'Bangkok', geoName: 'กรุงเทพมหานคร', region: central },
  { code: 'TH-40', nameTh: 'ขอนแก่น', nameEn: 'Khon Kaen', geoName: 'Khon Kaen Province', region: northeast },
  { code: 'TH-46', nameTh: 'กาฬสินธุ์', nameEn: 'Kalasin', geoName: 'Kalasin', region: northeast },
];

export const percentIndicator: Indicator = {
  code: 'STAFF_TRAINED_PCT',
  nameTh: 'ร้อยละบุคลากรที่ได้รับการอบรม',
  nameEn: 'Staff trained (%)',
  unit: 'PERCENT',
  direction: 1,
};

export const values: ProvinceIndicatorValue[] = [
  { provinceCode: 'TH-10', value: 20, numerator: 40, denominator: 200, isDemo: true },
  { provinceCode: 'TH-40', value: 35.5, numerator: null, denominator: null, isDemo: false },
];

const categories: [string, string, string, number, number][] = [
  ['SKILLS', 'ด้านศักยภาพ ความสามารถและทักษะด้านดิจิทัลของเจ้าหน้าที่ในหน่วยงาน', 'staff digital capacity and skills', 57.89, 44],
  ['BUDGET', 'ด้านงบประมาณ', 'budget', 53.95, 41],
  ['INTEGRATION', 'การเชื่อมโยงระบบและข้อมูลภายในและภายนอกหน่วยงาน', 'linking systems and data', 42.11, 32],
  ['SECURITY', 'ด้านความมั่นคงปลอดภัยของระบบเทคโนโลยีสารสนเทศและข้อมูล', 'security of IT systems and data', 30.26, 23],
  ['SERVICES', 'ด้านการให้บริการภาครัฐผ่านระบบดิจิทัล', 'delivering services digitally', 26.32, 20],
  ['TECHNOLOGY', 'ด้านเทคโนโลยีดิจิทัลและการนำไปใช้', 'digital technology and its adoption', 25.0, 19],
  ['POLICY', 'ด้านนโยบายและแนวทางปฏิบัติด้านดิจิทัล', 'digital policy and practice guidelines', 23.68, 18],
  ['COLLABORATION', 'ด้านการบูรณาการและความร่วมมือกันกับหน่วยงานภายนอก', 'integration and cooperation', 18.42, 14],
  ['LAW', 'ด้านกฎหมาย/ระเบียบ', 'law and regulations', 10.53, 8],
  ['OTHER', 'อื่น ๆ', 'other', 1.32, 1],
];

/** The published DGA survey (source 001), categories deliberately out of order. */
export function obstacleDataset(): PublishedDataset {
  const shuffled = [...categories].reverse();
  return {
    code: 'DGA_OBSTACLE_SURVEY_2567',
    titleTh: 'ผลสำรวจปัญหาอุปสรรคในการเป็นองค์กรรัฐบาลดิจิทัลของจังหวัด',
    titleEn: 'Survey of obstacles to digital government in provinces',
    publishedOn: '2024-01-15',
    population: '76 provinces',
    denominator: 76,
    source: {
      code: 'DGA_REPORT',
      titleTh: 'รายงานผลสำรวจ',
      titleEn: 'Survey report',
      publisher: 'สพร.',
      url: 'https://example.org/report.pdf',
      publishedOn: '2024-01-15',
    },
    values: [
      { measureCode: 'ANY', count: 54, denominator: 76, percentage: 71.05, obstacleCategory: null },
      ...shuffled.map(([code, labelTh, labelEn, percentage, count]) => ({
        measureCode: 'CATEGORY' as const,
        count,
        denominator: 76,
        percentage,
        obstacleCategory: {
          code,
          labelTh,
          labelEn,
          sortOrder: categories.findIndex((c) => c[0] === code) + 1,
        },
      })),
    ],
  };
}
