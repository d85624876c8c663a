/**
 * The controlled vocabulary of act types: what was done in an event
 * (arbitrary detention, forcible return, denial of humanitarian access…).
 *
 * Codes are stored with every event, so they are a promise: a code never
 * changes meaning and is never removed. A term that should no longer be used
 * is marked `retired` and stays here, so that old records keep reading the
 * same. A child's code is its parent's code plus one more dotted segment
 * (`liberty.mass-arrest` under `liberty`); a term that had to move to another
 * parent would therefore get a new code, and the old one would be retired.
 *
 * Where a term has a counterpart in the HURIDOCS "Types of Acts"
 * micro-thesaurus, `huridocs` gives it, so events can be exchanged with
 * systems built on the HURIDOCS Events Standard Formats. Source: Judith Dueck,
 * Manuel Guzman and Bert Verstappen, "Micro-thesauri: a tool for documenting
 * human rights violations", HURIDOCS, Versoix, March 2001 (ISBN 92-95015-01-0),
 * chapter 4 "Types of Acts"; the codes and terms are read from HURIDOCS's own
 * machine-readable edition in OpenEvSys (github.com/huridocs/OpenEvSys,
 * `schema/mysql-dbpopulate-mt.sql`, list 4 `mt_4_types_of_acts`), where each
 * code is padded to twelve digits; here the trailing `00` pairs are dropped.
 * Where no HURIDOCS term was found the mapping is left out, and a comment says so.
 */

export const ACT_TYPES_VERSION = '2026.1';

export interface ActType {
  /** Stable, lower-case, dotted: `group.term`. Never reused, never changed. */
  code: string;
  label: string;
  parent?: string;
  /** One sentence saying what the term covers. */
  description: string;
  /** Other words people use for the same act, for searching and for import. */
  synonyms?: readonly string[];
  /** The matching term of the HURIDOCS "Types of Acts" micro-thesaurus (2001). */
  huridocs?: { code: string; term: string };
  /** Kept so that stored codes still read, but no longer offered or accepted as input. */
  retired?: true;
}

/** A list of act types that cannot be read; `term` is the entry at fault, as it was given. */
export class ActTypeInputError extends Error {
  constructor(message: string, readonly term: string) {
    super(message);
    this.name = 'ActTypeInputError';
  }
}

