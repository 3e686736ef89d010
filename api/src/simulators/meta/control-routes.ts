import express, { type Express, type Request, type Response } from 'express';
import type { ErrorInjection, FaultInjection } from './injections';
import type { CloudApiSends, InboundRequest, MessageStatus, SendSettings } from './cloud-api-sends';
import { INBOUND_TYPES } from './inbound-messages';
import { SendLedger } from './send-ledger';
import type { WebhookSettings } from './status-webhooks';

/**
 * The simulator's control API over HTTP, under `/__simulator/meta/`, for a simulator in another process (the demo,
 * crash tests that kill the dispatcher, benchmarks). The same operations as the typed handle
 * (`MetaSimulator.sends`); docs/SIMULATORS.md lists them. The simulator, and so this, never runs in production.
 */
export function mountControlRoutes(
  app: Express,
  sends: CloudApiSends,
  addAccount: (account: Record<string, unknown>) => void,
): void {
  const json = express.json({ limit: '5mb' });
  const route = (path: string, handle: (body: Record<string, unknown>, request: Request) => unknown) =>
    app.post(`/__simulator/meta/${path}`, json, (request: Request, response: Response) => {
      try {
        response.json(handle((request.body ?? {}) as Record<string, unknown>, request) ?? { ok: true });
      } catch (error) {
        response.status(400).json({ error: error instanceof Error ? error.message : String(error) });
      }
    });
  const need = (ok: boolean, what: string) => {
    if (!ok) throw new Error(what);
  };

  route('accounts', (body) => {
    need(typeof body.wabaId === 'string' && typeof body.token === 'string', 'wabaId and token are required');
    addAccount(body);
  });
  route('config', (body) => {
    sends.configure(body as Partial<SendSettings> & { webhooks?: Partial<WebhookSettings> });
    return { ...sends.settings, webhooks: { ...sends.webhooks.settings, appSecret: undefined } };
  });
  route('errors', (body) => {
    need(typeof body.code === 'number', 'code (a number) is required');
    sends.failSends(body as unknown as ErrorInjection);
  });
  route('faults', (body) => {
    need(['drop', 'status5xx', 'hang'].includes(String(body.fault)), 'fault must be drop, status5xx or hang');
    sends.faultSends(body as unknown as FaultInjection);
  });
  route('template-status', (body) => {
    need(typeof body.name === 'string' && typeof body.language === 'string', 'name and language are required');
    sends.setTemplateMessageStatus(String(body.name), String(body.language), body.status as MessageStatus);
  });
  route('inbound', (body) => {
    const message = body.message as { type?: unknown } | undefined;
    need(INBOUND_TYPES.includes(String(message?.type)), `message.type must be one of ${INBOUND_TYPES.join(', ')}`);
    return { id: sends.inbound(body as unknown as InboundRequest) };
  });
  route('user-preferences', (body) => {
    need(body.value === 'stop' || body.value === 'resume', 'value must be stop or resume');
    sends.userPreference(body as { phoneNumberId: string; waId: string; value: 'stop' | 'resume' });
  });
  app.post('/__simulator/meta/deliver', (_request, response) => {
    void sends.webhooks.deliverDue().then((delivered) => response.json({ delivered }));
  });
  route('reset', () => sends.reset());

  app.get('/__simulator/meta/sends', (request, response) => {
    const { ledger } = sends;
    const recipient = typeof request.query.recipient === 'string' ? request.query.recipient : undefined;
    const callbackData = typeof request.query.callbackData === 'string' ? request.query.callbackData : undefined;
    response.json({
      accepted: ledger.acceptedAt.length,
      received: ledger.receivedAt.length,
      outcomes: Object.fromEntries(ledger.outcomes),
      duplicates: Object.fromEntries(ledger.duplicates()),
      ...(recipient !== undefined
        ? {
            recipient: {
              accepted: ledger.acceptedByRecipient.get(recipient) ?? 0,
              attempts: ledger.attemptsByRecipient.get(recipient) ?? 0,
            },
          }
        : {}),
      ...(callbackData !== undefined
        ? { callbackData: { accepted: ledger.acceptedByCallback.get(callbackData) ?? 0 } }
        : {}),
      ...(request.query.times === 'true'
        ? { receivedAt: ledger.receivedAt, acceptedAt: ledger.acceptedAt }
        : { acceptedPerSecond: SendLedger.perSecond(ledger.acceptedAt) }),
    });
  });
  app.get('/__simulator/meta/media', (_request, response) => {
    response.json({ uploads: Object.fromEntries(sends.mediaUploads) });
  });
  app.get('/__simulator/meta/webhooks', (_request, response) => {
    const { webhooks } = sends;
    response.json({
      pending: webhooks.pending,
      delivered: webhooks.delivered,
      dropped: webhooks.dropped,
      retrying: webhooks.retrying(),
      refused: webhooks.deliveries
        .filter((delivery) => delivery.answer < 200 || delivery.answer >= 300)
        .map(({ answer, attempt, statuses }) => ({ answer, attempt, statuses })),
      deliveries: webhooks.deliveries.slice(-100),
    });
  });
}
