import { Module } from '@nestjs/common';
import { OrgUnitRepository } from './org-unit.repository.js';
import { OrgUnitGroupSetResolver, ProvinceResolver, RegionResolver } from './org-unit.resolver.js';
import { OrgUnitService } from './org-unit.service.js';

@Module({
  providers: [OrgUnitRepository, OrgUnitService, RegionResolver, ProvinceResolver, OrgUnitGroupSetResolver],
  exports: [OrgUnitService],
})
export class OrgUnitModule {}
