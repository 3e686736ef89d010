import { Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SearchKind {
  CONTACT = 'CONTACT',
  PAYMENT_ORDER = 'PAYMENT_ORDER',
  TEMPLATE = 'TEMPLATE',
  CAMPAIGN = 'CAMPAIGN',
}
registerEnumType(SearchKind, { name: 'SearchKind', description: 'Where a search hit comes from.' });

@ObjectType({ description: 'One thing the global search found, best first.' })
export class SearchHit {
  @Field(() => SearchKind) kind!: SearchKind;
  @Field(() => ID) id!: string;
  @Field({ description: 'What it is called (a contact’s name, an order id, a template’s or campaign’s name).' })
  title!: string;
  @Field({ description: 'A second line: the phone, the amount, the language and category, the campaign’s status.' })
  detail!: string;
  @Field({ description: 'The dashboard page it opens, e.g. /contacts/<id>.' }) link!: string;
  @Field(() => Int, { description: '3 exact, 2 starts with the query, 1 contains it.' }) rank!: number;
}

@ArgsType()
export class SearchArgs {
  @Field({ description: 'At least 2 characters (3 for a name fragment, 4 digits for a phone).' })
  @Length(2, 100)
  query!: string;

  @Field(() => Int, { defaultValue: 10 })
  @Min(1)
  @Max(25)
  first!: number;
}
