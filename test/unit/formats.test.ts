import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Block } from '../../src/documents/blocks.ts';
import { readHtml } from '../../src/documents/formats/html.ts';
import { readMarkdown } from '../../src/documents/formats/markdown.ts';
import { readText, stripInlineMarks } from '../../src/documents/formats/text.ts';
import { readDocumentFile } from '../../src/documents/read-file.ts';
import { endMarkerOf, distributionOf, readTrailer } from '../../src/documents/recognise/trailer.ts';
import { isHeaderLine, readHeader } from '../../src/documents/recognise/header.ts';
import { typeMentionedIn, typeNamedBy } from '../../src/documents/recognise/document-types.ts';
import { detectLanguage } from '../../src/documents/recognise/language.ts';
import { makeTextPdf } from '../helpers/make-pdf.ts';

const heading = (depth: number, text: string): Block => ({ kind: 'heading', depth, text });
const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

describe('readMarkdown', () => {
  it('gives headings and the plain text of paragraphs, without emphasis marks', () => {
    const blocks = readMarkdown('# A *title*\n\nSome **strong** and _light_ words with `code`.\n\n## Background\n\nMore.\n');
    expect(blocks).toEqual([heading(1, 'A title'), paragraph('Some strong and light words with code.'), heading(2, 'Background'), paragraph('More.')]);
  });

  it('reads list items, quotations and tables as paragraphs', () => {
    const blocks = readMarkdown('- first point\n- second point\n\n> a quoted line\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(blocks).toEqual([paragraph('first point'), paragraph('second point'), paragraph('a quoted line'), paragraph('a | b'), paragraph('1 | 2')]);
  });

  it('keeps link text and drops link targets and inline HTML tags', () => {
    expect(readMarkdown('See [the report](http://example.org/r) and <b>this</b>.\n')).toEqual([paragraph('See the report and this.')]);
  });

  it('drops thematic breaks and keeps hard line breaks', () => {
    expect(readMarkdown('one  \ntwo\n\n---\n\nthree\n')).toEqual([paragraph('one\ntwo'), paragraph('three')]);
  });

  it('drops empty headings', () => {
    expect(readMarkdown('#\n\ntext\n')).toEqual([paragraph('text')]);
  });
});

describe('readText', () => {
  it('splits paragraphs at blank lines and keeps line breaks inside them', () => {
    expect(readText('first line\nsecond line\n\n\nnext paragraph')).toEqual([paragraph('first line\nsecond line'), paragraph('next paragraph')]);
  });

  it('reads ATX headings left in by converters, without their marks', () => {
    expect(readText('#### **Public Statement**\n\n## Background ##\ntext')).toEqual([heading(4, 'Public Statement'), heading(2, 'Background'), paragraph('text')]);
  });

  it('reads underlined headings', () => {
    expect(readText('Title here\n==========\n\nSub part\n--------\n\nBody.')).toEqual([heading(1, 'Title here'), heading(2, 'Sub part'), paragraph('Body.')]);
  });

  it('treats separator lines as paragraph breaks', () => {
    expect(readText('one\n**********\t*\ntwo\n\n----\n\nthree')).toEqual([paragraph('one'), paragraph('two'), paragraph('three')]);
  });

  it('turns tabs into spaces and squeezes runs of spaces', () => {
    expect(readText('public document\t\nwide    gap')).toEqual([paragraph('public document\nwide gap')]);
  });

  it('gives no blocks for blank text', () => {
    expect(readText('')).toEqual([]);
    expect(readText('\n \n\t\n')).toEqual([]);
  });
});

describe('stripInlineMarks', () => {
  it.each([
    ['**Public Statement**', 'Public Statement'],
    ['__bold__ and *light* and _under_', 'bold and light and under'],
    ['### **\\ENDS**', '### \\ENDS'],
    ['a * b * c', 'a * b * c'],
    ['snake_case_word stays', 'snake_case_word stays'],
    ['2 * 3 = 6', '2 * 3 = 6'],
    ['  spaced   out  ', 'spaced out'],
  ])('%j gives %j', (line, expected) => {
    expect(stripInlineMarks(line)).toBe(expected);
  });
});

describe('readHtml', () => {
  it('reads headings and paragraphs in order, skipping script, style, nav, forms and buttons', () => {
    const html = `<html><head><title>Tab title</title><style>p { color: red }</style></head><body>
      <nav><a href="/">Menu</a></nav>
      <h1>Heading <em>one</em></h1>
      <p onclick="doSomething()">First <b>para</b>.<script>var hidden = 1;</script></p>
      <div><span>Loose inline text</span> <button onclick="x()">Click</button></div>
      <form><input value="form value"><label>Form label</label></form>
      <h2>Two</h2>
      <ul><li>item one</li><li>item two</li></ul>
      <footer><nav>Footer menu</nav><p>Footer text</p></footer>
    </body></html>`;
    expect(readHtml(html)).toEqual([
      heading(1, 'Heading one'),
      paragraph('First para.'),
      paragraph('Loose inline text'),
      heading(2, 'Two'),
      paragraph('item one'),
      paragraph('item two'),
      paragraph('Footer text'),
    ]);
  });

  it('takes the page title as the first heading when there is no h1', () => {
    expect(readHtml('<title>The page title</title><p>Body.</p>')).toEqual([heading(1, 'The page title'), paragraph('Body.')]);
  });

  it('reads table rows as paragraphs of cells', () => {
    expect(readHtml('<table><tr><th>Date</th><th>Event</th></tr><tr><td>14 March 2002</td><td>Embassy entry</td></tr></table>')).toEqual([
      paragraph('Date | Event'),
      paragraph('14 March 2002 | Embassy entry'),
    ]);
  });

  it('decodes entities and ignores comments', () => {
    expect(readHtml('<p>Caf&eacute; &amp; &quot;quotes&quot;<!-- a comment --></p>')).toEqual([paragraph('Café & "quotes"')]);
  });

  it('reads text outside any element, and broken markup', () => {
    expect(readHtml('just text <p>unclosed <b>bold')).toEqual([paragraph('just text'), paragraph('unclosed bold')]);
  });

  it('never puts markup into text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<h2>', '</h2>', '<b>', '</b>', '<script>x=1</script>', '<nav>n</nav>', 'word', ' ', '&amp;', '<br>'), { maxLength: 40 }), (parts) => {
        for (const block of readHtml(parts.join(''))) {
          expect(block.text).not.toMatch(/<|x=1|\bn\b/);
          expect(block.text).toBe(block.text.trim());
          expect(block.text).not.toBe('');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('readPdf through readDocumentFile', () => {
  it('reads a statement laid out in a PDF', async () => {
    const bytes = await makeTextPdf([
      { text: 'China: North Koreans at risk in April round-up', size: 18 },
      { text: '' },
      { text: '27 March 2002 AI Index: ASA 17/013/2002 - News Service No. 56' },
      { text: '' },
      { text: 'The authorities have announced a round-up for April that the organisation fears will fall hardest on North Koreans who have crossed into China.' },
      { text: '' },
      { text: 'Background', size: 14 },
      { text: '' },
      { text: 'People escaping hunger have crossed into the Chinese provinces of Jilin and Liaoning for several years.' },
    ]);
    const result = await readDocumentFile('statement.pdf', bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document).toMatchObject({
      index: 'ASA 17/013/2002',
      date: '2002-03-27',
      newsServiceNumber: 56,
      title: 'China: North Koreans at risk in April round-up',
    });
    expect(result.document.sections.map((section) => section.heading)).toEqual([null, 'Background']);
  });
});

describe('readPdf given a Node Buffer, as fs.readFile returns', () => {
  it('reads it and leaves the Buffer usable', async () => {
    const buffer = Buffer.from(await makeTextPdf([{ text: 'Hello from a Buffer.' }]));
    const length = buffer.byteLength;
    const result = await readDocumentFile('buffer.pdf', buffer);
    expect(result).toMatchObject({ ok: true, document: { title: 'Hello from a Buffer.' } });
    expect(buffer.byteLength).toBe(length);
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('header lines', () => {
  it.each([
    'AMNESTY INTERNATIONAL PRESS RELEASE',
    'Public Statement',
    'PUBLIC STATEMENT',
    'AI Index: ASA 24/01/00',
    '27 March 2002 Al Index ASA 17/013/2002 - News Service Nr. 56',
    '18 January 2000',
    'Date: 18 January 2000',
    '27/03/2002',
    'UA 141/13',
    'FURTHER INFORMATION',
    'EMBARGOED FOR 00.01 GMT 27 March 2002',
  ])('%j is a header line', (line) => {
    expect(isHeaderLine(line)).toBe(true);
  });

  it.each([
    'China: North Koreans in danger as April round-up of "illegal immigrants" nears',
    'NORTH KOREA: PEOPLE SENT BACK FROM CHINA FACE PUNISHMENT',
    'The announcement came in March 2002 after 25 people entered an embassy.',
    'Background',
  ])('%j is not a header line', (line) => {
    expect(isHeaderLine(line)).toBe(false);
  });

  it('reads every field of a packed header', () => {
    const header = readHeader(['AMNESTY INTERNATIONAL PRESS RELEASE', 'Public Statement', '27 March 2002 Al Index ASA 17/013/2002 - News Service Nr. 56']);
    expect(header).toMatchObject({ organisation: 'Amnesty International', type: 'Public Statement', indexAsPrinted: 'ASA 17/013/2002', newsServiceNumber: 56, urgentAction: null });
    expect(header.index?.index).toEqual({ prefix: 'ASA', countryNumber: 17, sequence: 13, year: 2002 });
  });

  it('takes the type from the organisation line when no line names one', () => {
    expect(readHeader(['AMNESTY INTERNATIONAL PRESS RELEASE']).type).toBe('Press Release');
  });

  it('reads urgent-action numbers and their update labels', () => {
    expect(readHeader(['UA 141/13']).urgentAction).toBe('UA 141/13');
    expect(readHeader(['UA: 141/13 Index: ASA 17/030/2013']).urgentAction).toBe('UA 141/13');
    expect(readHeader(['FINAL UPDATE UA 141/13 - STOP ACTION']).urgentAction).toBe('UA 141/13 - STOP ACTION');
    expect(readHeader(['UA 141/13 FIRST UPDATE']).type).toBe('Urgent Action');
  });
});

describe('document types', () => {
  it.each([
    ['Public Statement', 'Public Statement'],
    ['PUBLIC STATEMENT', 'Public Statement'],
    ['Déclaration publique', 'Public Statement'],
    ['DÉCLARATION PUBLIQUE', 'Public Statement'],
    ['Action urgente', 'Urgent Action'],
    ['News Release', 'Press Release'],
    ['Q&A', 'Questions and Answers'],
  ])('%j names %j', (line, type) => {
    expect(typeNamedBy(line)).toBe(type);
  });

  it('does not name a type in a sentence', () => {
    expect(typeNamedBy('This report is long')).toBeNull();
  });

  it('finds a type among other words, and what is left', () => {
    expect(typeMentionedIn('AMNESTY INTERNATIONAL PRESS RELEASE')).toEqual({ type: 'Press Release', rest: 'AMNESTY INTERNATIONAL' });
    expect(typeMentionedIn('AMNESTY INTERNATIONAL')).toBeNull();
  });
});

describe('trailer', () => {
  it.each([['ENDS'], ['\\ENDS'], ['/ENDS'], ['** \\ENDS **'], ['(ENDS)'], ['FIN'], ['ENDE']])('%j is an end marker', (text) => {
    expect(endMarkerOf(paragraph(text))).not.toBeNull();
  });

  it('does not take a word in a sentence for an end marker', () => {
    expect(endMarkerOf(paragraph('ENDS HERE TODAY'))).toBeNull();
    expect(endMarkerOf(paragraph('The campaign ends.'))).toBeNull();
  });

  it('reads distribution lines', () => {
    expect(distributionOf('public document')).toBe('public');
    expect(distributionOf('Public Document.')).toBe('public');
    expect(distributionOf('INTERNAL')).toBe('internal');
    expect(distributionOf('public opinion is divided')).toBeNull();
  });

  it('finds the trailer after the end marker, with an e-mail address', () => {
    const trailer = readTrailer([paragraph('Body.'), paragraph('ENDS'), paragraph('public document'), paragraph('Press office, e-mail: press@example.org, tel. +44 20 7413 5566')], 0);
    expect(trailer).toMatchObject({ endMarker: 'ENDS', distribution: 'public', start: 1 });
    expect(trailer.contact).toMatchObject({ email: 'press@example.org', phone: '+44 20 7413 5566' });
  });

  it('finds a trailer without an end marker at the end of the blocks', () => {
    const trailer = readTrailer([paragraph('Body.'), paragraph('public document'), paragraph('For more information see www.example.org.')], 0);
    expect(trailer).toMatchObject({ endMarker: null, distribution: 'public', start: 1 });
    expect(trailer.contact?.web).toBe('www.example.org');
  });

  it('has no trailer when there is none', () => {
    expect(readTrailer([paragraph('Body.')], 0)).toEqual({ endMarker: null, distribution: null, contact: null, start: 1 });
  });
});

describe('detectLanguage', () => {
  it('tells English, French and Spanish apart', () => {
    expect(detectLanguage('The authorities should allow every person who asks for asylum to have a fair hearing of their claim.')).toBe('en');
    expect(detectLanguage("Les autorités doivent permettre à chaque personne qui demande l'asile d'être entendue équitablement.")).toBe('fr');
    expect(detectLanguage('Las autoridades deben permitir que cada persona que solicita asilo tenga una audiencia justa.')).toBe('es');
  });

  it('gives und for text too short to tell', () => {
    expect(detectLanguage('ok')).toBe('und');
  });
});
