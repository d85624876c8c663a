import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DocumentError } from '../../src/documents/blocks.ts';
import type { ReadDocument } from '../../src/documents/document.ts';
import { decodeText, formatOfFile, readDocumentFile, type ReadResult } from '../../src/documents/read-file.ts';
import { recogniseDocument } from '../../src/documents/recognise/recognise-document.ts';

const MODEL_PATH = join(import.meta.dirname, '..', '..', '..', 'shared', 'seed', '000_56dab67169cb3d64.txt');
const MODEL_TITLE = 'China: Crackdown on "illegal immigrants" likely to target North Korean refugees';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function read(name: string, text: string | Uint8Array): Promise<ReadDocument> {
  const result = await readDocumentFile(name, typeof text === 'string' ? utf8(text) : text);
  if (!result.ok) throw new Error(`expected ${name} to be read, got: ${result.error}`);
  return result.document;
}

async function failure(name: string, bytes: Uint8Array, maxBytes?: number): Promise<string> {
  const result = await readDocumentFile(name, bytes, maxBytes);
  if (result.ok) throw new Error(`expected ${name} to be refused, it was read as "${result.document.title}"`);
  return result.error;
}

/** All text a document's sections hold, headings included. */
const sectionText = (document: ReadDocument): string =>
  document.sections.map((section) => `${section.heading ?? ''}\n${section.text}`).join('\n');

// Test documents, written for these tests. They restate the public facts of
// ../shared/facts/north-korean-refugees-2002.md in their own words.

const STATEMENT_TITLE = 'China: North Koreans in danger as April round-up of "illegal immigrants" nears';
const LEAD =
  'The organisation fears that the round-up of "illegal immigrants" which the Chinese authorities have announced for April is meant above all for North Koreans who have crossed the border.';
const EMBASSY =
  'Earlier in March a group of 25 North Koreans forced their way into the Spanish embassy in Beijing and asked to be given refugee status. They left for Manila the next day and travelled on to Seoul.';
const CALL =
  'The Chinese government should let every North Korean who asks for asylum put that claim to a fair procedure, and it should stop sending people back across the border until it does.';
const BACKGROUND =
  'For several years people have escaped hunger in North Korea by crossing into the Chinese provinces of Jilin and Liaoning. Without legal status they are easy to exploit, and the UN refugee agency has not been allowed into the border area to help them.';

const STATEMENT_MARKDOWN = `AMNESTY INTERNATIONAL

**Public Statement**

27 March 2002 - AI Index: ASA 17/013/2002 - News Service No. 56

# ${STATEMENT_TITLE}

${LEAD}

${EMBASSY}

${CALL}

## Background

${BACKGROUND}

ENDS

Public document

For further information please contact the press office in London on +44 20 7413 5566 or visit http://www.amnesty.org
`;

const STATEMENT_HTML = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Press page | ${STATEMENT_TITLE}</title>
  <style>body { font-family: sans-serif; } .secret-style-rule { display: none; }</style>
  <script>window.trackingSecret = "script text must not be read";</script>
