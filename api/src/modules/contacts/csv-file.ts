import { Readable } from 'node:stream';
import { parse, type Info } from 'csv-parse';
import { AppError } from '../../core/app-error';
import { normalizePhone } from './phone';

/**
 * What a CSV upload must be before anything reads its rows: UTF-8 (with or without a BOM),
 * comma- or semicolon-separated text. Other encodings are refused by name, not misread.
 */
export const MAX_COLUMNS = 200;
export const PREVIEW_ROWS = 5;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function refuse(key: string, params: Record<string, string | number> = {}): never {
  throw new AppError('BAD_USER_INPUT', key, params, { file: key });
}

export function checkEncoding(file: Buffer): void {
  if (file.length === 0) refuse('contacts.import.empty');
  if ((file[0] === 0xff && file[1] === 0xfe) || (file[0] === 0xfe && file[1] === 0xff)) refuse('contacts.import.utf16');
  // UTF-16 without a BOM: every other byte of ASCII text is NUL. Any NUL byte means not text.
  if (file.includes(0)) refuse('contacts.import.binary');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    refuse('contacts.import.notUtf8');
  }
}

/** Comma or semicolon: whichever the first line has more of (outside quotes). */
export function detectDelimiter(file: Buffer): ',' | ';' {
  const start = file.subarray(0, 3).equals(UTF8_BOM) ? 3 : 0;
  const head = file.subarray(start, Math.min(file.length, start + 64 * 1024)).toString('utf8');
  const firstLine =
    head
      .replace(/"[^"]*"/g, '')
      .split(/\r?\n/)
      .find((line) => line.trim().length > 0) ?? '';
  const count = (character: string) => firstLine.split(character).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export interface CsvRecord {
  cells: string[];
  /** The line the record starts on (1-based), as a spreadsheet shows it. */
  line: number;
}

function* slices(file: Buffer, size = 64 * 1024): Generator<Buffer> {
  for (let start = 0; start < file.length; start += size) yield file.subarray(start, start + size);
}

/** Streams the records of a file: BOM dropped, empty lines skipped, quoted newlines kept. */
export async function* readRecords(file: Buffer, delimiter: string): AsyncGenerator<CsvRecord> {
  // In slices, so the parser's output waits for its reader: one 50 MB chunk would be parsed in a
  // single call, every record buffered before the first is read (memory, and GC time, grow with the file).
  const parser = Readable.from(slices(file)).pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // A line of separators only (",,,", a spreadsheet's blank row) is an empty line too.
      skip_records_with_empty_values: true,
      info: true,
      // A record longer than this is not a contact row (a 10,000-column row is ~60 KB).
      max_record_size: 1024 * 1024,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const newlines = record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);
      yield { cells: record, line: info.lines - newlines };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const line = (error as { lines?: number }).lines ?? 0;
    refuse('contacts.import.malformed', { line });
  } finally {
    parser.destroy();
  }
}

/** A first row is a header unless one of its cells is a phone number. */
export function looksLikeHeader(cells: string[]): boolean {
  return !cells.some((cell) => /\d{6,}/.test(cell.replace(/\D/g, '')) && normalizePhone(cell).ok);
}

const PHONE_NAMES = /^(phone|telepon|telp|no\.? ?hp|hp|nomor( hp| telepon| wa)?|whatsapp|wa|mobile|ponsel)$/i;
const NAME_NAMES = /^(name|nama|nama lengkap|full name)$/i;
const TAG_NAMES = /^(tags?|label|grup|group)$/i;

/** The mapping the wizard proposes from the header's names (the first matching column wins). */
export function suggestMapping(columns: string[]) {
  const find = (pattern: RegExp) => {
    const index = columns.findIndex((column) => pattern.test(column.trim()));
    return index >= 0 ? index : null;
  };
  return { phone: find(PHONE_NAMES) ?? 0, name: find(NAME_NAMES), tags: find(TAG_NAMES) };
}

/** Lines in the file: an upper bound of its rows, for progress before the exact count is known. */
export function countLines(file: Buffer): number {
  let lines = 0;
  for (let index = file.indexOf(10); index !== -1; index = file.indexOf(10, index + 1)) lines++;
  return file.length > 0 && file[file.length - 1] !== 10 ? lines + 1 : lines;
}
