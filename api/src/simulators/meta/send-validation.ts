/**
 * Meta's checks of a `POST /{phone-number-id}/messages` body, as far as the portal relies on them: the envelope
 * (`messaging_product`, `to`, `recipient_type`, `type`, `biz_opaque_callback_data`), text bodies, media by link
 * or uploaded id, and templates against the account's copy (name + language, status, the parameters the body and
 * header declare, named or positional). A refusal names Meta's code; the caller turns it into a Graph error body.
 */
export interface ParsedMessage {
  /** `to` as sent (Meta echoes it as `contacts[].input`). */
  input: string;
  /** The recipient's digits (`contacts[].wa_id`, `recipient_id` in webhooks). */
  waId: string;
  type: string;
  callbackData?: string;
  /** Set for template messages: what pricing is told. */
  template?: { name: string; language: string; category: string };
}

export type Validation = { ok: true; message: ParsedMessage } | { ok: false; code: number; details?: string };

/** Meta documents 512 for Calling only (GATEWAYS.md: UNCONF for messages); one place to change it. */
export const MAX_CALLBACK_DATA_LENGTH = 512;
const MAX_TEXT_LENGTH = 4096;
const MAX_TEMPLATE_BODY_LENGTH = 1024;
const FREE_FORM_TYPES = new Set(['interactive', 'location', 'contacts', 'reaction', 'sticker']);
const MEDIA_TYPES = new Set(['image', 'video', 'document', 'audio']);

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const refuse = (code: number, details?: string): Validation => ({ ok: false, code, ...(details ? { details } : {}) });

export function validateSend(
  body: unknown,
  templates: readonly Json[],
  senderDigits: string,
  knownMedia: (id: string) => boolean,
): Validation {
  if (!isObject(body)) return refuse(100, 'The request body must be a JSON object.');
  if (body.messaging_product !== 'whatsapp') {
    return refuse(100, 'The parameter messaging_product is required and must be "whatsapp".');
  }
  if (body.recipient_type !== undefined && body.recipient_type !== 'individual') {
    return refuse(131009, 'recipient_type must be "individual".');
  }
  if (typeof body.to !== 'string' || body.to.trim() === '') return refuse(131008, 'The parameter to is required.');
  const waId = body.to.replace(/[\s()+-]/g, '');
  if (!/^\d{8,15}$/.test(waId)) return refuse(131009, `The parameter to (${body.to}) is not a valid phone number.`);
  if (waId === senderDigits) return refuse(131021);
  const callbackData = body.biz_opaque_callback_data;
  if (
    callbackData !== undefined &&
    (typeof callbackData !== 'string' || callbackData.length > MAX_CALLBACK_DATA_LENGTH)
  ) {
    return refuse(
      131009,
      `biz_opaque_callback_data must be a string of at most ${MAX_CALLBACK_DATA_LENGTH} characters.`,
    );
  }
  const type = body.type ?? 'text';
  if (typeof type !== 'string') return refuse(131009, 'type must be a string.');
  const message: ParsedMessage = {
    input: body.to,
    waId,
    type,
    ...(typeof callbackData === 'string' ? { callbackData } : {}),
  };
  if (type === 'text') {
    const text = body.text;
    if (!isObject(text) || typeof text.body !== 'string' || text.body === '') {
      return refuse(131008, "The parameter text['body'] is required.");
    }
    if (text.body.length > MAX_TEXT_LENGTH) {
      return refuse(131009, `Param text['body'] must be at most ${MAX_TEXT_LENGTH} characters long.`);
    }
    return { ok: true, message };
  }
  if (MEDIA_TYPES.has(type)) {
    const media = body[type];
    if (!isObject(media) || (typeof media.link !== 'string' && typeof media.id !== 'string')) {
      return refuse(131008, `The parameter ${type} must have a link or an id.`);
    }
    if (typeof media.id === 'string' && !knownMedia(media.id))
      return refuse(131053, `Media id ${media.id} is unknown.`);
    return { ok: true, message };
  }
  if (FREE_FORM_TYPES.has(type)) {
    if (!isObject(body[type])) return refuse(131008, `The parameter ${type} is required.`);
    return { ok: true, message };
  }
  if (type !== 'template') return refuse(131051, `Message type ${type} is not supported.`);
  return validateTemplate(body.template, templates, message, knownMedia);
}

