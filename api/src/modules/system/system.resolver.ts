import { Query, Resolver } from 'type-graphql';
import { Public } from '../../graphql/authorization';
import { SystemService } from './system.service';
import { ServerInfo } from './system.types';

@Resolver()
export class SystemResolver {
  constructor(private readonly system: SystemService) {}

  @Public()
  @Query(() => ServerInfo, { description: 'Public: the API name, version and clock.' })
  serverInfo(): ServerInfo {
    return this.system.serverInfo();
  }
}
