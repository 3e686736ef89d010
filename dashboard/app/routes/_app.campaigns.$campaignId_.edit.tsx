import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import {
  AUDIENCE_KINDS,
  CATEGORIES,
  VARIABLE_SOURCES,
  editable,
  isStatus,
} from '../components/campaigns/campaign-facts';
import {
  CampaignChannelsQuery,
  CampaignQuery,
  CampaignSegmentsQuery,
  CampaignTemplatesQuery,
  EstimateCampaignQuery,
  SampleContactQuery,
  ScheduleCampaignMutation,
  SendTestMessageMutation,
  StartCampaignMutation,
  UpdateCampaignMutation,
} from '../components/campaigns/documents';
import {
  draftFieldErrors,
  draftInput,
  draftValues,
  zonedInstant,
  zonedLocal,
} from '../components/campaigns/draft-input.server';
import { EstimateCard } from '../components/campaigns/estimate-card';
import { LaunchChoice } from '../components/campaigns/launch-choice';
import { headerMediaAction } from '../components/campaigns/header-media.server';
import {
  ButtonParameterLabel,
  HeaderMediaForm,
  HeaderMediaStep,
  isMediaFormat,
} from '../components/campaigns/header-media-step';
import { MessagePreview } from '../components/campaigns/message-preview';
import { draftSchema, scheduleSchema, testSendSchema } from '../components/campaigns/schemas';
import { InlineErrorBoundary } from '../components/error-page';
import { parseComponents, templatePreview } from '../components/templates/template-preview';
import { Alert, FormError } from '../components/ui/alert';
import { Button, buttonClass } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { Field, SelectField } from '../components/ui/field';
import { refused } from '../utils/action.server';
import { can, requirePermission } from '../utils/auth.server';
import { requireSameOrigin } from '../utils/csrf.server';
import { timeZoneAbbreviation, type TimeZone } from '../utils/format';
import { parseForm, parseValues, type FieldErrors } from '../utils/forms';
import { errorResponse, gql, gqlForm, gqlResult } from '../utils/graphql.server';
import type { Message } from '../utils/message';
import type { RouteHandle } from '../utils/route-handle';
import { redirectWithToast } from '../utils/toast.server';

export const handle: RouteHandle = { titleKey: 'campaigns.editor.title' };

type Intent = 'save' | 'test' | 'start' | 'schedule' | 'media';

