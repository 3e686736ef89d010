import { VariableSource, type VariableValue } from './campaign-types';

/**
 * A template's parameters and the send-time `components` built from a campaign's mapping
 * (GATEWAYS.md 1.1): named parameters (`{{first_name}}`) go with `parameter_name`, positional
 * ones (`{{1}}`) in order. Header and body text carry parameters; the template's other parts
 * need none for the kinds the engine sends.
 */
export interface TemplateShape {
  parameterFormat: string;
  components: unknown[];
}

interface Component {
  type?: string;
  format?: string;
  text?: string;
}

const PLACEHOLDER = /\{\{\s*([a-z0-9_]+)\s*\}\}/g;

function placeholders(text: string | undefined): string[] {
  return [...new Set([...(text ?? '').matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

/** The parameters of each part that has some: `{ body: ['1', '2'], header: [] }`. */
export function templateParameters(template: TemplateShape): { header: string[]; body: string[] } {
  const parts = template.components as Component[];
  const header = parts.find((part) => part.type?.toUpperCase() === 'HEADER' && part.format?.toUpperCase() === 'TEXT');
  const body = parts.find((part) => part.type?.toUpperCase() === 'BODY');
  return { header: placeholders(header?.text), body: placeholders(body?.text) };
}

/** Every parameter the template needs that the mapping does not give. */
export function missingParameters(template: TemplateShape, mapping: VariableValue[]): string[] {
  const given = new Set(mapping.map((variable) => variable.parameter));
  const { header, body } = templateParameters(template);
  return [...new Set([...header, ...body])].filter((parameter) => !given.has(parameter));
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

/** The `components` of a send for one recipient. */
export function sendComponents(template: TemplateShape, mapping: VariableValue[], recipient: Recipient): unknown[] {
  return componentsBuilder(template, mapping)(recipient);
}

/**
 * `sendComponents` for many recipients of one template and mapping: the template's placeholders are parsed once,
 * not once per message (the dispatcher builds a batch's sends with one).
 */
export function componentsBuilder(
  template: TemplateShape,
  mapping: VariableValue[],
): (recipient: Recipient) => unknown[] {
  const byName = new Map(mapping.map((variable) => [variable.parameter, variable]));
  const named = template.parameterFormat.toUpperCase() === 'NAMED';
  const { header, body } = templateParameters(template);
  const parameters = (names: string[], recipient: Recipient) =>
    names.map((name) => {
      const variable = byName.get(name);
      const text = variable ? valueFor(variable, recipient) : '-';
      return named ? { type: 'text', parameter_name: name, text } : { type: 'text', text };
    });
  return (recipient) => {
    const components: unknown[] = [];
    if (header.length > 0) components.push({ type: 'header', parameters: parameters(header, recipient) });
    if (body.length > 0) components.push({ type: 'body', parameters: parameters(body, recipient) });
    return components;
  };
}
