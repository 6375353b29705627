/// One instrument the scanner knows by name: its key slug, canonical English name, and the
/// abbreviations and official names it is cited by in English, French, Spanish and Russian.
///
/// Name spellings are matched folded (case, accents and Latin/Cyrillic look-alikes ignored,
/// white space runs equal) and must start with a capital letter in the text; a word ending in
/// `~` is a stem that takes up to four further letters, for inflected Russian forms
/// (`Международн~ пакт~` matches `Международного пакта`). Abbreviations match only when written
/// in capitals, so `CAT` is the Convention but `cat` is not.
struct CiteInstrument: Sendable {
    /// Key slug (`iccpr`): the first segment of every key into this instrument.
    let slug: String
    /// Canonical English name written into `Citation.instrument`.
    let name: String
    /// Abbreviations (matched upper case only).
    let abbreviations: [String]
    /// Official names and common variants in the four languages.
    let names: [String]
    /// A generic national instrument (`Constitution`, `Criminal Code`): the document's own
    /// State's is meant. Such a name is context for bare articles but is not cited as an
    /// instrument on its own, because every second sentence of a reply mentions it.
    var national: Bool = false
}

/// The built-in instrument table. Data, not code: add a row to teach the scanner a treaty.
enum CiteInstrumentTable {
    /// Every known instrument.
    static let all: [CiteInstrument] = [
        CiteInstrument(
            slug: "udhr", name: "Universal Declaration of Human Rights",
            abbreviations: ["UDHR", "DUDH", "ВДПЧ"],
            names: ["Universal Declaration of Human Rights", "Déclaration universelle des droits de l'homme",
                    "Declaración Universal de Derechos Humanos", "Declaración Universal de los Derechos Humanos",
                    "Всеобщ~ декларац~ прав человека"]),
        CiteInstrument(
            slug: "un-charter", name: "Charter of the United Nations",
            abbreviations: [],
            names: ["Charter of the United Nations", "United Nations Charter", "UN Charter", "U.N. Charter",
                    "Charte des Nations Unies", "Carta de las Naciones Unidas",
                    "Устав~ Организации Объединенных Наций", "Устав~ ООН"]),
        CiteInstrument(
            slug: "iccpr", name: "International Covenant on Civil and Political Rights",
            abbreviations: ["ICCPR", "PIDCP", "МПГПП"],
            names: ["International Covenant on Civil and Political Rights",
                    "Pacte international relatif aux droits civils et politiques",
                    "Pacto Internacional de Derechos Civiles y Políticos",
                    "Международн~ пакт~ о гражданских и политических правах"]),
        CiteInstrument(
            slug: "icescr", name: "International Covenant on Economic, Social and Cultural Rights",
            abbreviations: ["ICESCR", "PIDESC", "МПЭСКП"],
            names: ["International Covenant on Economic, Social and Cultural Rights",
                    "Pacte international relatif aux droits économiques, sociaux et culturels",
                    "Pacto Internacional de Derechos Económicos, Sociales y Culturales",
                    "Международн~ пакт~ об экономических, социальных и культурных правах"]),
        CiteInstrument(
            slug: "icerd", name: "International Convention on the Elimination of All Forms of Racial Discrimination",
            abbreviations: ["ICERD", "CIEDR"],
            names: ["International Convention on the Elimination of All Forms of Racial Discrimination",
                    "Convention internationale sur l'élimination de toutes les formes de discrimination raciale",
                    "Convención Internacional sobre la Eliminación de todas las Formas de Discriminación Racial",
                    "Международн~ конвенци~ о ликвидации всех форм расовой дискриминации"]),
        CiteInstrument(
            slug: "cedaw", name: "Convention on the Elimination of All Forms of Discrimination against Women",
            abbreviations: ["CEDAW", "CEDEF", "КЛДЖ"],
            names: ["Convention on the Elimination of All Forms of Discrimination against Women",
                    "Convention sur l'élimination de toutes les formes de discrimination à l'égard des femmes",
                    "Convención sobre la eliminación de todas las formas de discriminación contra la mujer",
                    "Конвенци~ о ликвидации всех форм дискриминации в отношении женщин"]),
        CiteInstrument(
            slug: "cat", name: "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
            abbreviations: ["CAT", "UNCAT"],
            names: ["Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
                    "Convention contre la torture et autres peines ou traitements cruels, inhumains ou dégradants",
                    "Convención contra la Tortura y Otros Tratos o Penas Crueles, Inhumanos o Degradantes",
                    "Конвенци~ против пыток и других жестоких, бесчеловечных или унижающих достоинство видов обращения и наказания",
                    "Convention against Torture"]),
        CiteInstrument(
            slug: "crc", name: "Convention on the Rights of the Child",
            abbreviations: ["CRC", "CDE", "CIDE", "CDN", "КПР"],
            names: ["Convention on the Rights of the Child", "Convention relative aux droits de l'enfant",
                    "Convención sobre los Derechos del Niño", "Конвенци~ о правах ребенка"]),
        CiteInstrument(
            slug: "icmw", name: "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
            abbreviations: ["ICMW", "ICRMW"],
            names: ["International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
                    "Convention internationale sur la protection des droits de tous les travailleurs migrants et des membres de leur famille",
                    "Convención Internacional sobre la protección de los derechos de todos los trabajadores migratorios y de sus familiares",
                    "Международн~ конвенци~ о защите прав всех трудящихся-мигрантов и членов их семей"]),
        CiteInstrument(
            slug: "crpd", name: "Convention on the Rights of Persons with Disabilities",
            abbreviations: ["CRPD", "CDPH", "CDPD"],
            names: ["Convention on the Rights of Persons with Disabilities",
                    "Convention relative aux droits des personnes handicapées",
                    "Convención sobre los Derechos de las Personas con Discapacidad",
                    "Конвенци~ о правах инвалидов"]),
        CiteInstrument(
            slug: "cped", name: "International Convention for the Protection of All Persons from Enforced Disappearance",
            abbreviations: ["CPED", "ICPPED"],
            names: ["International Convention for the Protection of All Persons from Enforced Disappearance",
                    "Convention for the Protection of All Persons from Enforced Disappearance",
                    "Convention internationale pour la protection de toutes les personnes contre les disparitions forcées",
                    "Convención Internacional para la protección de todas las personas contra las desapariciones forzadas",
                    "Международн~ конвенци~ для защиты всех лиц от насильственных исчезновений"]),
        CiteInstrument(
            slug: "iccpr-op1", name: "Optional Protocol to the International Covenant on Civil and Political Rights",
            abbreviations: ["OP-ICCPR", "OP1-ICCPR"],
            names: ["Optional Protocol to the International Covenant on Civil and Political Rights",
                    "First Optional Protocol to the International Covenant on Civil and Political Rights",
                    "Protocole facultatif se rapportant au Pacte international relatif aux droits civils et politiques",
                    "Protocolo Facultativo del Pacto Internacional de Derechos Civiles y Políticos",
                    "Факультативн~ протокол~ к Международному пакту о гражданских и политических правах"]),
        CiteInstrument(
            slug: "iccpr-op2", name: "Second Optional Protocol to the International Covenant on Civil and Political Rights",
            abbreviations: ["OP2-ICCPR"],
            names: ["Second Optional Protocol to the International Covenant on Civil and Political Rights",
                    "Deuxième Protocole facultatif se rapportant au Pacte international relatif aux droits civils et politiques",
                    "Segundo Protocolo Facultativo del Pacto Internacional de Derechos Civiles y Políticos",
                    "Втор~ Факультативн~ протокол~ к Международному пакту о гражданских и политических правах"]),
        CiteInstrument(
            slug: "icescr-op", name: "Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
            abbreviations: ["OP-ICESCR"],
            names: ["Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
                    "Protocole facultatif se rapportant au Pacte international relatif aux droits économiques, sociaux et culturels",
                    "Protocolo Facultativo del Pacto Internacional de Derechos Económicos, Sociales y Culturales",
                    "Факультативн~ протокол~ к Международному пакту об экономических, социальных и культурных правах"]),
        CiteInstrument(
            slug: "cedaw-op", name: "Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women",
            abbreviations: ["OP-CEDAW"],
            names: ["Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women",
                    "Protocole facultatif à la Convention sur l'élimination de toutes les formes de discrimination à l'égard des femmes",
                    "Protocolo Facultativo de la Convención sobre la eliminación de todas las formas de discriminación contra la mujer",
                    "Факультативн~ протокол~ к Конвенции о ликвидации всех форм дискриминации в отношении женщин"]),
        CiteInstrument(
            slug: "opcat", name: "Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
            abbreviations: ["OPCAT", "OP-CAT"],
            names: ["Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
                    "Optional Protocol to the Convention against Torture",
                    "Protocole facultatif se rapportant à la Convention contre la torture et autres peines ou traitements cruels, inhumains ou dégradants",
                    "Protocolo Facultativo de la Convención contra la Tortura y Otros Tratos o Penas Crueles, Inhumanos o Degradantes",
                    "Факультативн~ протокол~ к Конвенции против пыток"]),
        CiteInstrument(
            slug: "crc-opac", name: "Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict",
            abbreviations: ["OPAC", "OP-AC"],
            names: ["Optional Protocol to the Convention on the Rights of the Child on the involvement of children in armed conflict",
                    "Protocole facultatif à la Convention relative aux droits de l'enfant, concernant l'implication d'enfants dans les conflits armés",
                    "Protocolo facultativo de la Convención sobre los Derechos del Niño relativo a la participación de niños en los conflictos armados"]),
        CiteInstrument(
            slug: "crc-opsc", name: "Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography",
            abbreviations: ["OPSC", "OP-SC"],
            names: ["Optional Protocol to the Convention on the Rights of the Child on the sale of children, child prostitution and child pornography",
                    "Protocole facultatif à la Convention relative aux droits de l'enfant, concernant la vente d'enfants, la prostitution des enfants et la pornographie mettant en scène des enfants",
                    "Protocolo facultativo de la Convención sobre los Derechos del Niño relativo a la venta de niños, la prostitución infantil y la utilización de niños en la pornografía"]),
        CiteInstrument(
            slug: "crc-opic", name: "Optional Protocol to the Convention on the Rights of the Child on a communications procedure",
            abbreviations: ["OPIC", "OP3-CRC"],
            names: ["Optional Protocol to the Convention on the Rights of the Child on a communications procedure",
                    "Protocole facultatif à la Convention relative aux droits de l'enfant établissant une procédure de présentation de communications",
                    "Protocolo facultativo de la Convención sobre los Derechos del Niño relativo a un procedimiento de comunicaciones"]),
        CiteInstrument(
            slug: "crpd-op", name: "Optional Protocol to the Convention on the Rights of Persons with Disabilities",
            abbreviations: ["OP-CRPD"],
            names: ["Optional Protocol to the Convention on the Rights of Persons with Disabilities",
                    "Protocole facultatif se rapportant à la Convention relative aux droits des personnes handicapées",
                    "Protocolo Facultativo de la Convención sobre los Derechos de las Personas con Discapacidad",
                    "Факультативн~ протокол~ к Конвенции о правах инвалидов"]),
        CiteInstrument(
            slug: "vcdr", name: "Vienna Convention on Diplomatic Relations",
            abbreviations: ["VCDR"],
            names: ["Vienna Convention on Diplomatic Relations", "Convention de Vienne sur les relations diplomatiques",
                    "Convención de Viena sobre Relaciones Diplomáticas", "Венск~ конвенци~ о дипломатических сношениях"]),
        CiteInstrument(
            slug: "vccr", name: "Vienna Convention on Consular Relations",
            abbreviations: ["VCCR"],
            names: ["Vienna Convention on Consular Relations", "Convention de Vienne sur les relations consulaires",
                    "Convención de Viena sobre Relaciones Consulares", "Венск~ конвенци~ о консульских сношениях"]),
        CiteInstrument(
            slug: "vclt", name: "Vienna Convention on the Law of Treaties",
            abbreviations: ["VCLT"],
            names: ["Vienna Convention on the Law of Treaties", "Convention de Vienne sur le droit des traités",
                    "Convención de Viena sobre el Derecho de los Tratados",
                    "Венск~ конвенци~ о праве международных договоров"]),
        CiteInstrument(
            slug: "gc1", name: "Geneva Convention for the Amelioration of the Condition of the Wounded and Sick in Armed Forces in the Field",
            abbreviations: ["GCI"],
            names: ["Geneva Convention for the Amelioration of the Condition of the Wounded and Sick in Armed Forces in the Field",
                    "First Geneva Convention", "Geneva Convention I",
                    "Convention de Genève pour l'amélioration du sort des blessés et des malades dans les forces armées en campagne",
                    "Première Convention de Genève",
                    "Convenio de Ginebra para aliviar la suerte que corren los heridos y los enfermos de las fuerzas armadas en campaña",
                    "Primer Convenio de Ginebra",
                    "Женевск~ конвенци~ об улучшении участи раненых и больных в действующих армиях"]),
        CiteInstrument(
            slug: "gc2", name: "Geneva Convention for the Amelioration of the Condition of Wounded, Sick and Shipwrecked Members of Armed Forces at Sea",
            abbreviations: ["GCII"],
            names: ["Geneva Convention for the Amelioration of the Condition of Wounded, Sick and Shipwrecked Members of Armed Forces at Sea",
                    "Second Geneva Convention", "Geneva Convention II",
                    "Convention de Genève pour l'amélioration du sort des blessés, des malades et des naufragés des forces armées sur mer",
                    "Deuxième Convention de Genève",
                    "Convenio de Ginebra para aliviar la suerte que corren los heridos, los enfermos y los náufragos de las fuerzas armadas en el mar",
                    "Segundo Convenio de Ginebra",
                    "Женевск~ конвенци~ об улучшении участи раненых, больных и лиц, потерпевших кораблекрушение, из состава вооруженных сил на море"]),
        CiteInstrument(
            slug: "gc3", name: "Geneva Convention relative to the Treatment of Prisoners of War",
            abbreviations: ["GCIII"],
            names: ["Geneva Convention relative to the Treatment of Prisoners of War",
                    "Third Geneva Convention", "Geneva Convention III",
                    "Convention de Genève relative au traitement des prisonniers de guerre", "Troisième Convention de Genève",
                    "Convenio de Ginebra relativo al trato debido a los prisioneros de guerra", "Tercer Convenio de Ginebra",
                    "Женевск~ конвенци~ об обращении с военнопленными"]),
        CiteInstrument(
            slug: "gc4", name: "Geneva Convention relative to the Protection of Civilian Persons in Time of War",
            abbreviations: ["GCIV"],
            names: ["Geneva Convention relative to the Protection of Civilian Persons in Time of War",
                    "Fourth Geneva Convention", "Geneva Convention IV",
                    "Convention de Genève relative à la protection des personnes civiles en temps de guerre",
                    "Quatrième Convention de Genève",
                    "Convenio de Ginebra relativo a la protección debida a las personas civiles en tiempo de guerra",
                    "Cuarto Convenio de Ginebra",
                    "Женевск~ конвенци~ о защите гражданского населения во время войны"]),
        CiteInstrument(
            slug: "gc-ap1", name: "Protocol Additional to the Geneva Conventions of 12 August 1949, and relating to the Protection of Victims of International Armed Conflicts (Protocol I)",
            abbreviations: ["AP I"],
            names: ["Protocol Additional to the Geneva Conventions of 12 August 1949, and relating to the Protection of Victims of International Armed Conflicts",
                    "Additional Protocol I", "First Additional Protocol", "Protocole additionnel I",
                    "Protocole additionnel aux Conventions de Genève du 12 août 1949 relatif à la protection des victimes des conflits armés internationaux",
                    "Protocolo adicional I", "Protocolo I adicional a los Convenios de Ginebra",
                    "Дополнительн~ протокол~ I"]),
        CiteInstrument(
            slug: "gc-ap2", name: "Protocol Additional to the Geneva Conventions of 12 August 1949, and relating to the Protection of Victims of Non-International Armed Conflicts (Protocol II)",
            abbreviations: ["AP II"],
            names: ["Protocol Additional to the Geneva Conventions of 12 August 1949, and relating to the Protection of Victims of Non-International Armed Conflicts",
                    "Additional Protocol II", "Second Additional Protocol", "Protocole additionnel II",
                    "Protocole additionnel aux Conventions de Genève du 12 août 1949 relatif à la protection des victimes des conflits armés non internationaux",
                    "Protocolo adicional II", "Protocolo II adicional a los Convenios de Ginebra",
                    "Дополнительн~ протокол~ II"]),
        CiteInstrument(
            slug: "gc-ap3", name: "Protocol Additional to the Geneva Conventions of 12 August 1949, and relating to the Adoption of an Additional Distinctive Emblem (Protocol III)",
            abbreviations: ["AP III"],
            names: ["Additional Protocol III", "Third Additional Protocol", "Protocole additionnel III",
                    "Protocolo adicional III", "Дополнительн~ протокол~ III"]),
        CiteInstrument(
            slug: "echr", name: "European Convention on Human Rights",
            abbreviations: ["ECHR", "CEDH", "ЕКПЧ"],
            names: ["European Convention on Human Rights",
                    "Convention for the Protection of Human Rights and Fundamental Freedoms",
                    "European Convention for the Protection of Human Rights and Fundamental Freedoms",
                    "Convention européenne des droits de l'homme",
                    "Convention de sauvegarde des droits de l'homme et des libertés fondamentales",
                    "Convenio Europeo de Derechos Humanos",
                    "Convenio para la Protección de los Derechos Humanos y de las Libertades Fundamentales",
                    "Европейск~ конвенци~ о защите прав человека и основных свобод",
                    "Конвенци~ о защите прав человека и основных свобод"]),
        CiteInstrument(
            slug: "achr", name: "American Convention on Human Rights",
            abbreviations: ["ACHR", "CADH"],
            names: ["American Convention on Human Rights", "Pact of San José", "Pact of San Jose",
                    "Convention américaine relative aux droits de l'homme", "Convención Americana sobre Derechos Humanos",
                    "Pacto de San José", "Американск~ конвенци~ о правах человека"]),
        CiteInstrument(
            slug: "achpr", name: "African Charter on Human and Peoples' Rights",
            abbreviations: ["ACHPR", "CADHP"],
            names: ["African Charter on Human and Peoples' Rights", "Banjul Charter",
                    "Charte africaine des droits de l'homme et des peuples",
                    "Carta Africana de Derechos Humanos y de los Pueblos", "Африканск~ харти~ прав человека и народов"]),
        CiteInstrument(
            slug: "refugee-convention", name: "Convention relating to the Status of Refugees",
            abbreviations: [],
            names: ["Convention relating to the Status of Refugees", "Refugee Convention",
                    "Convention relative au statut des réfugiés", "Convención sobre el Estatuto de los Refugiados",
                    "Конвенци~ о статусе беженцев"]),
        CiteInstrument(
            slug: "genocide-convention", name: "Convention on the Prevention and Punishment of the Crime of Genocide",
            abbreviations: [],
            names: ["Convention on the Prevention and Punishment of the Crime of Genocide", "Genocide Convention",
                    "Convention pour la prévention et la répression du crime de génocide",
                    "Convención para la Prevención y la Sanción del Delito de Genocidio",
                    "Конвенци~ о предупреждении преступления геноцида и наказании за него"]),

        // Generic national instruments: the citing State's own constitution and codes.
        CiteInstrument(
            slug: "constitution", name: "Constitution", abbreviations: [],
            names: ["Constitution", "Constitución", "Constituição", "Конституци~"], national: true),
        CiteInstrument(
            slug: "criminal-code", name: "Criminal Code", abbreviations: [],
            names: ["Criminal Code", "Penal Code", "Code pénal", "Código Penal", "Уголовн~ кодекс~"], national: true),
        CiteInstrument(
            slug: "criminal-procedure-code", name: "Code of Criminal Procedure", abbreviations: [],
            names: ["Code of Criminal Procedure", "Criminal Procedure Code", "Code de procédure pénale",
                    "Código Procesal Penal", "Código de Procedimiento Penal", "Уголовно-процессуальн~ кодекс~"],
            national: true),
        CiteInstrument(
            slug: "civil-code", name: "Civil Code", abbreviations: [],
            names: ["Civil Code", "Code civil", "Código Civil", "Гражданск~ кодекс~"], national: true),
        CiteInstrument(
            slug: "administrative-offences-code", name: "Code of Administrative Offences", abbreviations: [],
            names: ["Code of Administrative Offences", "Code of Administrative Offenses", "Code on Administrative Offences",
                    "Code on Administrative Offenses", "Administrative Code", "Administrative Offences Code",
                    "Code des infractions administratives", "Código de Infracciones Administrativas",
                    "Кодекс~ об административных правонарушениях"], national: true),
        CiteInstrument(
            slug: "labour-code", name: "Labour Code", abbreviations: [],
            names: ["Labour Code", "Labor Code", "Code du travail", "Código del Trabajo", "Трудов~ кодекс~"], national: true),
        CiteInstrument(
            slug: "family-code", name: "Family Code", abbreviations: [],
            names: ["Family Code", "Code de la famille", "Código de Familia", "Семейн~ кодекс~"], national: true),
    ]

