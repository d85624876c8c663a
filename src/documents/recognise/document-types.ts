/**
 * Document types, named as the organisation names them, recognised from a
 * header line in English, French, Spanish, German or Portuguese.
 */

export const DOCUMENT_TYPES = [
  'Action', 'Annual Report', 'Article', 'Blog', 'Campaign', 'Litigation Submission', 'Newsletter',
  'Open Letter', 'Position', 'Press Release', 'Public Statement', 'Questions and Answers', 'Report',
  'Research Briefing', 'Story', 'Urgent Action',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

const SPELLINGS: Record<string, DocumentType> = {
  'news release': 'Press Release',
  'news service': 'Press Release',
  'media release': 'Press Release',
  'communique de presse': 'Press Release',
  'comunicado de prensa': 'Press Release',
  'comunicado de imprensa': 'Press Release',
  'pressemitteilung': 'Press Release',
  'declaration publique': 'Public Statement',
  'declaracion publica': 'Public Statement',
  'declaracao publica': 'Public Statement',
  'offentliche erklarung': 'Public Statement',
  'action urgente': 'Urgent Action',
  'accion urgente': 'Urgent Action',
  'acao urgente': 'Urgent Action',
  'eilaktion': 'Urgent Action',
  'lettre ouverte': 'Open Letter',
  'carta abierta': 'Open Letter',
  'offener brief': 'Open Letter',
  'q&a': 'Questions and Answers',
  'rapport': 'Report',
  'informe': 'Report',
  'relatorio': 'Report',
  'bericht': 'Report',
};
for (const type of DOCUMENT_TYPES) SPELLINGS[type.toLowerCase()] = type;

const BY_LENGTH = Object.keys(SPELLINGS).sort((a, b) => b.length - a.length);

function fold(text: string): string {
  // Digits stay, so that `NEWS SERVICE 87/97` (a number) is not taken for a type line.
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}&\s]/gu, ' ').replace(/\s+/g, ' ').trim();
}

const KEPT = /[\p{L}\p{N}&]/gu;
// Folding never takes letters or digits away, so a line with more of them than any spelling names no type.
const MOST_KEPT = Math.max(...Object.keys(SPELLINGS).map((spelling) => spelling.match(KEPT)!.length));

function keepsAtMost(line: string, limit: number): boolean {
  if (line.length <= limit) return true;
  KEPT.lastIndex = 0;
  for (let kept = 0; KEPT.exec(line); ) if (++kept > limit) return false;
  return true;
}

/** The type a line names when the line is nothing but a type (`Public Statement`). */
export function typeNamedBy(line: string): DocumentType | null {
  return keepsAtMost(line, MOST_KEPT) ? SPELLINGS[fold(line)] ?? null : null;
}

/**
 * The type a line mentions among other words (`AMNESTY INTERNATIONAL PRESS
 * RELEASE`), with what is left of the line once the type's words are removed.
 */
export function typeMentionedIn(line: string): { type: DocumentType; rest: string } | null {
  const folded = ` ${fold(line)} `;
  for (const spelling of BY_LENGTH) {
    if (!folded.includes(` ${spelling} `)) continue;
    const words = spelling.split(' ').map((word) => word.replace(/[&]/g, '\\$&'));
    const pattern = new RegExp(`\\s*${words.join('\\s+')}\\s*`, 'i');
    return { type: SPELLINGS[spelling]!, rest: line.replace(pattern, ' ').replace(/\s+/g, ' ').trim() };
  }
  return null;
}
