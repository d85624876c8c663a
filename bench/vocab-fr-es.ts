/** French and Spanish vocabularies of the benchmark corpus (same shape as vocab-en.ts). */
import type { Vocabulary } from './vocab.ts';

export const FR: Vocabulary = {
  months: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  longDate: (d, m, y) => `${d} ${m} ${y}`,
  org: "L'Organisation de démonstration pour les droits humains",
  background: 'Contexte',
  types: { 'Press Release': 'Communiqué de presse', 'Public Statement': 'Déclaration publique', 'Urgent Action': 'Action urgente', 'Open Letter': 'Lettre ouverte', Report: 'Rapport' },
  slots: {
    group: ['militants', 'détenus', 'réfugiés', 'journalistes', 'étudiants', 'avocats', 'manifestants', 'défenseurs des droits humains', "demandeurs d'asile", 'villageois', 'syndicalistes', 'prisonniers', 'travailleurs migrants', 'blogueurs', 'paysans', 'enseignants', 'médecins'],
    verb: ['arrêtés', 'détenus', 'frappés', 'inculpés', 'condamnés', 'interrogés', 'menacés', 'enlevés', 'torturés', 'expulsés', 'harcelés'],
    viol: ['la détention arbitraire', 'la torture', 'les mauvais traitements', 'les disparitions forcées', 'les homicides illégaux', 'les expulsions forcées', 'le harcèlement', 'la détention au secret', 'le renvoi forcé', 'le recours excessif à la force', 'les procès inéquitables'],
    place: ['un centre de détention', 'un poste de police', 'une prison', 'la zone frontalière', 'un camp', 'un village', 'la capitale', 'une base militaire', 'un poste de contrôle'],
    time: ["aujourd'hui", 'la semaine dernière', 'au début du mois', 'lundi', 'vendredi', 'ces dernières semaines', 'depuis janvier', "au cours de l'année écoulée", 'la nuit dernière'],
    risk: ['de torture', 'de mauvais traitements', "d'exécution", 'de renvoi forcé', 'de représailles', 'de disparition forcée'],
    reason: ['leurs activités pacifiques', 'leur participation à une manifestation', 'leurs convictions religieuses', 'leurs critiques envers le gouvernement', 'leurs commentaires publiés en ligne', 'la défense des droits fonciers', "leur travail d'avocats"],
    cond: ['sans inculpation', 'au secret', "à l'isolement", 'sans soins médicaux', 'sans contact avec leur famille', 'dans des conditions très dures', 'dans un lieu inconnu'],
    body: ["l'agence des Nations unies pour les réfugiés", "le Conseil des droits de l'homme", 'le rapporteur spécial sur la torture', 'la communauté internationale', 'les gouvernements donateurs'],
    adj: ['indépendante', 'impartiale', 'approfondie', 'efficace', 'rapide'],
    concern: ['sa préoccupation', 'sa vive préoccupation', 'sa profonde inquiétude', 'son inquiétude'],
  },
  templates: {
    lead: ['{O} a exprimé {concern} {time} concernant {viol} dont sont victimes des {group} {IC}.'],
    gen: [
      "Selon les informations reçues par l'organisation, {N} {group} ont été {verb} {time} à {T}.",
      "L'organisation demande aux autorités de libérer immédiatement tous les {group} détenus uniquement en raison de {reason}.",
      'Les personnes arrêtées seraient maintenues {cond} et courent un risque {risk}.',
      "L'organisation invite {body} à faire pression sur le gouvernement.",
      'Les autorités doivent mener une enquête {adj} sur toutes les allégations.',
      "Aucun responsable n'a été traduit en justice pour ces violations.",
      'Des témoins ont indiqué que les forces de sécurité avaient encerclé {place} {time}.',
      "Les proches n'ont pas été informés du lieu où les {group} ont été emmenés.",
      "{P}, porte-parole d'une association locale, a déclaré que la situation à {T} s'était fortement dégradée.",
      'Le gouvernement nie toute responsabilité malgré les nombreux témoignages recueillis {IC}.',
    ],
    refugees: [
      'Des milliers de réfugiés ont quitté le pays au cours des derniers mois.',
      "Les demandeurs d'asile renvoyés {IC} courent un risque réel {risk}.",
    ],
    deathpenalty: [
      "{P} a été condamné à mort par un tribunal de {T} à l'issue d'un procès inéquitable.",
      "L'organisation s'oppose à la peine de mort en toutes circonstances.",
    ],
    torture: [
      'D\'anciens détenus ont déclaré avoir été torturés pendant les interrogatoires.',
      'Les aveux obtenus sous la torture ne doivent jamais être retenus comme preuves.',
    ],
    expression: [
      'Des journalistes qui couvraient les événements à {T} ont été {verb} et leur matériel a été confisqué.',
      "La liberté d'expression est gravement menacée {IC}.",
    ],
    protest: ['Les forces de sécurité ont fait un usage excessif de la force pour disperser des manifestants pacifiques à {T}.'],
    justice: ["Le procès de {P} s'est ouvert {time} à huis clos.", "Les accusés n'ont pas bénéficié d'un procès équitable."],
    land: ['Des communautés autochtones proches de {T} ont été expulsées de force de leurs terres.'],
  },
  rareFrames: ['Des témoignages évoquent également des {R}.', "D'anciens prisonniers ont décrit des {R} dans plusieurs centres."],
  rare: (
    'flagellations lapidations amputations exhumations autopsies perquisitions confiscations séquestrations bastonnades ' +
    'humiliations privations brimades rançons embuscades incendies pillages bombardements famines épidémies fractures ' +
    'brûlures cicatrices ecchymoses menottes cagoules chaînes entraves écoutes filatures fichages dénonciations ' +
    'délations mutineries désertions grèves pétitions veillées banderoles tracts graffitis'
  ).split(' '),
  titles: ['Crainte de torture pour {P}, détenu à {T}', '{N} {group} arrêtés à {T}', 'Libérez {P}', "{P} condamné à mort à l'issue d'un procès inéquitable", "Les homicides commis à {T} doivent faire l'objet d'une enquête", 'Le journaliste {P} doit être libéré'],
};

