import { Migration } from '@mikro-orm/migrations';

/**
 * A deleted custom role takes its closed invitations with it (deleting a role that open
 * invitations still offer is refused by MembersService.deleteRole); without this the foreign
 * key refused every delete of a role ever offered.
 */
export class Migration20261201130000InvitationRoleCascade extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "invitation" drop constraint "invitation_role_id_fkey",
        add constraint "invitation_role_id_fkey" foreign key ("role_id") references "role" ("id") on delete cascade;`);
  }
}
