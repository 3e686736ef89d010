import { VariableSource, type HeaderMediaValue, type VariableValue } from './campaign-types';

/**
 * A template's parameters and the send-time `components` built from a campaign's mapping
 * (GATEWAYS.md 1.1): named parameters (`{{first_name}}`) go with `parameter_name`, positional
 * ones (`{{1}}`) in order. Header text, header media (image, video, document), body text,
 * URL-button suffixes and copy-code (coupon) buttons carry parameters; docs/TEMPLATE-MEDIA.md
 * has Meta's shapes.
 */
export interface TemplateShape {
  parameterFormat: string;
  components: unknown[];
}

interface Component {
  type?: string;
  format?: string;
  text?: string;
  buttons?: { type?: string; url?: string }[];
}

/** A header Meta fills with a media object at send time. */
export type MediaFormat = 'IMAGE' | 'VIDEO' | 'DOCUMENT';
const MEDIA_FORMATS = new Set<string>(['IMAGE', 'VIDEO', 'DOCUMENT']);

/**
 * A button that takes a parameter: a URL button whose URL ends in a placeholder (its dynamic suffix), or the
 * copy-code button of a coupon template. `index` is the button's position in the template's BUTTONS component,
 * which is what Meta's `index` refers to. The mapping's key is `button_<index>`: Meta's named parameters are
 * lowercase letters and underscores only (GATEWAYS.md 1.1) and positional ones digits only, so the key never
 * collides with a header or body parameter.
 */
export interface ButtonParameter {
  index: number;
  kind: 'URL' | 'COPY_CODE';
  parameter: string;
}

/** Meta's limit on a copy-code button's coupon code (Coupon code templates, Messages API). */
export const MAX_COUPON_CODE_LENGTH = 15;

const PLACEHOLDER = /\{\{\s*([a-z0-9_]+)\s*\}\}/g;

