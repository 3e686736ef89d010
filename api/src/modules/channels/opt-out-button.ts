/**
 * Opting out by button. A marketing template may carry a quick-reply button for it (WhatsApp
 * Manager's "marketing opt-out" button, "Stop promotions" by default, or one the business wrote
 * such as "Berhenti promosi"). Meta's template JSON has no flag telling that button apart from
 * other quick replies (as far as the public docs show), so a quick reply of a MARKETING
 * template is the opt-out button when its text says so. A reply to it arrives as a `button`
 * message (text + payload; the payload is the button text unless the sender set another) or, for
 * interactive messages, as a `button_reply` (title + id).
 */
const OPT_OUT_WORDS = /\b(stop|berhenti|hentikan|unsubscribe|opt[\s-]?out|jangan kirim)\b/i;

interface TemplateButton {
  type?: string;
  text?: string;
}
interface TemplateComponent {
  type?: string;
  buttons?: TemplateButton[];
}

const normal = (text: string) => text.trim().toLocaleLowerCase('id');

/** The opt-out buttons' texts of a template's components, normalized for comparison. */
export function optOutButtonTexts(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  return (components as TemplateComponent[])
    .filter((component) => component.type?.toUpperCase() === 'BUTTONS')
    .flatMap((component) => component.buttons ?? [])
    .filter(
      (button) => button.type?.toUpperCase() === 'QUICK_REPLY' && !!button.text && OPT_OUT_WORDS.test(button.text),
    )
    .map((button) => normal(button.text!));
}

export interface ButtonReplyMessage {
  type?: string;
  button?: { text?: string; payload?: string };
  interactive?: { type?: string; button_reply?: { id?: string; title?: string } };
}

/** What a button press says (its text and its payload or id); empty for any other message. */
export function buttonReplyOf(message: ButtonReplyMessage): string[] {
  const said =
    message.type === 'button'
      ? [message.button?.text, message.button?.payload]
      : message.type === 'interactive'
        ? [message.interactive?.button_reply?.title, message.interactive?.button_reply?.id]
        : [];
  return said.filter((value): value is string => typeof value === 'string' && value.trim() !== '').map(normal);
}

/** Whether a button press is one of these opt-out buttons. */
export function pressesOptOut(message: ButtonReplyMessage, optOutTexts: readonly string[]): boolean {
  const said = buttonReplyOf(message);
  return said.length > 0 && said.some((value) => optOutTexts.includes(value));
}