function validateTemplate(
  value: unknown,
  templates: readonly Json[],
  message: ParsedMessage,
  knownMedia: (id: string) => boolean,
): Validation {
  if (!isObject(value) || typeof value.name !== 'string' || value.name === '') {
    return refuse(131008, "The parameter template['name'] is required.");
  }
  const language = isObject(value.language) ? value.language.code : undefined;
  if (typeof language !== 'string' || language === '') {
    return refuse(131008, "The parameter template['language']['code'] is required.");
  }
  const name = value.name;
  const template = templates.find((candidate) => candidate.name === name && candidate.language === language);
  const missing = `template name (${name}) does not exist in ${language}`;
  if (!template) return refuse(132001, missing);
  if (template.status === 'PAUSED') return refuse(132015);
  if (template.status === 'DISABLED') return refuse(132016);
  if (template.status !== 'APPROVED') return refuse(132001, missing);
  if (value.components !== undefined && !Array.isArray(value.components)) {
    return refuse(131009, 'template components must be an array.');
  }
  const sent = (value.components ?? []) as unknown[];
  if (!sent.every(isObject)) return refuse(131009, 'Each template component must be an object.');
  const declared = (Array.isArray(template.components) ? template.components : []).filter(isObject);
  const named = String(template.parameter_format ?? 'POSITIONAL').toUpperCase() === 'NAMED';

  const body = declared.find((component) => String(component.type).toUpperCase() === 'BODY');
  const bodyParameters = parametersOf(sent, 'body');
  const bodyProblem = checkTextParameters(typeof body?.text === 'string' ? body.text : '', bodyParameters, named);
  if (bodyProblem) return bodyProblem;
  const hydrated = (typeof body?.text === 'string' ? body.text.length : 0) + textLength(bodyParameters);
  if (hydrated > MAX_TEMPLATE_BODY_LENGTH) return refuse(132005);

  const header = declared.find((component) => String(component.type).toUpperCase() === 'HEADER');
  const headerParameters = parametersOf(sent, 'header');
  const format = String(header?.format ?? 'TEXT').toUpperCase();
  if (header && MEDIA_TYPES.has(format.toLowerCase())) {
    const [media, ...extra] = headerParameters;
    if (!media || extra.length > 0) return refuse(132000, `The template's ${format} header needs one parameter.`);
    const inner = media[format.toLowerCase()];
    if (
      media.type !== format.toLowerCase() ||
      !isObject(inner) ||
      (typeof inner.link !== 'string' && typeof inner.id !== 'string')
    ) {
      return refuse(132012, `The header parameter must be of type ${format.toLowerCase()} with a link or an id.`);
    }
    if (typeof inner.id === 'string' && !knownMedia(inner.id)) {
      return refuse(131053, `Media id ${inner.id} was not uploaded for this phone number.`);
    }
  } else {
    const headerProblem = checkTextParameters(
      typeof header?.text === 'string' ? header.text : '',
      headerParameters,
      named,
    );
    if (headerProblem) return headerProblem;
  }
  const buttonsProblem = checkButtons(declared, sent);
  if (buttonsProblem) return buttonsProblem;
  const category = typeof template.category === 'string' ? template.category.toLowerCase() : 'marketing';
  return { ok: true, message: { ...message, template: { name, language, category } } };
}

function parametersOf(components: readonly Json[], type: string): Json[] {
  const component = components.find((candidate) => String(candidate.type).toLowerCase() === type);
  const parameters = component?.parameters;
  return Array.isArray(parameters) ? parameters.filter(isObject) : [];
}

function textLength(parameters: readonly Json[]): number {
  return parameters.reduce(
    (total, parameter) => total + (typeof parameter.text === 'string' ? parameter.text.length : 0),
    0,
  );
}

