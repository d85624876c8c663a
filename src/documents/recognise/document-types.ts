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

/** The type a line names when the line is nothing but a type (`Public Statement`). */
export function typeNamedBy(line: string): DocumentType | null {
  return SPELLINGS[fold(line)] ?? null;
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
