namespace Infocentre.Loading.Common;

/// <summary>Severity of a finding: an error rejects the line, a warning keeps it.</summary>
public static class Severity
{
    public const string Error = "error";
    public const string Warning = "warning";
}

/// <summary>A data-quality rule of the catalogue documented in docs/loading.md.</summary>
public sealed record DataQualityRule(string Code, string Severity, string Title);

/// <summary>The catalogue of rules the loader applies. Codes are stable: findings are stored with them.</summary>
public static class DataQualityRules
{
    public static readonly DataQualityRule MissingValue = new("DQ-001", Severity.Error, "Valeur obligatoire absente");
    public static readonly DataQualityRule MalformedValue = new("DQ-002", Severity.Error, "Montant, date ou nombre illisible");
    public static readonly DataQualityRule MalformedIdentifier = new("DQ-003", Severity.Error, "Identifiant mal formé (EJ, DP, SIRET, SIREN, RNA, codes Chorus)");
    public static readonly DataQualityRule UnknownReferentialCode = new("DQ-004", Severity.Error, "Code absent du référentiel");
    public static readonly DataQualityRule Duplicate = new("DQ-005", Severity.Error, "Clé naturelle en double dans le fichier");
    public static readonly DataQualityRule Inconsistent = new("DQ-006", Severity.Error, "Codes incohérents entre eux");
    public static readonly DataQualityRule UnbalancedPiece = new("DQ-007", Severity.Error, "Pièce comptable déséquilibrée ou incomplète");
    public static readonly DataQualityRule DateOutsideExercice = new("DQ-010", Severity.Warning, "Date hors de l'exercice");
    public static readonly DataQualityRule PaidAboveEngaged = new("DQ-011", Severity.Warning, "Payé supérieur à l'engagé sur un poste d'EJ");
    public static readonly DataQualityRule MissingSiretOnAssociation = new("DQ-012", Severity.Warning, "Paiement à une association sans SIRET");
    public static readonly DataQualityRule SiretMismatch = new("DQ-013", Severity.Warning, "SIRET différent de celui du tiers");

    public static readonly IReadOnlyList<DataQualityRule> All =
    [
        MissingValue, MalformedValue, MalformedIdentifier, UnknownReferentialCode, Duplicate, Inconsistent, UnbalancedPiece,
        DateOutsideExercice, PaidAboveEngaged, MissingSiretOnAssociation, SiretMismatch,
    ];
}
