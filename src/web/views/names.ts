/** Display names for codes stored in the archive, from the runtime's own locale data (Intl). */
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const languages = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "China" for CN. */
export function countryName(code: string): string {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "French" for fr; "Undetermined" stays readable. */
export function languageName(code: string): string {
  if (code === 'und') return 'Undetermined';
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}

// One formatter for every date: building one per call costs more than the rest of a page.
const dates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "27 March 2002" for 2002-03-27. */
export function longDate(iso: string | null): string {
  if (!iso) return 'undated';
  const [y, m, d] = iso.split('-').map(Number);
  return dates.format(new Date(Date.UTC(y!, m! - 1, d)));
}

const counts = new Intl.NumberFormat('en-GB');

/** "49,572" for 49572. */
export function formatCount(n: number): string {
  return counts.format(n);
}
