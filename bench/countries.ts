/**
 * Countries the benchmark corpus writes about: the index-number prefix and
 * country number (../shared/facts/index-numbers.md), the ISO code, a weight
 * (how often documents are about it) and the name in each corpus language,
 * with the form used after "in" where the language needs one.
 */

export type Lang = 'en' | 'fr' | 'es' | 'de' | 'pt';

export interface Country {
  iso: string;
  prefix: string;
  cc: number;
  weight: number;
  /** name, and the "in <country>" form; Spanish always uses "en <name>". */
  names: Record<Lang, [string, string]>;
}

function c(iso: string, prefix: string, cc: number, weight: number, en: [string, string], fr: [string, string], es: string, de: [string, string], pt: [string, string]): Country {
  return { iso, prefix, cc, weight, names: { en, fr, es: [es, `en ${es}`], de, pt } };
}

/** Countries with index-number country numbers (facts file), weighted: China is the most frequent. */
export const COUNTRIES: Country[] = [
  c('AF', 'ASA', 11, 3, ['Afghanistan', 'in Afghanistan'], ['Afghanistan', 'en Afghanistan'], 'Afganistán', ['Afghanistan', 'in Afghanistan'], ['Afeganistão', 'no Afeganistão']),
  c('MM', 'ASA', 16, 3, ['Myanmar', 'in Myanmar'], ['Myanmar', 'au Myanmar'], 'Myanmar', ['Myanmar', 'in Myanmar'], ['Mianmar', 'em Mianmar']),
  c('CN', 'ASA', 17, 8, ['China', 'in China'], ['Chine', 'en Chine'], 'China', ['China', 'in China'], ['China', 'na China']),
  c('IN', 'ASA', 20, 3, ['India', 'in India'], ['Inde', 'en Inde'], 'India', ['Indien', 'in Indien'], ['Índia', 'na Índia']),
  c('ID', 'ASA', 21, 3, ['Indonesia', 'in Indonesia'], ['Indonésie', 'en Indonésie'], 'Indonesia', ['Indonesien', 'in Indonesien'], ['Indonésia', 'na Indonésia']),
  c('KP', 'ASA', 24, 2, ['North Korea', 'in North Korea'], ['Corée du Nord', 'en Corée du Nord'], 'Corea del Norte', ['Nordkorea', 'in Nordkorea'], ['Coreia do Norte', 'na Coreia do Norte']),
  c('KR', 'ASA', 25, 1, ['South Korea', 'in South Korea'], ['Corée du Sud', 'en Corée du Sud'], 'Corea del Sur', ['Südkorea', 'in Südkorea'], ['Coreia do Sul', 'na Coreia do Sul']),
  c('MY', 'ASA', 28, 1, ['Malaysia', 'in Malaysia'], ['Malaisie', 'en Malaisie'], 'Malasia', ['Malaysia', 'in Malaysia'], ['Malásia', 'na Malásia']),
  c('PK', 'ASA', 33, 3, ['Pakistan', 'in Pakistan'], ['Pakistan', 'au Pakistan'], 'Pakistán', ['Pakistan', 'in Pakistan'], ['Paquistão', 'no Paquistão']),
  c('PH', 'ASA', 35, 2, ['Philippines', 'in the Philippines'], ['Philippines', 'aux Philippines'], 'Filipinas', ['Philippinen', 'auf den Philippinen'], ['Filipinas', 'nas Filipinas']),
  c('AO', 'AFR', 12, 1, ['Angola', 'in Angola'], ['Angola', 'en Angola'], 'Angola', ['Angola', 'in Angola'], ['Angola', 'em Angola']),
  c('BI', 'AFR', 16, 1, ['Burundi', 'in Burundi'], ['Burundi', 'au Burundi'], 'Burundi', ['Burundi', 'in Burundi'], ['Burundi', 'no Burundi']),
  c('NG', 'AFR', 44, 3, ['Nigeria', 'in Nigeria'], ['Nigeria', 'au Nigeria'], 'Nigeria', ['Nigeria', 'in Nigeria'], ['Nigéria', 'na Nigéria']),
  c('SD', 'AFR', 54, 3, ['Sudan', 'in Sudan'], ['Soudan', 'au Soudan'], 'Sudán', ['Sudan', 'im Sudan'], ['Sudão', 'no Sudão']),
  c('CD', 'AFR', 62, 2, ['Democratic Republic of the Congo', 'in the Democratic Republic of the Congo'], ['République démocratique du Congo', 'en République démocratique du Congo'], 'República Democrática del Congo', ['Demokratische Republik Kongo', 'in der Demokratischen Republik Kongo'], ['República Democrática do Congo', 'na República Democrática do Congo']),
  c('SS', 'AFR', 65, 1, ['South Sudan', 'in South Sudan'], ['Soudan du Sud', 'au Soudan du Sud'], 'Sudán del Sur', ['Südsudan', 'im Südsudan'], ['Sudão do Sul', 'no Sudão do Sul']),
  c('BO', 'AMR', 18, 1, ['Bolivia', 'in Bolivia'], ['Bolivie', 'en Bolivie'], 'Bolivia', ['Bolivien', 'in Bolivien'], ['Bolívia', 'na Bolívia']),
  c('CO', 'AMR', 23, 3, ['Colombia', 'in Colombia'], ['Colombie', 'en Colombie'], 'Colombia', ['Kolumbien', 'in Kolumbien'], ['Colômbia', 'na Colômbia']),
  c('HN', 'AMR', 37, 1, ['Honduras', 'in Honduras'], ['Honduras', 'au Honduras'], 'Honduras', ['Honduras', 'in Honduras'], ['Honduras', 'em Honduras']),
  c('MX', 'AMR', 41, 3, ['Mexico', 'in Mexico'], ['Mexique', 'au Mexique'], 'México', ['Mexiko', 'in Mexiko'], ['México', 'no México']),
  c('US', 'AMR', 51, 4, ['USA', 'in the USA'], ['États-Unis', 'aux États-Unis'], 'Estados Unidos', ['USA', 'in den USA'], ['Estados Unidos', 'nos Estados Unidos']),
  c('VE', 'AMR', 53, 2, ['Venezuela', 'in Venezuela'], ['Venezuela', 'au Venezuela'], 'Venezuela', ['Venezuela', 'in Venezuela'], ['Venezuela', 'na Venezuela']),
  c('TR', 'EUR', 44, 4, ['Turkey', 'in Turkey'], ['Turquie', 'en Turquie'], 'Turquía', ['Türkei', 'in der Türkei'], ['Turquia', 'na Turquia']),
  c('GB', 'EUR', 45, 2, ['UK', 'in the UK'], ['Royaume-Uni', 'au Royaume-Uni'], 'Reino Unido', ['Vereinigtes Königreich', 'im Vereinigten Königreich'], ['Reino Unido', 'no Reino Unido']),
  c('RU', 'EUR', 46, 4, ['Russia', 'in Russia'], ['Russie', 'en Russie'], 'Rusia', ['Russland', 'in Russland'], ['Rússia', 'na Rússia']),
  c('UA', 'EUR', 50, 2, ['Ukraine', 'in Ukraine'], ['Ukraine', 'en Ukraine'], 'Ucrania', ['Ukraine', 'in der Ukraine'], ['Ucrânia', 'na Ucrânia']),
  c('EG', 'MDE', 12, 4, ['Egypt', 'in Egypt'], ['Égypte', 'en Égypte'], 'Egipto', ['Ägypten', 'in Ägypten'], ['Egito', 'no Egito']),
  c('IR', 'MDE', 13, 4, ['Iran', 'in Iran'], ['Iran', 'en Iran'], 'Irán', ['Iran', 'im Iran'], ['Irã', 'no Irã']),
  c('IQ', 'MDE', 14, 3, ['Iraq', 'in Iraq'], ['Irak', 'en Irak'], 'Irak', ['Irak', 'im Irak'], ['Iraque', 'no Iraque']),
  c('IL', 'MDE', 15, 3, ['Israel and the Occupied Palestinian Territories', 'in Israel and the Occupied Palestinian Territories'], ['Israël et Territoires palestiniens occupés', 'en Israël et dans les Territoires palestiniens occupés'], 'Israel y los Territorios Palestinos Ocupados', ['Israel und besetzte palästinensische Gebiete', 'in Israel und den besetzten palästinensischen Gebieten'], ['Israel e Territórios Palestinos Ocupados', 'em Israel e nos Territórios Palestinos Ocupados']),
  c('SA', 'MDE', 23, 3, ['Saudi Arabia', 'in Saudi Arabia'], ['Arabie saoudite', 'en Arabie saoudite'], 'Arabia Saudí', ['Saudi-Arabien', 'in Saudi-Arabien'], ['Arábia Saudita', 'na Arábia Saudita']),
  c('SY', 'MDE', 24, 4, ['Syria', 'in Syria'], ['Syrie', 'en Syrie'], 'Siria', ['Syrien', 'in Syrien'], ['Síria', 'na Síria']),
  c('YE', 'MDE', 31, 2, ['Yemen', 'in Yemen'], ['Yémen', 'au Yémen'], 'Yemen', ['Jemen', 'im Jemen'], ['Iêmen', 'no Iêmen']),
];

/** Non-regional series (campaigns, policy, international organisations...) with subject numbers seen or plausible. */
export const SERIES: { prefix: string; subjects: number[] }[] = [
  { prefix: 'ACT', subjects: [30, 40, 50, 77] },
  { prefix: 'POL', subjects: [10, 30] },
  { prefix: 'IOR', subjects: [40, 64] },
  { prefix: 'ORG', subjects: [10] },
  { prefix: 'NWS', subjects: [11, 21] },
];

/** Theme labels that stand where a country would in the title of a thematic document. */
export const THEMES: Record<Lang, string[]> = {
  en: ['Death penalty', 'Refugees', 'Torture', 'Freedom of expression', 'Worldwide'],
  fr: ['Peine de mort', 'Réfugiés', 'Torture', "Liberté d'expression"],
  es: ['Pena de muerte', 'Refugiados', 'Tortura', 'Libertad de expresión'],
  de: ['Todesstrafe', 'Flüchtlinge', 'Folter', 'Meinungsfreiheit'],
  pt: ['Pena de morte', 'Refugiados', 'Tortura', 'Liberdade de expressão'],
};