const TERMS: ActType[] = [
  {
    code: 'liberty',
    label: 'Deprivation of liberty',
    description: 'Acts that take away or withhold a person’s freedom.',
    huridocs: { code: '03', term: 'Violations against the right to liberty' },
  },
  {
    code: 'liberty.arbitrary-detention',
    label: 'Arbitrary arrest and detention',
    parent: 'liberty',
    description: 'Holding someone without a lawful basis, without due process, or for exercising their rights.',
    synonyms: ['arbitrary detention', 'arbitrary arrest', 'unlawful detention', 'unlawful arrest'],
    // HURIDOCS keeps arrest (030101) apart from detention and calls neither arbitrary; detention is the closer match.
    huridocs: { code: '030102', term: 'Detention, imprisonment' },
  },
  {
    code: 'liberty.mass-arrest',
    label: 'Mass arrest (round-up)',
    parent: 'liberty',
    description: 'Many people seized at once or in a sweep, usually because of who they are rather than anything they did.',
    synonyms: ['mass arrest', 'round-up', 'roundup', 'mass roundup', 'mass detention'],
    huridocs: { code: '030107', term: 'Mass roundup' },
  },
  {
    code: 'liberty.enforced-disappearance',
    label: 'Enforced disappearance',
    parent: 'liberty',
    description: 'A person taken by or with the consent of the authorities, who then deny it or hide their fate or whereabouts.',
    synonyms: ['disappearance', 'forced disappearance'],
    huridocs: { code: '030103', term: 'Disappearance' },
  },
  {
    code: 'displacement',
    label: 'Displacement and asylum',
    description: 'Acts that force people from where they are or keep them from protection elsewhere.',
    // No single HURIDOCS term: its terms for these acts sit under aliens (33), refugees (38) and movement (05).
  },
  {
    code: 'displacement.refoulement',
    label: 'Forcible return (refoulement)',
    parent: 'displacement',
    description: 'Sending a person back to a country where they face persecution, torture or other serious harm.',
    synonyms: ['refoulement', 'forcible return', 'forced return', 'forced repatriation'],
    huridocs: { code: '380101', term: 'Refoulement' },
  },
  {
    code: 'displacement.collective-expulsion',
    label: 'Collective expulsion',
    parent: 'displacement',
    description: 'Removing a group of foreigners together without examining each person’s case.',
    synonyms: ['mass expulsion', 'mass deportation', 'collective deportation'],
    // The HURIDOCS term is broader: it covers the expulsion of one person as well as of many.
    huridocs: { code: '330101', term: 'Expulsion; deportation' },
  },
  {
    code: 'displacement.asylum-denied',
    label: 'Denial of access to asylum',
    parent: 'displacement',
    description: 'Keeping people from claiming asylum or from having their claim fairly heard.',
    synonyms: ['denial of asylum', 'refusal of asylum', 'no access to asylum'],
    huridocs: { code: '330103', term: 'Denial of asylum' },
  },
  {
    code: 'violence',
    label: 'Violence against the person',
    description: 'Acts that harm a person’s life, body or mind.',
    // No single HURIDOCS term: it files killings under the right to life (01), the rest under personal integrity (02).
  },
  {
    code: 'violence.torture',
    label: 'Torture and other ill-treatment',
    parent: 'violence',
    description: 'Inflicting severe pain or suffering, or cruel, inhuman or degrading treatment or punishment.',
    synonyms: ['torture', 'ill-treatment', 'cruel, inhuman or degrading treatment'],
    huridocs: { code: '02011111', term: 'Torture' },
  },
  {
    code: 'violence.unlawful-killing',
    label: 'Unlawful killing',
    parent: 'violence',
    description: 'Taking a life without lawful justification, including extrajudicial and summary executions.',
    synonyms: ['extrajudicial execution', 'extrajudicial killing', 'summary execution'],
    huridocs: { code: '0101', term: 'Direct actions which violate the right to life' },
  },
  {
    code: 'violence.sexual-violence',
    label: 'Sexual violence',
    parent: 'violence',
    description: 'Any act of a sexual nature forced on a person, including rape.',
    synonyms: ['rape', 'sexual assault', 'sexual abuse'],
    huridocs: { code: '020102', term: 'Sexual violations' },
  },
  {
    code: 'violence.threats-harassment',
    label: 'Threats and harassment',
    parent: 'violence',
    description: 'Intimidating a person or those close to them, by threats, surveillance or repeated pressure.',
    synonyms: ['threats', 'death threats', 'harassment', 'intimidation'],
    huridocs: { code: '020103', term: 'Psychological assault, harassment' },
  },
  {
    code: 'exploitation',
    label: 'Exploitation',
    description: 'Acts that treat people as goods to be used, traded or disposed of.',
    // No HURIDOCS "Types of Acts" term for this group.
  },
  {
    code: 'exploitation.trafficking',
    label: 'Trafficking in persons',
    parent: 'exploitation',
    description: 'Recruiting, moving or holding people by force, fraud or coercion in order to exploit them.',
    synonyms: ['human trafficking', 'people trafficking', 'trafficking in human beings', 'trafficking'],
    // No HURIDOCS "Types of Acts" term: the nearest, slavery (030106), is narrower.
  },
  {
    code: 'exploitation.forced-marriage',
    label: 'Forced marriage',
    parent: 'exploitation',
    description: 'A marriage into which one or both people are made to enter without their full and free consent.',
    synonyms: ['marriage without consent'],
    huridocs: { code: '070102', term: 'Forced marriage' },
  },
  {
    code: 'freedoms',
    label: 'Restrictions on freedoms',
    description: 'Acts that stop people believing, speaking, gathering or defending the rights of others.',
    // No single HURIDOCS term: expression (10), belief (11) and association (12) are separate there.
  },
  {
    code: 'freedoms.defender-persecution',
    label: 'Persecution of human-rights defenders',
    parent: 'freedoms',
    description: 'Targeting people or groups because they defend human rights or help those whose rights are at risk.',
    synonyms: ['attacks on human rights defenders', 'reprisals against human rights defenders', 'persecution of activists'],
    // No HURIDOCS "Types of Acts" term for defenders as such.
  },
  {
    code: 'freedoms.religion-restricted',
    label: 'Restriction of freedom of religion',
    parent: 'freedoms',
    description: 'Preventing people from holding, practising or changing a religion or belief, or punishing them for it.',
    synonyms: ['religious persecution', 'freedom of religion', 'freedom of religion or belief', 'restriction on the practice of religion'],
    huridocs: { code: '110101', term: 'Restriction on the practice of religion' },
  },
  {
    code: 'humanitarian',
    label: 'Humanitarian',
    description: 'Acts that keep relief and protection from people who need them.',
    // No HURIDOCS "Types of Acts" term for this group.
  },
  {
    code: 'humanitarian.access-denied',
    label: 'Denial of humanitarian access',
    parent: 'humanitarian',
    description: 'Barring humanitarian or monitoring bodies from reaching people or places in need.',
    synonyms: ['humanitarian access denied', 'obstruction of humanitarian assistance', 'blocking of humanitarian aid'],
    // No HURIDOCS "Types of Acts" term: blockading (050105) is about movement, not about relief agencies.
  },
];

function deepFreeze(term: ActType): Readonly<ActType> {
  if (term.synonyms) Object.freeze(term.synonyms);
  if (term.huridocs) Object.freeze(term.huridocs);
  return Object.freeze(term);
}