interface EditorActionData {
  intent: Intent;
  formError?: Message;
  fieldErrors?: FieldErrors;
  testResult?: { status: string; errorCode: number | null };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'CAMPAIGNS_WRITE');
  const id = params.campaignId ?? '';
  const { campaign } = await gql(request, CampaignQuery, { id });
  if (!editable(campaign.status)) throw redirect(`/campaigns/${id}`);
  const readsContacts = can(user, 'CONTACTS_READ');
  // The preview's contact is one who would receive it: in the audience and not opted out.
  const audienceFilter = {
    suppression: 'NONE' as const,
    ...(campaign.audience.kind === 'TAGS' && campaign.audience.tags.length > 0
      ? { tags: campaign.audience.tags }
      : campaign.audience.kind === 'SEGMENT' && campaign.audience.segmentId
        ? { segmentId: campaign.audience.segmentId }
        : {}),
  };
  const [channels, templates, segments, sample, estimate] = await Promise.all([
    can(user, 'CHANNELS_READ') ? gql(request, CampaignChannelsQuery).then((data) => data.channels) : [],
    campaign.channelId && can(user, 'TEMPLATES_READ')
      ? gql(request, CampaignTemplatesQuery, { channelId: campaign.channelId }).then((data) =>
          data.templates.edges.map((edge) => edge.node),
        )
      : [],
    readsContacts ? gql(request, CampaignSegmentsQuery).then((data) => data.segments) : [],
    readsContacts
      ? gqlResult(request, SampleContactQuery, { filter: audienceFilter }).then(
          (result) => result.data?.contacts.edges[0]?.node ?? null,
        )
      : null,
    campaign.templateId ? gqlResult(request, EstimateCampaignQuery, { id }) : null,
  ]);
  // Only what Meta approved and campaigns can fill, and the one already chosen (whatever became of it).
  const usable = templates.filter(
    (template) => template.id === campaign.templateId || (template.status === 'APPROVED' && !template.unsupported),
  );
  const chosen = templates.find((template) => template.id === campaign.templateId) ?? null;
  return {
    campaign,
    channels,
    templates: usable,
    chosen,
    segments,
    sample,
    estimate: estimate?.data?.estimateCampaign ?? null,
    estimateError: estimate?.error?.message ?? null,
    scheduleValue: campaign.scheduledAt ? zonedLocal(campaign.scheduledAt, campaign.timeZone) : '',
    canSend: can(user, 'CAMPAIGNS_SEND'),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const id = params.campaignId ?? '';
  const form = await request.formData();
  const intent = form.get('intent');
  const back = `/campaigns/${id}/edit`;
  if (intent === 'save') {
    await requirePermission(request, 'CAMPAIGNS_WRITE');
    const parsed = parseValues(draftSchema, draftValues(form));
    if (!parsed.ok) {
      return refused<EditorActionData>({
        intent,
        formError: { key: 'campaigns.form.fixFields', params: { count: Object.keys(parsed.fieldErrors).length } },
        fieldErrors: parsed.fieldErrors,
      });
    }
    const result = await gqlForm(request, UpdateCampaignMutation, { id, input: draftInput(parsed.data) });
    if (result.failure) {
      const { fieldErrors, ...failure } = result.failure;
      return refused<EditorActionData>(
        { intent, ...failure, ...(fieldErrors ? { fieldErrors: draftFieldErrors(fieldErrors) } : {}) },
        result.status,
      );
    }
    return redirectWithToast(back, { type: 'success', key: 'campaigns.editor.saved' });
  }
  if (intent === 'media') {
    await requirePermission(request, 'CAMPAIGNS_WRITE');
    const { campaign } = await gql(request, CampaignQuery, { id });
    return headerMediaAction(request, id, campaign.channelId ?? null, form);
  }
  await requirePermission(request, 'CAMPAIGNS_SEND');
  if (intent === 'test') {
    const parsed = parseForm(testSendSchema, form);
    if (!parsed.ok) return refused<EditorActionData>({ intent, fieldErrors: parsed.fieldErrors });
    const result = await gqlForm(request, SendTestMessageMutation, { id, phone: parsed.data.phone });
    if (result.failure) return refused<EditorActionData>({ intent, ...result.failure }, result.status);
    return { intent, testResult: result.data.sendTestMessage } satisfies EditorActionData;
  }
  if (intent === 'start') {
    // The estimate's offer when the messaging limit would spread the campaign over too many days.
    const todayOnly = form.get('todayOnly') === 'true';
    const result = await gqlForm(request, StartCampaignMutation, { id, todayOnly });
    if (result.failure) return refused<EditorActionData>({ intent, ...result.failure }, result.status);
    return redirectWithToast(`/campaigns/${id}`, {
      type: 'success',
      key: todayOnly ? 'campaigns.launch.startedToday' : 'campaigns.launch.started',
    });
  }
  if (intent === 'schedule') {
    const parsed = parseForm(scheduleSchema, form);
    if (!parsed.ok) return refused<EditorActionData>({ intent, fieldErrors: parsed.fieldErrors });
    const { campaign } = await gql(request, CampaignQuery, { id });
    const at = zonedInstant(parsed.data.at, campaign.timeZone);
    if (!at)
      return refused<EditorActionData>({ intent, fieldErrors: { at: { key: 'campaigns.form.scheduleFormat' } } });
    const result = await gqlForm(request, ScheduleCampaignMutation, { id, at });
    if (result.failure) {
      // The API names the instant `at`: the only field here.
      return refused<EditorActionData>({ intent, ...result.failure }, result.status);
    }
    return redirectWithToast(`/campaigns/${id}`, { type: 'success', key: 'campaigns.launch.scheduled' });
  }
  throw errorResponse({ messageKey: 'errors.generic' }, 400);
}

