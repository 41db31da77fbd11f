namespace Infocentre.Warehouse.ReportingViews;

/// <summary>
/// v_constat_chargement: one row per data-quality finding of a load (load_finding joined to its load_run), with
/// the French title of its rule. Not ministry data (a finding can quote any line of an extract): the source is
/// restricted to the loader and admin roles. Key: Id.
/// </summary>
public sealed class LoadFindingView
{
    public long Id { get; set; }
    public long ChargementId { get; set; }
    public string Fichier { get; set; } = "";
    public string TypeExtrait { get; set; } = "";
    /// <summary>succeeded, failed, refused or running.</summary>
    public string StatutChargement { get; set; } = "";
    public DateOnly DateChargement { get; set; }
    public string LancePar { get; set; } = "";
    public string RegleCode { get; set; } = "";
    /// <summary>error (line rejected) or warning (line loaded).</summary>
    public string Gravite { get; set; } = "";
    public string RegleLibelle { get; set; } = "";
    /// <summary>Line of the file; null for a finding about a group of lines (paid above engaged on an EJ line).</summary>
    public long? Ligne { get; set; }
    public string? Colonne { get; set; }
    public string? Valeur { get; set; }
    public string Message { get; set; } = "";
}

/// <summary>
/// The French titles of the data-quality rules of the loader (Infocentre.Loading's DataQualityRules, which a
/// test keeps equal to this list), for the findings view.
/// </summary>
public static class DataQualityRuleTitles
{
    public static readonly IReadOnlyList<(string Code, string Title)> All =
    [
        ("DQ-001", "Valeur obligatoire absente"),
        ("DQ-002", "Montant, date ou nombre illisible"),
        ("DQ-003", "Identifiant mal formé (EJ, DP, SIRET, SIREN, RNA, codes Chorus)"),
        ("DQ-004", "Code absent du référentiel"),
        ("DQ-005", "Clé naturelle en double dans le fichier"),
        ("DQ-006", "Codes incohérents entre eux"),
        ("DQ-007", "Pièce comptable déséquilibrée ou incomplète"),
        ("DQ-010", "Date hors de l'exercice"),
        ("DQ-011", "Payé supérieur à l'engagé sur un poste d'EJ"),
        ("DQ-012", "Paiement à une association sans SIRET"),
        ("DQ-013", "SIRET différent de celui du tiers"),
    ];
}
