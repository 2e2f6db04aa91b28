import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../core/errors/domain-error.js';
import {
  LocalOrganizationModel,
  OrgUnitGroupSetModel,
  ProvinceFilterInput,
  ProvinceModel,
  RegionModel,
} from './dto/org-unit.model.js';
import { LocalOrganizationType } from './org-unit.entity.js';
import { OrgUnitRepository, type ProvinceRow } from './org-unit.repository.js';

function toProvince(r: ProvinceRow): ProvinceModel {
  return {
    code: r.code,
    nameTh: r.name_th,
    nameEn: r.name_en,
    geoName: r.geo_name,
    sourceCode: r.source_code,
    localOrganizationCount: r.local_count,
    region: {
      code: r.region_code,
      nameTh: r.region_name_th,
      nameEn: r.region_name_en,
      sortOrder: r.region_sort_order,
      sourceCode: r.region_source_code,
      provinceCount: -1, // resolved on demand by RegionResolver
    },
  };
}

@Injectable()
export class OrgUnitService {
  constructor(private readonly repo: OrgUnitRepository) {}

  async regions(): Promise<RegionModel[]> {
    const rows = await this.repo.regions();
    return rows.map((r) => ({
      code: r.code,
      nameTh: r.name_th,
      nameEn: r.name_en,
      sortOrder: r.sort_order,
      sourceCode: r.source_code,
      provinceCount: r.province_count,
    }));
  }

  async region(code: string): Promise<RegionModel> {
    const region = (await this.regions()).find((r) => r.code === code);
    if (!region) throw new NotFoundError('Region', code);
    return region;
  }

  async provinces(filter?: ProvinceFilterInput | null): Promise<ProvinceModel[]> {
    return (await this.repo.provinces(filter ?? {})).map(toProvince);
  }

  async province(code: string): Promise<ProvinceModel> {
    const [row] = await this.repo.provinces({ codes: [code] });
    if (!row) throw new NotFoundError('Province', code);
    return toProvince(row);
  }

  async localOrganizations(
    provinceCode: string,
    type: LocalOrganizationType | null,
  ): Promise<LocalOrganizationModel[]> {
    const rows = await this.repo.localOrganizations(provinceCode, type);
    return rows.map((r) => ({
      code: r.code,
      nameTh: r.name_th,
      nameEn: r.name_en,
      type: r.local_type,
      provinceCode: r.province_code,
      isDemo: r.is_demo,
    }));
  }

  async groupSets(): Promise<OrgUnitGroupSetModel[]> {
    const rows = await this.repo.groupSets();
    return rows.map((r) => ({
      code: r.code,
      nameTh: r.name_th,
      nameEn: r.name_en,
      note: r.note,
      sourceCode: r.source_code,
      groups: r.groups,
    }));
  }
}
