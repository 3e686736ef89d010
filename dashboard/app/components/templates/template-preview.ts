/**
 * A template's components (Meta's JSON, exactly as synced) turned into what the templates page shows: the header,
 * the body with its parameters marked, the footer and the buttons, and the list of parameters a campaign will
 * fill, with Meta's example values. Named (`{{first_name}}`) and positional (`{{1}}`) parameters read the same
 * way; their examples come from different places in Meta's JSON.
 */

export type Segment = { kind: 'text'; text: string } | { kind: 'param'; name: string; example: string | null };

export interface PreviewButton {
  type: string;
  text: string;
  /** The URL or phone number behind the button, when it has one. */
  target: string | null;
}

export interface TemplateParameter {
  name: string;
  where: 'header' | 'body' | 'button';
  example: string | null;
}

export interface TemplatePreview {
  /** TEXT headers have segments; media headers (IMAGE, VIDEO, DOCUMENT, LOCATION) only their format. */
  header: { format: string; segments: Segment[] } | null;
  body: Segment[];
  footer: string | null;
  buttons: PreviewButton[];
  parameters: TemplateParameter[];
}

interface RawComponent {
  type?: string;
  format?: string;
  text?: string;
  example?: {
    header_text?: string[];
    header_text_named_params?: { param_name?: string; example?: string }[];
    body_text?: string[][];
    body_text_named_params?: { param_name?: string; example?: string }[];
  };
  buttons?: { type?: string; text?: string; url?: string; phone_number?: string; example?: string[] | string }[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Splits `Hi {{1}}!` into text and parameter pieces; `examples` maps a parameter's name to Meta's example. */
export function segments(text: string, examples: Map<string, string>): Segment[] {
  const pieces: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) pieces.push({ kind: 'text', text: text.slice(last, index) });
    const name = match[1]!;
    pieces.push({ kind: 'param', name, example: examples.get(name) ?? null });
    last = index + match[0].length;
  }
  if (last < text.length) pieces.push({ kind: 'text', text: text.slice(last) });
  return pieces;
}

/** Meta's examples by parameter name: named ones carry their names, positional ones are 1, 2, 3 in order. */
function examplesOf(named: { param_name?: string; example?: string }[] | undefined, positional: string[] | undefined) {
  const examples = new Map<string, string>();
  for (const param of named ?? []) {
    if (param.param_name && typeof param.example === 'string') examples.set(param.param_name, param.example);
  }
  (positional ?? []).forEach((example, index) => {
    if (typeof example === 'string') examples.set(String(index + 1), example);
  });
  return examples;
}

function parameterNames(pieces: Segment[]): { name: string; example: string | null }[] {
  const seen = new Map<string, string | null>();
  for (const piece of pieces) if (piece.kind === 'param' && !seen.has(piece.name)) seen.set(piece.name, piece.example);
  return [...seen].map(([name, example]) => ({ name, example }));
}

export function parseComponents(json: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

export function templatePreview(components: unknown[]): TemplatePreview {
  const preview: TemplatePreview = { header: null, body: [], footer: null, buttons: [], parameters: [] };
  for (const raw of components) {
    if (typeof raw !== 'object' || raw === null) continue;
    const component = raw as RawComponent;
    switch (component.type?.toUpperCase()) {
      case 'HEADER': {
        const format = (component.format ?? 'TEXT').toUpperCase();
        const examples = examplesOf(component.example?.header_text_named_params, component.example?.header_text);
        const pieces = format === 'TEXT' && component.text ? segments(component.text, examples) : [];
        preview.header = { format, segments: pieces };
        for (const param of parameterNames(pieces)) preview.parameters.push({ ...param, where: 'header' });
        break;
      }
      case 'BODY': {
        const examples = examplesOf(component.example?.body_text_named_params, component.example?.body_text?.[0]);
        preview.body = segments(component.text ?? '', examples);
        for (const param of parameterNames(preview.body)) preview.parameters.push({ ...param, where: 'body' });
        break;
      }
      case 'FOOTER':
        preview.footer = component.text ?? null;
        break;
      case 'BUTTONS':
        (component.buttons ?? []).forEach((button, index) => {
          const type = (button.type ?? '').toUpperCase();
          preview.buttons.push({ type, text: button.text ?? '', target: button.url ?? button.phone_number ?? null });
          const example = (Array.isArray(button.example) ? button.example[0] : button.example) ?? null;
          // A URL button's dynamic suffix (`https://shop.id/o/{{1}}`) and a coupon's code are filled per message. A
          // campaign maps them as `button_<index>` (Meta's index of the button), apart from body `{{1}}`.
          const dynamicUrl = button.url ? parameterNames(segments(button.url, new Map())).length > 0 : false;
          if (dynamicUrl || type === 'COPY_CODE') {
            preview.parameters.push({ name: `button_${index}`, where: 'button', example });
          }
        });
        break;
      default:
        break;
    }
  }
  return preview;
}