export const ACT_TYPES: readonly ActType[] = Object.freeze(TERMS.map(deepFreeze));

const BY_CODE = new Map(ACT_TYPES.map((term) => [term.code, term]));

/** Lower case, no accents, every run of punctuation or space a single space: how names are compared. */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every name a term answers to, normalised: its label, its synonyms and the last segment of its code. */
function namesOf(term: ActType): string[] {
  const lastSegment = term.code.slice(term.code.lastIndexOf('.') + 1);
  return [term.label, ...(term.synonyms ?? []), lastSegment].map(normalise);
}

const NAMES = new Map(ACT_TYPES.map((term) => [term.code, namesOf(term)]));

/** The term with this code (retired terms included), or null. */
export function actType(code: string): ActType | null {
  return BY_CODE.get(code) ?? null;
}

/** Whether a stored code names a term of this vocabulary; retired codes still do. */
export function isActTypeCode(code: string): boolean {
  return BY_CODE.has(code);
}

/**
 * The terms directly under a code, in vocabulary order; `null` gives the
 * top-level groups. Retired terms are left out unless asked for; an unknown
 * code has no children.
 */
export function childrenOf(code: string | null, options: { includeRetired?: boolean } = {}): ActType[] {
  return ACT_TYPES.filter(
    (term) => (term.parent ?? null) === code && (options.includeRetired === true || term.retired !== true),
  );
}

/** The broader terms above a code, the top-level group first; none for a group or an unknown code. */
export function ancestorsOf(code: string): ActType[] {
  const ancestors: ActType[] = [];
  let parent = BY_CODE.get(code)?.parent;
  while (parent !== undefined) {
    const term = BY_CODE.get(parent);
    if (!term || ancestors.includes(term)) break;
    ancestors.unshift(term);
    parent = term.parent;
  }
  return ancestors;
}

/** How well a term answers a query: lower is better, null is no match. */
function matchRank(term: ActType, query: string, words: string[]): number | null {
  if (term.code === query.trim().toLowerCase()) return 0;
  const names = NAMES.get(term.code) ?? [];
  const wanted = words.join(' ');
  if (names.includes(wanted)) return 1;
  if (names.some((name) => name.startsWith(wanted))) return 2;
  const everyWord = names.some((name) => {
    const nameWords = name.split(' ');
    return words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)));
  });
  return everyWord ? 3 : null;
}

/**
 * The terms a person probably means by what they typed, best first: a code,
 * a label or a synonym, whole or by the start of its words, in any case and
 * with or without accents or hyphens ("refoulement", "arbitrary detention",
 * "round up"). For a picker; retired terms are left out unless asked for.
 */
export function findActTypes(text: string, options: { includeRetired?: boolean } = {}): ActType[] {
  const words = normalise(text).split(' ').filter((word) => word !== '');
  if (words.length === 0) return [];
  const ranked: { term: ActType; rank: number; order: number }[] = [];
  ACT_TYPES.forEach((term, order) => {
    if (term.retired === true && options.includeRetired !== true) return;
    const rank = matchRank(term, text, words);
    if (rank !== null) ranked.push({ term, rank, order });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map((entry) => entry.term);
}

/** The one term whose code, label or synonym is exactly this entry, or null. */
function exactTerm(entry: string): ActType | null {
  const byCode = BY_CODE.get(entry.toLowerCase());
  if (byCode) return byCode;
  const wanted = normalise(entry);
  const matches = ACT_TYPES.filter((term) => (NAMES.get(term.code) ?? []).includes(wanted));
  return matches.length === 1 ? matches[0]! : null;
}

/**
 * The codes for a list of act types as people write them (codes, labels or
 * synonyms, e.g. from a CSV column), in the order given, without repeats;
 * blank entries are skipped. Only exact names are accepted, never a guess:
 * an entry that is not one throws an ActTypeInputError naming it, with the
 * closest terms as suggestions. Retired terms are refused as new input.
 */
export function parseActTypes(list: readonly string[]): string[] {
  const codes: string[] = [];
  for (const entry of list) {
    if (entry.trim() === '') continue;
    const term = exactTerm(entry.trim());
    if (!term) {
      const suggestions = findActTypes(entry).slice(0, 3).map((candidate) => `"${candidate.label}" (${candidate.code})`);
      const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(' or ')}?` : '';
      throw new ActTypeInputError(`"${entry.trim()}" is not an act type of the vocabulary ${ACT_TYPES_VERSION}.${hint}`, entry);
    }
    if (term.retired === true) {
      throw new ActTypeInputError(`The act type "${term.label}" (${term.code}) is retired and can no longer be chosen.`, entry);
    }
    if (!codes.includes(term.code)) codes.push(term.code);
  }
  return codes;
}
