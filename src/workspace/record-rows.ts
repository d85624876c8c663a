/**
 * The rows of an import file: a CSV file with a header row, or a JSON list of
 * objects. Each row keeps the number a person finds it by — its line in the
 * CSV file (the line it starts on), its position in the JSON list counted
 * from 1. A file that cannot be read at all is refused as a whole; a row that
 * is malformed on its own is passed on with its problem, so the rows around
 * it can still be imported. No message repeats a cell's value: a cell may
 * hold a sealed value (a source's identity, a report's full text).
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { LooseRecord } from './record-input.ts';

/** One row of an import file. */
export interface FileRow {
  /** The CSV line the row starts on, or the JSON entry's position from 1. */
  row: number;
  fields: LooseRecord;
  /** What is wrong with the row before any field is read (a wrong number of cells, an entry that is not an object). */
  problem?: { field: string; error: string };
}

/** A file that cannot be read as records at all; nothing of it is imported. */
export class RecordFileError extends Error {}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted cell has text after its closing quote (double a quote inside a quoted cell: "")',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted cell has text after its closing quote (double a quote inside a quoted cell: "")',
  INVALID_OPENING_QUOTE: 'a quote appears inside a cell that does not start with one (quote the whole cell and double the quotes inside it)',
};

/** The line each byte offset lies on, for offsets asked in increasing order. */
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let position = 0;
  let line = 1;
  return (offset) => {
    for (; position < offset && position < bytes.length; position += 1) {
      const byte = bytes[position];
      // \n, or a \r not followed by \n (old Mac files), ends a line.
      if (byte === 0x0a || (byte === 0x0d && bytes[position + 1] !== 0x0a)) line += 1;
    }
    return line;
  };
}

/** The index of the first byte at or after `offset` that is not a line break. */
function skipLineBreaks(bytes: Uint8Array, offset: number): number {
  let at = offset;
  while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at += 1;
  return at;
}

/** The rows of a CSV file (UTF-8, with or without a byte-order mark) whose first row names the columns. */
export function rowsFromCsv(bytes: Uint8Array): { columns: string[]; rows: FileRow[] } {
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // Every record is kept (no skipping of blank-valued ones) so that byte offsets give each record's first line.
    records = parse(Buffer.from(bytes), { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new RecordFileError(`${line ? `line ${line}: ` : ''}${CSV_PROBLEMS[error.code] ?? 'this is not a CSV file Vigil can read'}`);
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) throw new RecordFileError('the file is empty: the first line names the columns, each following line is one record');
  const columns = header.record.map((name) => name.trim());
  const blank = columns.findIndex((name) => name === '');
  if (blank >= 0) throw new RecordFileError(`line 1: column ${blank + 1} has no name`);
  const repeated = columns.find((name, index) => columns.indexOf(name) !== index);
  if (repeated) throw new RecordFileError(`line 1: the column "${repeated}" is named twice`);

  const lineOf = lineCounter(bytes);
  const rows: FileRow[] = [];
  let end = header.info.bytes;
  for (const { record, info } of body) {
    const row = lineOf(skipLineBreaks(bytes, end));
    end = info.bytes;
    // A line of separators only (",,,") is as blank as an empty one.
    if (record.every((cell) => cell.trim() === '')) continue;
    const fields: LooseRecord = {};
    columns.forEach((name, index) => {
      fields[name] = record[index] ?? '';
    });
    if (record.length !== columns.length) {
      rows.push({ row, fields: {}, problem: { field: '', error: `this line has ${record.length} cells where the header has ${columns.length}` } });
    } else {
      rows.push({ row, fields });
    }
  }
  return { columns, rows };
}

/** Where in the text a JSON syntax error is, as "line L, column C", from the parser's "position N". */
function placeOfJsonError(text: string, message: string): string {
  const match = /position (\d+)/.exec(message);
  if (!match) return '';
  const before = text.slice(0, Number(match[1]));
  const lines = before.split('\n');
  return ` near line ${lines.length}, column ${lines[lines.length - 1]!.length + 1}`;
}

/** The rows of a JSON file: a list of objects, each one record. */
export function rowsFromJson(text: string): FileRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // The parser's own message quotes the text around the error, which may be a sealed value.
    throw new RecordFileError(`this is not valid JSON${placeOfJsonError(text, (error as Error).message)}`);
  }
  if (!Array.isArray(value)) throw new RecordFileError('a JSON import file holds a list of records: [ { … }, { … } ]');
  return value.map((entry: unknown, index) => {
    const row = index + 1;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      return { row, fields: {}, problem: { field: '', error: 'this entry is not an object of fields' } };
    }
    return { row, fields: entry as LooseRecord };
  });
}
