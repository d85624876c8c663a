/** Reading import files into rows: the line each CSV row starts on, malformed rows kept apart, and errors that repeat no cell. */
import { describe, expect, it } from 'vitest';
import { RecordFileError, rowsFromCsv, rowsFromJson } from '../../src/workspace/record-rows.ts';

const csv = (text: string) => rowsFromCsv(Buffer.from(text, 'utf8'));
const SECRET = 'Kim, who must never be named';

describe('rowsFromCsv', () => {
  it('numbers each row by the line it starts on, across blank lines and cells written on several lines', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const text = ['kind,identity', 'witness,', '', `media,"two${newline}lines"`, ',', 'official,x', ''].join(newline);
      const { columns, rows } = csv(text);
      expect(columns, JSON.stringify(newline)).toEqual(['kind', 'identity']);
      expect(rows.map((r) => [r.row, r.fields.kind]), JSON.stringify(newline)).toEqual([[2, 'witness'], [4, 'media'], [7, 'official']]);
      expect(rows[1]!.fields.identity).toBe(`two${newline}lines`);
    }
  });

  it('reads a byte-order mark, trims column names, and counts lines after non-ASCII text', () => {
    const { columns, rows } = csv('\uFEFF kind , summary\nwitness,北京で聞いた話\nmedia,"Séoul\nPyongyang"\nofficial,ok\n');
    expect(columns).toEqual(['kind', 'summary']);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 5]);
  });

  it('keeps a row with the wrong number of cells apart, and reads the rows around it', () => {
    const { rows } = csv(`kind,identity\nwitness,a\nmedia,"${SECRET}",extra\nofficial,b\n`);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(rows[1]).toEqual({ row: 3, fields: {}, problem: { field: '', error: 'this line has 3 cells where the header has 2' } });
    expect(rows[2]!.fields).toEqual({ kind: 'official', identity: 'b' });
  });

  it('refuses a file it cannot read as a whole, without repeating a cell', () => {
    const refusals: Array<[string, RegExp]> = [
      [`kind,identity\nwitness,"${SECRET}\n`, /^line \d+: a quoted cell is never closed$/],
      [`kind,identity\nwitness,"${SECRET}"x\n`, /text after its closing quote/],
      [`kind,identity\nwitness,a "${SECRET}" b\n`, /quote appears inside a cell/],
      ['', /the file is empty/],
      ['kind,,identity\nwitness,,a\n', /column 2 has no name/],
      ['kind,kind\nwitness,media\n', /"kind" is named twice/],
    ];
    for (const [text, message] of refusals) {
      expect(() => csv(text), text).toThrow(RecordFileError);
      expect(() => csv(text), text).toThrow(message);
      try {
        csv(text);
      } catch (error) {
        expect((error as Error).message).not.toContain('Kim');
      }
    }
  });
});

describe('rowsFromJson', () => {
  it('numbers entries from 1 and keeps one that is not an object apart', () => {
    const rows = rowsFromJson(JSON.stringify([{ kind: 'witness' }, 'text', [1], null, { kind: 'media' }]));
    expect(rows.map((r) => [r.row, r.problem?.error ?? r.fields.kind])).toEqual([
      [1, 'witness'], [2, 'this entry is not an object of fields'], [3, 'this entry is not an object of fields'], [4, 'this entry is not an object of fields'], [5, 'media'],
    ]);
  });

  it('says where the JSON breaks without quoting it, and wants a list', () => {
    const broken = `[\n  {"kind": "witness", "identity": "${SECRET}" "contact": 1}\n]`;
    expect(() => rowsFromJson(broken)).toThrow(/^this is not valid JSON near line 2, column \d+$/);
    try {
      rowsFromJson(broken);
    } catch (error) {
      expect((error as Error).message).not.toContain('Kim');
    }
    expect(() => rowsFromJson('{"kind": "witness"}')).toThrow(/holds a list of records/);
    expect(rowsFromJson('\uFEFF[]')).toEqual([]);
  });
});
