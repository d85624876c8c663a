/**
 * Words naming a country's people or things, in English, mapped to the
 * country (ISO alpha-2). Only the unambiguous ones: "Korean" alone could be
 * either Korea, so only "North Korean" and "South Korean" are here.
 */
export const DEMONYMS: Record<string, string> = {
  Afghan: 'AF', Albanian: 'AL', Algerian: 'DZ', Angolan: 'AO', Argentine: 'AR', Argentinian: 'AR',
  Armenian: 'AM', Australian: 'AU', Austrian: 'AT', Azerbaijani: 'AZ', Bahraini: 'BH', Bangladeshi: 'BD',
  Belarusian: 'BY', Belgian: 'BE', Bolivian: 'BO', Bosnian: 'BA', Brazilian: 'BR', British: 'GB',
  Bulgarian: 'BG', Burmese: 'MM', Burundian: 'BI', Cambodian: 'KH', Cameroonian: 'CM', Canadian: 'CA',
  Chadian: 'TD', Chilean: 'CL', Chinese: 'CN', Colombian: 'CO', Congolese: 'CD', Croatian: 'HR',
  Cuban: 'CU', Czech: 'CZ', Danish: 'DK', Dutch: 'NL', Ecuadorian: 'EC', Egyptian: 'EG', Emirati: 'AE',
  Eritrean: 'ER', Ethiopian: 'ET', Filipino: 'PH', Finnish: 'FI', French: 'FR', Gambian: 'GM',
  German: 'DE', Ghanaian: 'GH', Greek: 'GR', Guatemalan: 'GT', Haitian: 'HT', Honduran: 'HN',
  Hungarian: 'HU', Indian: 'IN', Indonesian: 'ID', Iranian: 'IR', Iraqi: 'IQ', Irish: 'IE',
  Israeli: 'IL', Italian: 'IT', Ivorian: 'CI', Jamaican: 'JM', Japanese: 'JP', Jordanian: 'JO',
  Kazakh: 'KZ', Kenyan: 'KE', Kuwaiti: 'KW', Kyrgyz: 'KG', Lebanese: 'LB', Liberian: 'LR', Libyan: 'LY',
  Malaysian: 'MY', Malian: 'ML', Mauritanian: 'MR', Mexican: 'MX', Moldovan: 'MD', Mongolian: 'MN',
  Moroccan: 'MA', Mozambican: 'MZ', Nepalese: 'NP', Nepali: 'NP', Nicaraguan: 'NI', Nigerian: 'NG',
  'North Korean': 'KP', Norwegian: 'NO', Omani: 'OM', Pakistani: 'PK', Palestinian: 'PS',
  Panamanian: 'PA', Paraguayan: 'PY', Peruvian: 'PE', Polish: 'PL', Portuguese: 'PT', Qatari: 'QA',
  Romanian: 'RO', Russian: 'RU', Rwandan: 'RW', Saudi: 'SA', Senegalese: 'SN', Serbian: 'RS',
  'Sierra Leonean': 'SL', Singaporean: 'SG', Somali: 'SO', 'South African': 'ZA', 'South Korean': 'KR',
  'South Sudanese': 'SS', Spanish: 'ES', 'Sri Lankan': 'LK', Sudanese: 'SD', Swedish: 'SE', Swiss: 'CH',
  Syrian: 'SY', Taiwanese: 'TW', Tajik: 'TJ', Tanzanian: 'TZ', Thai: 'TH', Togolese: 'TG', Tunisian: 'TN',
  Turkish: 'TR', Turkmen: 'TM', Ugandan: 'UG', Ukrainian: 'UA', Uruguayan: 'UY', Uzbek: 'UZ',
  Venezuelan: 'VE', Vietnamese: 'VN', Yemeni: 'YE', Zambian: 'ZM', Zimbabwean: 'ZW',
};
