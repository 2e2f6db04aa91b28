import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SourceModel } from '../../source/dto/source.model.js';
import { LocalOrganizationType } from '../org-unit.entity.js';

registerEnumType(LocalOrganizationType, {
  name: 'LocalOrganizationType',
  description: 'Form of a local administrative organization (อปท.)',
  valuesMap: {
    PAO: { description: 'องค์การบริหารส่วนจังหวัด (อบจ.), provincial administrative organization' },
    CITY_MUNICIPALITY: { description: 'เทศบาลนคร, city municipality' },
    TOWN_MUNICIPALITY: { description: 'เทศบาลเมือง, town municipality' },
    SUBDISTRICT_MUNICIPALITY: { description: 'เทศบาลตำบล, subdistrict municipality' },
    SAO: { description: 'องค์การบริหารส่วนตำบล (อบต.), subdistrict administrative organization' },
    SPECIAL: { description: 'รูปแบบพิเศษ, special form (Bangkok Metropolitan Administration, Pattaya City)' },
  },
});

@ObjectType('Region', { description: 'One of the six official regions.' })
export class RegionModel {
  @Field({ description: 'NORTH, NORTHEAST, CENTRAL, EAST, WEST or SOUTH' })
  code: string;

  @Field()
  nameTh: string;

  @Field()
  nameEn: string;

  @Field(() => Int)
  sortOrder: number;

  @Field(() => Int)
  provinceCount: number;

  sourceCode: string | null;
}

@ObjectType('Province', { description: 'One of the 77 provinces (Bangkok included).' })
export class ProvinceModel {
  @Field({ description: 'ISO 3166-2:TH code, e.g. TH-40' })
  code: string;

  @Field()
  nameTh: string;

  @Field()
  nameEn: string;

  @Field(() => String, { nullable: true, description: 'Feature name in the bundled map geometry' })
  geoName: string | null;

  @Field(() => RegionModel)
  region: RegionModel;

  @Field(() => Int, { description: 'Local administrative organizations in the province (demo data)' })
  localOrganizationCount: number;

  sourceCode: string | null;
}

@ObjectType('LocalOrganization', { description: 'A local administrative organization inside a province.' })
export class LocalOrganizationModel {
  @Field()
  code: string;

  @Field()
  nameTh: string;

  @Field()
  nameEn: string;

  @Field(() => LocalOrganizationType)
  type: LocalOrganizationType;

  @Field({ description: 'Province code (ISO 3166-2:TH)' })
  provinceCode: string;

  @Field({ description: 'True for the synthetic demo organizations' })
  isDemo: boolean;
}

@ObjectType('OrgUnitGroup')
export class OrgUnitGroupModel {
  @Field()
  code: string;

  @Field()
  nameTh: string;

  @Field()
  nameEn: string;

  @Field(() => [String], { description: 'Province codes in the group' })
  provinceCodes: string[];
}

@ObjectType('OrgUnitGroupSet', {
  description: 'A grouping of provinces beyond the six regions, e.g. the 18 provincial clusters.',
})
export class OrgUnitGroupSetModel {
  @Field()
  code: string;

  @Field()
  nameTh: string;

  @Field()
  nameEn: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => [OrgUnitGroupModel])
  groups: OrgUnitGroupModel[];

  @Field(() => SourceModel, { nullable: true })
  source?: SourceModel | null;

  sourceCode: string;
}

@InputType('ProvinceFilter')
export class ProvinceFilterInput {
  @Field(() => String, { nullable: true, description: 'Only provinces of this region' })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only provinces in this group, e.g. a provincial cluster' })
  groupCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only these ISO codes' })
  codes?: string[] | null;
}
