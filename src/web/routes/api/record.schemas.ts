/**
 * The shapes of the workspace API: what integrators send and get back for
 * sources, reports, events, people and places. Fastify validates requests
 * with them, answers are written through them (a field not listed here is
 * never sent, which keeps sealed values out), and the OpenAPI document is
 * generated from them. Dates, counts and places are accepted as words or as
 * structured objects; answers carry the structured value and its label.
 */
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import { EVENT_STATUSES } from '../../../domain/corroboration.ts';
import { PERSON_STATUSES } from '../../../domain/case-status.ts';
import { INVOLVEMENTS, PERPETRATOR_KINDS, STANCES } from '../../../workspace/event.service.ts';
import { SEXES } from '../../../workspace/person.service.ts';
import { REPORT_CHANNELS } from '../../../workspace/report.service.ts';
import { SOURCE_CONSENTS, SOURCE_KINDS } from '../../../workspace/source.service.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const listed = (values: readonly string[]) => values.join(', ');

// ---------------------------------------------------------------- shared parts

export const RecordError = Type.Object({
  error: Type.String({ description: 'invalid_input, invalid_parameter, stale_edit, not_found, unauthenticated, forbidden, csrf, rate_limited' }),
  message: Type.String(),
  field: Type.Optional(Type.String({ description: 'the input field at fault, e.g. "date" or "victims.0.count"' })),
  parameter: Type.Optional(Type.String()),
  candidates: Type.Optional(Type.Array(Type.Object({
    id: Type.String(), kind: Type.String(), name: Type.String(), divisionName: Type.Optional(Type.String()), country: Type.String(),
  }), { description: 'for a place name that is not exact: the gazetteer entries it may mean (send one as placeId)' })),
});

/** A removal's answer: 204, no body. */
export const NoContent = Type.Null({ description: 'done; nothing to return' });

/** The answers every record route may give besides its own. */
export const ERROR_RESPONSES = { 400: RecordError, 401: RecordError, 403: RecordError, 404: RecordError };

export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
};

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a day, YYYY-MM-DD', examples: ['2002-03-27'] });
const OptionalDay = Type.Optional(Day);
const Version = Type.Integer({ minimum: 1, description: 'the version the edit was made on; an edit on an older copy is refused with 409' });

export const EventDate = Type.Object({
  precision: Type.String({ description: 'day, month, year, range (lasted the whole span) or bounded (one day somewhere in it)' }),
  earliest: Type.String({ description: 'the first day it can have been, YYYY-MM-DD' }),
  latest: Type.String({ description: 'the last day it can have been, YYYY-MM-DD' }),
  approximate: Type.Boolean(),
  text: Type.Optional(Type.String({ description: 'the words as reported' })),
});

export const Count = Type.Object({
  precision: Type.String({ description: 'exact, at-least, at-most, range or approximate' }),
  low: Nullable(Type.Integer()),
  high: Nullable(Type.Integer()),
  value: Type.Optional(Type.Integer({ description: 'approximate only: the central figure ("about 50")' })),
  text: Type.Optional(Type.String({ description: 'the words as reported' })),
});

export const Place = Type.Object({
  precision: Type.String({ description: 'country, division, city or point' }),
  gazetteerId: Type.Optional(Type.Union([Type.String(), Type.Integer()], { description: 'the gazetteer entry it was copied from, e.g. city:19868' })),
  name: Type.String(),
  native: Type.Optional(Type.String()),
  country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  countryName: Type.Optional(Type.String()),
  division: Type.Optional(Type.String({ description: 'ISO 3166-2' })),
  divisionName: Type.Optional(Type.String()),
  lat: Type.Optional(Type.Number()),
  lon: Type.Optional(Type.Number()),
  detail: Type.Optional(Type.String({ description: 'free text beside the place: "the hills along the border"' })),
});

