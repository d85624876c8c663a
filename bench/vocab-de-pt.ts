/** German and Portuguese vocabularies of the benchmark corpus (same shape as vocab-en.ts). */
import type { Vocabulary } from './vocab.ts';

export const DE: Vocabulary = {
  months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  longDate: (d, m, y) => `${d}. ${m} ${y}`,
  org: 'Die Menschenrechtsorganisation zur Demonstration',
  background: 'Hintergrund',
  types: { 'Press Release': 'Pressemitteilung', 'Public Statement': 'Öffentliche Erklärung', 'Urgent Action': 'Eilaktion', 'Open Letter': 'Offener Brief', Report: 'Bericht' },
  slots: {
    group: ['Aktivisten', 'Gefangene', 'Flüchtlinge', 'Journalisten', 'Studierende', 'Anwälte', 'Demonstrierende', 'Menschenrechtsverteidiger', 'Asylsuchende', 'Dorfbewohner', 'Gewerkschafter', 'Häftlinge', 'Migranten', 'Blogger', 'Bauern', 'Lehrkräfte', 'Ärzte'],
    verb: ['festgenommen', 'inhaftiert', 'geschlagen', 'angeklagt', 'verurteilt', 'verhört', 'bedroht', 'entführt', 'gefoltert', 'abgeschoben', 'schikaniert'],
    viol: ['die willkürliche Inhaftierung', 'Folter', 'Misshandlungen', 'das Verschwindenlassen', 'rechtswidrige Tötungen', 'Zwangsräumungen', 'die Schikanierung', 'die Haft ohne Kontakt zur Außenwelt', 'die zwangsweise Rückführung', 'exzessive Gewaltanwendung', 'unfaire Gerichtsverfahren'],
    place: ['ein Haftzentrum', 'eine Polizeiwache', 'ein Gefängnis', 'das Grenzgebiet', 'ein Lager', 'ein Dorf', 'die Hauptstadt', 'einen Militärstützpunkt', 'einen Kontrollpunkt'],
    time: ['heute', 'letzte Woche', 'Anfang des Monats', 'am Montag', 'am Freitag', 'in den vergangenen Wochen', 'seit Januar', 'im Laufe des letzten Jahres', 'in der vergangenen Nacht'],
    risk: ['Folter', 'Misshandlungen', 'Hinrichtungen', 'Abschiebungen', 'Repressalien', 'Verschwindenlassen'],
    reason: ['ihrer friedlichen Aktivitäten', 'ihrer Teilnahme an einer Demonstration', 'ihres religiösen Glaubens', 'ihrer Kritik an der Regierung', 'ihrer Beiträge im Internet', 'ihres Einsatzes für Landrechte', 'ihrer Arbeit als Anwälte'],
    cond: ['ohne Anklage', 'ohne Kontakt zur Außenwelt', 'in Einzelhaft', 'ohne medizinische Versorgung', 'ohne Kontakt zu ihren Familien', 'unter sehr harten Bedingungen', 'an einem unbekannten Ort'],
    body: ['das UN-Flüchtlingshilfswerk', 'den UN-Menschenrechtsrat', 'den UN-Sonderberichterstatter über Folter', 'die internationale Gemeinschaft', 'die Geberländer'],
    adj: ['unabhängige', 'unparteiische', 'umfassende', 'wirksame', 'unverzügliche'],
    concern: ['ihre Besorgnis', 'ihre tiefe Besorgnis', 'ihre große Sorge', 'ihre Beunruhigung'],
  },
  templates: {
    lead: ['{O} äußerte {time} {concern} über {viol} {IC}.'],
    gen: [
      'Nach Informationen der Organisation wurden {N} {group} {time} in {T} {verb}.',
      'Die Organisation fordert die Behörden auf, alle Personen freizulassen, die allein wegen {reason} inhaftiert sind.',
      'Die Inhaftierten werden Berichten zufolge {cond} festgehalten, und es besteht die Gefahr von {risk}.',
      'Die Organisation fordert {body} auf, Druck auf die Regierung auszuüben.',
      'Die Behörden müssen eine {adj} Untersuchung aller Vorwürfe einleiten.',
      'Bisher wurde niemand für diese Menschenrechtsverletzungen zur Rechenschaft gezogen.',
      'Zeugen berichteten, dass Sicherheitskräfte {time} {place} umstellten.',
      'Die Angehörigen wurden nicht darüber informiert, wohin die {group} gebracht wurden.',
      '{P}, Sprecher einer lokalen Organisation, sagte, die Lage in {T} habe sich drastisch verschlechtert.',
      'Die Regierung bestreitet trotz zahlreicher Zeugenaussagen jede Verantwortung für die Lage {IC}.',
    ],
    refugees: ['Tausende Flüchtlinge sind in den vergangenen Monaten aus dem Land geflohen.', 'Asylsuchenden, die in ihr Herkunftsland zurückgeschickt werden, drohen {risk}.'],
    deathpenalty: ['{P} wurde {time} von einem Gericht in {T} nach einem unfairen Verfahren zum Tode verurteilt.', 'Die Organisation lehnt die Todesstrafe ausnahmslos ab.'],
    torture: ['Ehemalige Häftlinge berichteten, sie seien während der Verhöre gefoltert worden.', 'Unter Folter erpresste Geständnisse dürfen niemals als Beweismittel verwendet werden.'],
    expression: ['Journalisten, die über die Ereignisse in {T} berichteten, wurden {verb}, und ihre Ausrüstung wurde beschlagnahmt.', 'Das Recht auf freie Meinungsäußerung ist {IC} massiv bedroht.'],
    protest: ['Sicherheitskräfte setzten in {T} exzessive Gewalt gegen friedliche Demonstrierende ein.'],
    justice: ['Der Prozess gegen {P} begann {time} unter Ausschluss der Öffentlichkeit.', 'Die Angeklagten erhielten kein faires Verfahren.'],
    land: ['Indigene Gemeinschaften in der Nähe von {T} wurden gewaltsam von ihrem angestammten Land vertrieben.'],
  },
  rareFrames: ['Zeugenaussagen berichten außerdem von {R}.', 'Ehemalige Gefangene schilderten {R} in mehreren Einrichtungen.'],
  rare: (
    'Auspeitschungen Steinigungen Amputationen Exhumierungen Obduktionen Durchsuchungen Beschlagnahmungen Prügelstrafen ' +
    'Demütigungen Entbehrungen Brandstiftungen Plünderungen Bombardierungen Knochenbrüche Verbrennungen Narben Blutergüsse ' +
    'Handschellen Fesselungen Abhörmaßnahmen Beschattungen Denunziationen Meutereien Desertionen Streiks Petitionen ' +
    'Mahnwachen Transparente Flugblätter'
  ).split(' '),
  titles: ['Folter droht: {P} in {T} inhaftiert', '{N} {group} in {T} festgenommen', 'Freiheit für {P}', '{P} nach unfairem Verfahren zum Tode verurteilt', 'Tötungen in {T} müssen untersucht werden', 'Journalist {P} muss freigelassen werden'],
};

