import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('FiscalQuarter', { description: 'A quarter of a Thai fiscal year with its data-entry window.' })
export class FiscalQuarterModel {
  @Field({ description: 'e.g. FY2570Q1' })
  code: string;

  @Field(() => Int, { description: 'Fiscal year in B.E., e.g. 2570 (1 Oct 2026 – 30 Sep 2027)' })
  fiscalYear: number;

  @Field(() => Int, { description: '1 = Oct–Dec, 2 = Jan–Mar, 3 = Apr–Jun, 4 = Jul–Sep' })
  quarter: number;

  @Field({ description: 'ISO date (C.E.)' })
  startDate: string;

  @Field()
  endDate: string;

  @Field({ description: 'First day officers may enter data' })
  entryOpensOn: string;

  @Field({ description: 'Reports submitted after this day are late' })
  deadline: string;

  @Field({ description: 'Last day officers may enter data (unless a planner extends it)' })
  entryClosesOn: string;
}

@ObjectType('FiscalYear', { description: 'Thai fiscal year (ปีงบประมาณ), named by its B.E. year.' })
export class FiscalYearModel {
  @Field(() => Int)
  yearBe: number;

  @Field(() => Int, { description: 'The C.E. year in which it ends' })
  yearCe: number;

  @Field()
  startDate: string;

  @Field()
  endDate: string;
}
