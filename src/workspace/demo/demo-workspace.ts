/**
 * The demonstration workspace as data: sources, reports, one person's case and
 * events, written for Vigil in its own words from the public facts about North
 * Korean refugees in China in 2001–2003 (../shared/facts), plus a few records
 * in a second compartment to show that compartments keep records apart.
 *
 * Everything is typed as a person would enter it in a form — dates, counts and
 * places as words — and goes through the same readers and services, so the
 * demonstration shows what Vigil makes of such input. Keys (`bbc`, `statement`)
 * tie records together here; Vigil allocates the real references when they are
 * written. `{person}` in a text stands for the person's pseudonym.
 *
 * The confidential sources, their contacts, the person's name and the interview
 * notes are invented, and say so: no real person is behind them.
 */
import type { Credibility, Reliability } from '../../domain/grading.ts';
import type { PersonStatus } from '../../domain/case-status.ts';
import type { PerpetratorInput, Stance } from '../event.service.ts';
import type { REPORT_CHANNELS } from '../report.service.ts';
import type { SourceConsent, SourceKind } from '../source.service.ts';

/** The compartment of the model case. Records in it are the sign that the demonstration was loaded. */
export const DEMO_COMPARTMENT = 'East Asia';
/** A second compartment with a few records, to show that one compartment's members do not see another's. */
export const OTHER_DEMO_COMPARTMENT = 'Central America';

/** A place as a form names it: a gazetteer name (with its kind and country), or only a country. */
export interface DemoPlace {
  name?: string;
  kind?: 'country' | 'division' | 'city';
  country: string;
  detail?: string;
}

/** A date in words, with the day they were written on when the words need it ("earlier this month"). */
export interface DemoDate {
  words: string;
  reference?: string;
}

export interface DemoSource {
  key: string;
  compartment: string;
  kind: SourceKind;
  consent: SourceConsent;
  reliability: Reliability;
  /** Sources repeating one origin (two papers printing one wire story) share a group. */
  independenceGroup?: string;
  /** Sealed by the source service. */
  identity: string;
  contact?: string;
}

export interface DemoReport {
  key: string;
  compartment: string;
  source: string;
  receivedOn: string;
  channel: (typeof REPORT_CHANNELS)[number];
  summary: string;
  /** Sealed by the report service when the source must never be identified. */
  fullText?: string;
  credibility: Credibility;
}

export interface DemoStatus {
  status: PersonStatus;
  date: DemoDate;
  place?: DemoPlace;
  heldBy?: string;
  note: string;
  reports: string[];
}

export interface DemoPerson {
  key: string;
  compartment: string;
  /** Sealed by the person service. */
  name: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  birthYear: number;
  birthYearApproximate: boolean;
  nationality: string;
  notes: string;
  /** Oldest first. */
  statuses: DemoStatus[];
}

export interface DemoVictim {
  group?: string;
  /** A person's key. */
  person?: string;
  /** A count in words: "25", "up to 900", "tens of thousands". */
  count?: string;
}

export interface DemoEvent {
  key: string;
  compartment: string;
  title: string;
  description: string;
  /** Codes of the act-type vocabulary. */
  acts: string[];
  date?: DemoDate;
  place?: DemoPlace;
  victims: DemoVictim[];
  perpetrators: PerpetratorInput[];
  evidence: { report: string; stance: Stance }[];
}

const EA = DEMO_COMPARTMENT;
const CA = OTHER_DEMO_COMPARTMENT;
/** The day of the model statement (ASA 17/013/2002): "earlier this month" and "in April" are read against it. */
const STATEMENT_DAY = '2002-03-27';

