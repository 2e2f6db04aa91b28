import { describe, expect, it } from 'vitest';
import { ANY_OBSTACLE, indexMapValues, mapLayerParam, obstacleMapValues, parseMapLayer } from '../map-layers';
import { SKILLS, share } from './analytics-fixtures';

describe('parseMapLayer and mapLayerParam', () => {
  it('read and write the layer of the URL, an indicator when absent or unreadable', () => {
    expect(parseMapLayer('index')).toEqual({ kind: 'index' });
    expect(parseMapLayer('obstacle:SKILLS')).toEqual({ kind: 'obstacle', categoryCode: 'SKILLS' });
    expect(parseMapLayer(undefined)).toEqual({ kind: 'indicator' });
    expect(parseMapLayer('obstacle:<script>')).toEqual({ kind: 'indicator' });
    for (const raw of ['index', 'obstacle:ANY']) expect(mapLayerParam(parseMapLayer(raw))).toBe(raw);
    expect(mapLayerParam({ kind: 'indicator' })).toBeNull();
  });
});

describe('indexMapValues', () => {
  it('takes each province index with its rank for the tooltip', () => {
    const values = indexMapValues(
      {
        provinces: [
          {
            province: {
              code: 'TH-40',
              level: 'PROVINCE',
              nameTh: 'ขอนแก่น',
              nameEn: 'Khon Kaen',
              regionCode: 'NORTHEAST',
            },
            index: 56.8,
            rank: 63,
            rankedCount: 70,
            pillars: [],
          },
          {
            province: {
              code: 'TH-10',
              level: 'PROVINCE',
              nameTh: 'กรุงเทพมหานคร',
              nameEn: 'Bangkok',
              regionCode: 'CENTRAL',
            },
            index: null,
            rank: null,
            rankedCount: 70,
            pillars: [],
          },
        ],
      },
      'th',
    );
    expect(values).toEqual([
      { provinceCode: 'TH-40', value: 56.8, details: ['อันดับ 63 จาก 70'] },
      { provinceCode: 'TH-10', value: null, details: [] },
    ]);
  });
});

describe('obstacleMapValues', () => {
  const data = {
    areas: [
      {
        scope: { code: 'TH-10' },
        respondents: 1,
        anyObstacle: share(1, 1, { smallSample: true }),
        categories: [{ category: SKILLS, ...share(1, 1, { smallSample: true }) }],
      },
      {
        scope: { code: 'TH-40' },
        respondents: 42,
        anyObstacle: share(41, 42),
        categories: [{ category: SKILLS, ...share(23, 42) }],
      },
      { scope: { code: 'TH-46' }, respondents: 0, anyObstacle: share(0, 1), categories: [] },
    ],
  };

  it('gives the share of local organizations citing the category, with count, respondents and interval', () => {
    const [khonKaen] = obstacleMapValues(data, ['TH-40'], 'SKILLS', 'en');
    expect(khonKaen).toEqual({
      provinceCode: 'TH-40',
      value: (100 * 23) / 42,
      numerator: 23,
      denominator: 42,
      details: ['95 % CI: 10.0–60.0 %'],
    });
  });

  it('uses the "at least one obstacle" share for ANY and says when a sample is small', () => {
    const [, bangkok] = obstacleMapValues(data, ['TH-40', 'TH-10'], ANY_OBSTACLE, 'en');
    expect(bangkok).toMatchObject({
      value: 100,
      details: ['95 % CI: 10.0–60.0 %', 'Small sample: read with its interval'],
    });
  });

  it('follows the order of the provinces asked for, not the order of the list', () => {
    expect(obstacleMapValues(data, ['TH-40', 'TH-10'], 'SKILLS', 'en').map((v) => v.provinceCode)).toEqual([
      'TH-40',
      'TH-10',
    ]);
  });

  it('leaves provinces without respondents or without an answer as no data', () => {
    expect(obstacleMapValues(data, ['TH-46', 'TH-50'], 'SKILLS', 'en')).toEqual([
      { provinceCode: 'TH-46', value: null },
      { provinceCode: 'TH-50', value: null },
    ]);
    expect(obstacleMapValues(undefined, ['TH-40'], 'SKILLS', 'en')).toEqual([{ provinceCode: 'TH-40', value: null }]);
  });
});