</head>
<body>
  <nav class="site-menu"><a href="/">Home menu link</a> | <a href="/about">About menu link</a> | <a href="/donate">Donate menu link</a></nav>
  <header>
    <p>AMNESTY INTERNATIONAL</p>
    <p><strong>Public Statement</strong></p>
    <p>27 March 2002 - AI Index: ASA 17/013/2002 - News Service No. 56</p>
  </header>
  <main>
    <article>
      <h1>${STATEMENT_TITLE.replace(/"/g, '&quot;')}</h1>
      <p onclick="alert('onclick handler must not be read')">${LEAD}</p>
      <script type="text/javascript">document.write("inline script must not be read");</script>
      <p>${EMBASSY}</p>
      <p>${CALL}</p>
      <h2>Background</h2>
      <p>${BACKGROUND}</p>
      <nav aria-label="Related"><a href="/related/1">Related menu link</a></nav>
      <p>ENDS</p>
      <p>Public document</p>
      <p>For further information please contact the press office in London on +44 20 7413 5566 or visit http://www.amnesty.org</p>
    </article>
  </main>
  <footer><nav><a href="/privacy">Privacy menu link</a></nav></footer>
</body>
</html>
`;

const OLD_TITLE = 'NORTH KOREA: PEOPLE SENT BACK FROM CHINA FACE PUNISHMENT';
const OLD_BODY_1 =
  'North Koreans who cross into China in search of food are being caught and returned. Once back in North Korea they risk detention and ill-treatment for having left without permission.';
const OLD_BODY_2 =
  'The organisation asks the authorities of China to stop returning people to North Korea without first letting them claim asylum.';
const OLD_LAYOUT_TEXT = `AMNESTY INTERNATIONAL

PUBLIC STATEMENT

AI Index: ASA 24/01/00
18 January 2000

${OLD_TITLE}

${OLD_BODY_1}

${OLD_BODY_2}

ENDS
`;

const FOOTER_TITLE = 'China: more North Koreans returned from Jilin';
const FOOTER_BODY =
  'Reports reaching the organisation say that hundreds of people were sent back across the border from Longjing and Tumen in Jilin province during April and May. Those returned face punishment in North Korea.';
const FOOTER_TEXT = `${FOOTER_TITLE}

${FOOTER_BODY}

The organisation repeats its call on the Chinese government to give North Koreans access to a fair asylum procedure.

AI Index: ASA 17/062/2002
`;

const NO_INDEX_TEXT = `# Notes on the Spanish embassy entry

On 14 March 2002, 25 North Koreans entered the Spanish embassy in Beijing and asked for refugee status. The next day they flew to Manila on their way to Seoul.
`;

const FRENCH_TITLE = 'Chine : les réfugiés nord-coréens menacés par une nouvelle campagne';
const FRENCH_TEXT = `AMNESTY INTERNATIONAL

DÉCLARATION PUBLIQUE

27 mars 2002 - Index AI : ASA 17/013/2002

# ${FRENCH_TITLE}

Les autorités chinoises ont annoncé pour le mois d'avril une nouvelle campagne contre les « immigrés clandestins ». L'organisation craint que cette campagne ne vise d'abord les personnes venues de Corée du Nord.

Au début du mois de mars, vingt-cinq personnes originaires de Corée du Nord sont entrées dans l'ambassade d'Espagne à Pékin et ont demandé le statut de réfugié. Elles ont quitté la Chine le lendemain pour Manille.

Le gouvernement de la Chine doit permettre à chacune de ces personnes de demander l'asile dans le cadre d'une procédure équitable.
`;

const UA_TEXT = `AMNESTY INTERNATIONAL

UA 141/13 Index: ASA 17/030/2013 China Date: 28 May 2013

# URGENT ACTION: FAMILY AT RISK OF RETURN TO NORTH KOREA

A family of North Koreans held by police in the north-east of China could be sent back to North Korea at any moment. If they are returned they are likely to be detained and punished for leaving the country.

Please write immediately in Chinese, English or your own language, calling on the authorities of China not to send the family back and to let them seek asylum.
`;

describe('the model document', async () => {
  const result = await readDocumentFile('000_56dab67169cb3d64.txt', readFileSync(MODEL_PATH));

  it('is read', () => {
    expect(result).toMatchObject({ ok: true });
  });
  const document = (result as Extract<ReadResult, { ok: true }>).document;

  it('has its index number, in its one normal spelling and in parts', () => {
    expect(document.index).toBe('ASA 17/013/2002');
    expect(document.indexParts).toEqual({ prefix: 'ASA', region: 'Asia and Pacific', countryNumber: 17, sequence: 13, year: 2002 });
    expect(document.indexAsPrinted).toBe('ASA 17/013/2002');
  });

  it('has its type, date and news-service number', () => {
    expect(document.type).toBe('Public Statement');
    expect(document.date).toBe('2002-03-27');
    expect(document.newsServiceNumber).toBe(56);
    expect(document.urgentAction).toBeNull();
  });

  it('has its exact title without Markdown marks', () => {
    expect(document.title).toBe(MODEL_TITLE);
    expect(document.title).not.toMatch(/[#*]/);
  });

  it('has its organisation', () => {
    expect(document.organisation).toBe('Amnesty International');
  });

  it('is about China and North Korea, not Spain or the UK', () => {
    expect(document.countries).toEqual(expect.arrayContaining(['CN', 'KP']));
    expect(document.countries).not.toContain('ES');
    expect(document.countries).not.toContain('GB');
  });

  it('is in English', () => {
    expect(document.language).toBe('en');
  });

  it('has the body, then the Background section', () => {
    expect(document.sections.map((section) => section.heading)).toEqual([null, 'Background']);
    const [body, background] = document.sections;
    expect(body!.text).toMatch(/^Amnesty International expressed concern today/);
    expect(body!.text).toMatch(/cease detentions and forcible repatriations\.$/);
    expect(body!.text.split('\n\n')).toHaveLength(5);
    expect(background!.text).toMatch(/^Tens of thousands of starving North Koreans/);
    expect(background!.text).toMatch(/sold as brides\.$/);
  });

  it('keeps header, end marker, distribution line and press contact out of every section', () => {
    const text = sectionText(document);
    for (const outside of ['AMNESTY INTERNATIONAL PRESS RELEASE', 'Public Statement', 'News Service', 'ASA 17/013/2002', 'ENDS', 'public document', 'press office', '7413 5566', 'Easton', '***', '#']) {
      expect(text).not.toContain(outside);
    }
    expect(text).not.toContain(MODEL_TITLE);
  });

  it('has its end marker, distribution and contact', () => {
    expect(document.endMarker).toBe('ENDS');
    expect(document.distribution).toBe('public');
    expect(document.contact?.phone).toBe('+44 20 7413 5566');
    expect(document.contact?.web).toBe('http://www.amnesty.org');
    expect(document.contact?.email).toBeNull();
    expect(document.contact?.address).toContain('1 Easton St.');
    expect(document.contact?.address).toContain('London WC1X 0DW');
  });

  it('has a content hash', () => {
    expect(document.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the same with Windows line ends', async () => {
    const crlf = readFileSync(MODEL_PATH, 'utf8').replace(/\n/g, '\r\n');
    const again = await read('model.txt', crlf);
    expect(again).toEqual(document);
  });

  it('reads the same when the file is named .md', async () => {
    const again = await read('model.md', readFileSync(MODEL_PATH));
    expect(again).toMatchObject({
      index: document.index, type: document.type, date: document.date, title: document.title,
      newsServiceNumber: 56, distribution: 'public', endMarker: 'ENDS', language: 'en',
    });
    expect(again.sections.map((section) => section.heading)).toEqual([null, 'Background']);
  });
});

/** What the statement says, whatever format it is written in. */
function expectTheStatement(document: ReadDocument): void {
  expect(document.index).toBe('ASA 17/013/2002');
  expect(document.type).toBe('Public Statement');
  expect(document.date).toBe('2002-03-27');
  expect(document.newsServiceNumber).toBe(56);
  expect(document.organisation).toBe('Amnesty International');
  expect(document.title).toBe(STATEMENT_TITLE);
  expect(document.language).toBe('en');
  expect(document.countries).toEqual(expect.arrayContaining(['CN', 'KP']));
  expect(document.sections).toEqual([
    { heading: null, text: [LEAD, EMBASSY, CALL].join('\n\n') },
    { heading: 'Background', text: BACKGROUND },
  ]);
  expect(document.endMarker).toBe('ENDS');
  expect(document.distribution).toBe('public');
  expect(document.contact?.phone).toBe('+44 20 7413 5566');
  expect(document.contact?.web).toBe('http://www.amnesty.org');
}

describe('one statement in every format', () => {
  it('reads it from Markdown', async () => {
    const document = await read('statement.md', STATEMENT_MARKDOWN);
    expectTheStatement(document);
    expect(sectionText(document)).not.toMatch(/[*#]/);
  });

  it('reads it from HTML, without its scripts, styles, menus or event handlers', async () => {
    const document = await read('statement.html', STATEMENT_HTML);
    expectTheStatement(document);
    const all = JSON.stringify(document);
    for (const hidden of ['must not be read', 'trackingSecret', 'secret-style-rule', 'font-family', 'menu link', 'onclick', 'alert(', 'Press page']) {
      expect(all).not.toContain(hidden);
    }
  });

  it('reads it from plain text with Markdown-like marks left in', async () => {
    const document = await read('statement.txt', STATEMENT_MARKDOWN);
    expectTheStatement(document);
  });

  it('gives the same content hash in every format', async () => {
    const hashes = await Promise.all([
      read('statement.md', STATEMENT_MARKDOWN),
      read('statement.html', STATEMENT_HTML),
      read('statement.txt', STATEMENT_MARKDOWN),
    ]);
    expect(new Set(hashes.map((document) => document.contentHash)).size).toBe(1);
  });
});

describe('layouts', () => {
  it('reads the older plain-text layout: capitals, a labelled index on its own line, a date line', async () => {
    const document = await read('old.txt', OLD_LAYOUT_TEXT);
    expect(document.organisation).toBe('Amnesty International');
    expect(document.type).toBe('Public Statement');
    expect(document.index).toBe('ASA 24/001/2000');
    expect(document.indexAsPrinted).toBe('ASA 24/01/00');
    expect(document.indexParts?.year).toBe(2000);
    expect(document.date).toBe('2000-01-18');
    expect(document.title).toBe(OLD_TITLE);
    expect(document.sections).toEqual([{ heading: null, text: `${OLD_BODY_1}\n\n${OLD_BODY_2}` }]);
    expect(document.endMarker).toBe('ENDS');
    expect(document.countries).toEqual(expect.arrayContaining(['KP', 'CN']));
    expect(document.language).toBe('en');
  });

  it('reads a "Date:" label in the older layout', async () => {
    const document = await read('old.txt', OLD_LAYOUT_TEXT.replace('18 January 2000', 'Date: 18 January 2000'));
    expect(document.date).toBe('2000-01-18');
    expect(document.title).toBe(OLD_TITLE);
    expect(sectionText(document)).not.toContain('January');
  });

  it('reads a numeric date line in the older layout', async () => {
    const document = await read('old.txt', OLD_LAYOUT_TEXT.replace('18 January 2000', '18/01/2000'));
    expect(document.date).toBe('2000-01-18');
    expect(document.title).toBe(OLD_TITLE);
  });

  it('reads the header fields printed below the title, as PDFs lay them out', async () => {
    const text = `${FOOTER_TITLE}\n\n27 March 2002 AI Index: ASA 17/013/2002 - News Service No. 56\n\n${FOOTER_BODY}\n`;
    const document = await read('below.txt', text);
    expect(document).toMatchObject({ title: FOOTER_TITLE, index: 'ASA 17/013/2002', date: '2002-03-27', newsServiceNumber: 56 });
    expect(document.sections).toEqual([{ heading: null, text: FOOTER_BODY }]);
  });

  it('finds an index number printed only in a footer line, and keeps the footer out of the body', async () => {
    const document = await read('footer.txt', FOOTER_TEXT);
    expect(document.index).toBe('ASA 17/062/2002');
    expect(document.indexParts?.countryNumber).toBe(17);
    expect(document.title).toBe(FOOTER_TITLE);
    expect(document.sections).toHaveLength(1);
    expect(document.sections[0]!.text).toMatch(/^Reports reaching the organisation/);
    expect(sectionText(document)).not.toContain('AI Index');
    expect(sectionText(document)).not.toContain('ASA 17/062/2002');
  });

  it('reads a document with no index number and identifies it by its content hash', async () => {
    const document = await read('notes.md', NO_INDEX_TEXT);
    expect(document.index).toBeNull();
    expect(document.indexParts).toBeNull();
    expect(document.indexAsPrinted).toBeNull();
    expect(document.title).toBe('Notes on the Spanish embassy entry');
    expect(document.sections[0]!.text).toMatch(/^On 14 March 2002, 25 North Koreans/);
    expect(document.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(document.countries).toEqual(expect.arrayContaining(['ES', 'KP']));

    const rewrapped = await read('notes.txt', NO_INDEX_TEXT.replace('asked for refugee status. ', 'asked for refugee status.\n'));
    expect(rewrapped.contentHash).toBe(document.contentHash);
    const changed = await read('notes.md', NO_INDEX_TEXT.replace('25 North Koreans', '26 North Koreans'));
    expect(changed.contentHash).not.toBe(document.contentHash);
  });

  it('reads a French document: language, type and date', async () => {
    const document = await read('declaration.md', FRENCH_TEXT);
    expect(document.language).toBe('fr');
    expect(document.type).toBe('Public Statement');
    expect(document.date).toBe('2002-03-27');
    expect(document.index).toBe('ASA 17/013/2002');
    expect(document.title).toBe(FRENCH_TITLE);
    expect(document.countries).toEqual(expect.arrayContaining(['CN', 'KP']));
  });

  it('reads an urgent action: its number, its type and its date', async () => {
    const document = await read('ua.md', UA_TEXT);
    expect(document.type).toBe('Urgent Action');
    expect(document.urgentAction).toBe('UA 141/13');
    expect(document.index).toBe('ASA 17/030/2013');
    expect(document.date).toBe('2013-05-28');
    expect(document.title).toBe('URGENT ACTION: FAMILY AT RISK OF RETURN TO NORTH KOREA');
  });

  it('reads an urgent action number written with a colon', async () => {
    const document = await read('ua.md', UA_TEXT.replace('UA 141/13', 'UA: 141/13'));
    expect(document.type).toBe('Urgent Action');
    expect(document.urgentAction).toBe('UA 141/13');
  });

  it('reads an urgent action update label', async () => {
    const document = await read('ua.md', UA_TEXT.replace('UA 141/13', 'UA 141/13 - FURTHER INFORMATION'));
    expect(document.type).toBe('Urgent Action');
    expect(document.urgentAction).toBe('UA 141/13 - FURTHER INFORMATION');
  });

  it('does not take "today" in the contact lines for a date', async () => {
    const text = `# A note without a date\n\n${LEAD}\n\nFor more information call the press office today on +44 20 7413 5566\n`;
    const document = await read('note.md', text);
    expect(document.contact?.phone).toBe('+44 20 7413 5566');
    expect(document.date).toBeNull();
  });

  it('reads a date given only in the contact lines', async () => {
    const text = `# A note\n\n${LEAD}\n\nFor more information contact the press office, London, 27 March 2002, tel: +44 20 7413 5566\n`;
    const document = await read('note.md', text);
    expect(document.date).toBe('2002-03-27');
  });

  it('takes the first sentence for a title when no line is a title', async () => {
    const document = await read('untitled.txt', `${LEAD}\n\n${CALL}\n`);
    expect(document.title.endsWith('…')).toBe(true);
    expect(document.title.length).toBeLessThanOrEqual(120);
    expect(LEAD.startsWith(document.title.slice(0, -1))).toBe(true);
    expect(document.sections[0]!.text.startsWith(LEAD)).toBe(true);
  });
});

