/**
 * English vocabulary of the benchmark corpus. Slot lists run from the most to
 * the least frequent word (they are drawn with a Zipf law). Templates name
 * slots in braces; {C} country, {IC} "in <country>", {P} a person, {T} a town,
 * {N} a number, {Y} a year and {R} a rare word are filled per document.
 */
import type { Vocabulary } from './vocab.ts';

export const EN: Vocabulary = {
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  longDate: (d, m, y) => `${d} ${m} ${y}`,
  org: 'Demonstration Human Rights Organisation',
  background: 'Background',
  types: {},
  slots: {
    auth: ['authorities', 'security forces', 'police', 'army', 'officials', 'soldiers', 'prosecutors', 'intelligence officers', 'militia members', 'border guards', 'prison guards', 'riot police'],
    group: ['activists', 'detainees', 'refugees', 'journalists', 'students', 'lawyers', 'protesters', 'human rights defenders', 'asylum seekers', 'villagers', 'trade unionists', 'prisoners', 'women', 'migrants', 'bloggers', 'farmers', 'teachers', 'doctors', 'monks', 'indigenous leaders', 'opposition supporters', 'members of ethnic minorities'],
    verb: ['detained', 'arrested', 'held', 'beaten', 'charged', 'sentenced', 'questioned', 'threatened', 'abducted', 'tortured', 'deported', 'interrogated', 'convicted', 'harassed', 'expelled'],
    viol: ['arbitrary detention', 'torture', 'ill-treatment', 'enforced disappearance', 'unlawful killing', 'forced eviction', 'harassment', 'incommunicado detention', 'forcible return', 'excessive use of force', 'unfair trial', 'extrajudicial execution', 'sexual violence', 'collective punishment', 'administrative detention'],
    demand: ['release', 'protect', 'end the harassment of', 'stop the persecution of', 'guarantee the safety of', 'allow independent monitors to visit', 'ensure a fair trial for', 'drop all charges against'],
    place: ['detention centre', 'police station', 'prison', 'border post', 'camp', 'village', 'market', 'courthouse', 'military base', 'checkpoint', 'refugee camp', 'labour camp', 'holding facility', 'university campus'],
    time: ['today', 'last week', 'earlier this month', 'on Monday', 'on Friday', 'in recent weeks', 'since January', 'over the past year', 'last night', 'at dawn', 'on Sunday', 'in April', 'during the night'],
    adj: ['independent', 'impartial', 'prompt', 'thorough', 'effective', 'full', 'public', 'transparent'],
    body: ['the UN refugee agency', 'the UN Human Rights Council', 'the Special Rapporteur on torture', 'the international community', 'donor governments', 'the UN Security Council', 'regional human rights bodies', 'foreign embassies'],
    risk: ['torture', 'ill-treatment', 'execution', 'forcible return', 'prolonged detention', 'reprisals', 'enforced disappearance', 'flogging'],
    law: ['the anti-terrorism law', 'the state secrets law', 'the emergency law', 'the penal code', 'the public order act', 'the press law', 'the national security law', 'the law on associations', 'the counter-extremism decree'],
    reason: ['their peaceful activities', 'reporting on the protests', 'taking part in a demonstration', 'their religious beliefs', 'their ethnic origin', 'criticising the government', 'posting comments online', 'defending land rights', 'organising a strike', 'assisting refugees', 'their work as lawyers'],
    cond: ['without access to a lawyer', 'without charge', 'incommunicado', 'in solitary confinement', 'without medical care', 'in overcrowded cells', 'without contact with their families', 'in harsh conditions', 'at an unknown location'],
    concern: ['concern', 'deep concern', 'grave concern', 'alarm', 'serious concern'],
  },
  templates: {
    lead: [
      '{O} expressed {concern} {time} about the {viol} of {group} {IC}.',
      '{O} today called on the {auth} {IC} to {demand} {group} held solely for {reason}.',
      '{O} has received reports that {N} {group} were {verb} {time} in {T} {IC}.',
    ],
    gen: [
      'According to information received by the organisation, {N} {group} were {verb} {time} in {T}.',
      'The organisation calls on the {auth} to {demand} all those {verb} for {reason}.',
      '{body} should press the government to put an end to {viol} affecting {group} {IC}.',
      'These cases form part of a wider pattern of {viol} and {viol} {IC}.',
      'The organisation has documented cases of {viol} in {T} and elsewhere {IC} since {Y}.',
      'Those {verb} are believed to be held {cond} and are at risk of {risk}.',
      'Relatives said they had not been told where the {group} were taken.',
      'The government has repeatedly denied reports of {viol}, despite consistent testimony from {group}.',
      'The organisation urges {body} to raise these concerns with the {auth} {IC}.',
      'Anyone held solely for {reason} is a prisoner of conscience and must be released immediately and unconditionally.',
      'The authorities have a duty to carry out {adj} and {adj} investigations into all reports of {viol}.',
      'No one has been brought to justice for these abuses.',
      '{P}, a spokesperson for local {group}, said that the situation in {T} had deteriorated sharply.',
      'Witnesses told the organisation that {auth} surrounded the {place} {time}.',
      'The {auth} have not responded to requests for information about the case.',
      'Human rights defenders {IC} continue to work under constant threat.',
    ],
    detention: [
      '{P} was {verb} at a {place} in {T} {time} and has since been held {cond}.',
      'The detainees have been denied access to lawyers of their choice and to their families.',
      'The authorities continue to detain {N} {group} under {law}.',
      'Detention without charge or trial for long periods is prohibited under international law.',
      'Several detainees are reported to be in poor health and in urgent need of medical treatment.',
      'The organisation believes that {P} is detained solely for {reason}.',
      'Police detained {P} without a warrant and took him to a {place} outside {T}.',
      'The authorities must either charge the detainees with a recognisable criminal offence or release them.',
      'The practice of detaining {group} for months without trial must end.',
      'Each detainee must be allowed to challenge the lawfulness of the detention before a court.',
    ],
    refugees: [
      'Thousands of people have fled their homes {IC} in recent months.',
      'Asylum seekers forcibly returned from abroad face a real risk of {risk} {IC}.',
      'The organisation urges neighbouring states to respect the principle of non-refoulement and to give asylum seekers access to a fair asylum procedure.',
      '{N} asylum seekers were {verb} near the border {time}.',
      '{body} and humanitarian agencies have been barred from border areas where people need protection.',
      'Families living in the refugee camp near {T} lack food, clean water and shelter.',
      'Many refugees hide in the hills along the border and survive by working on local farms.',
    ],
    torture: [
      'Former detainees told the organisation that they had been tortured during interrogation at a {place} in {T}.',
      'Methods of torture reported include beatings, sleep deprivation and prolonged suspension by the wrists.',
      'Statements extracted under torture must never be used as evidence in court.',
      '{P} said that guards beat him repeatedly and threatened his family.',
      'The organisation calls for {adj} investigations into allegations of torture and ill-treatment by {auth}.',
      'Medical examinations found injuries consistent with the accounts of the detainees.',
    ],
    deathpenalty: [
      '{P} was sentenced to death by a court in {T} {time} after a trial that fell short of international standards.',
      'The organisation opposes the death penalty in all cases without exception.',
      'At least {N} people are believed to be on death row {IC}.',
      'Executions are often carried out in secret, without notice to families or lawyers.',
      'The death penalty is the ultimate cruel, inhuman and degrading punishment.',
      'The government should establish an official moratorium on executions with a view to abolishing the death penalty.',
    ],
    expression: [
      'Journalists covering the events in {T} were {verb} and their equipment was confiscated.',
      'The newspaper was closed under {law} after it published reports on corruption.',
      '{P}, an editor, has been charged with spreading false information, a charge that carries up to ten years in prison.',
      'Freedom of expression is under sustained attack {IC}.',
      'Bloggers and journalists face prosecution for criticising the government online.',
      'The authorities blocked access to several news websites and social media platforms.',
    ],
    protest: [
      'Security forces used excessive force to disperse peaceful protesters in {T} {time}.',
      'At least {N} people were killed when {auth} opened fire on a demonstration.',
      'The crackdown on peaceful protest has intensified since {Y}.',
      'Hundreds of protesters were {verb} during the demonstrations in the capital.',
      'The authorities must respect the right to peaceful assembly and stop the crackdown on dissent.',
      'Riot police beat demonstrators with batons and fired tear gas into the crowd.',
    ],
    conflict: [
      'Civilians in {T} have been killed in indiscriminate attacks by all parties to the conflict.',
      'Armed groups have abducted {N} villagers, including children, from the area around {T}.',
      'Humanitarian organisations have been denied access to the besieged areas.',
      'All parties to the conflict must respect international humanitarian law and protect civilians.',
      'The attack on the market in {T} may amount to a war crime.',
      'Displaced families told the organisation that soldiers had burned their homes.',
    ],
    justice: [
      'The trial of {P} opened {time} before a court in {T} and was closed to observers.',
      'The defendants were not allowed to call witnesses in their defence and did not receive a fair trial.',
      'Lawyers representing the accused have been harassed and threatened.',
      'The court relied on confessions that the defendants say were obtained under duress.',
      'The authorities must ensure that all trials meet international standards of fairness.',
      'The verdict is expected within {N} days.',
      'A fair and public hearing before an independent court is a right of every defendant.',
    ],
    women: [
      'Women human rights defenders {IC} face threats, smear campaigns and sexual violence.',
      'Survivors of sexual violence are often denied justice and adequate medical care.',
      'The organisation calls on the authorities to repeal laws that discriminate against women and girls.',
      '{P}, who campaigns for the rights of women, was {verb} {time} in {T}.',
      'Girls in the region are at risk of forced marriage and are denied access to education.',
    ],
    land: [
      'Indigenous communities near {T} were forcibly evicted from their ancestral lands.',
      'Villagers who refused to leave were {verb} and their crops were destroyed.',
      'The company has not consulted the affected communities about the mining project.',
      'Community leaders defending land rights have received death threats.',
      'Forced evictions carried out without notice or compensation violate international law.',
    ],
  },
  rareFrames: [
    'Testimony gathered by the organisation also refers to {R}.',
    'Former prisoners described {R} in several facilities.',
    'Medical workers documented {R} among those released.',
    'Lawyers raised the question of {R} before the court.',
    'The report also examines {R} in the region.',
  ],
  rare: (
    'amnesties pardons commutations exhumations autopsies affidavits subpoenas injunctions ombudsmen curfews ' +
    'blockades sieges airstrikes landmines shackles handcuffs blindfolds electroshocks waterboarding starvation ' +
    'malnutrition cholera dysentery tuberculosis typhoid gangrene fractures lacerations scarring bruising ' +
    'dehydration hypothermia suffocation lashings floggings amputations stonings beheadings hangings garrotting ' +
    'manacles fetters whipping caning branding ostracism blacklisting wiretapping eavesdropping informants ' +
    'passports visas statelessness trafficking servitude conscription desertion mutiny sedition treason ' +
    'espionage subversion blasphemy apostasy heresy sorcery vagrancy loitering hooliganism separatism ' +
    'splittism insurrection rebellion kidnappings ransoms extortion bribery embezzlement cronyism reparations ' +
    'restitution rehabilitation apologies memorials vetting lustration demobilisation disarmament reintegration ' +
    'peacekeepers rapporteurs arbitration mediation conciliation ceasefires armistice truces sanctions embargoes ' +
    'boycotts petitions vigils marches rallies leaflets pamphlets samizdat graffiti podcasts livestreams hashtags ' +
    'encryption spyware malware firewalls biometrics fingerprinting profiling dossiers blacklists watchlists ' +
    'deportees returnees stowaways shipwrecks drownings smugglers orphans widows pensioners conscripts cadets ' +
    'gendarmes constables wardens jailers interrogators informers bastinado falanga quarantine typhus leprosy ' +
    'scurvy anaemia frostbite heatstroke lockups stockades oubliettes dungeons cellblocks'
  ).split(' '),
  titles: [
    'Fear of torture for {P}, held in {T}',
    '{N} {group} detained in {T}',
    'Crackdown on {group} in {T} must end',
    '{P} sentenced after unfair trial',
    'Release {P} and other prisoners of conscience',
    'Asylum seekers from {T} at risk of forcible return',
    'Killings in {T} must be investigated',
    'Journalist {P} must be freed',
    'Death sentence imposed on {P}',
    'Families of the disappeared in {T} demand answers',
    'Forced evictions in {T} leave {N} families homeless',
    'Women defenders in {T} threatened',
  ],
};
