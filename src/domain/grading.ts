/**
 * Grading on the two axes of the "Admiralty" (NATO) system: how reliable a
 * source is (A–F) and how credible one piece of information is (1–6). The two
 * are kept apart everywhere, because they answer different questions: a
 * reliable source can pass on a rumour, and an unknown one can report what
 * three others confirm.
 *
 * F and 6 mean "cannot be judged": not a low grade, but no grade. When the
 * best of several grades is wanted they are passed over, and returned only if
 * nothing else was graded, so that "graded, but cannot be judged" (F, 6)
 * stays distinct from "not graded at all" (null).
 */

export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/** Source reliability, best first; F stands apart as "cannot be judged". */
export const RELIABILITY_GRADES: readonly { grade: Reliability; label: string }[] = Object.freeze([
  { grade: 'A', label: 'Completely reliable' },
  { grade: 'B', label: 'Usually reliable' },
  { grade: 'C', label: 'Fairly reliable' },
  { grade: 'D', label: 'Not usually reliable' },
  { grade: 'E', label: 'Unreliable' },
  { grade: 'F', label: 'Reliability cannot be judged' },
] as const);

/** Information credibility, best first; 6 stands apart as "cannot be judged". */
export const CREDIBILITY_GRADES: readonly { grade: Credibility; label: string }[] = Object.freeze([
  { grade: 1, label: 'Confirmed by other sources' },
  { grade: 2, label: 'Probably true' },
  { grade: 3, label: 'Possibly true' },
  { grade: 4, label: 'Doubtful' },
  { grade: 5, label: 'Improbable' },
  { grade: 6, label: 'Truth cannot be judged' },
] as const);

/** A grade that cannot be read; `value` is the input as it was given. */
export class GradeInputError extends Error {
  constructor(message: string, readonly value: unknown) {
    super(message);
    this.name = 'GradeInputError';
  }
}

const UNJUDGED_RELIABILITY: Reliability = 'F';
const UNJUDGED_CREDIBILITY: Credibility = 6;

/** Lower case with single spaces, for comparing a typed label with ours. */
const plain = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether a value is one of the letters A–F exactly as stored. */
export function isReliability(value: unknown): value is Reliability {
  return RELIABILITY_GRADES.some((entry) => entry.grade === value);
}

/** Whether a value is one of the whole numbers 1–6. */
export function isCredibility(value: unknown): value is Credibility {
  return CREDIBILITY_GRADES.some((entry) => entry.grade === value);
}

/** Reads a source reliability grade: a letter A–F in either case, or its label ("usually reliable"). */
export function parseReliability(text: string): Reliability {
  const wanted = plain(String(text));
  const found = RELIABILITY_GRADES.find((entry) => entry.grade.toLowerCase() === wanted || plain(entry.label) === wanted);
  if (!found) {
    throw new GradeInputError(
      `Source reliability must be a letter from A (completely reliable) to E (unreliable), or F (cannot be judged); "${String(text).trim()}" is none of these.`,
      text,
    );
  }
  return found.grade;
}

/** Reads an information credibility grade: a whole number 1–6 (as a number or text), or its label ("probably true"). */
export function parseCredibility(value: string | number): Credibility {
  const wanted = plain(String(value));
  const found = CREDIBILITY_GRADES.find(
    (entry) => (/^\d+$/.test(wanted) && Number(wanted) === entry.grade) || plain(entry.label) === wanted,
  );
  if (!found) {
    throw new GradeInputError(
      `Information credibility must be a whole number from 1 (confirmed by other sources) to 5 (improbable), or 6 (cannot be judged); "${String(value).trim()}" is none of these.`,
      value,
    );
  }
  return found.grade;
}

/** The label of a reliability grade, for display. */
export function reliabilityLabel(grade: Reliability): string {
  return RELIABILITY_GRADES.find((entry) => entry.grade === grade)!.label;
}

/** The label of a credibility grade, for display. */
export function credibilityLabel(grade: Credibility): string {
  return CREDIBILITY_GRADES.find((entry) => entry.grade === grade)!.label;
}

/**
 * The best of several grades on one scale, where `rank` orders the judged
 * grades (lower is better) and `unjudged` is the "cannot be judged" grade.
 */
function best<G>(grades: readonly G[], rank: (grade: G) => number, unjudged: G): G | null {
  let found: G | null = null;
  for (const grade of grades) {
    if (grade === unjudged) continue;
    if (found === null || rank(grade) < rank(found)) found = grade;
  }
  if (found !== null) return found;
  return grades.includes(unjudged) ? unjudged : null;
}

/**
 * The best source reliability among several (A over B … over E), for a
 * summary such as corroboration. Missing grades (null) are skipped; F counts
 * only when nothing else is graded; no grade at all gives null. An unreadable
 * grade throws a GradeInputError rather than being skipped.
 */
export function bestReliability(grades: Iterable<string | null | undefined>): Reliability | null {
  const parsed = [...grades].filter((grade): grade is string => grade != null).map(parseReliability);
  return best(parsed, (grade) => 'ABCDEF'.indexOf(grade), UNJUDGED_RELIABILITY);
}

/**
 * The best information credibility among several (1 over 2 … over 5), by the
 * same rules as bestReliability: 6 counts only when nothing else is graded.
 */
export function bestCredibility(grades: Iterable<string | number | null | undefined>): Credibility | null {
  const parsed = [...grades].filter((grade): grade is string | number => grade != null).map(parseCredibility);
  return best(parsed, (grade) => grade, UNJUDGED_CREDIBILITY);
}
