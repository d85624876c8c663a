/**
 * What follows a document's body: the end marker (`ENDS`, scanned as `\ENDS`
 * or `/ENDS`), the distribution line (`public document`) and the press
 * office's contact details.
 */
import type { Block } from '../blocks.ts';

export interface Contact {
  /** The contact details as the document gives them, one block a line. */
  text: string;
  phone: string | null;
  email: string | null;
  web: string | null;
  address: string | null;
}

export interface Trailer {
  endMarker: string | null;
  distribution: string | null;
  contact: Contact | null;
  /** Index of the first block that belongs to the trailer (the body ends before it). */
  start: number;
}

const END_MARKER = /^[\s\\/*#([-]*(ENDS?|FIN|FIM|ENDE)[\s.)\]*/-]*$/;
// `public document` and its equivalents in the languages documents are issued in.
const DISTRIBUTIONS: Array<[RegExp, string]> = [
  [/^(?:public(?: document)?|document public|documento p[úu]blico|[öo]ffentliches dokument)/i, 'public'],
  [/^(?:internal(?: document)?|document interne|documento interno|internes dokument)/i, 'internal'],
  [/^(?:restricted|confidential)(?: document)?/i, 'restricted'],
];
const CONTACT = /for (?:more|further) information|press office|media (?:office|contact)|\b(?:tel|phone|fax|e-?mail|web)\s*[.:]|https?:\/\/|www\.|@[a-z0-9-]+\.[a-z]/i;
const PHONE = /\+?\d[\d ().-]{6,}\d/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const WEB = /\b(?:https?:\/\/[^\s<>"]+|www\.[^\s<>"]+)/i;

/** The end marker's word when a block is one (`\ENDS` gives `ENDS`). */
export function endMarkerOf(block: Block): string | null {
  const match = END_MARKER.exec(block.text.trim());
  return match ? match[1]!.toUpperCase() : null;
}

/** `public` for a `public document` line, and so on; null for any other text. */
export function distributionOf(text: string): string | null {
  const line = text.trim();
  if (line.length > 200) return null;
  for (const [pattern, kind] of DISTRIBUTIONS) {
    const match = pattern.exec(line);
    // Alone, or followed by a note after a dash, colon or parenthesis: `public document - demonstration material`.
    if (match && /^\s*(?:$|[-–—:(.])/.test(line.slice(match[0].length))) return kind;
  }
  return null;
}

function isContact(text: string): boolean {
  return text.length < 400 && CONTACT.test(text);
}

function readContact(blocks: Block[]): Contact | null {
  const texts = blocks.map((block) => block.text.replace(/\s+/g, ' ').trim()).filter((text) => text !== '');
  if (texts.length === 0) return null;
  const all = texts.join('\n');
  const address = texts
    .filter((text) => !/^for (?:more|further) information/i.test(text))
    .map((text) =>
      text
        .replace(new RegExp(String.raw`\b(?:web(?:site)?|tel(?:ephone)?|phone|fax|e-?mail)\s*[.:]?\s*(?:${WEB.source}|${EMAIL.source}|${PHONE.source})`, 'gi'), '')
        .replace(WEB, '')
        .replace(/[\s,;]+$/, '')
        .trim(),
    )
    .filter((text) => text !== '')
    .join('\n');
  return {
    text: all,
    phone: PHONE.exec(all)?.[0].trim() ?? null,
    email: EMAIL.exec(all)?.[0] ?? null,
    web: WEB.exec(all)?.[0].replace(/[.,;)]+$/, '') ?? null,
    address: address === '' ? null : address,
  };
}

/** Finds the trailer at the end of a document's blocks; `start` is blocks.length when there is none. */
export function readTrailer(blocks: Block[], from: number): Trailer {
  let start = blocks.length;
  let endMarker: string | null = null;
  for (let i = from; i < blocks.length; i++) {
    const marker = endMarkerOf(blocks[i]!);
    if (marker) {
      endMarker = marker;
      start = i;
      break;
    }
  }
  if (endMarker === null) {
    // No end marker: the trailer is the run of distribution and contact blocks at the very end.
    while (start > from && (distributionOf(blocks[start - 1]!.text) || isContact(blocks[start - 1]!.text))) start--;
  }
  const after = blocks.slice(endMarker === null ? start : start + 1);
  let distribution: string | null = null;
  const contactBlocks: Block[] = [];
  for (const block of after) {
    const kind = distributionOf(block.text);
    if (kind && distribution === null) distribution = kind;
    else contactBlocks.push(block);
  }
  return { endMarker, distribution, contact: readContact(contactBlocks), start };
}
