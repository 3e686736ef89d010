/**
 * Opt-out replies. A reply opts the contact out only when the whole message is one of the
 * workspace's keywords (after trimming, case-folding and dropping punctuation and emoji):
 * "stop." and "BERHENTI 🙏" do; a keyword inside a sentence ("tolong berhenti kirim") is
 * flagged for a person to review, never acted on; a keyword inside a word ("STOPKONTAK",
 * a power socket) is nothing.
 */
export const DEFAULT_OPT_OUT_KEYWORDS = [
  'STOP',
  'BERHENTI',
  'UNSUBSCRIBE',
  'UNSUB',
  'STOP PROMO',
  'BERHENTI LANGGANAN',
];

export const MAX_KEYWORDS = 50;
export const MAX_KEYWORD_LENGTH = 40;

export type KeywordMatch =
  { kind: 'OPT_OUT'; keyword: string } | { kind: 'REVIEW'; keyword: string } | { kind: 'NONE' };

/** Letters and digits in upper case, every run of anything else one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleUpperCase('id-ID')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function matchOptOut(reply: string, keywords: readonly string[]): KeywordMatch {
  const folded = foldText(reply);
  if (folded.length === 0) return { kind: 'NONE' };
  const normalized = keywords.map(foldText).filter(Boolean);
  const whole = normalized.find((keyword) => keyword === folded);
  if (whole) return { kind: 'OPT_OUT', keyword: whole };
  const padded = ` ${folded} `;
  // Longest first, so "STOP PROMO" inside a sentence is reported as itself, not as "STOP".
  const inside = [...normalized].sort((a, b) => b.length - a.length).find((keyword) => padded.includes(` ${keyword} `));
  return inside ? { kind: 'REVIEW', keyword: inside } : { kind: 'NONE' };
}

/** A keyword list as a workspace saves it: folded, unique, in the order given. */
export function cleanKeywords(keywords: readonly string[]): string[] {
  return [...new Set(keywords.map(foldText).filter(Boolean))];
}
