namespace Infocentre.Warehouse.Dimensions;

/// <summary>Compte général of the plan comptable de l'État (10 digits); <see cref="Classe"/> is its first digit.</summary>
public sealed class CompteGeneral
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string Classe { get; set; }
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