    /// The reference each entry resolves to, built once so a match copies no table row.
    static let refs: [CiteInstrumentRef] = all.map { CiteInstrumentRef(name: $0.name, slug: $0.slug, source: "explicit") }

    /// Whether each entry is a generic national instrument.
    static let nationals: [Bool] = all.map(\.national)

    /// Slugs of the table, to tell a table match from a parsed title.
    static let slugs: Set<String> = Set(all.map(\.slug))

    /// Words that stand for "the treaty of that kind mentioned last" when written alone after a
    /// definite article (`of the Convention`), in the four languages, mapped to the English head
    /// word looked for in the canonical names of earlier mentions.
    static let genericHeads: [(word: String, head: String)] = [
        ("Convention", "Convention"), ("Convención", "Convention"), ("Convenio", "Convention"), ("Конвенци~", "Convention"),
        ("Covenant", "Covenant"), ("Pacte", "Covenant"), ("Pacto", "Covenant"), ("Пакт~", "Covenant"),
        ("Charter", "Charter"), ("Charte", "Charter"), ("Carta", "Charter"),
        ("Protocol", "Protocol"), ("Protocole", "Protocol"), ("Protocolo", "Protocol"), ("Протокол~", "Protocol"),
        ("Declaration", "Declaration"), ("Déclaration", "Declaration"), ("Declaración", "Declaration"),
    ]
}
