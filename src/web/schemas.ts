/**
 * The shapes the API and the pages accept and return, written once with
 * TypeBox: Fastify validates requests with them and the OpenAPI document is
 * generated from them.
 */
import { Type, type Static } from '@fastify/type-provider-typebox';

// The pattern says how a day is written; the format rejects days that do not exist (2002-13-01, 2002-02-30).
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description: 'a day, YYYY-MM-DD', examples: ['2002-03-27'] });

// An enum rather than a union of constants, so that a wrong value is answered with the allowed ones.
const Sort = Type.Unsafe<'relevance' | 'date'>({ type: 'string', enum: ['relevance', 'date'], description: 'relevance (default with a query) or date (newest first)' });

/** Filters shared by the search page, the API and the feed. */
export const Filters = {
  type: Type.Optional(Type.String({ maxLength: 60, description: 'document type, e.g. "Public Statement"' })),
  country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 code, e.g. CN' })),
  year: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
  language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$', description: 'ISO 639-1 code, e.g. en' })),
};

export const SearchQuerystring = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 1000, description: 'words, "phrases", prefix*, AND/OR/NOT, -word; or an index number' })),
  ...Filters,
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  // Optional with a default: Ajv fills the default in, and the OpenAPI document does not call them required.
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  sort: Type.Optional(Sort),
}, { additionalProperties: false });
export type SearchQuerystring = Static<typeof SearchQuerystring>;

export const SearchPageQuerystring = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 1000 })),
  ...Filters,
  sort: Type.Optional(Sort),
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
});
export type SearchPageQuerystring = Static<typeof SearchPageQuerystring>;

export const FeedQuerystring = Type.Object({ ...Filters });
export type FeedQuerystring = Static<typeof FeedQuerystring>;

const Counts = Type.Record(Type.String(), Type.Integer());

export const Hit = Type.Object({
  index: Type.Union([Type.String(), Type.Null()]),
  slug: Type.String(),
  title: Type.String(),
  type: Type.Union([Type.String(), Type.Null()]),
  date: Type.Union([Type.String(), Type.Null()]),
  language: Type.String(),
  snippet: Type.String({ description: 'HTML: escaped text, matched words in <mark>' }),
  score: Type.Number(),
});

export const SearchResponse = Type.Object({
  total: Type.Integer(),
  results: Type.Array(Hit),
  facets: Type.Object({ type: Counts, year: Counts, country: Counts, language: Counts }),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const DocumentResponse = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  index: Nullable(Type.String()),
  indexParts: Nullable(Type.Object({
    prefix: Type.String(), region: Nullable(Type.String()), countryNumber: Type.Integer(), sequence: Type.Integer(), year: Type.Integer(),
  })),
  indexAsPrinted: Nullable(Type.String()),
  type: Nullable(Type.String()),
  date: Nullable(Type.String()),
  newsServiceNumber: Nullable(Type.Integer()),
  urgentAction: Nullable(Type.String()),
  title: Type.String(),
  organisation: Nullable(Type.String()),
  sections: Type.Array(Type.Object({ heading: Nullable(Type.String()), text: Type.String() })),
  endMarker: Nullable(Type.String()),
  distribution: Nullable(Type.String()),
  contact: Nullable(Type.Object({
    text: Type.String(), phone: Nullable(Type.String()), email: Nullable(Type.String()), web: Nullable(Type.String()), address: Nullable(Type.String()),
  })),
  countries: Type.Array(Type.String()),
  language: Type.String(),
  importedAt: Type.String(),
  updatedAt: Type.String(),
});

export const ApiError = Type.Object({
  error: Type.String(),
  message: Type.String(),
  parameter: Type.Optional(Type.String()),
});