function placeholders(text: string | undefined): string[] {
  return [...new Set([...(text ?? '').matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

export const buttonParameterName = (index: number): string => `button_${index}`;

function partOf(template: TemplateShape, type: string): Component | undefined {
  return (template.components as Component[]).find((part) => part.type?.toUpperCase() === type);
}

/** The media format of the template's header, or null for a text header or none. */
export function headerMediaFormat(template: TemplateShape): MediaFormat | null {
  const format = partOf(template, 'HEADER')?.format?.toUpperCase();
  return format && MEDIA_FORMATS.has(format) ? (format as MediaFormat) : null;
}

/** The buttons of the template that take a parameter, in Meta's index order. */
export function buttonParameters(template: TemplateShape): ButtonParameter[] {
  const buttons = partOf(template, 'BUTTONS')?.buttons ?? [];
  const found: ButtonParameter[] = [];
  buttons.forEach((button, index) => {
    const type = button.type?.toUpperCase();
    if (type === 'URL' && placeholders(button.url).length > 0) {
      found.push({ index, kind: 'URL', parameter: buttonParameterName(index) });
    } else if (type === 'COPY_CODE') {
      found.push({ index, kind: 'COPY_CODE', parameter: buttonParameterName(index) });
    }
  });
  return found;
}

/** The parameters of each part that has some: `{ body: ['1', '2'], header: [], buttons: ['button_0'] }`. */
export function templateParameters(template: TemplateShape): { header: string[]; body: string[]; buttons: string[] } {
  const header = partOf(template, 'HEADER');
  const body = partOf(template, 'BODY');
  return {
    header: header?.format?.toUpperCase() === 'TEXT' ? placeholders(header.text) : [],
    body: placeholders(body?.text),
    buttons: buttonParameters(template).map((button) => button.parameter),
  };
}

/** Every parameter the template needs that the mapping does not give (header media is checked on its own). */
export function missingParameters(template: TemplateShape, mapping: VariableValue[]): string[] {
  const given = new Set(mapping.map((variable) => variable.parameter));
  const { header, body, buttons } = templateParameters(template);
  return [...new Set([...header, ...body, ...buttons])].filter((parameter) => !given.has(parameter));
}

export interface Recipient {
  phone: string;
  name: string | null;
  attributes: Record<string, string>;
}

/** One parameter's value for a recipient: the mapped value, else the fallback, else a dash (Meta refuses empty text). */
export function valueFor(variable: VariableValue, recipient: Recipient): string {
  let value: string | null | undefined;
  switch (variable.source) {
    case VariableSource.NAME:
      value = recipient.name;
      break;
    case VariableSource.PHONE:
      value = recipient.phone;
      break;
    case VariableSource.ATTRIBUTE:
      value = variable.value ? recipient.attributes[variable.value] : null;
      break;
    case VariableSource.TEXT:
      value = variable.value;
      break;
  }
  const trimmed = value?.trim();
  if (trimmed) return trimmed;
  return variable.fallback?.trim() || '-';
}

/**
 * The header's media parameter: `{ type: 'image', image: { link } }` or `{ id }` (Meta's id for the sending phone
 * number, resolved at launch); a document also carries the file name the recipient sees. Null when the header
 * needs none or the campaign has no usable media (the launch refuses that before any send).
 */
export function headerMediaParameter(format: MediaFormat, media: HeaderMediaValue | null | undefined): unknown {
  if (!media) return null;
  const type = format.toLowerCase();
  const source = media.source === 'LINK' ? { link: media.link } : media.metaMediaId ? { id: media.metaMediaId } : null;
  if (!source || (media.source === 'LINK' && !media.link)) return null;
  const object = format === 'DOCUMENT' && media.fileName ? { ...source, filename: media.fileName } : source;
  return { type, [type]: object };
}

/**
 * A URL button's suffix is appended by Meta to the template's URL as given: spaces and characters outside URLs are
 * percent-encoded (a contact attribute with a space would otherwise break the link), reserved ones (`/`, `?`, `=`)
 * are kept so a suffix may be a path or a query.
 */
const urlSuffix = (text: string): string => encodeURI(text);

/** The `components` of a send for one recipient. */
export function sendComponents(
  template: TemplateShape,
  mapping: VariableValue[],
  recipient: Recipient,
  headerMedia?: HeaderMediaValue | null,
): unknown[] {
  return componentsBuilder(template, mapping, headerMedia)(recipient);
}

/**
 * `sendComponents` for many recipients of one template, mapping and header media: the template's placeholders,
 * buttons and media are worked out once, not once per message (the dispatcher builds a batch's sends with one).
 */
export function componentsBuilder(
  template: TemplateShape,
  mapping: VariableValue[],
  headerMedia?: HeaderMediaValue | null,
): (recipient: Recipient) => unknown[] {
  const byName = new Map(mapping.map((variable) => [variable.parameter, variable]));
  const named = template.parameterFormat.toUpperCase() === 'NAMED';
  const { header, body } = templateParameters(template);
  const format = headerMediaFormat(template);
  const media = format ? headerMediaParameter(format, headerMedia) : null;
  const buttons = buttonParameters(template);
  const text = (name: string, recipient: Recipient) => {
    const variable = byName.get(name);
    return variable ? valueFor(variable, recipient) : '-';
  };
  const parameters = (names: string[], recipient: Recipient) =>
    names.map((name) =>
      named
        ? { type: 'text', parameter_name: name, text: text(name, recipient) }
        : { type: 'text', text: text(name, recipient) },
    );
  return (recipient) => {
    const components: unknown[] = [];
    if (media) components.push({ type: 'header', parameters: [media] });
    else if (header.length > 0) components.push({ type: 'header', parameters: parameters(header, recipient) });
    if (body.length > 0) components.push({ type: 'body', parameters: parameters(body, recipient) });
    for (const button of buttons) {
      const value = text(button.parameter, recipient);
      components.push(
        button.kind === 'URL'
          ? {
              type: 'button',
              sub_type: 'url',
              index: String(button.index),
              parameters: [{ type: 'text', text: urlSuffix(value) }],
            }
          : {
              type: 'button',
              sub_type: 'copy_code',
              index: String(button.index),
              parameters: [{ type: 'coupon_code', coupon_code: value }],
            },
      );
    }
    return components;
  };
}
