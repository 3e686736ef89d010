import { Field, ObjectType } from 'type-graphql';

/** Relay's page info, shared by every connection (contacts, payment orders, ledger entries, campaigns...). */
@ObjectType({ description: 'Where a page of a connection ends, and whether another follows (Relay).' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
}
