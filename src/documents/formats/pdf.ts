/**
 * PDF reader: the text layer of a PDF as headings and paragraphs.
 *
 * A PDF has no paragraphs, only glyph runs placed on a page, so structure is
 * inferred from geometry: runs sharing a baseline form a line, lines close
 * together form a paragraph, and lines set clearly larger than the body text
 * are headings. Scans have no text layer at all and are refused rather than
 * imported as empty documents.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DocumentError, type Block } from '../blocks.ts';

type TextContentItem = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number];
type TextItem = Extract<TextContentItem, { str: string }>;

/** A visual line of text: its content, baseline and the largest font size on it. */
interface Line {
  text: string;
  page: number;
  y: number;
  size: number;
}

/**
 * A line's size must reach this multiple of the body size to count as a
 * heading. Word's default Heading 2 is 13 pt over 11 pt body (1.18), so a
 * stricter ratio would miss the most common second-level headings.
 */
const HEADING_RATIO = 1.15;
/** Longer "headings" are emphasised paragraphs (a lead, a pull quote), not titles. */
const MAX_HEADING_LINES = 3;
/** Heading sizes within this fraction of the largest one share depth 1. */
const SAME_SIZE_TOLERANCE = 0.05;
/**
 * Bounds, in font sizes, for the baseline gap that ends a paragraph. The gap
 * is derived from the document's own line pitch (so 1.5-spaced text does not
 * fall apart into one-line paragraphs) but clamped so a document made only of
 * blank-line-separated one-liners still splits.
 */
const MIN_BREAK_GAP = 1.5;
const MAX_BREAK_GAP = 2.2;
const PITCH_TO_BREAK = 1.3;

const SCAN_MESSAGE = 'PDF has no text layer (it is probably a scan): run it through OCR first';

/** Reads a PDF's text layer into blocks; throws DocumentError for scans, damaged and locked files. */
export async function readPdf(bytes: Uint8Array): Promise<Block[]> {
  // Loaded on first use: commands that never meet a PDF should not pay for
  // pdfjs and the canvas binding it pulls in.
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const root = pdfjsRoot();
  const task = getDocument({
    // pdfjs transfers (detaches) the buffer it is given; the caller keeps theirs. A copy into a
    // plain Uint8Array, because a Node Buffer's slice() is a view and pdfjs refuses Buffers.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    // Read CMaps and font data from disk, never over the network.
    useWorkerFetch: false,
    verbosity: VerbosityLevel.ERRORS,
    // Without the bundled CMaps, text in non-embedded CJK fonts (common in
    // Chinese, Japanese and Korean PDFs) cannot be decoded; the standard font
    // data covers PDFs that lean on the reader's own Helvetica/Times.
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
  });
  let lines: Line[];
  try {
    const doc = await task.promise;
    lines = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      lines.push(...itemsToLines(content.items.filter(isTextItem), n));
      page.cleanup();
    }
  } catch (error) {
    throw toDocumentError(error);
  } finally {
    await task.destroy();
  }
  if (lines.length === 0) throw new DocumentError(SCAN_MESSAGE);
  return linesToBlocks(lines);
}

