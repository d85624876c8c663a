/**
 * The common shape every format reader produces: a document as a flat list of
 * headings and paragraphs of plain text, in reading order. Field recognition
 * (type, date, index number, sections…) works on blocks, never on a format.
 */
export type Block =
  | { kind: 'heading'; depth: number; text: string }
  | { kind: 'paragraph'; text: string };

/** Runs of whitespace as one space. Single spaces are left alone, so most text is not copied. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s{2,}|[^\S ]/g, ' ');
}

/** Runs of spaces and tabs (not line breaks) as one space. Most lines have neither, and are returned as they are. */
export function collapseBlanks(line: string): string {
  if (!line.includes('  ') && !line.includes('\t')) return line;
  return line.replace(/[ \t]{2,}|\t/g, ' ');
}

/** A reading failure whose message is fit to show to the person importing. */
export class DocumentError extends Error {
  override name = 'DocumentError';
}
