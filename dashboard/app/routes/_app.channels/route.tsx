import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ChannelCard } from '../../components/channels/channel-card';
import { ConnectChannelCard } from '../../components/channels/connect-channel-card';
import { ReplyForwardingCard } from '../../components/channels/reply-forwarding-card';
import {
  channelIdSchema,
  connectChannelSchema,
  forwardingSchema,
  updateTokenSchema,
} from '../../components/channels/schemas';
import type { ChannelsActionData, ForwardingSecretData } from '../../components/channels/types';
import { InlineErrorBoundary } from '../../components/error-page';
import { FormError } from '../../components/ui/alert';
import { ConfirmAction } from '../../components/ui/confirm-action';
import { Icon } from '../../components/ui/icon';
import { refused } from '../../utils/action.server';
import { can, requirePermission } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { formValues, parseForm } from '../../utils/forms';
import { errorResponse, gql, gqlForm } from '../../utils/graphql.server';
import type { RouteHandle } from '../../utils/route-handle';
import { redirectWithToast } from '../../utils/toast.server';
import {
  ChannelsPageQuery,
  CheckChannelMutation,
  ConnectChannelMutation,
  DisconnectChannelMutation,
  SetReplyForwardingMutation,
  UpdateChannelTokenMutation,
} from './documents';

export const handle: RouteHandle = { titleKey: 'channels.title' };

const CHANNELS = '/channels';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'CHANNELS_READ');
  const { channels, replyForwarding } = await gql(request, ChannelsPageQuery);
  const disconnectId = new URL(request.url).searchParams.get('disconnect');
  const canManage = can(user, 'CHANNELS_MANAGE');
  const confirmDisconnect =
    canManage && disconnectId ? (channels.find((channel) => channel.id === disconnectId) ?? null) : null;
  return {
    channels,
    replyForwarding,
    canManage,
    canSeeTemplates: can(user, 'TEMPLATES_READ'),
    confirmDisconnect,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'CHANNELS_MANAGE');
  const form = await request.formData();
  switch (form.get('intent')) {
    case 'connect': {
      const values = formValues(form);
      const kept = {
        name: String(values.name ?? ''),
        phoneNumberId: String(values.phoneNumberId ?? ''),
        wabaId: String(values.wabaId ?? ''),
      };
      const parsed = parseForm(connectChannelSchema, form);
      if (!parsed.ok) {
        return refused<ChannelsActionData>({
          intent: 'connect',
          ok: false,
          fieldErrors: parsed.fieldErrors,
          values: kept,
        });
      }
      const result = await gqlForm(request, ConnectChannelMutation, { input: parsed.data });
      if (result.failure) {
        return refused<ChannelsActionData>(
          { intent: 'connect', ok: false, ...result.failure, values: kept },
          result.status,
        );
      }
      return redirectWithToast(CHANNELS, {
        type: 'success',
        key: 'channels.connected',
        params: { name: result.data.connectChannel.name },
      });
    }
    case 'check': {
      const parsed = parseForm(channelIdSchema, form);
      if (!parsed.ok) return refused<ChannelsActionData>(invalid('check'));
      const result = await gqlForm(request, CheckChannelMutation, { id: parsed.data.channelId });
      if (result.failure) {
        return refused<ChannelsActionData>(
          { intent: 'check', channelId: parsed.data.channelId, ok: false, ...result.failure },
          result.status,
        );
      }
      return redirectWithToast(CHANNELS, {
        type: 'success',
        key: 'channels.checked',
        params: { name: result.data.checkChannel.name },
      });
    }
    case 'updateToken': {
      const channelId = String(form.get('channelId') ?? '');
      const parsed = parseForm(updateTokenSchema, form);
      if (!parsed.ok) {
        return refused<ChannelsActionData>({
          intent: 'updateToken',
          channelId,
          ok: false,
          fieldErrors: parsed.fieldErrors,
        });
      }
      const result = await gqlForm(request, UpdateChannelTokenMutation, {
        id: parsed.data.channelId,
        input: { accessToken: parsed.data.accessToken },
      });
      if (result.failure) {
        return refused<ChannelsActionData>(
          { intent: 'updateToken', channelId, ok: false, ...result.failure },
          result.status,
        );
      }
      return redirectWithToast(CHANNELS, {
        type: 'success',
        key: 'channels.tokenReplaced',
        params: { name: result.data.updateChannel.name },
      });
    }
    case 'disconnect': {
      const parsed = parseForm(channelIdSchema, form);
      if (!parsed.ok) return refused<ChannelsActionData>(invalid('disconnect'));
      const result = await gqlForm(request, DisconnectChannelMutation, { id: parsed.data.channelId });
      if (result.failure) {
        return refused<ChannelsActionData>({ intent: 'disconnect', ok: false, ...result.failure }, result.status);
      }
      return redirectWithToast(CHANNELS, { type: 'success', key: 'channels.disconnected' });
    }
    case 'setForwarding': {
      const url = String(form.get('url') ?? '');
      const parsed = parseForm(forwardingSchema, form);
      if (!parsed.ok) {
        return refused<ChannelsActionData>({
          intent: 'setForwarding',
          ok: false,
          fieldErrors: parsed.fieldErrors,
          values: { url },
        });
      }
      const result = await gqlForm(request, SetReplyForwardingMutation, {
        url: parsed.data.url,
        enabled: parsed.data.enabled === 'on',
        rotateSecret: parsed.data.rotateSecret === 'on',
      });
      if (result.failure) {
        return refused<ChannelsActionData>(
          { intent: 'setForwarding', ok: false, ...result.failure, values: { url } },
          result.status,
        );
      }
      // Not a redirect when a secret was made: it is shown once, in this answer, and never travels in a cookie.
      const { secret } = result.data.setReplyForwarding;
      if (secret) {
        const created: ForwardingSecretData = { intent: 'setForwarding', ok: true, secret };
        return created;
      }
      return redirectWithToast(CHANNELS, { type: 'success', key: 'channels.forwarding.saved' });
    }
    default:
      throw errorResponse({ messageKey: 'errors.generic' }, 400);
  }
}