export const ES: Vocabulary = {
  months: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
  longDate: (d, m, y) => `${d} de ${m} de ${y}`,
  org: 'La Organización de Demostración de Derechos Humanos',
  background: 'Antecedentes',
  types: { 'Press Release': 'Comunicado de prensa', 'Public Statement': 'Declaración pública', 'Urgent Action': 'Acción urgente', 'Open Letter': 'Carta abierta', Report: 'Informe' },
  slots: {
    group: ['activistas', 'detenidos', 'refugiados', 'periodistas', 'estudiantes', 'abogados', 'manifestantes', 'defensores de los derechos humanos', 'solicitantes de asilo', 'campesinos', 'sindicalistas', 'presos', 'migrantes', 'indígenas', 'maestros', 'médicos'],
    verb: ['detenidos', 'arrestados', 'golpeados', 'acusados', 'condenados', 'interrogados', 'amenazados', 'secuestrados', 'torturados', 'expulsados', 'hostigados'],
    viol: ['la detención arbitraria', 'la tortura', 'los malos tratos', 'las desapariciones forzadas', 'los homicidios ilegítimos', 'los desalojos forzosos', 'el hostigamiento', 'la detención en régimen de incomunicación', 'la devolución forzada', 'el uso excesivo de la fuerza', 'los juicios injustos'],
    place: ['un centro de detención', 'una comisaría', 'una cárcel', 'la zona fronteriza', 'un campamento', 'una aldea', 'la capital', 'una base militar', 'un puesto de control'],
    time: ['hoy', 'la semana pasada', 'a principios de mes', 'el lunes', 'el viernes', 'en las últimas semanas', 'desde enero', 'durante el último año', 'anoche'],
    risk: ['de tortura', 'de malos tratos', 'de ejecución', 'de devolución', 'de represalias', 'de desaparición forzada'],
    reason: ['sus actividades pacíficas', 'su participación en una manifestación', 'sus creencias religiosas', 'sus críticas al gobierno', 'sus comentarios en internet', 'la defensa de la tierra', 'su trabajo como abogados'],
    cond: ['sin cargos', 'en régimen de incomunicación', 'en aislamiento', 'sin atención médica', 'sin contacto con sus familias', 'en condiciones muy duras', 'en un lugar desconocido'],
    body: ['la agencia de la ONU para los refugiados', 'la comunidad internacional', 'los gobiernos donantes', 'los mecanismos de derechos humanos de la ONU', 'la relatora especial sobre la tortura'],
    adj: ['independiente', 'imparcial', 'exhaustiva', 'eficaz', 'inmediata'],
    concern: ['su preocupación', 'su honda preocupación', 'su alarma', 'su inquietud'],
  },
  templates: {
    lead: ['{O} expresó {time} {concern} por {viol} que sufren {group} {IC}.'],
    gen: [
      'Según la información recibida por la organización, {N} {group} fueron {verb} {time} en {T}.',
      'La organización pide a las autoridades que pongan en libertad a todos los {group} recluidos únicamente por {reason}.',
      'Las personas detenidas permanecen {cond} y corren riesgo {risk}.',
      'La organización insta a {body} a presionar al gobierno.',
      'Las autoridades deben llevar a cabo una investigación {adj} sobre todas las denuncias.',
      'Nadie ha comparecido ante la justicia por estos abusos.',
      'Según testigos, las fuerzas de seguridad rodearon {place} {time}.',
      'Los familiares no fueron informados del lugar al que fueron trasladados los {group}.',
      '{P}, portavoz de una organización local, afirmó que la situación en {T} se había deteriorado gravemente.',
      'El gobierno niega toda responsabilidad pese a los numerosos testimonios recogidos {IC}.',
    ],
    refugees: ['Miles de refugiados han huido del país en los últimos meses.', 'Los solicitantes de asilo devueltos a {C} corren riesgo real {risk}.'],
    deathpenalty: ['{P} fue condenado a muerte por un tribunal de {T} tras un juicio injusto.', 'La organización se opone a la pena de muerte en todos los casos sin excepción.'],
    torture: ['Antiguos detenidos contaron a la organización que habían sido torturados durante los interrogatorios.', 'Las declaraciones obtenidas bajo tortura nunca deben utilizarse como prueba.'],
    expression: ['Los periodistas que cubrían los hechos en {T} fueron {verb} y se les confiscó el equipo.', 'La libertad de expresión está gravemente amenazada {IC}.'],
    protest: ['Las fuerzas de seguridad usaron fuerza excesiva para dispersar a manifestantes pacíficos en {T}.'],
    justice: ['El juicio de {P} comenzó {time} a puerta cerrada.', 'Los acusados no tuvieron un juicio justo.'],
    land: ['Comunidades indígenas cercanas a {T} fueron desalojadas por la fuerza de sus tierras ancestrales.'],
  },
  rareFrames: ['Los testimonios mencionan también {R}.', 'Antiguos presos describieron {R} en varios centros.'],
  rare: (
    'flagelaciones lapidaciones amputaciones exhumaciones autopsias allanamientos confiscaciones palizas humillaciones ' +
    'privaciones emboscadas incendios saqueos bombardeos hambrunas epidemias fracturas quemaduras cicatrices hematomas ' +
    'capuchas cadenas grilletes escuchas seguimientos fichajes delaciones motines deserciones huelgas peticiones vigilias ' +
    'pancartas octavillas pintadas'
  ).split(' '),
  titles: ['Temor de tortura para {P}, detenido en {T}', '{N} {group} detenidos en {T}', 'Liberen a {P}', '{P}, condenado a muerte tras un juicio injusto', 'Deben investigarse los homicidios en {T}', 'El periodista {P} debe quedar en libertad'],
};
