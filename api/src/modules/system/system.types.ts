import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Facts about the running API that any client may read.' })
export class ServerInfo {
  @Field()
  name!: string;

  @Field()
  version!: string;

  @Field({ description: 'The server clock, for clients to detect skew.' })
  time!: Date;
}