describe('recogniseDocument', () => {
  it('refuses blocks with no letters or digits', () => {
    expect(() => recogniseDocument([{ kind: 'paragraph', text: '*** --- ...' }])).toThrow(DocumentError);
    expect(() => recogniseDocument([])).toThrow(/no text/);
  });

  it('refuses a document that holds only header lines', () => {
    expect(() => recogniseDocument([{ kind: 'paragraph', text: 'AI Index: ASA 17/013/2002' }])).toThrow(/only header lines/);
  });
});

describe('malformed files through readDocumentFile', () => {
  it('refuses empty bytes', async () => {
    expect(await failure('empty.txt', new Uint8Array())).toMatch(/empty/);
  });

  it('refuses binary bytes', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x41, 0x42]);
    expect(await failure('archive.txt', bytes)).toMatch(/binary/);
  });

  it('refuses text full of control characters', async () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(await failure('controls.md', bytes)).toMatch(/binary/);
  });

  it('refuses an unsupported extension and names the ones it reads', async () => {
    const error = await failure('statement.docx', utf8('Some text'));
    expect(error).toMatch(/unsupported format/);
    expect(error).toContain('.docx');
    expect(error).toContain('.md');
    expect(await failure('README', utf8('Some text'))).toMatch(/no extension/);
  });

  it('refuses a file over the size limit, saying both sizes', async () => {
    const error = await failure('big.txt', utf8('x'.repeat(2000)), 1000);
    expect(error).toMatch(/too large/);
    expect(error).toContain('2000');
    expect(error).toContain('1000');
    expect(await readDocumentFile('fits.txt', utf8(`Title\n\n${'x'.repeat(900)}`), 1000)).toMatchObject({ ok: true });
  });

  it('reads Windows-1252 bytes without garbling them', async () => {
    const text = 'Déclaration publique\n\nLe 27 mars 2002, l’organisation a demandé à la Chine de protéger les réfugiés – sans délai.\n';
    const bytes = Uint8Array.from([...text].map((c) => ({ 'é': 0xe9, 'à': 0xe0, '’': 0x92, '–': 0x96 })[c] ?? c.charCodeAt(0)));
    const document = await read('cp1252.txt', bytes);
    const all = `${document.title}\n${sectionText(document)}`;
    expect(all).toContain('protéger les réfugiés');
    expect(all).toContain('l’organisation');
    expect(all).toContain('–');
    expect(all).not.toContain('\uFFFD');
    expect(all).not.toContain('Ã');
  });

  it('reads UTF-16 with a byte-order mark, little and big endian', async () => {
    const text = `# ${STATEMENT_TITLE}\n\n${LEAD} Réfugiés.\n`;
    const le = new Uint8Array(2 + text.length * 2);
    const be = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      le.set([code & 0xff, code >> 8], 2 + i * 2);
      be.set([code >> 8, code & 0xff], 2 + i * 2);
    }
    for (const bytes of [le, be]) {
      const document = await read('utf16.md', bytes);
      expect(document.title).toBe(STATEMENT_TITLE);
      expect(document.sections[0]!.text).toContain('Réfugiés.');
    }
  });

  it('reads UTF-8 with a byte-order mark, without the mark in the title', async () => {
    const document = await read('bom.md', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`# ${STATEMENT_TITLE}\n\n${LEAD}\n`)]));
    expect(document.title).toBe(STATEMENT_TITLE);
  });

  it.each(['.txt', '.md', '.html'])('refuses a %s file of only punctuation and whitespace', async (extension) => {
    expect(await failure(`dots${extension}`, utf8(' ... \n\n*** --- !!! \n\t?? ;;\n'))).toMatch(/no text/);
  });

  it('refuses HTML whose only text is in scripts and styles', async () => {
    expect(await failure('empty.html', utf8('<html><head><style>p{}</style></head><body><script>var a = 1;</script></body></html>'))).toMatch(/no text/);
  });

  it('refuses bytes that are not a PDF, with a message', async () => {
    const error = await failure('fake.pdf', utf8('This is not a PDF at all.'));
    expect(error.length).toBeGreaterThan(0);
  });

  it('knows the formats from the extension, in any case', () => {
    expect(formatOfFile('a.MD')).toBe('markdown');
    expect(formatOfFile('a.htm')).toBe('html');
    expect(formatOfFile('a.text')).toBe('text');
    expect(formatOfFile('a.PDF')).toBe('pdf');
    expect(formatOfFile('a.doc')).toBeNull();
  });

  it('decodes text and normalises line ends', () => {
    expect(decodeText(utf8('a\r\nb\rc'))).toBe('a\nb\nc');
    expect(() => decodeText(new Uint8Array([0x41, 0x00, 0x42]))).toThrow(DocumentError);
  });
});

