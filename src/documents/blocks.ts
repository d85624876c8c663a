/**
 * The common shape every format reader produces: a document as a flat list of
 * headings and paragraphs of plain text, in reading order. Field recognition
 * (type, date, index number, sections…) works on blocks, never on a format.
 */
export type Block =
  | { kind: 'heading'; depth: number; text: string }
  | { kind: 'paragraph'; text: string };

/** A reading failure whose message is fit to show to the person importing. */
export class DocumentError extends Error {
  override name = 'DocumentError';
}
