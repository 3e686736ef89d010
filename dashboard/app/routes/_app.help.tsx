import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../components/error-page';
import { CopyButton } from '../components/ui/copy-button';
import type { TranslationKey } from '../i18n';
import { requireUser } from '../utils/auth.server';
import { integrationUrls } from '../utils/deployment.server';
import type { RouteHandle } from '../utils/route-handle';

export const handle: RouteHandle = { titleKey: 'help.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return integrationUrls(request);
}

const SECTIONS = ['gettingStarted', 'whatsapp', 'midtrans', 'pricing', 'limits', 'faq'] as const;
const FAQ = [1, 2, 3, 4] as const;
/**
 * Every webhook field the API acts on (api/src/modules/channels/webhook.service.ts). Meta sends only the fields the
 * app is subscribed to, and connecting a channel subscribes the app to the WABA, not to fields: one left out here is
 * news (a paused template, a ban, a new limit, an opt-out) the portal never hears.
 */
const WEBHOOK_FIELDS = [
  'messages',
  'message_template_status_update',
  'template_category_update',
  'account_update',
  'business_capability_update',
  'phone_number_quality_update',
  'user_preferences',
] as const;

/** The "?" in the header: how to set the portal up, with this installation's own webhook addresses. */
export default function HelpPage() {
  const { whatsappWebhookUrl, midtransNotificationUrl } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="help">
      <h1 className="page__title">{t('help.title')}</h1>
      <p className="page__lead">{t('help.intro')}</p>
      <nav className="help__contents" aria-label={t('help.contents')}>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section}>
              <a href={`#${section}`}>{t(`help.${section}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      <HelpSection id="gettingStarted">
        <ol className="help__steps">
          {([1, 2, 3, 4, 5] as const).map((step) => (
            <li key={step}>{t(`help.gettingStarted.step${step}`)}</li>
          ))}
        </ol>
      </HelpSection>

      <HelpSection id="whatsapp">
        <p>{t('help.whatsapp.intro')}</p>
        <dl className="help__values">
          <UrlValue label={t('help.whatsapp.callbackUrl')} value={whatsappWebhookUrl} testId="help-webhook-url" />
          <div className="help__value">
            <dt>{t('help.whatsapp.verifyToken')}</dt>
            <dd>{t('help.whatsapp.verifyTokenValue')}</dd>
          </div>
        </dl>
        <p>{t('help.whatsapp.subscribe')}</p>
        <ul className="help__fields" data-testid="help-webhook-fields">
          {WEBHOOK_FIELDS.map((field) => (
            <li key={field}>
              <code>{field}</code>: {t(`help.whatsapp.fields.${field}`)}
            </li>
          ))}
        </ul>
        <p>{t('help.whatsapp.verify')}</p>
        <p>{t('help.whatsapp.channels')}</p>
        <p data-testid="help-templates">{t('help.whatsapp.templates')}</p>
      </HelpSection>

      <HelpSection id="midtrans">
        <p>{t('help.midtrans.intro')}</p>
        <dl className="help__values">
          <UrlValue label={t('help.midtrans.url')} value={midtransNotificationUrl} testId="help-midtrans-url" />
        </dl>
        <p>{t('help.midtrans.note')}</p>
      </HelpSection>

      <HelpSection id="pricing">
        {(['perMessage', 'hold', 'refund', 'meta'] as const).map((key) => (
          <p key={key}>{t(`help.pricing.${key}`)}</p>
        ))}
      </HelpSection>

      <HelpSection id="limits">
        {(['tiers', 'shared', 'quality'] as const).map((key) => (
          <p key={key}>{t(`help.limits.${key}`)}</p>
        ))}
      </HelpSection>

      <HelpSection id="faq">
        {FAQ.map((n) => (
          <details key={n} className="help__faq">
            <summary>{t(`help.faq.q${n}`)}</summary>
            <p>{t(`help.faq.a${n}`)}</p>
          </details>
        ))}
      </HelpSection>
    </div>
  );
}

function HelpSection({ id, children }: { id: (typeof SECTIONS)[number]; children: ReactNode }) {
  const { t } = useTranslation();
  const titleKey: TranslationKey = `help.${id}.title`;
  return (
    <section className="card help__section" id={id} aria-labelledby={`${id}-title`}>
      <div className="card__body">
        <h2 className="card__title" id={`${id}-title`}>
          {t(titleKey)}
        </h2>
        {children}
      </div>
    </section>
  );
}

function UrlValue({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="help__value">
      <dt>{label}</dt>
      <dd className="help__url">
        <code data-testid={testId}>{value}</code>
        <CopyButton value={value} label={`${t('common.copy')}: ${label}`} />
      </dd>
    </div>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
