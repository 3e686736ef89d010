import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../../components/error-page';
import { InvitationsCard } from '../../components/members/invitations-card';
import { InviteMemberCard } from '../../components/members/invite-member-card';
import { MembersTable } from '../../components/members/members-table';
import { RemoveMemberConfirmation } from '../../components/members/remove-member-confirmation';
import { RevokeInvitationConfirmation } from '../../components/members/revoke-invitation-confirmation';
import { ResetLinkCard } from '../../components/members/reset-link-card';
import {
  changeRoleSchema,
  inviteMemberSchema,
  issueResetLinkSchema,
  removeMemberSchema,
  revokeInvitationSchema,
} from '../../components/members/schemas';
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
import {
  ChangeMemberRoleMutation,
  InvitationsQuery,
  InviteMemberMutation,
  IssuePasswordResetLinkMutation,
  MembersPageQuery,
  RemoveMemberMutation,
  RevokeInvitationMutation,
} from './documents';

export const handle: RouteHandle = { titleKey: 'members.title' };

const SORTABLE = ['name', 'role', 'joined'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'MEMBERS_READ');
  const [{ members, roles }, { invitations }] = await Promise.all([
    gql(request, MembersPageQuery),
    gql(request, InvitationsQuery),
  ]);
  const canManage = can(user, 'MEMBERS_MANAGE');
  // Reset links are an Owner's (the API decides; this only hides a form that would be refused).
  const canIssueResetLinks = canManage && user.role?.key === 'owner' && user.role.builtIn;
  const params = new URL(request.url).searchParams;
  // `?remove=<id>` asks before removing: a confirmation that needs no JavaScript.
  const removeId = params.get('remove');
  const confirmRemove = canManage && removeId ? (members.find((member) => member.id === removeId) ?? null) : null;
  // `?revokeInvitation=<id>` asks before revoking an invitation the same way.
  const revokeId = params.get('revokeInvitation');
  const confirmRevokeInvitation =
    canManage && revokeId ? (invitations.find((invitation) => invitation.id === revokeId) ?? null) : null;
  const sort = readSort(params, SORTABLE, { by: 'joined', dir: 'asc' });
  const collator = new Intl.Collator(intlLocales[getLanguage(request)]);
  const sorted = sortRows(
    members,
    sort,
    { name: (m) => m.user.name, role: (m) => m.role.name, joined: (m) => m.joinedAt },
    collator,
  );
  return {
    members: sorted,
    roles,
    invitations,
    canManage,
    canIssueResetLinks,
    confirmRemove,
    confirmRevokeInvitation,
    currentUserId: user.id,
    sort,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'MEMBERS_MANAGE');
  const form = await request.formData();
  switch (form.get('intent')) {
    case 'inviteMember': {
      const parsed = parseForm(inviteMemberSchema, form);
      if (!parsed.ok)
        return refused<MembersActionData>({ intent: 'inviteMember', ok: false, fieldErrors: parsed.fieldErrors });
      const result = await gqlForm(request, InviteMemberMutation, { input: parsed.data });
      if (result.failure)
        return refused<MembersActionData>({ intent: 'inviteMember', ok: false, ...result.failure }, result.status);
      const { url, invitation } = result.data.inviteMember;
      // Not a redirect: the one-time link is shown once, in this answer, and never travels through a cookie or a
      // URL. Sending the form again makes a new link that replaces this one.
      const invited: MembersActionData = { intent: 'inviteMember', ok: true, link: { email: invitation.email, url } };
      return invited;
    }
    case 'revokeInvitation': {
      const parsed = parseForm(revokeInvitationSchema, form);
      if (!parsed.ok)
        return refused<MembersActionData>({
          intent: 'revokeInvitation',
          ok: false,
          formError: { key: 'validation.invalid' },
        });
      const result = await gqlForm(request, RevokeInvitationMutation, parsed.data);
      if (result.failure)
        return refused<MembersActionData>({ intent: 'revokeInvitation', ok: false, ...result.failure }, result.status);
      return redirectWithToast(backTo(request), { type: 'success', key: 'members.invitations.revoked' });
    }
    case 'issueResetLink': {
      const parsed = parseForm(issueResetLinkSchema, form);
      if (!parsed.ok)
        return refused<MembersActionData>({
          intent: 'issueResetLink',
          ok: false,
          formError: { key: 'validation.invalid' },
        });
      const result = await gqlForm(request, IssuePasswordResetLinkMutation, parsed.data);
      if (result.failure)
        return refused<MembersActionData>({ intent: 'issueResetLink', ok: false, ...result.failure }, result.status);
      const { members } = await gql(request, MembersPageQuery);
      const email = members.find((member) => member.id === parsed.data.memberId)?.user.email ?? '';
      // Shown once, like an invitation link.
      const issued: MembersActionData = {
        intent: 'issueResetLink',
        ok: true,
        link: { email, url: result.data.issuePasswordResetLink.url },
      };
      return issued;
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
  params.delete('revokeInvitation');
  const search = params.toString();
  return search ? `${MEMBERS}?${search}` : MEMBERS;
}

export default function MembersPage() {
  const {
    members,
    roles,
    invitations,
    canManage,
    canIssueResetLinks,
    confirmRemove,
    confirmRevokeInvitation,
    currentUserId,
    sort,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const about = (intent: MembersActionData['intent']) => (actionData?.intent === intent ? actionData : undefined);
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page__title page__title--section">{t('members.title')}</h1>
      <p className="page__lead page__lead--section">{t('members.intro')}</p>
      <div className="stack">
        {confirmRemove ? <RemoveMemberConfirmation member={confirmRemove} /> : null}
        {confirmRevokeInvitation ? <RevokeInvitationConfirmation invitation={confirmRevokeInvitation} /> : null}
        <MembersTable
          members={members}
          roles={roles}
          canManage={canManage}
          currentUserId={currentUserId}
          sort={sort}
          actionData={about('changeRole') ?? about('removeMember')}
        />
        {canManage ? <InviteMemberCard roles={roles} actionData={about('inviteMember')} /> : null}
        <InvitationsCard invitations={invitations} canManage={canManage} actionData={about('revokeInvitation')} />
        {canIssueResetLinks ? (
          <ResetLinkCard members={members} currentUserId={currentUserId} actionData={about('issueResetLink')} />
        ) : null}
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
