import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Source', { description: 'Where a reference fact comes from.' })
export class SourceModel {
  @Field()
  code: string;

  @Field(() => String, { nullable: true })
  titleTh: string | null;

  @Field()
  titleEn: string;

  @Field()
  publisher: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date, or the year when only the year is known' })
  publishedOn: string | null;

  @Field(() => String, { nullable: true, description: 'The source document in the shared seeds, when kept' })
  document: string | null;

  @Field(() => String, { nullable: true })
  license: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}
