import { Query, Resolver } from '@nestjs/graphql';
import { SourceModel } from './dto/source.model.js';
import { SourceService } from './source.service.js';

@Resolver(() => SourceModel)
export class SourceResolver {
  constructor(private readonly sourceService: SourceService) {}

  @Query(() => [SourceModel], { description: 'Every source the reference data cites.' })
  sources(): Promise<SourceModel[]> {
    return this.sourceService.all();
  }
}
