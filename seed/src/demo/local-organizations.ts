import type { ProvinceRef } from '../reference.js';
import { rngFor } from '../random.js';

export type LocalType =
  'PAO' | 'CITY_MUNICIPALITY' | 'TOWN_MUNICIPALITY' | 'SUBDISTRICT_MUNICIPALITY' | 'SAO' | 'SPECIAL';

export interface DemoLocalOrganization {
  code: string;
  provinceCode: string;
  type: LocalType;
  nameTh: string;
  nameEn: string;
  sortOrder: number;
}

/**
 * National mix of local administrative organizations (about 7,850): one PAO per province except Bangkok,
 * 30 city, 195 town and 2,247 subdistrict municipalities, 5,300 SAOs, and the two special forms.
 * Which province has how many is synthetic (demo); the national mix is realistic.
 */
export const NATIONAL_MIX = {
  CITY_MUNICIPALITY: 30,
  TOWN_MUNICIPALITY: 195,
  SUBDISTRICT_MUNICIPALITY: 2247,
  SAO: 5300,
} as const;

const BANGKOK = 'TH-10';
const CHON_BURI = 'TH-20';

const TYPE_LABEL: Record<Exclude<LocalType, 'PAO' | 'SPECIAL'>, { th: string; en: string }> = {
  CITY_MUNICIPALITY: { th: 'เทศบาลนคร', en: 'City Municipality' },
  TOWN_MUNICIPALITY: { th: 'เทศบาลเมือง', en: 'Town Municipality' },
  SUBDISTRICT_MUNICIPALITY: { th: 'เทศบาลตำบล', en: 'Subdistrict Municipality' },
  SAO: { th: 'อบต.', en: 'SAO' },
};

/** Largest-remainder apportionment of `total` by weights: exact totals, deterministic. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out;
}

/** Relative size of a province's local government, by region and a stable per-province draw. */
function provinceWeight(seed: number, p: ProvinceRef): number {
  const regionFactor: Record<string, number> = {
    NORTHEAST: 1.35,
    NORTH: 1.15,
    CENTRAL: 0.85,
    SOUTH: 1.0,
    EAST: 0.9,
    WEST: 0.95,
  };
  return (regionFactor[p.regionCode] ?? 1) * rngFor(seed, `weight:${p.code}`).uniform(0.45, 1.75);
}

export function generateLocalOrganizations(seed: number, provinces: ProvinceRef[], scale = 1): DemoLocalOrganization[] {
  const others = provinces.filter((p) => p.code !== BANGKOK);
  const weights = others.map((p) => provinceWeight(seed, p));
  const counts = Object.fromEntries(
    (Object.keys(NATIONAL_MIX) as Array<keyof typeof NATIONAL_MIX>).map((t) => [
      t,
      apportion(Math.round(NATIONAL_MIX[t] * scale), weights),
    ]),
  ) as Record<keyof typeof NATIONAL_MIX, number[]>;

  const out: DemoLocalOrganization[] = [];
  for (const p of provinces) {
    const n = p.code.slice(3);
    let seq = 0;
    const push = (type: LocalType, nameTh: string, nameEn: string) => {
      seq++;
      out.push({
        code: `LAO-${n}-${String(seq).padStart(4, '0')}`,
        provinceCode: p.code,
        type,
        nameTh,
        nameEn,
        sortOrder: seq,
      });
    };
    if (p.code === BANGKOK) {
      push('SPECIAL', 'กรุงเทพมหานคร', 'Bangkok Metropolitan Administration');
      continue;
    }
    push('PAO', `องค์การบริหารส่วนจังหวัด${p.nameTh}`, `${p.nameEn} Provincial Administrative Organization`);
    if (p.code === CHON_BURI) push('SPECIAL', 'เมืองพัทยา', 'Pattaya City');
    const i = others.indexOf(p);
    for (const type of Object.keys(NATIONAL_MIX) as Array<keyof typeof NATIONAL_MIX>) {
      for (let k = 1; k <= counts[type][i]; k++) {
        const label = TYPE_LABEL[type];
        push(type, `${label.th}สาธิต${p.nameTh} ${k}`, `Demo ${label.en} ${p.nameEn} ${k}`);
      }
    }
  }
  return out;
}