export const DEMO_SOURCES: readonly DemoSource[] = [
  { key: 'bbc', compartment: EA, kind: 'media', consent: 'may-be-named', reliability: 'B', independenceGroup: 'BBC News', identity: 'BBC News (public broadcaster, United Kingdom)' },
  { key: 'irish-times', compartment: EA, kind: 'media', consent: 'may-be-named', reliability: 'B', independenceGroup: 'The Irish Times', identity: 'The Irish Times (daily newspaper, Dublin)' },
  { key: 'taipei-times', compartment: EA, kind: 'media', consent: 'may-be-named', reliability: 'B', independenceGroup: 'Taipei Times', identity: 'Taipei Times (daily newspaper, Taipei)' },
  { key: 'voa', compartment: EA, kind: 'media', consent: 'may-be-named', reliability: 'B', independenceGroup: 'Voice of America', identity: 'Voice of America (international broadcaster)' },
  { key: 'ap', compartment: EA, kind: 'media', consent: 'may-be-named', reliability: 'B', independenceGroup: 'Associated Press wire', identity: 'Associated Press (news agency), wire copy' },
  // Prints AP's copy, so it shares AP's group: the two count as one origin.
  { key: 'missourian', compartment: EA, kind: 'media', consent: 'may-be-named', reliability: 'C', independenceGroup: 'Associated Press wire', identity: 'Southeast Missourian (newspaper), printing an Associated Press story' },
  { key: 'amnesty-uk', compartment: EA, kind: 'partner organisation', consent: 'may-be-named', reliability: 'B', independenceGroup: 'Amnesty International', identity: 'Amnesty International UK, press office' },
  { key: 'amnesty-is', compartment: EA, kind: 'partner organisation', consent: 'may-be-named', reliability: 'B', independenceGroup: 'Amnesty International', identity: 'Amnesty International, International Secretariat (public statements)' },
  { key: 'hrw', compartment: EA, kind: 'partner organisation', consent: 'may-be-named', reliability: 'B', independenceGroup: 'Human Rights Watch', identity: 'Human Rights Watch' },
  { key: 'unhcr', compartment: EA, kind: 'partner organisation', consent: 'may-be-named', reliability: 'B', independenceGroup: 'UNHCR', identity: 'UNHCR, the UN refugee agency (public statements)' },
  {
    key: 'relative', compartment: EA, kind: 'relative', consent: 'never-identify', reliability: 'C',
    identity: 'Pak Chol-ho: an invented name for the Vigil demonstration (no such person), the brother of the person whose case is followed',
    contact: 'Fictional contact: +00 000 000 0000 on a messaging app (not a real number)',
  },
  {
    key: 'witness', compartment: EA, kind: 'witness', consent: 'never-identify', reliability: 'F',
    identity: 'Kang Myong-su: an invented name for the Vigil demonstration (no such person), held in Tumen in May 2002',
  },
  {
    key: 'shelter', compartment: CA, kind: 'partner organisation', consent: 'may-be-quoted', reliability: 'C',
    identity: 'Demonstration shelter network: an invented partner organisation, not a real one',
    contact: 'Fictional contact: shelter@example.invalid',
  },
];

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    key: 'case', compartment: EA,
    name: 'Ri Ok-sil: an invented name for the Vigil demonstration (no such person)',
    sex: 'female', birthYear: 1975, birthYearApproximate: true, nationality: 'KP',
    notes: 'An invented person: her case shows how Vigil follows someone over time, each change dated as precisely as the reports allow and backed by them.',
    statuses: [
      {
        status: 'detained', date: { words: 'mid-April 2002' }, place: { name: 'Yanji', kind: 'city', country: 'CN', detail: 'a police holding facility (name not known)' },
        heldBy: 'Public Security Bureau, Yanji',
        note: 'Her family was told nothing about the grounds. A witness places the arrest in Longjing rather than Yanji; see the detention event.',
        reports: ['relative-detained'],
      },
      {
        status: 'forcibly-returned', date: { words: 'a day between 5 and 12 May 2002' }, place: { name: 'Tumen', kind: 'city', country: 'CN', detail: 'handed over at the border crossing' },
        heldBy: 'North Korean border authorities (unit not known)',
        note: 'Seen among a large group sent back across the river during the May returns from Tumen.',
        reports: ['witness-tumen'],
      },
      {
        status: 'whereabouts-unknown', date: { words: 'June 2002' },
        note: 'No word from her since the return; questions on the North Korean side went unanswered.',
        reports: ['relative-no-word'],
      },
    ],
  },
];

