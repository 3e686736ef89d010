import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../../components/error-page';
import { InvitationsCard } from '../../components/members/invitations-card';
import { InviteMemberCard } from '../../components/members/invite-member-card';
import { MembersTable } from '../../components/members/members-table';
import { RemoveMemberConfirmation } from '../../components/members/remove-member-confirmation';
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
import { parseForm } from '../../utils/forms';
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

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'MEMBERS_READ');
  const [{ members, roles }, { invitations }] = await Promise.all([
    gql(request, MembersPageQuery),
    gql(request, InvitationsQuery),
  ]);
  const canManage = can(user, 'MEMBERS_MANAGE');
  // Reset links are an Owner's (the API decides; this only hides a form that would be refused).
  const canIssueResetLinks = canManage && user.role?.key === 'owner' && user.role.builtIn;
  // `?remove=<id>` asks before removing: a confirmation that needs no JavaScript.
  const removeId = new URL(request.url).searchParams.get('remove');
  const confirmRemove = canManage && removeId ? (members.find((member) => member.id === removeId) ?? null) : null;
  return { members, roles, invitations, canManage, canIssueResetLinks, confirmRemove, currentUserId: user.id };
}

export async function action({ request }: ActionFunctionArgs): Promise<MembersActionData> {
  requireSameOrigin(request);
  await requirePermission(request, 'MEMBERS_MANAGE');
  const form = await request.formData();
  switch (form.get('intent')) {
    case 'inviteMember': {
      const parsed = parseForm(inviteMemberSchema, form);
      if (!parsed.ok) return { intent: 'inviteMember', ok: false, fieldErrors: parsed.fieldErrors };
      const result = await gqlForm(request, InviteMemberMutation, { input: parsed.data });
      if (result.failure) return { intent: 'inviteMember', ok: false, ...result.failure };
      const { url, invitation } = result.data.inviteMember;
      // The link is shown in this answer only: it is not stored anywhere the page could read it again.
      return { intent: 'inviteMember', ok: true, link: { email: invitation.email, url } };
    }
    case 'revokeInvitation': {
      const parsed = parseForm(revokeInvitationSchema, form);
      if (!parsed.ok) return { intent: 'revokeInvitation', ok: false, formError: { key: 'validation.invalid' } };
      const result = await gqlForm(request, RevokeInvitationMutation, parsed.data);
      if (result.failure) return { intent: 'revokeInvitation', ok: false, ...result.failure };
      return { intent: 'revokeInvitation', ok: true };
    }
    case 'issueResetLink': {
      const parsed = parseForm(issueResetLinkSchema, form);
      if (!parsed.ok) return { intent: 'issueResetLink', ok: false, formError: { key: 'validation.invalid' } };
      const result = await gqlForm(request, IssuePasswordResetLinkMutation, parsed.data);
      if (result.failure) return { intent: 'issueResetLink', ok: false, ...result.failure };
      const { members } = await gql(request, MembersPageQuery);
      const email = members.find((member) => member.id === parsed.data.memberId)?.user.email ?? '';
      return { intent: 'issueResetLink', ok: true, link: { email, url: result.data.issuePasswordResetLink.url } };
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
  const { members, roles, invitations, canManage, canIssueResetLinks, confirmRemove, currentUserId } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const about = (intent: MembersActionData['intent']) => (actionData?.intent === intent ? actionData : undefined);
  const memberAction = about('changeRole') ?? about('removeMember');
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
          actionData={memberAction}
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
