import { describe, it, expect } from 'vitest';
import { readPdf } from '../../src/documents/formats/pdf.ts';
import { DocumentError, type Block } from '../../src/documents/blocks.ts';
import { makeCjkPdf, makeImageOnlyPdf, makeTextPdf } from '../helpers/make-pdf.ts';

const TITLE = 'China: Crackdown on "illegal immigrants" likely to target North Korean refugees';
const HEADER = '27 March 2002 AI Index ASA 17/013/2002 - News Service Nr. 56';
const PARA_1 =
  'Amnesty International is concerned that a new crackdown on "illegal immigrants" announced by the ' +
  'authorities in the north-eastern provinces is likely to target North Korean refugees, who face ' +
  'serious human rights violations if they are forcibly returned.';
const PARA_2 =
  'The organization calls on the government to allow the UN High Commissioner for Refugees ' +
  'unimpeded access to North Koreans in the border area, so that their claims can be assessed.';
const PARA_3 =
  'Thousands of North Koreans are believed to have crossed the border in recent years to escape ' +
  'food shortages and persecution. Those returned risk detention, torture and, in some cases, execution.';

/** Paragraph text with the PDF's visual line breaks undone, for comparing with the source. */
const unwrap = (text: string): string => text.replace(/\n/g, ' ');

async function readStatement(): Promise<Block[]> {
  const bytes = await makeTextPdf([
    { text: TITLE, size: 18 },
    { text: '' },
    { text: HEADER },
    { text: '' },
    { text: PARA_1 },
    { text: '' },
    { text: PARA_2 },
    { text: '' },
    { text: 'Background', size: 14 },
    { text: '' },
    { text: PARA_3 },
  ]);
  return readPdf(bytes);
}

async function expectDocumentError(bytes: Uint8Array, message: RegExp): Promise<void> {
  const error: unknown = await readPdf(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DocumentError);
  expect((error as DocumentError).message).toMatch(message);
}

describe('readPdf', () => {
  it('reads a public statement as headings and paragraphs', async () => {
    const blocks = await readStatement();
    expect(blocks.map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
    ]);
    // The title is wider than the page and wraps, but stays one heading.
    expect(blocks[0]).toEqual({ kind: 'heading', depth: 1, text: TITLE });
    expect(blocks[1]).toEqual({ kind: 'paragraph', text: HEADER });
    expect(blocks[4]).toEqual({ kind: 'heading', depth: 2, text: 'Background' });
    const paragraphs = [blocks[2], blocks[3], blocks[5]].map((b) => unwrap(b?.text ?? ''));
    expect(paragraphs).toEqual([PARA_1, PARA_2, PARA_3]);
  });

  it('keeps the visual line breaks inside a paragraph', async () => {
    const blocks = await readStatement();
    const first = blocks[2];
    expect(first?.text.split('\n').length).toBeGreaterThan(1);
  });

  it('recognises a 13 pt heading over 11 pt body text, as Word sets Heading 2', async () => {
    const bytes = await makeTextPdf([{ text: 'Recommendations', size: 13 }, { text: PARA_1 }]);
    const blocks = await readPdf(bytes);
    expect(blocks[0]).toEqual({ kind: 'heading', depth: 1, text: 'Recommendations' });
    expect(unwrap(blocks[1]?.text ?? '')).toBe(PARA_1);
  });

  it('keeps a long large-font lead as a paragraph', async () => {
    const lead = `${PARA_1} ${PARA_2}`;
    const bytes = await makeTextPdf([{ text: lead, size: 14 }, { text: '' }, { text: PARA_3 }, { text: '' }, { text: PARA_1 }]);
    const blocks = await readPdf(bytes);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(unwrap(blocks[0]?.text ?? '')).toBe(lead);
  });

  it('does not split 1.5-spaced text into one-line paragraphs', async () => {
    const bytes = await makeTextPdf([{ text: PARA_1 }, { text: '' }, { text: PARA_2 }], { leading: 1.75 });
    const blocks = await readPdf(bytes);
    expect(blocks.map((b) => unwrap(b.text))).toEqual([PARA_1, PARA_2]);
  });

  it('splits a document of one-line paragraphs at its blank lines', async () => {
    const bytes = await makeTextPdf([{ text: 'First.' }, { text: '' }, { text: 'Second.' }, { text: '' }, { text: 'Third.' }]);
    expect(await readPdf(bytes)).toEqual([
      { kind: 'paragraph', text: 'First.' },
      { kind: 'paragraph', text: 'Second.' },
      { kind: 'paragraph', text: 'Third.' },
    ]);
  });

  it('ends a paragraph at a page break and reads every page', async () => {
    const filler = Array.from({ length: 70 }, (_, i) => ({ text: `Line ${i + 1} of the first paragraph.` }));
    const bytes = await makeTextPdf([...filler, { text: '' }, { text: 'Closing paragraph.' }]);
    const blocks = await readPdf(bytes);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const all = blocks.flatMap((b) => b.text.split('\n'));
    expect(all).toEqual([...filler.map((l) => l.text), 'Closing paragraph.']);
  });

  it('does not detach the caller\'s buffer', async () => {
    const bytes = await makeTextPdf([{ text: 'Hello.' }]);
    const length = bytes.byteLength;
    await readPdf(bytes);
    expect(bytes.byteLength).toBe(length);
    expect(await readPdf(bytes)).toEqual([{ kind: 'paragraph', text: 'Hello.' }]);
  });

  it('decodes text set in a non-embedded CJK font', async () => {
    // Without pdfjs's bundled CMaps this text comes back empty and the file
    // would be mistaken for a scan.
    expect(await readPdf(makeCjkPdf('国际特赦组织'))).toEqual([{ kind: 'paragraph', text: '国际特赦组织' }]);
  });

  it('refuses a PDF without a text layer', async () => {
    await expectDocumentError(await makeImageOnlyPdf(), /no text layer/);
  });

  it('refuses random bytes', async () => {
    let seed = 42;
    const random = Uint8Array.from({ length: 2048 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    await expectDocumentError(random, /^not a readable PDF: /);
  });

  it('refuses an empty file', async () => {
    await expectDocumentError(new Uint8Array(0), /^not a readable PDF: /);
  });

  it('refuses a truncated PDF', async () => {
    const bytes = await readStatementBytes();
    await expectDocumentError(bytes.slice(0, Math.floor(bytes.length / 2)), /^not a readable PDF: /);
  });

  it('refuses a password-protected PDF', async () => {
    const bytes = await makeTextPdf([{ text: 'Confidential.' }], { passwordProtected: true });
    await expectDocumentError(bytes, /password-protected/);
  });
});

function readStatementBytes(): Promise<Uint8Array> {
  return makeTextPdf([{ text: TITLE, size: 18 }, { text: '' }, { text: PARA_1 }]);
}
