import { DEFAULT_OPT_OUT_KEYWORDS, matchOptOut, type KeywordMatch } from '../../src/modules/contacts/keywords';

/** Replies and what the book does with them (issue 16, point 4): the whole message acts; a sentence is flagged. */
const CASES: [string, KeywordMatch['kind'], string | null][] = [
  ['Stop', 'OPT_OUT', 'STOP'],
  ['stop.', 'OPT_OUT', 'STOP'],
  ['STOP!!!', 'OPT_OUT', 'STOP'],
  ['  stop  ', 'OPT_OUT', 'STOP'],
  ['BERHENTI 🙏', 'OPT_OUT', 'BERHENTI'],
  ['berhenti', 'OPT_OUT', 'BERHENTI'],
  ['Unsubscribe', 'OPT_OUT', 'UNSUBSCRIBE'],
  ['unsub 😡', 'OPT_OUT', 'UNSUB'],
  ['Stop promo', 'OPT_OUT', 'STOP PROMO'],
  ['stop   promo!', 'OPT_OUT', 'STOP PROMO'],
  ['Berhenti langganan.', 'OPT_OUT', 'BERHENTI LANGGANAN'],
  ['tolong berhenti kirim', 'REVIEW', 'BERHENTI'],
  ['please stop sending me this', 'REVIEW', 'STOP'],
  ['saya mau stop promo ini', 'REVIEW', 'STOP PROMO'],
  ['STOPKONTAK', 'NONE', null],
  ['stopwatch', 'NONE', null],
  ['Terima kasih', 'NONE', null],
  ['🙏', 'NONE', null],
  ['', 'NONE', null],
];

describe('opt-out keyword matching', () => {
  it.each(CASES)('%j -> %s', (reply, kind, keyword) => {
    const match = matchOptOut(reply, DEFAULT_OPT_OUT_KEYWORDS);
    expect(match.kind).toBe(kind);
    expect(match).toEqual(keyword ? { kind, keyword } : { kind });
  });

  it('uses the workspace’s own list: a removed keyword no longer acts, an added one does', () => {
    expect(matchOptOut('stop', ['BERHENTI']).kind).toBe('NONE');
    expect(matchOptOut('Jangan kirim lagi', ['JANGAN KIRIM LAGI']).kind).toBe('OPT_OUT');
  });
});
