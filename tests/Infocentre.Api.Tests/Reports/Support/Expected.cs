using Infocentre.Warehouse;

namespace Infocentre.Api.Tests.Reports.Support;

/// <summary>
/// The rows each report of reports/ should return, computed from the fact and dimension tables with plain SQL
/// and LINQ to Objects, following the definitions' documented meaning (not the engine, not the reporting views).
/// A missing code is "#" and a missing number 0 in a dimension, as the definitions document.
/// </summary>
internal static class Expected
{
    public const string NotAssigned = "#";

    /// <summary>The dimensions of each report (its key), or "Ligne" for a report without dimensions.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Keys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["INF-BUD-01"] = ["Ministere", "Mission", "Programme", "ProgrammeLibelle", "Titre"],
        ["INF-BUD-40"] = ["Ministere", "Programme", "ProgrammeLibelle"],
        ["INF-BUD-53"] = ["Programme", "CentreFinancier", "DomaineFonctionnel", "ReferentielProgrammation", "NumeroEj", "PosteEj", "Fournisseur", "FournisseurNom"],
        ["INF-BUD-90"] = ["Ligne"],
        ["INF-CGE-01"] = ["Societe", "Classe", "CompteGeneral", "CompteLibelle"],
        ["INF-DEP-02"] = ["Societe", "PeriodeComptable", "Statut"],
        ["INF-DEP-56"] = ["Societe", "PeriodeComptable", "NatureSousNature"],
        ["INF-REC-05"] = ["Ministere", "Programme", "NatureRecette"],
        ["INF-SUB-01"] = ["Siret", "Beneficiaire", "Branche", "NumeroEj", "Programme", "DomaineFonctionnel", "ReferentielProgrammation", "CentreFinancier", "Societe"],
    };

    /// <summary>Latest exercice of the facts a report reads (its "latest" default).</summary>
    public static async Task<int> LatestExerciceAsync(WarehouseOptions w, string code)
    {
        string[] tables = code switch
        {
            "INF-BUD-01" => ["fact_credit"],
            "INF-BUD-40" or "INF-BUD-53" or "INF-BUD-90" => ["fact_engagement", "fact_service_fait", "fact_demande_paiement"],
            "INF-CGE-01" => ["fact_ecriture_comptable"],
            "INF-DEP-02" or "INF-DEP-56" => ["fact_demande_paiement"],
            "INF-REC-05" => ["fact_titre_perception", "fact_encaissement"],
            "INF-SUB-01" => [],
            _ => throw new ArgumentException(code, nameof(code)),
        };
        if (code == "INF-SUB-01")
        {
            return (await SubsidyLinesAsync(w, null)).Max(l => l.Exercice);
        }

        var max = 0L;
        foreach (var table in tables)
        {
            var rows = await PlainSql.QueryAsync(w, $"SELECT MAX(exercice) AS m FROM {table}");
            max = Math.Max(max, rows[0].Long("m") ?? 0);
        }

        return (int)max;
    }

    public static Task<List<Row>> RowsAsync(WarehouseOptions w, string code, int exercice) => code switch
    {
        "INF-BUD-01" => BudgetCreditsAsync(w, exercice, programme: null),
        "INF-BUD-40" => ConsumptionByProgrammeAsync(w, exercice, ministere: null),
        "INF-BUD-53" => DetailedExecutionAsync(w, exercice, programme: null, centreFinancier: null),
        "INF-BUD-90" => ExecutionSummaryAsync(w, exercice),
        "INF-CGE-01" => TrialBalanceAsync(w, exercice, periode: null),
        "INF-DEP-02" => PaymentsByStatusAsync(w, exercice, statut: null),
        "INF-DEP-56" => PaymentLeadTimeAsync(w, exercice),
        "INF-REC-05" => RevenueOutstandingAsync(w, exercice),
        "INF-SUB-01" => SubsidyPaymentsAsync(w, exercice),
        _ => throw new ArgumentException(code, nameof(code)),
    };

    /// <summary>One line of budget execution from fact_engagement, fact_service_fait or fact_demande_paiement.</summary>
    public sealed record ExecutionLine(
        string Source, string Ministere, string Programme, string? ProgrammeLibelle, string CentreFinancier, string? DomaineFonctionnel,
        string? Activite, string? Ej, long? Poste, string? Tiers, string? TiersNom,
        decimal Engage, decimal Bascule, decimal CertifieNonSolde, decimal PreEnregistre, decimal Facture, decimal Paye);

    /// <summary>
    /// INF-BUD-53's arithmetic straight from the facts: engagé and bascule from fact_engagement; certifié non
    /// soldé = service fait montant where not est_solde; pré-enregistré/facturé/payé = DP montant by statut.
    /// </summary>
    public static async Task<List<ExecutionLine>> ExecutionLinesAsync(WarehouseOptions w, int exercice)
    {
        const string Common = """
            f.ministere_code, f.programme_code, p.libelle AS programme_libelle, f.centre_financier_code,
            f.domaine_fonctionnel_code, f.activite_code, f.ej_numero, f.ej_poste, f.tiers_code, t.raison_sociale
            """;
        const string Joins = """
            LEFT JOIN dim_programme p ON p.code = f.programme_code
            LEFT JOIN dim_tiers t ON t.code = f.tiers_code
            WHERE f.exercice = @exercice
            """;
        var lines = new List<ExecutionLine>();
        ExecutionLine Line(SqlRow r, string source, decimal engage = 0, decimal bascule = 0, decimal cns = 0, decimal pre = 0, decimal fac = 0, decimal pay = 0) =>
            new(source, r.Text("ministere_code")!, r.Text("programme_code")!, r.Text("programme_libelle"), r.Text("centre_financier_code")!,
                r.Text("domaine_fonctionnel_code"), r.Text("activite_code"), r.Text("ej_numero"), r.Long("ej_poste"), r.Text("tiers_code"),
                r.Text("raison_sociale"), engage, bascule, cns, pre, fac, pay);

        foreach (var r in await PlainSql.QueryAsync(w, $"SELECT {Common}, f.montant_engage, f.montant_bascule FROM fact_engagement f {Joins}", ("exercice", exercice)))
        {
            lines.Add(Line(r, "EJ", engage: r.Amount("montant_engage"), bascule: r.Amount("montant_bascule")));
        }

        foreach (var r in await PlainSql.QueryAsync(w, $"SELECT {Common}, f.montant, f.est_solde FROM fact_service_fait f {Joins}", ("exercice", exercice)))
        {
            lines.Add(Line(r, "SF", cns: r.Bool("est_solde") ? 0m : r.Amount("montant")));
        }

        foreach (var r in await PlainSql.QueryAsync(w, $"SELECT {Common}, f.statut, f.montant FROM fact_demande_paiement f {Joins}", ("exercice", exercice)))
        {
            var amount = r.Amount("montant");
            var statut = r.Text("statut");
            lines.Add(Line(r, "DP", pre: statut == "PRE" ? amount : 0m, fac: statut == "FAC" ? amount : 0m, pay: statut == "PAY" ? amount : 0m));
        }

        return lines;
    }

    public static async Task<List<Row>> DetailedExecutionAsync(WarehouseOptions w, int exercice, string? programme, string? centreFinancier)
    {
        var lines = (await ExecutionLinesAsync(w, exercice))
            .Where(l => programme is null || l.Programme == programme)
            .Where(l => centreFinancier is null || l.CentreFinancier == centreFinancier);
        return lines
            .GroupBy(l => (l.Programme, l.CentreFinancier, Df: l.DomaineFonctionnel ?? NotAssigned, Act: l.Activite ?? NotAssigned,
                Ej: l.Ej ?? NotAssigned, Poste: l.Poste ?? 0, Tiers: l.Tiers ?? NotAssigned, Nom: l.TiersNom ?? NotAssigned))
            .Select(g => Make(
                ("Programme", g.Key.Programme), ("CentreFinancier", g.Key.CentreFinancier), ("DomaineFonctionnel", g.Key.Df),
                ("ReferentielProgrammation", g.Key.Act), ("NumeroEj", g.Key.Ej), ("PosteEj", g.Key.Poste),
                ("Fournisseur", g.Key.Tiers), ("FournisseurNom", g.Key.Nom),
                ("MontantEngage", g.Sum(l => l.Engage)), ("BasculeEjNonSoldes", g.Sum(l => l.Bascule)),
                ("CertifieNonSolde", g.Sum(l => l.CertifieNonSolde)), ("PreEnregistre", g.Sum(l => l.PreEnregistre)),
                ("Facture", g.Sum(l => l.Facture)), ("Paye", g.Sum(l => l.Paye)),
                ("Ae", g.Sum(l => l.Engage) - g.Sum(l => l.Bascule)),
                ("Cp", g.Sum(l => l.CertifieNonSolde) + g.Sum(l => l.PreEnregistre) + g.Sum(l => l.Facture) + g.Sum(l => l.Paye))))
            .ToList();
    }

    public static async Task<List<Row>> ConsumptionByProgrammeAsync(WarehouseOptions w, int exercice, string? ministere) =>
        (await ExecutionLinesAsync(w, exercice))
            .Where(l => ministere is null || l.Ministere == ministere)
            .GroupBy(l => (l.Ministere, l.Programme, Libelle: l.ProgrammeLibelle ?? NotAssigned))
            .Select(g => Make(
                ("Ministere", g.Key.Ministere), ("Programme", g.Key.Programme), ("ProgrammeLibelle", g.Key.Libelle),
                ("MontantEngage", g.Sum(l => l.Engage)), ("Bascule", g.Sum(l => l.Bascule)),
                ("CertifieNonSolde", g.Sum(l => l.CertifieNonSolde)), ("PreEnregistre", g.Sum(l => l.PreEnregistre)),
                ("Facture", g.Sum(l => l.Facture)), ("Paye", g.Sum(l => l.Paye)),
                ("AeConsommees", g.Sum(l => l.Engage - l.Bascule)),
                ("CpConsommes", g.Sum(l => l.CertifieNonSolde + l.PreEnregistre + l.Facture + l.Paye))))
            .ToList();

    public static async Task<List<Row>> ExecutionSummaryAsync(WarehouseOptions w, int exercice)
    {
        var lines = await ExecutionLinesAsync(w, exercice);
        return
        [
            Make(
                ("Ligne", 1), ("MontantEngage", lines.Sum(l => l.Engage)), ("Bascule", lines.Sum(l => l.Bascule)),
                ("Paye", lines.Sum(l => l.Paye)), ("CertifieNonSolde", lines.Sum(l => l.CertifieNonSolde)),
                // "Nombre d'EJ": distinct EJ numbers; a DP without EJ is not an EJ.
                ("NombreEj", lines.Where(l => l.Ej is not null).Select(l => l.Ej).Distinct(StringComparer.Ordinal).Count()),
                ("AeConsommees", lines.Sum(l => l.Engage) - lines.Sum(l => l.Bascule))),
        ];
    }

    public static async Task<List<Row>> BudgetCreditsAsync(WarehouseOptions w, int exercice, string? programme)
    {
        var rows = await PlainSql.QueryAsync(w, """
            SELECT f.ministere_code, mi.libelle AS mission_libelle, f.programme_code, p.libelle AS programme_libelle, c.titre,
                   f.ae_lfi, f.cp_lfi, f.ae_ouverts, f.cp_ouverts, f.ae_mis_a_disposition, f.cp_mis_a_disposition
            FROM fact_credit f
            LEFT JOIN dim_programme p ON p.code = f.programme_code
            LEFT JOIN dim_mission mi ON mi.code = p.mission_code
            LEFT JOIN dim_categorie_lolf c ON c.code = f.categorie_code
            WHERE f.exercice = @exercice
            """, ("exercice", exercice));
        return rows
            .Where(r => programme is null || r.Text("programme_code") == programme)
            .GroupBy(r => (M: r.Text("ministere_code")!, Mi: r.Text("mission_libelle") ?? NotAssigned, P: r.Text("programme_code")!,
                L: r.Text("programme_libelle") ?? NotAssigned, T: r.Long("titre") ?? 0))
            .Select(g => Make(
                ("Ministere", g.Key.M), ("Mission", g.Key.Mi), ("Programme", g.Key.P), ("ProgrammeLibelle", g.Key.L), ("Titre", g.Key.T),
                ("AeLfi", g.Sum(r => r.Amount("ae_lfi"))), ("CpLfi", g.Sum(r => r.Amount("cp_lfi"))),
                ("AeOuverts", g.Sum(r => r.Amount("ae_ouverts"))), ("CpOuverts", g.Sum(r => r.Amount("cp_ouverts"))),
                ("AeMisADisposition", g.Sum(r => r.Amount("ae_mis_a_disposition"))), ("CpMisADisposition", g.Sum(r => r.Amount("cp_mis_a_disposition")))))
            .ToList();
    }

    public static async Task<List<Row>> TrialBalanceAsync(WarehouseOptions w, int exercice, int? periode)
    {
        var rows = await PlainSql.QueryAsync(w, """
            SELECT f.societe_code, cg.classe, f.compte_general_code, cg.libelle, f.periode, f.type_operation, f.debit, f.credit
            FROM fact_ecriture_comptable f
            LEFT JOIN dim_compte_general cg ON cg.code = f.compte_general_code
            WHERE f.exercice = @exercice
            """, ("exercice", exercice));
        decimal Sum(IEnumerable<SqlRow> lines, string type, string side) => lines.Where(r => r.Text("type_operation") == type).Sum(r => r.Amount(side));
        return rows
            .Where(r => periode is null || r.Long("periode") <= periode)
            .GroupBy(r => (S: r.Text("societe_code")!, C: r.Text("classe") ?? NotAssigned, G: r.Text("compte_general_code")!, L: r.Text("libelle") ?? NotAssigned))
            .Select(g =>
            {
                var debit = g.Sum(r => r.Amount("debit"));
                var credit = g.Sum(r => r.Amount("credit"));
                return Make(
                    ("Societe", g.Key.S), ("Classe", g.Key.C), ("CompteGeneral", g.Key.G), ("CompteLibelle", g.Key.L),
                    ("BalanceEntreeDebit", Sum(g, "OUV", "debit")), ("BalanceEntreeCredit", Sum(g, "OUV", "credit")),
                    ("GestionDebit", Sum(g, "GES", "debit")), ("GestionCredit", Sum(g, "GES", "credit")),
                    ("FinGestionDebit", Sum(g, "INV", "debit")), ("FinGestionCredit", Sum(g, "INV", "credit")),
                    ("TotalDebit", debit), ("TotalCredit", credit),
                    ("SoldeDebiteur", debit > credit ? debit - credit : 0m), ("SoldeCrediteur", credit > debit ? credit - debit : 0m));
            })
            .ToList();
    }

    public static async Task<List<Row>> PaymentsByStatusAsync(WarehouseOptions w, int exercice, string? statut)
    {
        var rows = await PlainSql.QueryAsync(w,
            "SELECT societe_code, periode, statut, montant FROM fact_demande_paiement WHERE exercice = @exercice", ("exercice", exercice));
        return rows
            .Where(r => statut is null || r.Text("statut") == statut)
            .GroupBy(r => (S: r.Text("societe_code")!, P: r.Long("periode")!.Value, St: r.Text("statut")!))
            .Select(g => Make(
                ("Societe", g.Key.S), ("PeriodeComptable", g.Key.P), ("Statut", g.Key.St),
                ("NombrePostes", g.Count()), ("Montant", g.Sum(r => r.Amount("montant")))))
            .ToList();
    }

    public static async Task<List<Row>> PaymentLeadTimeAsync(WarehouseOptions w, int exercice)
    {
        var rows = await PlainSql.QueryAsync(w, """
            SELECT societe_code, periode, nature_dp_code, dp_numero, montant, delai_paiement_jours
            FROM fact_demande_paiement WHERE exercice = @exercice AND statut = 'PAY'
            """, ("exercice", exercice));
        return rows
            .GroupBy(r => (S: r.Text("societe_code")!, P: r.Long("periode")!.Value, N: r.Text("nature_dp_code")!))
            .Select(g =>
            {
                var delays = g.Select(r => r.Long("delai_paiement_jours")).Where(d => d is not null).Select(d => (decimal)d!.Value).ToList();
                return Make(
                    ("Societe", g.Key.S), ("PeriodeComptable", g.Key.P), ("NatureSousNature", g.Key.N),
                    ("NombreDp", g.Select(r => r.Text("dp_numero")).Distinct(StringComparer.Ordinal).Count()),
                    ("MontantDp", g.Sum(r => r.Amount("montant"))),
                    ("DelaiGlobalPaiement", delays.Count == 0 ? null : delays.Sum() / delays.Count),
                    ("DelaiMaximum", delays.Count == 0 ? null : delays.Max()));
            })
            .ToList();
    }

    public static async Task<List<Row>> RevenueOutstandingAsync(WarehouseOptions w, int exercice)
    {
        var titres = await PlainSql.QueryAsync(w, """
            SELECT ministere_code, programme_code, nature_recette_code, montant_emis, montant_annule, 0 AS montant
            FROM fact_titre_perception WHERE exercice = @exercice
            """, ("exercice", exercice));
        var encaissements = await PlainSql.QueryAsync(w, """
            SELECT ministere_code, programme_code, nature_recette_code, 0 AS montant_emis, 0 AS montant_annule, montant
            FROM fact_encaissement WHERE exercice = @exercice
            """, ("exercice", exercice));
        return titres.Concat(encaissements)
            .GroupBy(r => (M: r.Text("ministere_code")!, P: r.Text("programme_code")!, N: r.Text("nature_recette_code")!))
            .Select(g =>
            {
                var emis = g.Sum(r => r.Amount("montant_emis"));
                var annule = g.Sum(r => r.Amount("montant_annule"));
                var encaisse = g.Sum(r => r.Amount("montant"));
                return Make(
                    ("Ministere", g.Key.M), ("Programme", g.Key.P), ("NatureRecette", g.Key.N),
                    ("MontantEmis", emis), ("MontantAnnule", annule), ("MontantEncaisse", encaisse),
                    ("ResteARecouvrer", emis - annule - encaisse),
                    ("TauxRecouvrement", emis - annule == 0 ? null : encaisse / (emis - annule)));
            })
            .ToList();
    }

    public sealed record SubsidyLine(
        int Exercice, string? Siret, string? Beneficiaire, string? Branche, string? Ej, string Programme, string? Df, string? Activite,
        string CentreFinancier, string Societe, string Dp, decimal Montant, string Date);

    /// <summary>Paid DP lines whose tiers' branch is accepted by Data.Subvention (dim_branche_tiers.est_subventionnable).</summary>
    public static async Task<List<SubsidyLine>> SubsidyLinesAsync(WarehouseOptions w, int? exercice)
    {
        var rows = await PlainSql.QueryAsync(w, """
            SELECT f.exercice, t.siret, t.raison_sociale, t.branche_code, f.ej_numero, f.programme_code, f.domaine_fonctionnel_code,
                   f.activite_code, f.centre_financier_code, f.societe_code, f.dp_numero, f.montant, f.date_derniere_operation,
                   br.est_subventionnable
            FROM fact_demande_paiement f
            JOIN dim_tiers t ON t.code = f.tiers_code
            JOIN dim_branche_tiers br ON br.code = t.branche_code
            WHERE f.statut = 'PAY'
            """);
        return rows
            .Where(r => r.Bool("est_subventionnable"))
            .Select(r => new SubsidyLine(
                (int)r.Long("exercice")!.Value, r.Text("siret"), r.Text("raison_sociale"), r.Text("branche_code"), r.Text("ej_numero"),
                r.Text("programme_code")!, r.Text("domaine_fonctionnel_code"), r.Text("activite_code"), r.Text("centre_financier_code")!,
                r.Text("societe_code")!, r.Text("dp_numero")!, r.Amount("montant"), r.Date("date_derniere_operation")!))
            .Where(l => exercice is null || l.Exercice == exercice)
            .ToList();
    }

    public static async Task<List<Row>> SubsidyPaymentsAsync(WarehouseOptions w, int exercice) =>
        (await SubsidyLinesAsync(w, exercice))
            .GroupBy(l => (Siret: l.Siret ?? NotAssigned, Nom: l.Beneficiaire ?? NotAssigned, Br: l.Branche ?? NotAssigned, Ej: l.Ej ?? NotAssigned,
                l.Programme, Df: l.Df ?? NotAssigned, Act: l.Activite ?? NotAssigned, l.CentreFinancier, l.Societe))
            .Select(g => Make(
                ("Siret", g.Key.Siret), ("Beneficiaire", g.Key.Nom), ("Branche", g.Key.Br), ("NumeroEj", g.Key.Ej),
                ("Programme", g.Key.Programme), ("DomaineFonctionnel", g.Key.Df), ("ReferentielProgrammation", g.Key.Act),
                ("CentreFinancier", g.Key.CentreFinancier), ("Societe", g.Key.Societe),
                ("MontantPaye", g.Sum(l => l.Montant)), ("NombreDp", g.Select(l => l.Dp).Distinct(StringComparer.Ordinal).Count()),
                ("DernierPaiement", g.Max(l => l.Date))))
            .ToList();

    public static Row Make(params (string Name, object? Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));
}
