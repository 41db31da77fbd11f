namespace Infocentre.Warehouse.Dimensions;

/// <summary>Centre de coûts (10 characters; the last three are the département).</summary>
public sealed class CentreCouts
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string MinistereCode { get; set; }
    public required string Departement { get; set; }
}

/// <summary>Groupe de marchandises "NN.NN.NN".</summary>
public sealed class GroupeMarchandises
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
}

/// <summary>Localisation interministérielle ("N1175" Paris).</summary>
public sealed class Localisation
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string Departement { get; set; }
    public required string Region { get; set; }
}

/// <summary>Branche of a tiers ("Z039" Associations); <see cref="EstSubventionnable"/> marks the branches Data.Subvention accepts.</summary>
public sealed class BrancheTiers
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public bool EstSubventionnable { get; set; }
}

/// <summary>Tiers (supplier or beneficiary, 10 digits) with its SIRET ("Code taxe 1") and, for associations, RNA.</summary>
public sealed class Tiers
{
    public required string Code { get; set; }
    public required string RaisonSociale { get; set; }
    public string? Siret { get; set; }
    public string? Siren { get; set; }
    public string? Rna { get; set; }
    public required string BrancheCode { get; set; }
    public required string CategorieJuridique { get; set; }
    public required string Commune { get; set; }
    public required string Departement { get; set; }
    /// <summary>SIRENE état administratif: "A" active, "F" closed.</summary>
    public required string EtatAdministratif { get; set; }
    /// <summary>NIC: the last 5 digits of the SIRET (the establishment within the SIREN); null without SIRET.</summary>
    public string? Nic { get; set; }
    /// <summary>What identifies the beneficiary in the Chorus extract: SIRET, RIDET (New Caledonia), TAHITI (French Polynesia) or "#" (none).</summary>
    public string IdentifiantType { get; set; } = "#";
    /// <summary>"No TVA 3 (COM-RIDET ou TAHITI)": the overseas identifier when there is no SIRET.</summary>
    public string? RidetTahiti { get; set; }
    /// <summary>Quartier prioritaire de la politique de la ville of the beneficiary's address ("QP093012"); null outside any QPV.</summary>
    public string? QpvCode { get; set; }
    public string? QpvLibelle { get; set; }
}

/// <summary>Type d'EJ ("ZSUB" Subventions, "ZMBC" Marché à BDC...).</summary>
public sealed class TypeEj
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
}

/// <summary>Type de montant of budget accounting (100 Original, 150 Modification...).</summary>
public sealed class TypeMontant
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
}

/// <summary>Nature / sous-nature of a DP ("4.1" Subventions aux ménages).</summary>
public sealed class NatureDp
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
}