/** The placeholders of a template text: `{{1}}` (positional) or `{{first_name}}` (named), each once. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([a-z0-9_]+)\s*\}\}/g)].map((match) => match[1]!))];
}

function checkTextParameters(text: string, parameters: readonly Json[], named: boolean): Validation | undefined {
  const expected = placeholders(text);
  if (parameters.length !== expected.length) {
    return refuse(
      132000,
      `Number of parameters (${parameters.length}) does not match the expected number of params (${expected.length}).`,
    );
  }
  for (const parameter of parameters) {
    if (parameter.type !== 'text' && parameter.type !== 'currency' && parameter.type !== 'date_time') {
      return refuse(132012, `Parameter type ${String(parameter.type)} does not match the text placeholder.`);
    }
    if (parameter.type === 'text' && (typeof parameter.text !== 'string' || parameter.text.trim() === '')) {
      return refuse(132018, 'A text parameter needs a non-empty text.');
    }
  }
  if (named) {
    const names = parameters.map((parameter) => parameter.parameter_name);
    const unknown = names.find((name) => typeof name !== 'string' || !expected.includes(name));
    if (unknown !== undefined || new Set(names).size !== names.length) {
      return refuse(132018, `Named parameters must be exactly ${expected.join(', ')}.`);
    }
  }
  return undefined;
}

/** Meta's limit on a copy-code button's coupon code. */
const MAX_COUPON_CODE_LENGTH = 15;

/**
 * The `button` components of a send against the template's BUTTONS: a URL button whose URL ends in a placeholder
 * needs one `sub_type: url` component with one text parameter (the suffix), a COPY_CODE button one `copy_code`
 * component with one `coupon_code` parameter, each at its button's `index` (a number or a numeric string); a
 * quick reply may carry a payload. A parameter left out is Meta's count mismatch (132000), a component of the wrong
 * kind its format mismatch (132012).
 */
function checkButtons(declared: readonly Json[], sent: readonly Json[]): Validation | undefined {
  const part = declared.find((component) => String(component.type).toUpperCase() === 'BUTTONS');
  const buttons = (Array.isArray(part?.buttons) ? part.buttons : []).filter(isObject);
  const given = new Map<number, Json>();
  for (const component of sent.filter((candidate) => String(candidate.type).toLowerCase() === 'button')) {
    const index = typeof component.index === 'number' ? component.index : Number.parseInt(String(component.index), 10);
    if (
      !Number.isInteger(index) ||
      String(index) !== String(component.index) ||
      typeof component.sub_type !== 'string'
    ) {
      return refuse(131008, 'A button component needs a sub_type and a numeric index.');
    }
    if (index < 0 || index >= buttons.length) return refuse(131009, `There is no button at index ${index}.`);
    if (given.has(index)) return refuse(131009, `The button at index ${index} is given twice.`);
    given.set(index, component);
  }
  for (const [index, button] of buttons.entries()) {
    const type = String(button.type).toUpperCase();
    const dynamicUrl = type === 'URL' && typeof button.url === 'string' && placeholders(button.url).length > 0;
    const expected = dynamicUrl ? 'url' : type === 'COPY_CODE' ? 'copy_code' : null;
    const component = given.get(index);
    if (!expected) {
      if (component && !(type === 'QUICK_REPLY' && String(component.sub_type).toLowerCase() === 'quick_reply')) {
        return refuse(132000, `The button at index ${index} takes no parameter.`);
      }
      continue;
    }
    const parameters = Array.isArray(component?.parameters) ? component.parameters.filter(isObject) : [];
    if (!component || parameters.length !== 1) {
      return refuse(
        132000,
        `Number of parameters (${parameters.length}) does not match the expected number of params (1) for the button at index ${index}.`,
      );
    }
    if (String(component.sub_type).toLowerCase() !== expected) {
      return refuse(132012, `The button at index ${index} is of sub_type ${expected}.`);
    }
    const [parameter] = parameters as [Json];
    if (expected === 'url') {
      if (parameter.type !== 'text') return refuse(132012, `A URL button's parameter is of type text.`);
      if (typeof parameter.text !== 'string' || parameter.text.trim() === '') {
        return refuse(132018, `The URL suffix of the button at index ${index} is empty.`);
      }
    } else {
      if (parameter.type !== 'coupon_code')
        return refuse(132012, `A copy code button's parameter is of type coupon_code.`);
      if (typeof parameter.coupon_code !== 'string' || parameter.coupon_code.trim() === '') {
        return refuse(132018, 'The coupon code is empty.');
      }
      if (parameter.coupon_code.length > MAX_COUPON_CODE_LENGTH) {
        return refuse(131009, `A coupon code can be at most ${MAX_COUPON_CODE_LENGTH} characters.`);
      }
    }
  }
  return undefined;
}