function invalid(intent: ChannelsActionData['intent']): ChannelsActionData {
  return { intent, ok: false, formError: { key: 'validation.invalid' } };
}

/** The workspace's WhatsApp numbers: connect one, see what Meta says about each, check, re-token, disconnect. */
export default function ChannelsPage() {
  const { channels, replyForwarding, canManage, canSeeTemplates, confirmDisconnect } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const actionData = answer && !answer.ok ? answer : undefined;
  const secret = answer?.ok ? answer : undefined;
  const aboutChannel = (id: string) => (actionData?.channelId === id ? actionData : undefined);
  return (
    <>
      <h1 className="page__title">{t('channels.title')}</h1>
      <p className="page__lead">{t('channels.intro')}</p>
      <div className="stack">
        {canSeeTemplates && channels.length > 0 ? (
          <p>
            <Link to="/templates">{t('channels.openTemplates')}</Link>
          </p>
        ) : null}
        {actionData && !actionData.channelId && !['connect', 'setForwarding'].includes(actionData.intent) ? (
          <FormError message={actionData.formError} />
        ) : null}
        {channels.length === 0 ? (
          <div className="empty-state" data-testid="channels-empty">
            <Icon name="phone" size={28} className="empty-state__icon" />
            <p className="empty-state__text">{canManage ? t('channels.empty') : t('channels.emptyReadOnly')}</p>
          </div>
        ) : (
          <div className="channel-list">
            {channels.map((channel) => (
              <ChannelCard
                key={channel.id}
                channel={channel}
                canManage={canManage}
                actionData={aboutChannel(channel.id)}
              />
            ))}
          </div>
        )}
        <ReplyForwardingCard
          forwarding={replyForwarding ?? null}
          canManage={canManage}
          refusal={actionData?.intent === 'setForwarding' ? actionData : undefined}
          created={secret}
        />
        {canManage ? (
          <ConnectChannelCard actionData={actionData?.intent === 'connect' ? actionData : undefined} />
        ) : (
          <p className="field__hint" data-testid="channels-read-only">
            {t('channels.readOnly')}
          </p>
        )}
      </div>
      {confirmDisconnect ? (
        <ConfirmAction
          title={t('channels.disconnect.title', { name: confirmDisconnect.name })}
          body={t('channels.disconnect.body', {
            number: confirmDisconnect.displayNumber ?? confirmDisconnect.phoneNumberId,
          })}
          confirmLabel={t('channels.disconnect.confirm')}
          action={CHANNELS}
          intent="disconnect"
          fields={{ channelId: confirmDisconnect.id }}
        />
      ) : null}
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
