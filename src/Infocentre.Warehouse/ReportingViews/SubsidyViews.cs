namespace Infocentre.Warehouse.ReportingViews;

/// <summary>
/// v_suivi_subvention: the life of a subsidy in one set, keyed (Source, Id). DEM lines are applications (montant
/// demandé, accordé), ECH lines the yearly échéancier of granted ones (montant prévu), DP lines the paid DP
/// lines on ZSUB EJs to accepted branches (montant versé, the rows of v_versement_subvention on a ZSUB EJ).
/// ECH and DP lines carry the attributes of the application of their EJ ("#" in reports when there is none).
/// </summary>
public sealed class SubsidyFollowUpView
{
    /// <summary>DEM, ECH or DP.</summary>
    public string Source { get; set; } = "";
    public long Id { get; set; }
    public int Exercice { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? MinistereSigle { get; set; }
    public string ProgrammeCode { get; set; } = "";
    public string? ProgrammeLibelle { get; set; }
    public string? ActiviteCode { get; set; }
    public string? ActiviteLibelle { get; set; }
    public string TiersCode { get; set; } = "";
    public string? TiersRaisonSociale { get; set; }
    public string? TiersSiret { get; set; }
    public string? TiersSiren { get; set; }
    public string? BrancheCode { get; set; }
    public string? EjNumero { get; set; }
    /// <summary>Budgetary year of the application (of the EJ's application on ECH and DP lines).</summary>
    public int? ExerciceDemande { get; set; }
    public string? DemandeNumero { get; set; }
    public string? SourceDemande { get; set; }
    public string? StatutDemande { get; set; }
    public string? Objet { get; set; }
    public int? AnneeDebut { get; set; }
    public int? AnneeFin { get; set; }
    /// <summary>Oui when the échéancier spans several exercices.</summary>
    public string? Pluriannuelle { get; set; }
    public DateOnly? DateConvention { get; set; }
    /// <summary>Signée or Absente.</summary>
    public string? Convention { get; set; }
    /// <summary>Oui when the granted amount per year exceeds 23,000 € (a convention is then mandatory).</summary>
    public string? AuDelaSeuilConvention { get; set; }
    public decimal MontantDemande { get; set; }
    public decimal MontantAccorde { get; set; }
    public decimal MontantPrevu { get; set; }
    public decimal MontantVerse { get; set; }
}

/// <summary>v_versement_fonds_europeens: FSE+ and FEDER payments outside the State budget ("2. Extraction FEHBE").</summary>
public sealed class EuropeanFundPaymentView
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? MinistereSigle { get; set; }
    public string? ProgrammeCode { get; set; }
    public string Fonds { get; set; } = "";
    public string SocieteCode { get; set; } = "";
    public string? SocieteLibelle { get; set; }
    public string? SocieteRegion { get; set; }
    public string CentreFinancierCode { get; set; } = "";
    public string CentreFinancierLibelle { get; set; } = "";
    public string DomaineFonctionnelCode { get; set; } = "";
    public string DomaineFonctionnelLibelle { get; set; } = "";
    public string EjNumero { get; set; } = "";
    public int EjPoste { get; set; }
    public string DpNumero { get; set; } = "";
    public int DpPoste { get; set; }
    public string TiersCode { get; set; } = "";
    public string? TiersRaisonSociale { get; set; }
    public string? TiersSiret { get; set; }
    public string? TiersSiren { get; set; }
    public string? TiersIdentifiantType { get; set; }
    public string? BrancheCode { get; set; }
    public string? TiersCommune { get; set; }
    public string? TiersDepartement { get; set; }
    public DateOnly DateOperation { get; set; }
    public decimal MontantPaye { get; set; }
}
