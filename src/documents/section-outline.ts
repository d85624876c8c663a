/**
 * A document's text is stored once, as its body; its sections are kept as an
 * outline beside it — each section's heading and the length of its text — and
 * cut back out of the body when the document is shown. Storing the sections'
 * text a second time had doubled the archive's size and the import's writing.
 * Pure.
 */
import type { Section } from './document.ts';

/** Each section as `[heading, length of its text]`, lengths in UTF-16 code units. */
export type SectionOutline = Array<[heading: string | null, length: number]>;

/** The body as the archive stores and searches it: each section's heading on a line of its own above its text. */
export function bodyOf(sections: Section[]): string {
  return sections.map((section) => (section.heading ? `${section.heading}\n${section.text}` : section.text)).join('\n\n');
}

export function outlineOf(sections: Section[]): SectionOutline {
  return sections.map((section) => [section.heading, section.text.length]);
}

/** The sections again, cut out of the body along the outline; the body as one section if they do not fit it. */
export function sectionsOf(body: string, outline: SectionOutline): Section[] {
  const sections: Section[] = [];
  let at = 0;
  for (const [heading, length] of outline) {
    if (sections.length > 0) {
      if (body.slice(at, at + 2) !== '\n\n') return [{ heading: null, text: body }];
      at += 2;
    }
    if (heading) {
      if (body.slice(at, at + heading.length + 1) !== `${heading}\n`) return [{ heading: null, text: body }];
      at += heading.length + 1;
    }
    sections.push({ heading, text: body.slice(at, at + length) });
    at += length;
  }
  return at === body.length ? sections : [{ heading: null, text: body }];
}
