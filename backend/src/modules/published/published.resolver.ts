import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../core/graphql/request-context.js';
import { SourceModel } from '../source/dto/source.model.js';
import { PublishedDatasetModel } from './dto/published.model.js';
import { PublishedService } from './published.service.js';

@Resolver(() => PublishedDatasetModel)
export class PublishedResolver {
  constructor(private readonly published: PublishedService) {}

  @Query(() => [PublishedDatasetModel], {
    description: 'Published aggregates held beside the collected data, each with its source.',
  })
  publishedDatasets(): Promise<PublishedDatasetModel[]> {
    return this.published.datasets();
  }

  @Query(() => PublishedDatasetModel, { description: 'One published dataset, e.g. "DGA_OBSTACLE_SURVEY_2567".' })
  publishedDataset(@Args('code') code: string): Promise<PublishedDatasetModel> {
    return this.published.dataset(code);
  }

  @ResolveField(() => SourceModel, { nullable: true })
  source(@Parent() d: PublishedDatasetModel, @Context() ctx: RequestContext) {
    return ctx.loaders.source.load(d.sourceCode);
  }
}
