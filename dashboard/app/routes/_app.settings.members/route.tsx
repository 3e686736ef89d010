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
import { refused } from '../../utils/action.server';
import { parseForm } from '../../utils/forms';
import { intlLocales } from '../../utils/language';
import { getLanguage } from '../../utils/language.server';
import { readSort, sortRows } from '../../utils/table-params';
import { redirectWithToast } from '../../utils/toast.server';
import { errorResponse, gql, gqlForm } from '../../utils/graphql.server';
import type { RouteHandle } from '../../utils/route-handle';
import { AddMemberMutation, ChangeMemberRoleMutation, MembersPageQuery, RemoveMemberMutation } from './documents';

export const handle: RouteHandle = { titleKey: 'members.title' };

const SORTABLE = ['name', 'role', 'joined'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'MEMBERS_READ');
  const { members, roles } = await gql(request, MembersPageQuery);
  const canManage = can(user, 'MEMBERS_MANAGE');
  const params = new URL(request.url).searchParams;
  // `?remove=<id>` asks before removing: a confirmation that needs no JavaScript.
  const removeId = params.get('remove');
  const confirmRemove = canManage && removeId ? (members.find((member) => member.id === removeId) ?? null) : null;
  const sort = readSort(params, SORTABLE, { by: 'joined', dir: 'asc' });
  const collator = new Intl.Collator(intlLocales[getLanguage(request)]);
  const sorted = sortRows(
    members,
    sort,
    { name: (m) => m.user.name, role: (m) => m.role.name, joined: (m) => m.joinedAt },
    collator,
  );
  return { members: sorted, roles, canManage, confirmRemove, currentUserId: user.id, sort };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'MEMBERS_MANAGE');
  const form = await request.formData();
  switch (form.get('intent')) {
    case 'addMember': {
      const parsed = parseForm(addMemberSchema, form);
      if (!parsed.ok)
        return refused<MembersActionData>({ intent: 'addMember', ok: false, fieldErrors: parsed.fieldErrors });
      const result = await gqlForm(request, AddMemberMutation, { input: parsed.data });
      if (result.failure)
        return refused<MembersActionData>({ intent: 'addMember', ok: false, ...result.failure }, result.status);
      const { member, temporaryPassword } = result.data.addMember;
      if (!temporaryPassword) {
        return redirectWithToast(MEMBERS, {
          type: 'success',
          key: 'members.add.added',
          params: { name: member.user.name },
        });
      }
      // The one answer that is not a redirect: a new account's temporary password is shown once, in this page,
      // and never travels through a cookie or a URL. Sending the form again would be refused (already a member).
      const added: MembersActionData = {
        intent: 'addMember',
        ok: true,
        added: { name: member.user.name, email: member.user.email, temporaryPassword },
      };
      return added;
    }
    case 'changeRole': {
      const parsed = parseForm(changeRoleSchema, form);
      if (!parsed.ok)
        return refused<MembersActionData>({
          intent: 'changeRole',
          ok: false,
          formError: { key: 'validation.invalid' },
        });
      const result = await gqlForm(request, ChangeMemberRoleMutation, { input: parsed.data });
      if (result.failure) {
        return refused<MembersActionData>(
          { intent: 'changeRole', ok: false, memberId: parsed.data.memberId, ...result.failure },
          result.status,
        );
      }
      const { user } = result.data.changeMemberRole;
      return redirectWithToast(backTo(request), {
        type: 'success',
        key: 'members.roleChanged',
        params: { name: user.name },
      });
    }
    case 'removeMember': {
      const parsed = parseForm(removeMemberSchema, form);
      if (!parsed.ok)
        return refused<MembersActionData>({
          intent: 'removeMember',
          ok: false,
          formError: { key: 'validation.invalid' },
        });
      const result = await gqlForm(request, RemoveMemberMutation, { memberId: parsed.data.memberId });
      if (result.failure)
        return refused<MembersActionData>({ intent: 'removeMember', ok: false, ...result.failure }, result.status);
      return redirectWithToast(MEMBERS, { type: 'success', key: 'members.removed' });
    }
    default:
      throw errorResponse({ messageKey: 'errors.generic' }, 400);
  }
}

const MEMBERS = '/settings/members';

/** The members page as the reader had it (its sort), without a confirmation that is done. */
function backTo(request: Request): string {
  const params = new URL(request.url).searchParams;
  params.delete('remove');
  const search = params.toString();
  return search ? `${MEMBERS}?${search}` : MEMBERS;
}

export default function MembersPage() {
  const { members, roles, canManage, confirmRemove, currentUserId, sort } = useLoaderData<typeof loader>();
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
          sort={sort}
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
