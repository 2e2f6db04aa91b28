import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../core/graphql/request-context.js';
import { SourceModel } from '../source/dto/source.model.js';
import {
  LocalOrganizationModel,
  OrgUnitGroupSetModel,
  ProvinceFilterInput,
  ProvinceModel,
  RegionModel,
} from './dto/org-unit.model.js';
import { LocalOrganizationType } from './org-unit.entity.js';
import { OrgUnitService } from './org-unit.service.js';

@Resolver(() => RegionModel)
export class RegionResolver {
  constructor(private readonly orgUnits: OrgUnitService) {}

  @Query(() => [RegionModel], { description: 'The six official regions, in their usual order.' })
  regions(): Promise<RegionModel[]> {
    return this.orgUnits.regions();
  }

  @Query(() => RegionModel, { description: 'One region by code (NORTH, NORTHEAST, CENTRAL, EAST, WEST, SOUTH).' })
  region(@Args('code') code: string): Promise<RegionModel> {
    return this.orgUnits.region(code);
  }

  @ResolveField(() => [ProvinceModel])
  provinces(@Parent() region: RegionModel): Promise<ProvinceModel[]> {
    return this.orgUnits.provinces({ regionCode: region.code });
  }

  @ResolveField(() => SourceModel, { nullable: true })
  source(@Parent() region: RegionModel, @Context() ctx: RequestContext): Promise<SourceModel | null> {
    return region.sourceCode ? ctx.loaders.source.load(region.sourceCode) : Promise.resolve(null);
  }
}

@Resolver(() => ProvinceModel)
export class ProvinceResolver {
  constructor(private readonly orgUnits: OrgUnitService) {}

  @Query(() => [ProvinceModel], {
    description: 'The 77 provinces, ordered by ISO code; filter by region, group or codes.',
  })
  provinces(
    @Args('filter', { type: () => ProvinceFilterInput, nullable: true }) filter?: ProvinceFilterInput | null,
  ): Promise<ProvinceModel[]> {
    return this.orgUnits.provinces(filter);
  }

  @Query(() => ProvinceModel, { description: 'One province by ISO 3166-2:TH code, e.g. "TH-40".' })
  province(@Args('code') code: string): Promise<ProvinceModel> {
    return this.orgUnits.province(code);
  }

  @ResolveField(() => [LocalOrganizationModel], { description: 'Local administrative organizations in the province' })
  localOrganizations(
    @Parent() province: ProvinceModel,
    @Args('type', { type: () => LocalOrganizationType, nullable: true }) type?: LocalOrganizationType | null,
  ): Promise<LocalOrganizationModel[]> {
    return this.orgUnits.localOrganizations(province.code, type ?? null);
  }

  @ResolveField(() => SourceModel, { nullable: true })
  source(@Parent() province: ProvinceModel, @Context() ctx: RequestContext): Promise<SourceModel | null> {
    return province.sourceCode ? ctx.loaders.source.load(province.sourceCode) : Promise.resolve(null);
  }
}

@Resolver(() => OrgUnitGroupSetModel)
export class OrgUnitGroupSetResolver {
  constructor(private readonly orgUnits: OrgUnitService) {}

  @Query(() => [OrgUnitGroupSetModel], {
    description: 'Groupings of provinces loaded as data (e.g. the 18 provincial clusters).',
  })
  orgUnitGroupSets(): Promise<OrgUnitGroupSetModel[]> {
    return this.orgUnits.groupSets();
  }

  @ResolveField(() => SourceModel, { nullable: true })
  source(@Parent() set: OrgUnitGroupSetModel, @Context() ctx: RequestContext): Promise<SourceModel | null> {
    return ctx.loaders.source.load(set.sourceCode);
  }
}
