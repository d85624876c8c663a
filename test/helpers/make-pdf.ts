/**
 * Builds small PDFs in memory for tests, so the suite carries no binary
 * fixtures and every PDF's content is visible next to the test that uses it.
 */
import { PDFDocument, PDFNumber, PDFHexString, StandardFonts, rgb } from 'pdf-lib';

/** One line of the source text; an empty `text` leaves a blank line. */
export interface PdfLine {
  text: string;
  /** Font size in points; defaults to `options.fontSize`. */
  size?: number;
}

/** Layout knobs for {@link makeTextPdf}; the defaults give an A4 page of 11 pt text. */
export interface MakeTextPdfOptions {
  fontSize?: number;
  /** Baseline-to-baseline distance as a multiple of the font size. */
  leading?: number;
  pageWidth?: number;
  pageHeight?: number;
  margin?: number;
  /** Wrap lines wider than the text column, as a word processor would. */
  wrap?: boolean;
  /** Add a standard-security encryption dictionary whose user password is not empty. */
  passwordProtected?: boolean;
}

const A4: [number, number] = [595.28, 841.89];

/** Lays `lines` out top-down in Helvetica, wrapping and adding pages as needed (WinAnsi text only). */
export async function makeTextPdf(lines: PdfLine[], options: MakeTextPdfOptions = {}): Promise<Uint8Array> {
  const {
    fontSize = 11,
    leading = 1.2,
    pageWidth = A4[0],
    pageHeight = A4[1],
    margin = 56,
    wrap = true,
    passwordProtected = false,
  } = options;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const columnWidth = pageWidth - 2 * margin;

  let page = doc.addPage([pageWidth, pageHeight]);
  let y = pageHeight - margin;
  for (const line of lines) {
    const size = line.size ?? fontSize;
    const pieces = wrap ? wrapText(line.text, size, columnWidth, (s) => font.widthOfTextAtSize(s, size)) : [line.text];
    for (const piece of pieces) {
      // The baseline sits one font size below the top of the line box.
      if (y - size < margin) {
        page = doc.addPage([pageWidth, pageHeight]);
        y = pageHeight - margin;
      }
      y -= size;
      if (piece !== '') page.drawText(piece, { x: margin, y, size, font, color: rgb(0, 0, 0) });
      y -= size * (leading - 1);
    }
  }

  if (passwordProtected) addUnopenableEncryption(doc);
  return doc.save();
}

/** A one-page PDF holding only a filled rectangle: what a scan looks like to a text extractor. */
export async function makeImageOnlyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(A4);
  page.drawRectangle({ x: 56, y: 300, width: 480, height: 480, color: rgb(0.6, 0.6, 0.6) });
  return doc.save();
}

function wrapText(text: string, size: number, width: number, measure: (s: string) => number): string[] {
  if (text === '') return [''];
  const out: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (current !== '' && measure(candidate) > width) {
      out.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  out.push(current);
  return out;
}

/**
 * pdf-lib cannot encrypt, but a reader only needs the /Encrypt dictionary to
 * decide a password is required: with a /U entry that no empty password can
 * match, the file is as locked as a real protected one.
 */
function addUnopenableEncryption(doc: PDFDocument): void {
  const filler = 'A5'.repeat(32);
  const encrypt = doc.context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    Length: 40,
    P: PDFNumber.of(-4),
    O: PDFHexString.of(filler),
    U: PDFHexString.of(filler),
  });
  const id = PDFHexString.of('0123456789ABCDEF0123456789ABCDEF');
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}

/**
 * A one-page PDF whose Chinese `text` uses a non-embedded CJK font with a
 * predefined CMap (UniGB-UCS2-H), as older Acrobat output does; pdf-lib only
 * writes embedded fonts, so this one is assembled by hand. BMP characters only.
 */
export function makeCjkPdf(text: string): Uint8Array {
  const hex = Array.from(text, (c) => (c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
  const stream = `BT /F1 24 Tf 56 700 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ];
  // Everything before the xref is ASCII, so string offsets are byte offsets.
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
