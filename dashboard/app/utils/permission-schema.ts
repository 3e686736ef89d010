import * as z from 'zod/mini';
import type { Permission } from '../graphql/graphql';
import { allPermissions } from './permissions';

/** A checkbox group of permissions (`name="permissions"`, one value per checked box). */
export const permissionListSchema = z.array(
  z.enum(allPermissions as [Permission, ...Permission[]], { error: 'validation.invalid' }),
);