// Inputs: words, or the structured value (checked by the same rules as words).
const DateInput = Type.Union([
  Type.String({ description: 'words: "14 March 2002", "March 2002", "1–26 March 2002", "earlier this month" (with dateReference)', examples: ['earlier this month'] }),
  Type.Object({
    precision: Type.String(), earliest: Type.String({ description: 'YYYY-MM-DD (YYYY-MM or YYYY for a month or a year)' }),
    latest: Type.Optional(Type.String()), approximate: Type.Optional(Type.Boolean()), text: Type.Optional(Type.String()),
  }, { additionalProperties: false }),
]);

const Figure = Type.Optional(Nullable(Type.Union([Type.Integer({ minimum: 0 }), Type.String()])));
const CountInput = Type.Union([
  Type.String({ description: 'words: "25", "at least 1,400", "up to 900", "10–20", "tens of thousands"', examples: ['up to 900'] }),
  Type.Integer({ minimum: 0 }),
  Type.Object({ precision: Type.String(), low: Figure, high: Figure, value: Figure, text: Type.Optional(Type.String()) }, { additionalProperties: false }),
]);

const PlaceInput = Type.Union([
  Type.String({ description: 'a place name looked up in the gazetteer (give country to narrow it)', examples: ['Longjing'] }),
  Type.Object({
    precision: Type.Optional(Type.String()), gazetteerId: Type.Optional(Type.Union([Type.String(), Type.Integer()])), name: Type.Optional(Type.String()),
    native: Type.Optional(Type.String()), country: Type.Optional(Type.String()), countryName: Type.Optional(Type.String()),
    division: Type.Optional(Type.String()), divisionName: Type.Optional(Type.String()),
    lat: Type.Optional(Type.Number()), lon: Type.Optional(Type.Number()), detail: Type.Optional(Type.String()),
  }, { additionalProperties: false, description: 'a gazetteer entry ({ gazetteerId }) or a place given in parts' }),
]);

/** How an event or a status names its place; all optional, at most one way at a time. */
const PlaceFields = {
  place: Type.Optional(PlaceInput),
  placeId: Type.Optional(Type.String({ description: 'a gazetteer key from /api/v1/places, e.g. city:19868', examples: ['city:19868'] })),
  placeKind: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['country', 'division', 'city'], description: 'narrows a place name to one kind' })),
  country: Type.Optional(Type.String({ description: 'ISO 3166-1 alpha-2 code, e.g. CN: narrows a place name, or is the place when no name is given' })),
  placeDetail: Type.Optional(Type.String({ maxLength: 500 })),
  coordinates: Type.Optional(Type.String({ description: 'a point: "42.7714, 129.4233" (with country)' })),
};

const DateFields = {
  date: Type.Optional(DateInput),
  dateReference: Type.Optional(Type.String({ description: 'the day relative words ("earlier this month") are read from, YYYY-MM-DD', examples: ['2002-03-27'] })),
};

const Created = { createdAt: Type.String(), updatedAt: Type.String(), version: Type.Integer() };

// ---------------------------------------------------------------- sources

export const SourceView = Type.Object({
  pseudonym: Type.String(), kind: Type.String(), compartment: Type.String(), consent: Type.String(),
  reliability: Nullable(Type.String()), gradedBy: Nullable(Type.String()), gradedAt: Nullable(Type.String()), independenceGroup: Nullable(Type.String()),
  hasIdentity: Type.Boolean(), hasContact: Type.Boolean(), ...Created,
});