describe('readDocumentFile: properties', () => {
  const outcomeOf = async (name: string, bytes: Uint8Array): Promise<void> => {
    const result = await readDocumentFile(name, bytes);
    if (result.ok) {
      expect(typeof result.document.title).toBe('string');
      expect(result.document.contentHash).toMatch(/^[0-9a-f]{64}$/);
    } else {
      expect(typeof result.error).toBe('string');
      expect(result.error.trim()).not.toBe('');
    }
  };

  it.each(['.txt', '.md', '.html'])('never throws on arbitrary bytes named %s', async (extension) => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), (bytes) => outcomeOf(`any${extension}`, bytes)),
      { numRuns: 200 },
    );
  });

  it.each(['.txt', '.md', '.html'])('never throws on arbitrary text named %s', async (extension) => {
    const pieces = fc.constantFrom('# ', '## ', '\n', '\n\n', '**', '*', '<p>', '</p>', '<h1>', '</h1>', '<script>', 'ENDS', 'AI Index: ', 'ASA 17/013/2002', '27 March 2002', 'public document', '+44 20 7413 5566', 'UA 141/13', 'China', 'North Korean', 'é', '\t', '|', '-', '=');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(pieces, fc.string({ maxLength: 20 })), { maxLength: 60 }), (parts) => outcomeOf(`any${extension}`, utf8(parts.join('')))),
      { numRuns: 100 },
    );
  });

  it('never throws on arbitrary bytes named .pdf', async () => {
    const header = utf8('%PDF-1.4\n');
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.uint8Array({ maxLength: 2000 }), (withHeader, bytes) => outcomeOf('any.pdf', withHeader ? new Uint8Array([...header, ...bytes]) : bytes)),
      { numRuns: 50 },
    );
  });
});