export const PT: Vocabulary = {
  months: ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'],
  longDate: (d, m, y) => `${d} de ${m} de ${y}`,
  org: 'A Organização de Demonstração de Direitos Humanos',
  background: 'Contexto',
  types: { 'Press Release': 'Comunicado de imprensa', 'Public Statement': 'Declaração pública', 'Urgent Action': 'Ação urgente', Report: 'Relatório' },
  slots: {
    group: ['ativistas', 'detidos', 'refugiados', 'jornalistas', 'estudantes', 'advogados', 'manifestantes', 'defensores de direitos humanos', 'requerentes de asilo', 'camponeses', 'sindicalistas', 'presos', 'migrantes', 'indígenas', 'professores', 'médicos'],
    verb: ['detidos', 'presos', 'espancados', 'acusados', 'condenados', 'interrogados', 'ameaçados', 'sequestrados', 'torturados', 'expulsos', 'perseguidos'],
    viol: ['a detenção arbitrária', 'a tortura', 'os maus-tratos', 'os desaparecimentos forçados', 'os homicídios ilegais', 'os despejos forçados', 'o assédio', 'a detenção incomunicável', 'a devolução forçada', 'o uso excessivo da força', 'os julgamentos injustos'],
    place: ['um centro de detenção', 'uma delegacia', 'uma prisão', 'a zona de fronteira', 'um acampamento', 'uma aldeia', 'a capital', 'uma base militar', 'um posto de controle'],
    time: ['hoje', 'na semana passada', 'no início do mês', 'na segunda-feira', 'na sexta-feira', 'nas últimas semanas', 'desde janeiro', 'ao longo do último ano', 'na noite passada'],
    risk: ['tortura', 'maus-tratos', 'execução', 'devolução', 'represálias', 'desaparecimento forçado'],
    reason: ['suas atividades pacíficas', 'sua participação numa manifestação', 'suas crenças religiosas', 'suas críticas ao governo', 'seus comentários na internet', 'sua defesa do direito à terra', 'seu trabalho como advogados'],
    cond: ['sem acusação', 'incomunicáveis', 'em isolamento', 'sem assistência médica', 'sem contato com as famílias', 'em condições muito duras', 'em local desconhecido'],
    body: ['a agência da ONU para os refugiados', 'o Conselho de Direitos Humanos', 'o relator especial sobre tortura', 'a comunidade internacional', 'os governos doadores'],
    adj: ['independente', 'imparcial', 'exaustiva', 'eficaz', 'imediata'],
    concern: ['sua preocupação', 'sua profunda preocupação', 'seu alarme', 'sua inquietação'],
  },
  templates: {
    lead: ['{O} manifestou {time} {concern} com {viol} de que são vítimas {group} {IC}.'],
    gen: [
      'Segundo informações recebidas pela organização, {N} {group} foram {verb} {time} em {T}.',
      'A organização pede às autoridades que libertem todos os {group} detidos unicamente por {reason}.',
      'As pessoas detidas estão {cond} e correm risco de {risk}.',
      'A organização insta {body} a pressionar o governo.',
      'As autoridades devem realizar uma investigação {adj} sobre todas as denúncias.',
      'Ninguém foi levado à justiça por esses abusos.',
      'Segundo testemunhas, as forças de segurança cercaram {place} {time}.',
      'Os familiares não foram informados do local para onde os {group} foram levados.',
      '{P}, porta-voz de uma organização local, afirmou que a situação em {T} se deteriorou gravemente.',
      'O governo nega qualquer responsabilidade apesar dos numerosos testemunhos recolhidos {IC}.',
    ],
    refugees: ['Milhares de refugiados fugiram do país nos últimos meses.', 'Os requerentes de asilo devolvidos ao seu país de origem correm risco real de {risk}.'],
    deathpenalty: ['{P} foi condenado à morte por um tribunal de {T} após um julgamento injusto.', 'A organização opõe-se à pena de morte em todos os casos, sem exceção.'],
    torture: ['Antigos detidos contaram à organização que foram torturados durante os interrogatórios.', 'Confissões obtidas sob tortura nunca devem ser usadas como prova.'],
    expression: ['Jornalistas que cobriam os acontecimentos em {T} foram {verb} e tiveram o equipamento confiscado.', 'A liberdade de expressão está gravemente ameaçada {IC}.'],
    protest: ['As forças de segurança usaram força excessiva para dispersar manifestantes pacíficos em {T}.'],
    justice: ['O julgamento de {P} começou {time} à porta fechada.', 'Os acusados não tiveram um julgamento justo.'],
    land: ['Comunidades indígenas perto de {T} foram expulsas à força das suas terras ancestrais.'],
  },
  rareFrames: ['Os testemunhos referem também {R}.', 'Antigos presos descreveram {R} em vários centros.'],
  rare: (
    'flagelações lapidações amputações exumações autópsias buscas confiscos humilhações privações emboscadas incêndios ' +
    'saques bombardeios epidemias fraturas queimaduras cicatrizes hematomas algemas capuzes correntes grilhões escutas ' +
    'motins deserções greves petições vigílias faixas panfletos pichações'
  ).split(' '),
  titles: ['Receio de tortura para {P}, detido em {T}', '{N} {group} detidos em {T}', 'Libertem {P}', '{P} condenado à morte após julgamento injusto', 'Homicídios em {T} devem ser investigados', 'Jornalista {P} deve ser libertado'],
};
