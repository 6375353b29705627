/// The formulas of diplomatic correspondence, per language, as data.
///
/// Matching is on lower-cased block text; a block "contains" a formula anywhere, or "starts
/// with" it after leading markup has been stripped.
enum Phrases {
    /// Third-person openings of a note verbale.
    static let noteOpenings = [
        "presents its compliments", "present their compliments", "presents his compliments",
        "présente ses compliments", "présentent leurs compliments", "presente ses compliments",
        "saluda atentamente", "saluda muy atentamente", "presenta sus saludos", "presenta sus atentos saludos",
        "свидетельствует свое уважение", "свидетельствует своё уважение",
    ]
    /// Closing courtesy of a note verbale.
    static let noteClosings = [
        "avails itself of this opportunity", "avail themselves of this opportunity", "takes this opportunity to renew",
        "avails itself of the opportunity", "saisit cette occasion", "saisit l'occasion", "saisit l’occasion",
        "aprovecha la oportunidad", "aprovecha esta oportunidad", "aprovecha la ocasión",
        "пользуется случаем", "пользуется этой возможностью",
    ]
    /// Openings of a letter's closing and signature.
    static let letterClosings = [
        "respectfully", "sincerely", "yours sincerely", "yours faithfully", "yours truly", "very truly yours",
        "with highest consideration", "with best regards", "best regards", "kind regards", "please accept",
        "accept, excellency", "accept, sir", "veuillez agréer", "je vous prie d'agréer", "je vous prie d’agréer",
        "veuillez accepter", "atentamente", "cordialmente", "le saluda", "reciba", "с уважением", "примите",
    ]
    /// Salutations that open a letter.
    static let salutations = [
        "dear ", "excellency", "your excellency", "sir,", "madam,", "sir/madam", "monsieur", "madame",
        "excelentísimo", "excelentísima", "estimado", "estimada", "señor", "señora", "уважаемый", "уважаемая",
    ]
    /// First-person phrases that mark a letter rather than a note.
    static let firstPerson = [
        "i write", "i have the honour", "i have the honor", "i am writing", "i would like", "i wish to",
        "i note", "i refer", "j'ai l'honneur", "j’ai l’honneur", "je vous", "tengo el honor", "me dirijo",
        "имею честь", "я хотел",
    ]
    /// Labels of an enclosed document.
    static let annexLabels = ["annex", "annexe", "anexo", "enclosure", "attachment", "appendix", "приложение"]
    /// Labels that open a response to a numbered question.
    static let responseLabels = ["response", "answer", "reply", "réponse", "respuesta", "ответ"]
    /// Labels that open a numbered question.
    static let questionLabels = ["questions", "question", "preguntas", "pregunta", "вопросы", "вопрос"]

    static func containsAny(_ text: String, _ phrases: [String]) -> Bool {
        phrases.contains { text.contains($0) }
    }

    static func startsWithAny(_ text: String, _ phrases: [String]) -> Bool {
        phrases.contains { text.hasPrefix($0) }
    }
}
