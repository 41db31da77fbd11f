namespace Infocentre.Warehouse.Dimensions;

/// <summary>Ministère, as in the Chorus referential ("MIN10", sigle "MINJU").</summary>
public sealed class Ministere
{
    public required string Code { get; set; }
    public required string Sigle { get; set; }
    public required string Libelle { get; set; }
}

/// <summary>LOLF mission (two-letter code of the budget open data).</summary>
public sealed class Mission
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
}

/// <summary>LOLF programme, keyed by its Chorus code ("0163"); <see cref="Numero"/> is the LOLF number (163).</summary>
public sealed class Programme
{
    public required string Code { get; set; }
    public int Numero { get; set; }
    public required string Libelle { get; set; }
    public required string MissionCode { get; set; }
    public required string MinistereCode { get; set; }
}

/// <summary>Domaine fonctionnel: an action ("0163-01") or a sous-action ("0163-01-02") of a programme.</summary>
public sealed class DomaineFonctionnel
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string ProgrammeCode { get; set; }
    /// <summary>The action this DF belongs to (itself for an action).</summary>
    public required string ActionCode { get; set; }
    public bool EstSousAction { get; set; }
}

/// <summary>Budget opérationnel de programme ("0354-CDMA").</summary>
public sealed class Bop
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string ProgrammeCode { get; set; }
}

/// <summary>Centre financier "PPPP-BBBB-UUUU": programme, BOP, unité opérationnelle.</summary>
public sealed class CentreFinancier
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string BopCode { get; set; }
    public required string Region { get; set; }
}

/// <summary>Activité of the référentiel de programmation (12 digits: programme, OS, OP, OB, activité).</summary>
public sealed class Activite
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string OperationStrategiqueCode { get; set; }
    public required string OperationProgrammeeCode { get; set; }
    public required string OperationBudgeteeCode { get; set; }
    /// <summary>"D" for spending, "R" for revenue.</summary>
    public required string Sens { get; set; }
}

/// <summary>LOLF catégorie ("31") with its titre (3).</summary>
public sealed class CategorieLolf
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public int Titre { get; set; }
    public required string TitreLibelle { get; set; }
}

/// <summary>Compte budgétaire ("64" Transferts aux autres collectivités).</summary>
public sealed class CompteBudgetaire
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string CategorieCode { get; set; }
}