export const DEMO_REPORTS: readonly DemoReport[] = [
  {
    key: 'ap-family', compartment: EA, source: 'ap', receivedOn: '2001-06-30', channel: 'news', credibility: 2,
    summary: 'Wire story: seven members of one North Korean family asked for asylum at the UNHCR office in Beijing. China later let them leave; they travelled on by way of Singapore and the Philippines.',
  },
  {
    key: 'missourian-family', compartment: EA, source: 'missourian', receivedOn: '2001-07-02', channel: 'news', credibility: 2,
    summary: 'The same Associated Press story about the family of seven at the UNHCR office in Beijing, printed by a US paper. It adds nothing to the wire copy, so it is no second origin.',
  },
  {
    key: 'amnesty-longjing-2001', compartment: EA, source: 'amnesty-uk', receivedOn: '2001-08-31', channel: 'partner report', credibility: 3,
    summary: 'Press release: around fifty North Koreans were being deported from Longjing, in Jilin province, every second day.',
  },
  {
    key: 'bbc-embassy', compartment: EA, source: 'bbc', receivedOn: '2002-03-16', channel: 'news', credibility: 2,
    summary: 'On Thursday 14 March, 25 North Koreans (13 men and 12 women, the youngest about 14 and the oldest about 52) forced their way into the Spanish embassy in Beijing and asked to be recognised as refugees, saying they would take their own lives if sent back. A day later they were flown out to Manila.',
  },
  {
    key: 'irish-times-embassy', compartment: EA, source: 'irish-times', receivedOn: '2002-03-18', channel: 'news', credibility: 2,
    summary: 'The group in the Spanish embassy in Beijing was made up of six families and two girls who had lost their parents.',
  },
  {
    key: 'taipei-manila', compartment: EA, source: 'taipei-times', receivedOn: '2002-03-16', channel: 'news', credibility: 2,
    summary: 'The 25 left Beijing on 15 March on a China Southern flight to Manila, where they were to stay at most 72 hours before flying on to Seoul.',
  },
  {
    key: 'voa-manila', compartment: EA, source: 'voa', receivedOn: '2002-03-17', channel: 'news', credibility: 2,
    summary: 'The asylum seekers from the Spanish embassy reached the Philippines and are expected to travel on to South Korea.',
  },
  {
    key: 'ap-premier', compartment: EA, source: 'ap', receivedOn: '2002-03-18', channel: 'news', credibility: 2,
    summary: 'Premier Zhu Rongji said the embassy case would be dealt with according to law; UNHCR thanked the Chinese and Spanish governments for the way it ended.',
  },
  {
    key: 'statement', compartment: EA, source: 'amnesty-is', receivedOn: STATEMENT_DAY, channel: 'partner report', credibility: 2,
    summary: 'Public statement ASA 17/013/2002 (News Service Nr. 56): China has announced a new campaign against "illegal immigrants" for April, which is expected to hit North Koreans. It mentions the 25 in the Spanish embassy this month, reports of a large round-up, pressure on religious and human-rights groups that help North Koreans, UNHCR being kept away from the border areas, tens of thousands who have fled to Jilin and Liaoning over the years, and women sold as brides.',
  },
  {
    key: 'amnesty-returns', compartment: EA, source: 'amnesty-uk', receivedOn: '2002-06-17', channel: 'partner report', credibility: 2,
    summary: 'Press release: as many as 900 people were sent back to North Korea from Longjing in April 2002 and as many as 500 from Tumen in May. On 13 June a government spokesman called entries into foreign embassies a provocation against Chinese law.',
  },
  {
    key: 'voa-detained', compartment: EA, source: 'voa', receivedOn: '2002-06-21', channel: 'news', credibility: 3,
    summary: 'No fewer than 1,400 people have been held in the campaign. Estimates of the North Koreans living in China go as high as 300,000; China has let 38 of them leave.',
  },
  {
    key: 'hrw-admitted', compartment: EA, source: 'hrw', receivedOn: '2002-11-15', channel: 'partner report', credibility: 2,
    summary: 'Report: by 30 July 2002, South Korea had taken in 629 North Koreans that year.',
  },
  {
    key: 'unhcr-yantai', compartment: EA, source: 'unhcr', receivedOn: '2003-01-21', channel: 'official statement', credibility: 2,
    summary: 'UNHCR says it has not been allowed into the border area for years. Police in Yantai, Shandong, arrested 48 people.',
  },
  {
    key: 'relative-detained', compartment: EA, source: 'relative', receivedOn: '2002-04-24', channel: 'phone', credibility: 3,
    summary: 'A family member says {person} was detained by police in Yanji in mid-April 2002 and is held in the city; the family was given no reason.',
    fullText: 'Call notes (invented for the Vigil demonstration). The caller says his sister was taken from the flat where she had been working in Yanji, about the middle of April, by men he took to be police. Neighbours told him she was held in the city. He does not want his name or number written anywhere.',
  },
  {
    key: 'witness-tumen', compartment: EA, source: 'witness', receivedOn: '2002-05-20', channel: 'interview', credibility: 3,
    summary: 'A man held in Tumen in May 2002 says he saw {person} handed over at the border with a large group in the second week of May. He says she was arrested in Longjing, not in Yanji.',
    fullText: 'Interview notes (invented for the Vigil demonstration). The witness was held for some days in Tumen and was released. He describes a group taken to the bridge and handed to guards from the other side, {person} among them. He is sure she told him she had been picked up in Longjing.',
  },
  {
    key: 'relative-no-word', compartment: EA, source: 'relative', receivedOn: '2002-07-02', channel: 'messaging app', credibility: 3,
    summary: 'The family has heard nothing of {person} since she was sent back; questions through contacts on the North Korean side got no answer.',
    fullText: 'Message (invented for the Vigil demonstration): still nothing since June. Nobody on the other side will say where she is.',
  },
  {
    key: 'shelter-turned-back', compartment: CA, source: 'shelter', receivedOn: '2023-11-10', channel: 'email', credibility: 3,
    summary: 'Invented for the Vigil demonstration, not a real event: a partner shelter writes that about 30 people, families with children among them, were turned back at a border crossing without being asked whether they feared return.',
  },
];

