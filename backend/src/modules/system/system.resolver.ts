import { Field, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AnalyticsCache } from '../../core/cache/analytics-cache.js';
import { seesAllStates, type Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { SystemService } from './system.service.js';

@ObjectType('AnalyticsCacheInfo', {
  description: 'The analytics cache: results kept until the data they read changes.',
})
export class AnalyticsCacheInfoModel {
  @Field({ description: 'False when turned off (ANALYTICS_CACHE=false) or while it cannot hear change notifications' })
  enabled: boolean;

  @Field(() => Int, { description: 'Changes heard since start-up' })
  version: number;

  @Field(() => Int)
  hits: number;

  @Field(() => Int)
  misses: number;
}

@ObjectType('SystemInfo')
export class SystemInfoModel {
  @Field()
  version: string;

  @Field({ description: 'True when the synthetic demo data set is loaded: its figures are not real' })
  demoDataLoaded: boolean;

  @Field(() => String, { nullable: true, description: 'What the demo data is, for a visible notice' })
  demoDataNote: string | null;

  @Field(() => String, { nullable: true, description: 'The date the demo data was generated as of' })
  demoAsOf: string | null;

  @Field(() => Int, { nullable: true, description: 'Generator seed (the same seed and date give the same data)' })
  demoSeed: number | null;

  @Field(() => AnalyticsCacheInfoModel, {
    nullable: true,
    description: 'For administrators and planners only (null otherwise): its counters reveal when data is written',
  })
  analyticsCache: AnalyticsCacheInfoModel | null;
}

@Resolver(() => SystemInfoModel)
export class SystemResolver {
  constructor(
    private readonly system: SystemService,
    private readonly cache: AnalyticsCache,
  ) {}

  @Query(() => SystemInfoModel, { description: 'Version, and whether demo data is loaded.' })
  async systemInfo(@CurrentActor() actor: Actor | null): Promise<SystemInfoModel> {
    const demo = await this.system.demoMeta();
    return {
      version: this.system.version(),
      demoDataLoaded: demo !== null,
      demoDataNote: demo
        ? 'Demo data: local organizations, reports, obstacle answers, KPI values and province targets are synthetic, ' +
          'generated for demonstration. Provinces, regions, DGA survey figures and recommendations are real and cite their sources.'
        : null,
      demoAsOf: demo?.asOf ?? null,
      demoSeed: demo?.seed ?? null,
      analyticsCache: seesAllStates(actor)
        ? { enabled: this.cache.enabled, version: this.cache.currentVersion, ...this.cache.stats }
        : null,
    };
  }
}
