import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../../components/error-page';
import { AddMemberCard } from '../../components/members/add-member-card';
import { MembersTable } from '../../components/members/members-table';
import { RemoveMemberConfirmation } from '../../components/members/remove-member-confirmation';
import { addMemberSchema, changeRoleSchema, removeMemberSchema } from '../../components/members/schemas';
import type { MembersActionData } from '../../components/members/types';
import { can, requirePermission } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { parseForm } from '../../utils/forms';
import { errorResponse, gql, gqlForm } from '../../utils/graphql.server';
import type { RouteHandle } from '../../utils/route-handle';
import { AddMemberMutation, ChangeMemberRoleMutation, MembersPageQuery, RemoveMemberMutation } from './documents';

export const handle: RouteHandle = { titleKey: 'members.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'MEMBERS_READ');
  const { members, roles } = await gql(request, MembersPageQuery);
  const canManage = can(user, 'MEMBERS_MANAGE');
  // `?remove=<id>` asks before removing: a confirmation that needs no JavaScript.
  const removeId = new URL(request.url).searchParams.get('remove');
  const confirmRemove = canManage && removeId ? (members.find((member) => member.id === removeId) ?? null) : null;
  return { members, roles, canManage, confirmRemove, currentUserId: user.id };
}

export async function action({ request }: ActionFunctionArgs): Promise<MembersActionData> {
  requireSameOrigin(request);
  await requirePermission(request, 'MEMBERS_MANAGE');
  const form = await request.formData();
  switch (form.get('intent')) {
    case 'addMember': {
      const parsed = parseForm(addMemberSchema, form);
      if (!parsed.ok) return { intent: 'addMember', ok: false, fieldErrors: parsed.fieldErrors };
      const result = await gqlForm(request, AddMemberMutation, { input: parsed.data });
      if (result.failure) return { intent: 'addMember', ok: false, ...result.failure };
      const { member, temporaryPassword } = result.data.addMember;
      return {
        intent: 'addMember',
        ok: true,
        added: { name: member.user.name, email: member.user.email, temporaryPassword: temporaryPassword ?? null },
      };
    }
    case 'changeRole': {
      const parsed = parseForm(changeRoleSchema, form);
      if (!parsed.ok) return { intent: 'changeRole', ok: false, formError: { key: 'validation.invalid' } };
      const result = await gqlForm(request, ChangeMemberRoleMutation, { input: parsed.data });
      if (result.failure) return { intent: 'changeRole', ok: false, memberId: parsed.data.memberId, ...result.failure };
      const { id, user } = result.data.changeMemberRole;
      return { intent: 'changeRole', ok: true, memberId: id, name: user.name };
    }
    case 'removeMember': {
      const parsed = parseForm(removeMemberSchema, form);
      if (!parsed.ok) return { intent: 'removeMember', ok: false, formError: { key: 'validation.invalid' } };
      const result = await gqlForm(request, RemoveMemberMutation, { memberId: parsed.data.memberId });
      if (result.failure) return { intent: 'removeMember', ok: false, ...result.failure };
      return { intent: 'removeMember', ok: true };
    }
    default:
      throw errorResponse({ messageKey: 'errors.generic' }, 400);
  }
}

export default function MembersPage() {
  const { members, roles, canManage, confirmRemove, currentUserId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page__title page__title--section">{t('members.title')}</h1>
      <p className="page__lead page__lead--section">{t('members.intro')}</p>
      <div className="stack">
        {confirmRemove ? <RemoveMemberConfirmation member={confirmRemove} /> : null}
        <MembersTable
          members={members}
          roles={roles}
          canManage={canManage}
          currentUserId={currentUserId}
          actionData={actionData?.intent === 'addMember' ? undefined : actionData}
        />
        {canManage ? (
          <AddMemberCard roles={roles} actionData={actionData?.intent === 'addMember' ? actionData : undefined} />
        ) : null}
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
