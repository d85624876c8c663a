/**
 * Reading one file into a document: checks what a batch import meets in the
 * wild (empty, binary, over-large, unknown format, text in an old encoding),
 * then hands the text to its format reader and the blocks to recognition.
 * Never throws: every failure comes back as a clear reason.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { DocumentError, type Block } from './blocks.ts';
import { DEFAULT_MAX_BYTES, formatOfFile, type Format } from './file-formats.ts';
import type { ReadDocument } from './document.ts';

export { DEFAULT_MAX_BYTES, formatOfFile };
import { readText } from './formats/text.ts';
import { recogniseDocument } from './recognise/recognise-document.ts';


// Windows-1252 bytes 0x80–0x9F (curly quotes, dashes, €), which Node 20's decoder reads as Latin-1 controls.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export type ReadResult = { ok: true; document: ReadDocument } | { ok: false; error: string };

/** Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) throw new DocumentError('binary content, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Files from before Unicode: Windows-1252 decodes every byte, so nothing is lost.
    text = new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  const controls = text.slice(0, 8192).match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 8) throw new DocumentError('binary content, not text');
  return text.replace(/\r\n?/g, '\n');
}

// The Markdown, HTML and PDF readers (unified, remark, rehype, pdfjs) are loaded the first time a file needs
// them: every reading thread carries what it loads, and a folder of scanned .txt files needs none of them.
async function readBlocks(format: Format, bytes: Uint8Array): Promise<Block[]> {
  if (format === 'pdf') return (await import('./formats/pdf.ts')).readPdf(bytes);
  const text = decodeText(bytes);
  if (format === 'markdown') return (await import('./formats/markdown.ts')).readMarkdown(text);
  if (format === 'html') return (await import('./formats/html.ts')).readHtml(text);
  return readText(text);
}

/** Reads one file's bytes into a document, or says clearly why it cannot. */
export async function readDocumentFile(name: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  const format = formatOfFile(name);
  if (!format) {
    return { ok: false, error: `unsupported format "${extname(name) || 'no extension'}" (Vigil reads .md, .txt, .html and .pdf)` };
  }
  if (bytes.length === 0) return { ok: false, error: 'empty file' };
  if (bytes.length > maxBytes) {
    return { ok: false, error: `file too large: ${bytes.length} bytes, the limit is ${maxBytes} (raise it with --max-size)` };
  }
  try {
    const blocks = await readBlocks(format, bytes);
    return { ok: true, document: recogniseDocument(blocks) };
  } catch (error) {
    if (error instanceof DocumentError) return { ok: false, error: error.message };
    return { ok: false, error: `could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Reads one file from disk into a document; failures to open it become reasons too. The file is
 * read synchronously: this runs in import workers, or for a few files before a server listens.
 * In a worker, promise-based reads cost 60 MB of peak memory at 30,000 files (buffers the C
 * allocator kept, thread by thread) and more time than the reading saved.
 */
export async function readDocumentAt(file: string, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code ?? String(error)})` };
  }
  return readDocumentFile(file, bytes, maxBytes);
}