const SourceFields = {
  kind: Type.String({ description: listed(SOURCE_KINDS) }),
  consent: Type.Optional(Type.String({ description: `${listed(SOURCE_CONSENTS)} (never-identify when not given)` })),
  reliability: Type.Optional(Type.String({ description: 'A–F, or empty for not graded' })),
  independenceGroup: Type.Optional(Type.String({ maxLength: 200, description: 'sources repeating one origin share a group and count once' })),
  identity: Type.Optional(Type.String({ maxLength: 2000, description: 'sealed; never returned. Left out keeps what is stored' })),
  contact: Type.Optional(Type.String({ maxLength: 2000, description: 'sealed; never returned. Left out keeps what is stored' })),
};
export const SourceCreate = Type.Object({ compartment: Type.String(), ...SourceFields }, { additionalProperties: false });
export const SourceUpdate = Type.Object({ version: Version, ...SourceFields }, { additionalProperties: false });
export const SourceList = Type.Object({ total: Type.Integer(), results: Type.Array(SourceView) });

// ---------------------------------------------------------------- reports

export const ReportView = Type.Object({
  reference: Type.String(), compartment: Type.String(), source: Nullable(Type.String()), receivedOn: Type.String(), channel: Type.String(),
  summary: Type.String(),
  fullText: Nullable(Type.String({ description: 'null when sealed (or empty)' })),
  fullTextSealed: Type.Boolean(), language: Nullable(Type.String()), credibility: Nullable(Type.Integer()),
  events: Type.Array(Type.Object({ reference: Type.String(), title: Type.String(), stance: Type.String() })),
  ...Created,
});

const ReportFields = {
  source: Type.Optional(Type.String({ maxLength: 20, description: 'pseudonym of a source in the same compartment (S-0042)' })),
  receivedOn: Day,
  channel: Type.String({ description: listed(REPORT_CHANNELS) }),
  summary: Type.String({ maxLength: 5000 }),
  fullText: Type.Optional(Type.String({ maxLength: 200_000, description: 'sealed when its source must never be identified or with sealFullText, and then never returned; left out keeps what is stored' })),
  sealFullText: Type.Optional(Type.Boolean()),
  language: Type.Optional(Type.String({ maxLength: 3, description: 'ISO 639 code: en, zh, ko' })),
  credibility: Type.Optional(Type.Union([Type.String(), Type.Integer({ minimum: 1, maximum: 6 })], { description: '1–6, or empty for not graded' })),
};
export const ReportCreate = Type.Object({ compartment: Type.String(), ...ReportFields }, { additionalProperties: false });
export const ReportUpdate = Type.Object({ version: Version, ...ReportFields }, { additionalProperties: false });
export const ReportList = Type.Object({ total: Type.Integer(), results: Type.Array(ReportView) });
export const ReportQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  source: Type.Optional(Type.String({ maxLength: 20 })),
  channel: Type.Optional(Type.String({ maxLength: 40 })),
  from: OptionalDay,
  to: OptionalDay,
  ...Paging,
}, { additionalProperties: false });

// ---------------------------------------------------------------- events

const Act = Type.Object({ code: Type.String(), label: Type.String() });

export const EventSummary = Type.Object({
  reference: Type.String(), compartment: Type.String(), title: Type.String(), acts: Type.Array(Act),
  date: Nullable(EventDate), dateLabel: Nullable(Type.String()), place: Nullable(Place), placeLabel: Nullable(Type.String()),
  status: Type.String(), version: Type.Integer(), updatedAt: Type.String(),
});

export const EventView = Type.Object({
  reference: Type.String(), compartment: Type.String(), title: Type.String(), description: Type.String(), acts: Type.Array(Act),
  date: Nullable(EventDate), dateLabel: Nullable(Type.String()), place: Nullable(Place), placeLabel: Nullable(Type.String()),
  victims: Type.Array(Type.Object({ person: Nullable(Type.String()), group: Nullable(Type.String()), count: Nullable(Count), countLabel: Nullable(Type.String()) })),
  perpetrators: Type.Array(Type.Object({ kind: Type.String(), name: Type.String(), involvement: Type.String() })),
  status: Type.String(),
  corroboration: Type.Object({
    independentSources: Type.Integer(), supportingReports: Type.Integer(),
    bestReliability: Nullable(Type.String()), bestCredibility: Nullable(Type.Integer()),
    contradictedBy: Type.Array(Type.String()),
    origins: Type.Array(Type.Object({ key: Type.String(), sources: Type.Array(Type.String()), reports: Type.Array(Type.String()) })),
  }),
  suggestedStatus: Type.String(),
  reports: Type.Array(Type.Object({
    reference: Type.String(), stance: Type.String(), source: Nullable(Type.String()), summary: Type.String(), receivedOn: Type.String(),
    reliability: Nullable(Type.String()), credibility: Nullable(Type.Integer()),
  })),
  ...Created,
});

