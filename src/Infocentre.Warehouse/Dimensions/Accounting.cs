namespace Infocentre.Warehouse.Dimensions;

/// <summary>Compte général of the plan comptable de l'État (10 digits); <see cref="Classe"/> is its first digit.</summary>
public sealed class CompteGeneral
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string Classe { get; set; }
    /// <summary>BILAN or RESULTAT: the financial statement the account feeds.</summary>
    public string? Etat { get; set; }
    /// <summary>ACTIF or PASSIF (bilan), CHARGES or PRODUITS (compte de résultat).</summary>
    public string? Rubrique { get; set; }
    /// <summary>Poste of the State balance sheet or income statement ("Actif immobilisé", "Charges de fonctionnement nettes").</summary>
    public string? Poste { get; set; }
    public string? SousPoste { get; set; }
    /// <summary>Fixed-asset class of a class-2 account (incorporelles, corporelles, en cours); null elsewhere.</summary>
    public string? ClasseImmobilisation { get; set; }
}

/// <summary>Société (entité comptable, 4 characters) and the region Data.Subvention attaches to it.</summary>
public sealed class Societe
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string Region { get; set; }
}

/// <summary>Calendar day with its exercice and période comptable.</summary>
public sealed class Calendrier
{
    public DateOnly Date { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public int Trimestre { get; set; }
    public int JourSemaine { get; set; }
}
