namespace Sessions.Admin.Generation;

/// <summary>Words and sentence frames per language; sessions are assembled from them, so texts vary without a corpus.</summary>
internal sealed record PhraseBank(
    string Code, string System, string[] Openers, string[] Subjects, string[] Asks, string[] Details, string[] Answers, string[] Closers)
{
    public static readonly IReadOnlyDictionary<string, PhraseBank> ByLanguage = new Dictionary<string, PhraseBank>
    {
        ["en"] = new("en", "You are a helpful support assistant for Acme Cloud customers.",
            ["Hi,", "Hello,", "Quick question:", "Good morning,", "Sorry to bother you,", "One more thing:"],
            ["my invoice", "the storage quota", "the backup schedule", "our team account", "the API key", "the monthly plan", "the mobile app", "the password reset", "the data export", "the regional pricing"],
            ["why did {0} change", "how do I update {0}", "can you explain {0}", "what happened to {0}", "is there a limit on {0}", "who can see {0}"],
            ["since last Tuesday", "for the finance team", "before the end of the month", "on the second workspace", "after the last update", "for our new office"],
            ["You can change {0} under Settings, then Account; the change applies within a few minutes and is logged for your admins.",
             "I checked {0}: it follows the plan you chose in March, and the details page lists every line item with its date.",
             "{0} is limited per workspace; owners can raise the limit from the Billing page, and we email a receipt when it changes.",
             "For {0} there is a step-by-step guide in the help center; if the button is missing, your role may not allow it yet."],
            ["Thanks, that helps.", "Great, I will try that now.", "Perfect, thank you for the quick answer.", "Understood, thanks a lot."]),
        ["de"] = new("de", "Du bist ein hilfreicher Support-Assistent für Kunden von Acme Cloud.",
            ["Hallo,", "Guten Tag,", "Kurze Frage:", "Entschuldigung,", "Noch etwas:"],
            ["meine Rechnung", "das Speicherkontingent", "der Sicherungsplan", "unser Teamkonto", "der API-Schlüssel", "der Monatstarif", "die mobile App", "der Datenexport"],
            ["warum hat sich {0} geändert", "wie aktualisiere ich {0}", "können Sie {0} erklären", "was ist mit {0} passiert", "gibt es ein Limit für {0}"],
            ["seit letztem Dienstag", "für die Buchhaltung", "vor Monatsende", "im zweiten Arbeitsbereich", "nach dem letzten Update"],
            ["Sie können {0} unter Einstellungen und dann Konto ändern; die Änderung gilt nach wenigen Minuten und wird protokolliert.",
             "Ich habe {0} geprüft: Es folgt dem Tarif, den Sie im März gewählt haben, und die Detailseite listet jede Position auf.",
             "Für {0} gibt es eine Schritt-für-Schritt-Anleitung im Hilfecenter; fehlt die Schaltfläche, erlaubt Ihre Rolle es noch nicht."],
            ["Danke, das hilft.", "Super, ich probiere es gleich aus.", "Vielen Dank für die schnelle Antwort."]),
        ["fr"] = new("fr", "Tu es un assistant d'assistance serviable pour les clients d'Acme Cloud.",
            ["Bonjour,", "Salut,", "Petite question :", "Excusez-moi,", "Autre chose :"],
            ["ma facture", "le quota de stockage", "le plan de sauvegarde", "notre compte d'équipe", "la clé API", "l'abonnement mensuel", "l'application mobile", "l'export des données"],
            ["pourquoi {0} a changé", "comment mettre à jour {0}", "pouvez-vous expliquer {0}", "qu'est-il arrivé à {0}", "y a-t-il une limite pour {0}"],
            ["depuis mardi dernier", "pour l'équipe financière", "avant la fin du mois", "dans le deuxième espace", "après la dernière mise à jour"],
            ["Vous pouvez modifier {0} dans Paramètres, puis Compte ; le changement s'applique en quelques minutes et il est journalisé.",
             "J'ai vérifié {0} : il suit l'offre choisie en mars, et la page de détails liste chaque ligne avec sa date.",
             "Pour {0}, un guide pas à pas existe dans le centre d'aide ; si le bouton manque, votre rôle ne le permet pas encore."],
            ["Merci, cela m'aide.", "Parfait, je vais essayer.", "Merci beaucoup pour la réponse rapide."]),
        ["es"] = new("es", "Eres un asistente de soporte útil para los clientes de Acme Cloud.",
            ["Hola,", "Buenos días,", "Una pregunta rápida:", "Perdón,", "Otra cosa:"],
            ["mi factura", "la cuota de almacenamiento", "el plan de copias", "nuestra cuenta de equipo", "la clave de la API", "el plan mensual", "la aplicación móvil", "la exportación de datos"],
            ["por qué cambió {0}", "cómo actualizo {0}", "puede explicar {0}", "qué pasó con {0}", "hay un límite para {0}"],
            ["desde el martes pasado", "para el equipo de finanzas", "antes de fin de mes", "en el segundo espacio", "después de la última actualización"],
            ["Puede cambiar {0} en Configuración y luego Cuenta; el cambio se aplica en unos minutos y queda registrado.",
             "Revisé {0}: sigue el plan que eligió en marzo, y la página de detalles muestra cada concepto con su fecha.",
             "Para {0} hay una guía paso a paso en el centro de ayuda; si falta el botón, su rol todavía no lo permite."],
            ["Gracias, me ayuda.", "Perfecto, lo pruebo ahora.", "Muchas gracias por la respuesta rápida."]),
    };
}
