/**
 * Plain text, as organisations keep it: converted from scans or word
 * processors, hard-wrapped, often with Markdown-like marks (`## Background`,
 * `**Public Statement**`) left in. Paragraphs are separated by blank lines.
 */
import { collapseBlanks, type Block } from '../blocks.ts';

const ATX_HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const SETEXT_UNDERLINE = /^\s*(=+|-+)\s*$/;
const SEPARATOR = /^[\s*\-=_~#.]+$/;

/** Removes emphasis marks that Markdown-minded converters leave around words. */
export function stripInlineMarks(line: string): string {
  if (!line.includes('*') && !line.includes('_')) return collapseBlanks(line).trim();
  return collapseBlanks(line
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)([^*_]+?)(?<=\S)[*_](?=$|[\s).,;:!?])/g, '$1$2'))
    .trim();
}

function isCapitalHeading(line: string): boolean {
  const text = line.trim();
  if (text.length > 60) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
    && !/[.,;]$/.test(text) && !/\d{2,}/.test(text);
}

/** Reads plain text into blocks: headings where the text marks them, paragraphs otherwise. */
export function readText(text: string): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length > 0) blocks.push({ kind: 'paragraph', text: lines.join('\n') });
    lines = [];
  };
  const rawLines = text.split('\n');
  for (let i = 0; i < rawLines.length; i++) {
    const line = rawLines[i]!;
    const raw = line.includes('\t') ? line.replace(/\t/g, ' ') : line;
    if (raw.trim() === '') {
      flush();
      continue;
    }
    const atx = ATX_HEADING.exec(raw.trim());
    if (atx) {
      flush();
      const heading = stripInlineMarks(atx[2]!);
      if (heading !== '') blocks.push({ kind: 'heading', depth: atx[1]!.length, text: heading });
      continue;
    }
    const next = rawLines[i + 1];
    if (lines.length === 0 && next !== undefined && SETEXT_UNDERLINE.test(next) && !SEPARATOR.test(raw)) {
      blocks.push({ kind: 'heading', depth: next.trim().startsWith('=') ? 1 : 2, text: stripInlineMarks(raw) });
      i++;
      continue;
    }
    if (SEPARATOR.test(raw)) {
      flush();
      continue;
    }
    if (lines.length === 0 && (next === undefined || next.trim() === '') && isCapitalHeading(raw)) {
      // Typewritten documents mark headings in capitals on a line of their own: BACKGROUND.
      blocks.push({ kind: 'heading', depth: 2, text: stripInlineMarks(raw).replace(/:$/, '') });
      continue;
    }
    lines.push(stripInlineMarks(raw));
  }
  flush();
  return blocks;
}
