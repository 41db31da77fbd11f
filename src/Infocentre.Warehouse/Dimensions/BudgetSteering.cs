namespace Infocentre.Warehouse.Dimensions;

/// <summary>Type of credit movement, with its nature: OUVERTURE (changes the crédits ouverts), RESERVE or MAD.</summary>
public sealed class TypeMouvementCredit
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string Nature { get; set; }
}

/// <summary>Fonds de concours or attribution de produits ("1-2-00452"), with the European fund it carries, if any.</summary>
public sealed class Fonds
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    /// <summary>FDC (fonds de concours) or ADP (attribution de produits).</summary>
    public required string Nature { get; set; }
    /// <summary>FEDER, FSE+, FEADER, FEAMPA; null for a national fonds.</summary>
    public string? FondsEuropeen { get; set; }
    /// <summary>EU share of the operations it co-finances, in percent; null for a national fonds.</summary>
    public decimal? TauxCofinancement { get; set; }
}

/// <summary>Analytical axes attached to an activité: axe ministériel 1 and 2, projet analytique, CPER axis if any.</summary>
public sealed class AxeAnalytique
{
    public required string ActiviteCode { get; set; }
    public required string AxeMinisteriel1 { get; set; }
    public required string AxeMinisteriel2 { get; set; }
    public required string ProjetAnalytique { get; set; }
    /// <summary>Contrat de plan État-région operation ("CPER-2021-27-MOB"); null outside CPER.</summary>
    public string? CperCode { get; set; }
    public string? CperAxe { get; set; }
}
