namespace Infocentre.Warehouse.ReportingViews;

/// <summary>
/// The destination and management hierarchy joined onto every budget-imputed fact of a reporting view:
/// ministère > mission > programme > BOP > centre financier, and programme > action > domaine fonctionnel.
/// </summary>
public abstract class ImputationColumns
{
    public int Exercice { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? MinistereSigle { get; set; }
    public string? MinistereLibelle { get; set; }
    public string? MissionCode { get; set; }
    public string? MissionLibelle { get; set; }
    public string ProgrammeCode { get; set; } = "";
    public int? ProgrammeNumero { get; set; }
    public string? ProgrammeLibelle { get; set; }
    public string? BopCode { get; set; }
    public string? BopLibelle { get; set; }
    public string CentreFinancierCode { get; set; } = "";
    public string? CentreFinancierLibelle { get; set; }
    public string? Region { get; set; }
    public string? DomaineFonctionnelCode { get; set; }
    public string? DomaineFonctionnelLibelle { get; set; }
    public string? ActionCode { get; set; }
    public string? ActionLibelle { get; set; }
}

/// <summary>Imputation columns plus the référentiel de programmation and société of spending facts.</summary>
public abstract class SpendingColumns : ImputationColumns
{
    public long Id { get; set; }
    public int Periode { get; set; }
    public string? ActiviteCode { get; set; }
    public string? ActiviteLibelle { get; set; }
    public string SocieteCode { get; set; } = "";
    public string? SocieteLibelle { get; set; }
    public string? TiersCode { get; set; }
    public string? TiersRaisonSociale { get; set; }
    public string? TiersSiret { get; set; }
    public string? BrancheCode { get; set; }
    public string? BrancheLibelle { get; set; }
    public string? EjNumero { get; set; }
    public int? EjPoste { get; set; }
    public string? TypeEjCode { get; set; }
    public string? TypeEjLibelle { get; set; }
}