const CHINA = 'Government of China';

export const DEMO_EVENTS: readonly DemoEvent[] = [
  {
    key: 'family-of-seven', compartment: EA,
    title: 'Family of seven asks UNHCR in Beijing for asylum',
    description: 'A North Korean family sought protection at the UNHCR office in Beijing and was later allowed to leave China through third countries. No act type fits exactly: China offers North Koreans no asylum procedure, so the event is recorded as denial of access to asylum. Both reports go back to one Associated Press story, so they count as one source.',
    acts: ['displacement.asylum-denied'], date: { words: 'June 2001' }, place: { name: 'Beijing', kind: 'city', country: 'CN', detail: 'UNHCR office' },
    victims: [{ group: 'North Korean family', count: '7' }],
    perpetrators: [{ kind: 'state body', name: CHINA, involvement: 'failed to protect' }],
    evidence: [{ report: 'ap-family', stance: 'supports' }, { report: 'missourian-family', stance: 'supports' }],
  },
  {
    key: 'longjing-2001', compartment: EA,
    title: 'Regular deportations from Longjing',
    description: 'About fifty people sent back to North Korea every second day from Longjing. The count is of each deportation, not a total.',
    acts: ['displacement.refoulement'], date: { words: 'about August 2001' }, place: { name: 'Longjing', kind: 'city', country: 'CN' },
    victims: [{ group: 'North Koreans deported on each occasion', count: 'about 50' }],
    perpetrators: [{ kind: 'state body', name: 'Public Security Bureau, Jilin', involvement: 'carried out' }],
    evidence: [{ report: 'amnesty-longjing-2001', stance: 'supports' }],
  },
  {
    key: 'embassy', compartment: EA,
    title: '25 North Koreans enter the Spanish embassy in Beijing to seek asylum',
    description: 'Thirteen men and twelve women, in six families and including two orphaned girls, entered the embassy and asked for refugee status, threatening suicide if returned. No act type fits exactly: they had to enter an embassy because China gives North Koreans no access to an asylum procedure.',
    acts: ['displacement.asylum-denied'], date: { words: '14 March 2002' }, place: { name: 'Beijing', kind: 'city', country: 'CN', detail: 'Embassy of Spain' },
    victims: [{ group: 'North Korean asylum seekers', count: '25' }],
    perpetrators: [{ kind: 'state body', name: CHINA, involvement: 'failed to protect' }],
    evidence: [{ report: 'bbc-embassy', stance: 'supports' }, { report: 'irish-times-embassy', stance: 'supports' }, { report: 'statement', stance: 'supports' }],
  },
  {
    key: 'manila', compartment: EA,
    title: 'The 25 are flown out to Manila',
    description: 'A day after entering the embassy the group flew to Manila on a scheduled flight, to continue to Seoul within 72 hours. Recorded under denial of access to asylum as the nearest act type: they were let go to a third country rather than recognised as refugees in China.',
    acts: ['displacement.asylum-denied'], date: { words: '15 March 2002' }, place: { name: 'Manila', kind: 'city', country: 'PH', detail: 'arrival; onward travel to Seoul' },
    victims: [{ group: 'North Korean asylum seekers from the Spanish embassy', count: '25' }],
    perpetrators: [],
    evidence: [
      { report: 'taipei-manila', stance: 'supports' }, { report: 'bbc-embassy', stance: 'supports' },
      { report: 'voa-manila', stance: 'supports' }, { report: 'ap-premier', stance: 'supports' },
    ],
  },
  {
    key: 'crackdown', compartment: EA,
    title: 'Crackdown on "illegal immigrants" announced for April 2002',
    description: 'China said it would step up action against "illegal immigrants" in April; North Koreans are expected to bear the brunt. The date is the month the campaign was announced for.',
    acts: ['liberty.mass-arrest', 'displacement.refoulement'], date: { words: 'for April', reference: STATEMENT_DAY }, place: { country: 'CN' },
    victims: [{ group: 'North Koreans in China' }],
    perpetrators: [{ kind: 'state body', name: CHINA, involvement: 'ordered' }],
    evidence: [{ report: 'statement', stance: 'supports' }],
  },
  {
    key: 'round-up', compartment: EA,
    title: 'Large round-up of North Koreans reported',
    description: 'Reports received in March 2002 describe North Koreans being rounded up in large numbers. The statement gives neither a place nor a number; "earlier this month" is read against its date.',
    acts: ['liberty.mass-arrest'], date: { words: 'earlier this month', reference: STATEMENT_DAY }, place: { country: 'CN' },
    victims: [{ group: 'North Koreans in hiding', count: 'an unknown number of' }],
    perpetrators: [{ kind: 'state body', name: 'Police (units not named)', involvement: 'carried out' }],
    evidence: [{ report: 'statement', stance: 'supports' }],
  },
  {
    key: 'helpers', compartment: EA,
    title: 'Crackdown on groups helping North Korean refugees',
    description: 'Groups that help North Koreans, church groups and human-rights groups among them, are said to face a crackdown of their own. The reports give no date.',
    acts: ['freedoms.defender-persecution', 'freedoms.religion-restricted'], place: { country: 'CN' },
    victims: [{ group: 'Religious and human-rights groups assisting North Koreans' }],
    perpetrators: [{ kind: 'state body', name: CHINA, involvement: 'carried out' }],
    evidence: [{ report: 'statement', stance: 'supports' }],
  },
  {
    key: 'unhcr-barred', compartment: EA,
    title: 'UNHCR kept out of the border areas',
    description: 'UNHCR is not allowed to go to the border areas, so it cannot help the people there. The agency itself said in January 2003 that this had lasted for years; the date is the span over which it is reported.',
    acts: ['humanitarian.access-denied'], date: { words: 'March 2002 to January 2003' }, place: { name: 'Jilin', kind: 'division', country: 'CN', detail: 'the border areas' },
    victims: [{ group: 'North Koreans in the border areas' }],
    perpetrators: [{ kind: 'state body', name: CHINA, involvement: 'carried out' }],
    evidence: [{ report: 'statement', stance: 'supports' }, { report: 'unhcr-yantai', stance: 'supports' }],
  },
  {
    key: 'longjing-returns', compartment: EA,
    title: 'Up to 900 forcibly returned from Longjing',
    description: 'People held in Longjing were sent back to North Korea in April 2002, as many as 900 of them.',
    acts: ['displacement.refoulement'], date: { words: 'April 2002' }, place: { name: 'Longjing', kind: 'city', country: 'CN' },
    victims: [{ group: 'North Koreans held in Longjing', count: 'up to 900' }],
    perpetrators: [{ kind: 'state body', name: 'Public Security Bureau, Jilin', involvement: 'carried out' }],
    evidence: [{ report: 'amnesty-returns', stance: 'supports' }],
  },
  {
    key: 'tumen-returns', compartment: EA,
    title: 'Up to 500 forcibly returned from Tumen',
    description: 'As many as 500 people were sent back to North Korea from Tumen in May 2002. A witness saw {person} among them.',
    acts: ['displacement.refoulement'], date: { words: 'May 2002' }, place: { name: 'Tumen', kind: 'city', country: 'CN' },
    victims: [{ group: 'North Koreans held in Tumen', count: 'up to 500' }, { person: 'case' }],
    perpetrators: [{ kind: 'state body', name: 'Public Security Bureau, Jilin', involvement: 'carried out' }, { kind: 'state body', name: 'Border defence police, Tumen', involvement: 'assisted' }],
    evidence: [{ report: 'amnesty-returns', stance: 'supports' }, { report: 'witness-tumen', stance: 'supports' }],
  },
  {
    key: 'detained-1400', compartment: EA,
    title: 'At least 1,400 detained in the campaign',
    description: 'By 21 June 2002 no fewer than 1,400 people had been detained since the campaign began in April; the date is that span.',
    acts: ['liberty.mass-arrest', 'liberty.arbitrary-detention'], date: { words: '1 April - 21 June 2002' }, place: { country: 'CN' },
    victims: [{ group: 'People detained as "illegal immigrants"', count: 'at least 1,400' }],
    perpetrators: [{ kind: 'state body', name: 'Public Security Bureau (several provinces)', involvement: 'carried out' }],
    evidence: [{ report: 'voa-detained', stance: 'supports' }],
  },
  {
    key: 'fled', compartment: EA,
    title: 'Tens of thousands in hiding in Jilin and Liaoning, with no way to claim asylum',
    description: 'Over several years North Koreans have crossed into China in their tens of thousands, most of them to Jilin and Liaoning, some living hidden near the border. China counts every one of them an illegal immigrant. Another report puts the estimate as high as 300,000.',
    acts: ['displacement.asylum-denied'], date: { words: 'over the past few years', reference: STATEMENT_DAY },
    place: { country: 'CN', detail: 'Jilin and Liaoning provinces; the hills along the border' },
    victims: [{ group: 'North Koreans who fled to China', count: 'tens of thousands' }],
    perpetrators: [{ kind: 'state body', name: CHINA, involvement: 'failed to protect' }],
    evidence: [{ report: 'statement', stance: 'supports' }, { report: 'voa-detained', stance: 'supports' }],
  },
  {
    key: 'brides', compartment: EA,
    title: 'North Korean women sold as brides',
    description: 'Women from North Korea are reported to have been sold into marriage; having no legal standing in China leaves them exposed to abuse of this kind.',
    acts: ['exploitation.trafficking', 'exploitation.forced-marriage'], date: { words: 'over the past few years', reference: STATEMENT_DAY },
    place: { country: 'CN', detail: 'the north-eastern provinces' },
    victims: [{ group: 'North Korean women', count: 'some' }],
    perpetrators: [{ kind: 'non-state actor', name: 'Traffickers (not identified)', involvement: 'carried out' }],
    evidence: [{ report: 'statement', stance: 'supports' }],
  },
  {
    key: 'yantai', compartment: EA,
    title: '48 arrested in Yantai',
    description: 'Police in the port city of Yantai arrested 48 people.',
    acts: ['liberty.arbitrary-detention'], date: { words: 'January 2003' }, place: { name: 'Yantai', kind: 'city', country: 'CN' },
    victims: [{ group: 'People arrested in Yantai', count: '48' }],
    perpetrators: [{ kind: 'state body', name: 'Public Security Bureau, Shandong', involvement: 'carried out' }],
    evidence: [{ report: 'unhcr-yantai', stance: 'supports' }],
  },
  {
    key: 'case-detention', compartment: EA,
    title: 'Detention of {person} in Yanji',
    description: 'Her family says she was detained in Yanji in mid-April 2002. A witness who later saw her says she was arrested in Longjing: the reports disagree on the place.',
    acts: ['liberty.arbitrary-detention'], date: { words: 'mid-April 2002' }, place: { name: 'Yanji', kind: 'city', country: 'CN', detail: 'a police holding facility (name not known)' },
    victims: [{ person: 'case' }],
    perpetrators: [{ kind: 'state body', name: 'Public Security Bureau, Yanji', involvement: 'carried out' }],
    evidence: [{ report: 'relative-detained', stance: 'supports' }, { report: 'witness-tumen', stance: 'contradicts' }],
  },
  {
    key: 'turned-back', compartment: CA,
    title: 'Group turned back at a border crossing (invented example)',
    description: 'Invented for the Vigil demonstration, not a real event: it lives in another compartment, so researchers in East Asia never see it.',
    acts: ['displacement.collective-expulsion'], date: { words: 'early November 2023' }, place: { country: 'GT', detail: 'a border crossing (invented example)' },
    victims: [{ group: 'Migrants, families with children among them', count: 'about 30' }],
    perpetrators: [{ kind: 'state body', name: 'Border officials (unit not named)', involvement: 'carried out' }],
    evidence: [{ report: 'shelter-turned-back', stance: 'supports' }],
  },
];