/** pdfjs reads its CMaps and font data from disk in Node, by plain path. */
function pdfjsRoot(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

function isTextItem(item: TextContentItem): item is TextItem {
  return 'str' in item;
}

function toDocumentError(error: unknown): DocumentError {
  if (error instanceof DocumentError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new DocumentError('PDF is password-protected: remove the password and import it again');
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new DocumentError(`not a readable PDF: ${reason}`);
}

/** Font size of a run; pdfjs reports 0 height for its synthetic end-of-line markers. */
function itemSize(item: TextItem): number {
  if (item.height > 0) return item.height;
  return Math.hypot(Number(item.transform[2]), Number(item.transform[3]));
}

function itemsToLines(items: TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let text = '';
  let y = 0;
  let size = 0;
  let lastEnd: number | null = null;
  let breakPending = false;

  const flush = (): void => {
    const clean = text.replace(/[ \t]+/g, ' ').trim();
    if (clean !== '') lines.push({ text: clean, page, y, size });
    text = '';
    size = 0;
    lastEnd = null;
  };

  for (const item of items) {
    const x = Number(item.transform[4]);
    const itemY = Number(item.transform[5]);
    const visible = item.str.trim() !== '';
    if (visible) {
      const h = itemSize(item);
      const tolerance = 0.5 * Math.max(h, size);
      if (text !== '' && (breakPending || Math.abs(itemY - y) > tolerance)) flush();
      breakPending = false;
      if (text === '') {
        y = itemY;
      } else if (lastEnd !== null && needsSpace(text, item.str, x - lastEnd, h)) {
        text += ' ';
      }
      text += item.str;
      size = Math.max(size, h);
      lastEnd = x + item.width;
    } else if (item.str !== '' && text !== '') {
      // A whitespace run still separates the words around it.
      text += ' ';
    }
    if (item.hasEOL) breakPending = true;
  }
  flush();
  return lines;
}

/**
 * Runs on one line are often split mid-word (kerning, font changes), so a
 * space goes in only where the page shows one: a visible horizontal gap, or
 * a jump backwards that means the runs are not adjacent at all.
 */
function needsSpace(before: string, after: string, gap: number, size: number): boolean {
  if (/\s$/.test(before) || /^\s/.test(after)) return false;
  return gap > 0.15 * size || gap < -0.5 * size;
}

/** Character-weighted median, so a few short large runs cannot pass for body text. */
function bodySize(lines: Line[]): number {
  const weighted = lines.map((l) => ({ size: l.size, weight: l.text.length })).sort((a, b) => a.size - b.size);
  const total = weighted.reduce((sum, w) => sum + w.weight, 0);
  let seen = 0;
  for (const w of weighted) {
    seen += w.weight;
    if (seen * 2 >= total) return w.size;
  }
  return weighted[weighted.length - 1]?.size ?? 0;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Baseline gap, in font sizes, beyond which a new paragraph starts. */
function breakGapRatio(lines: Line[], isHeading: (l: Line) => boolean): number {
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const cur = lines[i];
    if (!prev || !cur || prev.page !== cur.page || isHeading(prev) || isHeading(cur)) continue;
    const gap = prev.y - cur.y;
    const size = Math.max(prev.size, cur.size);
    if (gap > 0 && size > 0 && gap < 4 * size) ratios.push(gap / size);
  }
  const pitch = median(ratios);
  if (pitch === null) return MIN_BREAK_GAP;
  return Math.min(MAX_BREAK_GAP, Math.max(MIN_BREAK_GAP, pitch * PITCH_TO_BREAK));
}

function linesToBlocks(lines: Line[]): Block[] {
  const body = bodySize(lines);
  const isHeading = (l: Line): boolean => body > 0 && l.size >= body * HEADING_RATIO;
  const largest = Math.max(...lines.filter(isHeading).map((l) => l.size));
  const depthOf = (l: Line): number | null =>
    isHeading(l) ? (l.size >= largest * (1 - SAME_SIZE_TOLERANCE) ? 1 : 2) : null;
  const breakRatio = breakGapRatio(lines, isHeading);

  const blocks: Block[] = [];
  let group: Line[] = [];
  let groupDepth: number | null = null;

  const flush = (): void => {
    if (group.length === 0) return;
    if (groupDepth === null || group.length > MAX_HEADING_LINES) {
      // Keep line breaks: later line-based recognition (headers, lists) needs them.
      blocks.push({ kind: 'paragraph', text: group.map((l) => l.text).join('\n') });
    } else {
      blocks.push({ kind: 'heading', depth: groupDepth, text: group.map((l) => l.text).join(' ') });
    }
    group = [];
  };

  for (const line of lines) {
    const depth = depthOf(line);
    const prev = group[group.length - 1];
    if (prev) {
      const gap = prev.y - line.y;
      const sameRun =
        prev.page === line.page &&
        depth === groupDepth &&
        gap > 0 &&
        gap <= breakRatio * Math.max(prev.size, line.size);
      if (!sameRun) flush();
    }
    if (group.length === 0) groupDepth = depth;
    group.push(line);
  }
  flush();
  return blocks;
}