/** The wizard on a draft: channel, template, mapping, audience, window; then estimate, test send and launch. */
export default function CampaignEditorPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const { campaign, chosen, sample } = data;
  const feedback = (intent: Intent) => (actionData?.intent === intent ? (actionData as EditorActionData) : undefined);
  const save = feedback('save');
  const errors = save?.fieldErrors ?? {};
  const preview = chosen ? templatePreview(parseComponents(chosen.components)) : null;
  const parameters = [...new Set(preview?.parameters.map((parameter) => parameter.name) ?? [])];
  const mapping = (parameter: string) => campaign.variables.find((variable) => variable.parameter === parameter);
  const zone = timeZoneAbbreviation(campaign.timeZone as TimeZone);
  return (
    <>
      <p className="page__eyebrow">
        <Link to={`/campaigns/${campaign.id}`}>{t('campaigns.editor.back')}</Link>
      </p>
      <h1 className="page__title">{t('campaigns.editor.title')}</h1>
      <p className="page__lead">{t('campaigns.editor.intro')}</p>
      <div className="stack">
        {campaign.status === 'SCHEDULED' && campaign.scheduledAt ? (
          <Alert tone="info">
            <p>{t('campaigns.editor.scheduledNote')}</p>
          </Alert>
        ) : null}
        <Form method="post" noValidate className="stack" aria-label={t('campaigns.editor.formLabel')}>
          <FormError message={save?.formError} />
          <Card title={t('campaigns.editor.steps.channel')} icon="phone">
            <div className="campaign-form">
              <Field
                label={t('campaigns.editor.name')}
                name="name"
                defaultValue={campaign.name}
                maxLength={120}
                error={errors.name}
              />
              <SelectField
                label={t('campaigns.editor.channel')}
                name="channelId"
                defaultValue={campaign.channelId ?? ''}
                error={errors.channelId}
                hint={t('campaigns.editor.channelHint')}
              >
                <option value="">{t('campaigns.editor.choose')}</option>
                {data.channels.map((channel) => (
                  <option key={channel.id} value={channel.id}>
                    {channel.name} ({channel.displayNumber ?? channel.phoneNumberId})
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('campaigns.editor.template')}
                name="templateId"
                defaultValue={campaign.templateId ?? ''}
                error={errors.templateId}
                hint={data.templates.length === 0 ? t('campaigns.editor.noTemplates') : undefined}
              >
                <option value="">{t('campaigns.editor.choose')}</option>
                {data.templates.map((template) => (
                  <option key={template.id} value={template.id}>
                    {template.name} ({template.language},{' '}
                    {isStatus(CATEGORIES, template.category)
                      ? t(`campaigns.category.${template.category}`)
                      : template.category}
                    )
                  </option>
                ))}
              </SelectField>
            </div>
          </Card>
          <Card title={t('campaigns.editor.steps.variables')} icon="templates">
            {!preview ? (
              <p className="field__hint">{t('campaigns.editor.chooseTemplateFirst')}</p>
            ) : (
              <div className="campaign-variables">
                <div className="campaign-variables__map">
                  {isMediaFormat(preview.header?.format) ? (
                    <HeaderMediaStep
                      format={preview.header.format}
                      media={campaign.headerMedia ?? null}
                      feedback={feedback('media')}
                    />
                  ) : null}
                  {parameters.length === 0 ? (
                    <p className="field__hint">{t('templates.parameters.none')}</p>
                  ) : (
                    parameters.map((parameter, index) => {
                      const current = mapping(parameter);
                      // The draft's checks name a row by its place: `mapping.<index>.fallback`.
                      const rowError = (field: string) => errors[`mapping.${index}.${field}`];
                      return (
                        <fieldset key={parameter} className="campaign-variable">
                          <legend className="campaign-variable__name">
                            <code className="template-param">{`{{${parameter}}}`}</code>
                            <ButtonParameterLabel parameter={parameter} buttons={preview.buttons} />
                          </legend>
                          <input type="hidden" name="parameters" value={parameter} />
                          <SelectField
                            label={t('campaigns.editor.source')}
                            name={`var.${parameter}.source`}
                            defaultValue={current?.source ?? ''}
                            error={rowError('source')}
                          >
                            <option value="">{t('campaigns.editor.choose')}</option>
                            {VARIABLE_SOURCES.map((source) => (
                              <option key={source} value={source}>
                                {t(`campaigns.source.${source}`)}
                              </option>
                            ))}
                          </SelectField>
                          <Field
                            label={t('campaigns.editor.value')}
                            name={`var.${parameter}.value`}
                            defaultValue={current?.value ?? ''}
                            hint={t('campaigns.editor.valueHint')}
                            error={rowError('value')}
                          />
                          <Field
                            label={t('campaigns.editor.fallback')}
                            name={`var.${parameter}.fallback`}
                            defaultValue={current?.fallback ?? ''}
                            hint={t('campaigns.editor.fallbackHint')}
                            error={rowError('fallback')}
                          />
                        </fieldset>
                      );
                    })
                  )}
                </div>
                <div className="campaign-variables__preview">
                  <p className="field__label">
                    {sample
                      ? t('campaigns.editor.previewFor', { name: sample.name ?? sample.phone })
                      : t('campaigns.editor.previewNoContact')}
                  </p>
                  <MessagePreview
                    preview={preview}
                    mappings={campaign.variables}
                    contact={sample}
                    headerMedia={campaign.headerMedia ?? null}
                  />
                  <p className="field__hint">{t('campaigns.editor.previewHint')}</p>
                </div>
              </div>
            )}
          </Card>
          <Card title={t('campaigns.editor.steps.audience')} icon="contacts">
            {campaign.audience.kind === 'RETARGET' ? (
              <>
                <input type="hidden" name="audienceKind" value="RETARGET" />
                <p className="field__hint">{t('campaigns.audience.retargetNote')}</p>
              </>
            ) : (
              <fieldset className="campaign-form">
                <legend className="visually-hidden">{t('campaigns.editor.steps.audience')}</legend>
                <div className="campaign-choices" role="radiogroup" aria-label={t('campaigns.editor.audienceKind')}>
                  {AUDIENCE_KINDS.map((kind) => (
                    <label key={kind} className="checkbox campaign-choice">
                      <input
                        type="radio"
                        name="audienceKind"
                        value={kind}
                        defaultChecked={campaign.audience.kind === kind}
                      />
                      <span>{t(`campaigns.audience.${kind}`)}</span>
                    </label>
                  ))}
                </div>
                <Field
                  label={t('campaigns.editor.tags')}
                  name="tags"
                  defaultValue={campaign.audience.tags.join(', ')}
                  hint={t('campaigns.editor.tagsHint')}
                  error={errors.tags}
                />
                <SelectField
                  label={t('campaigns.editor.segment')}
                  name="segmentId"
                  defaultValue={campaign.audience.segmentId ?? ''}
                  error={errors.segmentId}
                >
                  <option value="">{t('campaigns.editor.choose')}</option>
                  {data.segments.map((segment) => (
                    <option key={segment.id} value={segment.id}>
                      {segment.name}
                    </option>
                  ))}
                </SelectField>
              </fieldset>
            )}
          </Card>
          <Card title={t('campaigns.editor.steps.window')} icon="clock">
            <p className="field__hint">{t('campaigns.editor.windowHint', { zone })}</p>
            <div className="campaign-form campaign-form--row">
              <Field
                label={t('campaigns.editor.windowStart')}
                name="windowStart"
                type="time"
                defaultValue={campaign.windowStart ?? ''}
                error={errors['window.start']}
              />
              <Field
                label={t('campaigns.editor.windowEnd')}
                name="windowEnd"
                type="time"
                defaultValue={campaign.windowEnd === '24:00' ? '23:59' : (campaign.windowEnd ?? '')}
                error={errors['window.end']}
              />
            </div>
          </Card>
          <div className="campaign-form__actions">
            <Button intent="save" pendingLabel={t('campaigns.editor.saving')}>
              {t('campaigns.editor.save')}
            </Button>
          </div>
        </Form>
        <HeaderMediaForm />
        <EstimateCard estimate={data.estimate} error={data.estimateError} />
        {data.canSend ? (
          <>
            <Card title={t('campaigns.test.title')} icon="phone">
              <Form method="post" noValidate className="campaign-form campaign-form--row">
                <FormError message={feedback('test')?.formError} />
                <Field
                  label={t('campaigns.test.phone')}
                  name="phone"
                  type="tel"
                  inputMode="tel"
                  placeholder="0812-3456-7890"
                  hint={t('campaigns.test.hint')}
                  error={feedback('test')?.fieldErrors?.phone}
                />
                <Button intent="test" variant="secondary" pendingLabel={t('campaigns.test.sending')}>
                  {t('campaigns.test.send')}
                </Button>
              </Form>
              {feedback('test')?.testResult ? <TestResult result={feedback('test')!.testResult!} /> : null}
            </Card>
            <Card title={t('campaigns.editor.steps.launch')} icon="campaigns">
              <p className="field__hint">{t('campaigns.launch.savedOnly')}</p>
              <FormError message={feedback('start')?.formError ?? feedback('schedule')?.formError} />
              <div className="campaign-launch">
                <LaunchChoice estimate={data.estimate} />
                <Form method="post" noValidate className="campaign-form campaign-form--row">
                  <Field
                    label={t('campaigns.launch.at', { zone })}
                    name="at"
                    type="datetime-local"
                    defaultValue={data.scheduleValue}
                    error={feedback('schedule')?.fieldErrors?.at}
                  />
                  <Button intent="schedule" variant="secondary" pendingLabel={t('campaigns.launch.scheduling')}>
                    {t('campaigns.launch.schedule')}
                  </Button>
                </Form>
              </div>
            </Card>
          </>
        ) : null}
        <p>
          <Link to="/campaigns" className={buttonClass({ variant: 'secondary' })}>
            {t('campaigns.editor.toList')}
          </Link>
        </p>
      </div>
    </>
  );
}

function TestResult({ result }: { result: { status: string; errorCode: number | null } }) {
  const { t } = useTranslation();
  if (result.status === 'SENT') {
    return (
      <Alert tone="success">
        <p>{t('campaigns.test.sent')}</p>
      </Alert>
    );
  }
  return (
    <Alert tone={result.status === 'FAILED' ? 'danger' : 'warning'}>
      <p>
        {result.status === 'FAILED'
          ? t('campaigns.test.failed', { code: result.errorCode ?? '-' })
          : t('campaigns.test.unknown')}
      </p>
    </Alert>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