const EventFields = {
  title: Type.String({ maxLength: 300 }),
  description: Type.Optional(Type.String({ maxLength: 20_000 })),
  acts: Type.Union([Type.Array(Type.String()), Type.String()], { description: 'act types by code or label ("forcible return"), as a list or "a; b"' }),
  ...DateFields,
  ...PlaceFields,
  victims: Type.Optional(Type.Array(Type.Object({
    group: Type.Optional(Type.String({ maxLength: 300 })),
    person: Type.Optional(Type.String({ maxLength: 20, description: 'a person\'s pseudonym (P-0042) in the same compartment' })),
    count: Type.Optional(CountInput),
  }, { additionalProperties: false }))),
  perpetrators: Type.Optional(Type.Array(Type.Object({
    kind: Type.Optional(Type.String({ description: `${listed(PERPETRATOR_KINDS)} (state body when not given)` })),
    name: Type.String({ maxLength: 300 }),
    involvement: Type.Optional(Type.String({ description: `${listed(INVOLVEMENTS)} (carried out when not given)` })),
  }, { additionalProperties: false }))),
  status: Type.Optional(Type.String({ description: `${listed(EVENT_STATUSES)} (alleged when not given)` })),
};
export const EventCreate = Type.Object({
  compartment: Type.String(),
  ...EventFields,
  reports: Type.Optional(Type.Array(Type.Object({
    reference: Type.String({ pattern: '^[Rr]-\\d{4,}$', description: 'a report of the same compartment' }),
    stance: Type.Union([Type.Literal('supports'), Type.Literal('contradicts')]),
  }, { additionalProperties: false }), { maxItems: 100, description: 'reports linked as the event is recorded, in the same transaction' })),
}, { additionalProperties: false });
export const EventUpdate = Type.Object({ version: Version, ...EventFields }, { additionalProperties: false });
export const EventList = Type.Object({ total: Type.Integer(), results: Type.Array(EventSummary) });
export const EventQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  act: Type.Optional(Type.String({ maxLength: 100, description: 'an act type code; events with it' })),
  status: Type.Optional(Type.String({ maxLength: 20 })),
  country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
  from: OptionalDay,
  to: OptionalDay,
  ...Paging,
}, { additionalProperties: false });
export const LinkCreate = Type.Object({
  report: Type.String({ maxLength: 20, description: 'a report reference (R-1234) in the event\'s compartment' }),
  stance: Type.String({ description: listed(STANCES) }),
}, { additionalProperties: false });

// ---------------------------------------------------------------- people

const StatusView = Type.Object({
  id: Type.Integer(), status: Type.String(), label: Type.String(),
  date: Nullable(EventDate), dateLabel: Nullable(Type.String()), place: Nullable(Place), placeLabel: Nullable(Type.String()),
  heldBy: Nullable(Type.String()), note: Type.String(), reports: Type.Array(Type.String()), recordedAt: Type.String(),
});

export const PersonView = Type.Object({
  pseudonym: Type.String(), compartment: Type.String(), hasName: Type.Boolean(), hasContact: Type.Boolean(),
  sex: Nullable(Type.String()), birthYear: Nullable(Type.Integer()), birthYearApproximate: Type.Boolean(), nationality: Nullable(Type.String()),
  notes: Type.String(),
  statuses: Type.Array(StatusView, { description: 'oldest first' }),
  current: Nullable(Type.Object({ status: Type.String(), label: Type.String(), since: Nullable(Type.String()), duration: Nullable(Type.String()), summary: Type.String() })),
  events: Type.Array(Type.Object({ reference: Type.String(), title: Type.String() })),
  ...Created,
});

