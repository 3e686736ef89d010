import { defineModule } from '../manifest';
import { SystemResolver } from './system.resolver';
import { SystemService } from './system.service';

export const systemModule = defineModule({
  name: 'system',
  resolvers: [SystemResolver],
  services: ({ clock }) => ({ system: new SystemService(clock) }),
});
