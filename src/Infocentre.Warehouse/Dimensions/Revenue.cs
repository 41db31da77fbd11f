namespace Infocentre.Warehouse.Dimensions;

/// <summary>Client / débiteur of non-tax revenue.</summary>
public sealed class Client
{
    public required string Code { get; set; }
    public required string Nom { get; set; }
    public string? Siret { get; set; }
    /// <summary>Particulier, Entreprise, Collectivité, Organisme public.</summary>
    public required string Categorie { get; set; }
    /// <summary>Département of the débiteur's address ("075"), for revenue by département.</summary>
    public string? Departement { get; set; }
}

/// <summary>Nature of a non-tax revenue (amendes, redevances, produits de cession...).</summary>
public sealed class NatureRecette
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
}
