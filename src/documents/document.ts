/** A document as Vigil understands it after reading: every field recognised from its text. */
import type { IndexParts } from '../domain/index-number.ts';
import type { Contact } from './recognise/trailer.ts';

export type { Contact };

export interface Section {
  /** Null for the body before the first heading. */
  heading: string | null;
  text: string;
}

export interface ReadDocument {
  /** The index number in its one normal spelling (`ASA 17/013/2002`), or null. */
  index: string | null;
  indexParts: IndexParts | null;
  /** The index number as the document prints it (`ASA 17/09/90`). */
  indexAsPrinted: string | null;
  type: string | null;
  /** Date of issue, `YYYY-MM-DD`. */
  date: string | null;
  newsServiceNumber: number | null;
  /** An urgent action's own number (`UA 141/13`) and its update label, when it is one. */
  urgentAction: string | null;
  title: string;
  organisation: string | null;
  sections: Section[];
  endMarker: string | null;
  /** `public`, `internal`, … from the distribution line. */
  distribution: string | null;
  contact: Contact | null;
  /** ISO 3166-1 alpha-2 codes of the countries the document is about. */
  countries: string[];
  /** ISO 639-1 code, or `und`. */
  language: string;
  /** SHA-256 of the normalised title and text: identifies a document without an index number. */
  contentHash: string;
}
