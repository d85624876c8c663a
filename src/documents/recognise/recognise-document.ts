/**
 * From blocks to a document: finds the header, the title, the body and its
 * sections, the trailer, and reads every field from them. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import {
  countriesOfIndexNumber, describeIndexNumber, findIndexNumbers, formatIndexNumber,
} from '../../domain/index-number.ts';
import { readWrittenDate } from '../../domain/written-date.ts';
import { collapseWhitespace, DocumentError, type Block } from '../blocks.ts';
import type { ReadDocument, Section } from '../document.ts';
import { countCountryMentions } from './countries.ts';
import { isHeaderLine, isShouting, readHeader } from './header.ts';
import { detectLanguage } from './language.ts';
import { readTrailer } from './trailer.ts';

const TITLE_SEARCH_BLOCKS = 10;
const MAX_TITLE = 250;

interface Layout {
  headerLines: string[];
  title: string;
  /** The body's blocks, before the trailer is cut off. */
  rest: Block[];
}

function normalise(text: string): string {
  return collapseWhitespace(text).trim();
}

function firstSentence(text: string): string {
  const sentence = /^(.{20,}?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text;
  return sentence.length <= 120 ? sentence : `${sentence.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}

/** Splits blocks into header lines, title and the rest, with or without marked headings. */
function findLayout(blocks: Block[]): Layout {
  const marked = blocks.findIndex((block, i) => i < TITLE_SEARCH_BLOCKS && block.kind === 'heading' && block.depth === 1);
  if (marked >= 0 && blocks.slice(0, marked).every((block) => block.text.length < 300)) {
    return {
      headerLines: blocks.slice(0, marked).flatMap((block) => block.text.split('\n')),
      title: normalise(blocks[marked]!.text),
      rest: blocks.slice(marked + 1),
    };
  }
  const headerLines: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const lines = block.text.split('\n');
    const firstOther = lines.findIndex((line, n) => !isHeaderLine(line, i === 0 && n === 0));
    if (firstOther < 0) {
      headerLines.push(...lines);
      continue;
    }
    headerLines.push(...lines.slice(0, firstOther));
    // A title in capitals may wrap onto a second line in capitals.
    const next = lines[firstOther + 1];
    const wraps = isShouting(lines[firstOther]!) && next !== undefined && isShouting(next) && !isHeaderLine(next);
    const titleLines = wraps ? 2 : 1;
    const candidate = normalise(lines.slice(firstOther, firstOther + titleLines).join(' '));
    const remaining = lines.slice(firstOther + titleLines).join('\n');
    const rest = remaining.trim() === '' ? blocks.slice(i + 1) : [{ ...block, text: remaining }, ...blocks.slice(i + 1)];
    const titleLike = candidate.length <= MAX_TITLE && (block.kind === 'heading' || !/[.;,]$/.test(candidate));
    if (titleLike) return { headerLines, title: candidate, rest };
    // No title line: the first sentence names the document, and the paragraph stays whole in the body.
    return { headerLines, title: firstSentence(normalise(lines.slice(firstOther).join(' '))), rest: [{ ...block, text: lines.slice(firstOther).join('\n') }, ...blocks.slice(i + 1)] };
  }
  throw new DocumentError('no text to read: the document holds only header lines');
}

/** A block that only repeats header fields (an `AI Index:` footer line, say) is not body text. */
function isStrayHeader(block: Block): boolean {
  return block.text.length < 160 && block.text.split('\n').every((line) => isHeaderLine(line)) && findIndexNumbers(block.text).some((m) => m.labelled);
}

function withoutIndexNumbers(line: string): string {
  let text = line;
  for (const match of findIndexNumbers(line).reverse()) text = `${text.slice(0, match.start)} ${text.slice(match.end)}`;
  return text;
}

function toSections(blocks: Block[]): Section[] {
  const sections: Section[] = [];
  let current: { heading: string | null; texts: string[] } = { heading: null, texts: [] };
  const close = (): void => {
    if (current.heading !== null || current.texts.length > 0) sections.push({ heading: current.heading, text: current.texts.join('\n\n') });
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      close();
      current = { heading: normalise(block.text), texts: [] };
    } else {
      current.texts.push(normalise(block.text));
    }
  }
  close();
  return sections;
}

function countriesOf(indexCountries: string[], title: string, body: string): string[] {
  const found = new Set(indexCountries);
  for (const code of countCountryMentions(title).keys()) found.add(code);
  const mentions = [...countCountryMentions(body)].sort((a, b) => b[1] - a[1]);
  // Fewer than 150 pieces between runs of whitespace, counted without splitting the whole body.
  const short = !/^\S*(?:\s+\S+){148}\s/.test(body);
  for (const [code, count] of mentions) if (count >= 2 || short) found.add(code);
  return [...found];
}

/** Recognises a document's fields from its blocks; throws DocumentError when there is nothing to read. */
export function recogniseDocument(blocks: Block[]): ReadDocument {
  if (!blocks.some((block) => /[\p{L}\p{N}]/u.test(block.text))) throw new DocumentError('no text found in the document');
  const layout = findLayout(blocks);
  const header = readHeader(layout.headerLines);
  const trailer = readTrailer(layout.rest, 0);
  const bodyBlocks = layout.rest.slice(0, trailer.start).filter((block) => !isStrayHeader(block));
  // Old documents print the index number in a footer line rather than the header.
  const strays = layout.rest.filter(isStrayHeader).flatMap((block) => block.text.split('\n'));
  const fields = header.index ? header : { ...readHeader([...layout.headerLines, ...strays]), organisation: header.organisation, type: header.type };
  const sections = toSections(bodyBlocks);
  const bodyText = sections.map((section) => `${section.heading ?? ''}\n${section.text}`).join('\n');
  const language = detectLanguage(bodyText.length > 40 ? bodyText : `${layout.title}\n${bodyText}`);
  // The date stands in the header, or in a header line printed below the title (as the index does).
  // Index numbers look like numeric dates (`24/01/00`): take them out before reading the date.
  const headerText = [...layout.headerLines, ...strays].filter((line) => /\d/.test(line)).map(withoutIndexNumbers).join('\n');
  const date = readWrittenDate(headerText, language) ?? (trailer.contact ? readWrittenDate(trailer.contact.text, language) : null);
  const index = fields.index?.index ?? null;
  return {
    index: index ? formatIndexNumber(index) : null,
    indexParts: index ? describeIndexNumber(index) : null,
    indexAsPrinted: fields.indexAsPrinted,
    type: fields.type,
    date,
    newsServiceNumber: fields.newsServiceNumber,
    urgentAction: fields.urgentAction,
    title: layout.title,
    organisation: fields.organisation,
    sections,
    endMarker: trailer.endMarker,
    distribution: trailer.distribution,
    contact: trailer.contact,
    countries: countriesOf(index ? countriesOfIndexNumber(index) : [], layout.title, bodyText),
    language,
    contentHash: createHash('sha256').update(collapseWhitespace(`${layout.title}\n${bodyText}`.toLowerCase())).digest('hex'),
  };
}