const PersonFields = {
  name: Type.Optional(Type.String({ maxLength: 2000, description: 'sealed; never returned. Left out keeps what is stored' })),
  contact: Type.Optional(Type.String({ maxLength: 2000, description: 'sealed; never returned. Left out keeps what is stored' })),
  sex: Type.Optional(Type.String({ description: listed(SEXES) })),
  birthYear: Type.Optional(Type.Union([Type.String(), Type.Integer()])),
  birthYearApproximate: Type.Optional(Type.Boolean()),
  nationality: Type.Optional(Type.String({ description: 'ISO 3166-1 alpha-2, e.g. KP' })),
  notes: Type.Optional(Type.String({ maxLength: 20_000 })),
};
export const PersonCreate = Type.Object({ compartment: Type.String(), ...PersonFields }, { additionalProperties: false });
export const PersonUpdate = Type.Object({ version: Version, ...PersonFields }, { additionalProperties: false });
export const PersonList = Type.Object({ total: Type.Integer(), results: Type.Array(PersonView) });
export const PersonQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  nationality: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
  ...Paging,
}, { additionalProperties: false });
export const StatusCreate = Type.Object({
  status: Type.String({ description: listed(PERSON_STATUSES) }),
  date: DateInput,
  dateReference: DateFields.dateReference,
  ...PlaceFields,
  heldBy: Type.Optional(Type.String({ maxLength: 300 })),
  note: Type.Optional(Type.String({ maxLength: 5000 })),
  reports: Type.Optional(Type.Union([Type.Array(Type.String()), Type.String()], { description: 'references of the reports behind it, as a list or "R-1; R-2"' })),
}, { additionalProperties: false });

// ---------------------------------------------------------------- places

export const PlaceHit = Type.Object({
  id: Type.String({ description: 'the key to send as placeId' }), kind: Type.String(), name: Type.String(), native: Type.Optional(Type.String()),
  country: Type.String(), countryName: Type.String(), division: Type.Optional(Type.String()), divisionName: Type.Optional(Type.String()),
  divisionType: Type.Optional(Type.String()), parentId: Type.Optional(Type.String()),
  lat: Type.Optional(Type.Number()), lon: Type.Optional(Type.Number()), population: Type.Optional(Type.Integer()),
  capital: Type.Boolean(), match: Type.String({ description: 'exact, prefix, word or substring' }),
});
export const PlaceList = Type.Object({
  results: Type.Array(PlaceHit),
  attribution: Type.Object({ text: Type.String(), licence: Type.String(), url: Type.String(), licenceUrl: Type.String() }),
});
export const PlaceQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200, description: 'a place name, English or native, whole or in part' }),
  country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
  kind: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['country', 'division', 'city'] })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
}, { additionalProperties: false });

// ---------------------------------------------------------------- addresses

export const ReportParams = Type.Object({ reference: Type.String({ pattern: '^[Rr]-\\d{4,}$', description: 'R-1234' }) });
export const EventParams = Type.Object({ reference: Type.String({ pattern: '^[Ee]-\\d{4,}$', description: 'E-1234' }) });
export const PersonParams = Type.Object({ pseudonym: Type.String({ pattern: '^[Pp]-\\d{4,}$', description: 'P-1234' }) });
export const SourceParams = Type.Object({ pseudonym: Type.String({ pattern: '^[Ss]-\\d{4,}$', description: 'S-1234' }) });
export const LinkParams = Type.Object({ reference: EventParams.properties.reference, report: ReportParams.properties.reference });
export const StatusParams = Type.Object({ pseudonym: PersonParams.properties.pseudonym, id: Type.Integer({ minimum: 1 }) });
