namespace Infocentre.Warehouse.Facts;

/// <summary>
/// A subsidy application (Data.Subvention's "ApplicationFlat"): what was asked, through which source and
/// dispositif (the activité of the référentiel de programmation), what was decided, and for a granted one the
/// ZSUB EJ that carries it and its convention. Key of the grant for payments: <see cref="EjNumero"/>.
/// </summary>
public sealed class SubsidyApplication
{
    public long Id { get; set; }
    /// <summary>Budgetary year of the application (the year of the decision or, pending, of the deposit).</summary>
    public int Exercice { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string DemandeNumero { get; set; }
    /// <summary>Dispositif: the activité (12 digits) of the référentiel de programmation the application is made under.</summary>
    public required string ActiviteCode { get; set; }
    public required string TiersCode { get; set; }
    /// <summary>Information system the application came from (Dauphin, Osiris, Démarches simplifiées, Fonjep, Subventia).</summary>
    public required string SourceDemande { get; set; }
    /// <summary>En instruction, Inéligible, Accordé or Refusé.</summary>
    public required string Statut { get; set; }
    public required string Objet { get; set; }
    public DateOnly DateDepot { get; set; }
    public DateOnly? DateDecision { get; set; }
    /// <summary>The ZSUB EJ of a granted application; null otherwise. One application per EJ.</summary>
    public string? EjNumero { get; set; }
    /// <summary>Signature of the convention; null when the grant has none (allowed up to 23,000 € a year).</summary>
    public DateOnly? DateConvention { get; set; }
    /// <summary>First and last exercice of the grant's échéancier (equal for a one-year grant).</summary>
    public int AnneeDebut { get; set; }
    public int AnneeFin { get; set; }
    public decimal MontantDemande { get; set; }
    public decimal MontantAccorde { get; set; }
    /// <summary>Granted amount per year of the échéancier: what the 23,000 € convention threshold applies to.</summary>
    public decimal MontantAccordeAnnuel { get; set; }
    /// <summary>MontantAccordeAnnuel above 23,000 €: a convention is mandatory (décret 2001-495). Computed at load time.</summary>
    public bool ConventionObligatoire { get; set; }
}

/// <summary>One year of the échéancier of a granted subsidy: the amount planned for that exercice on the EJ.</summary>
public sealed class SubsidyInstallment
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string EjNumero { get; set; }
    public required string TiersCode { get; set; }
    public decimal MontantPrevu { get; set; }
}

/// <summary>
/// A European-fund payment outside the State budget (the "2. Extraction FEHBE" sheet): FSE+ or FEDER, paid by
/// a trésorerie's centre financier on a fund domaine fonctionnel ("FSE00-14"), with no LOLF programme.
/// </summary>
public sealed class EuropeanFundPayment
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    /// <summary>Ministère managing the national programme of the fund (the perimeter).</summary>
    public required string MinistereCode { get; set; }
    /// <summary>Always null: FEHBE payments are not imputed on a LOLF programme.</summary>
    public string? ProgrammeCode { get; set; }
    /// <summary>FSE+ or FEDER.</summary>
    public required string Fonds { get; set; }
    public required string SocieteCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string CentreFinancierLibelle { get; set; }
    public required string DomaineFonctionnelCode { get; set; }
    public required string DomaineFonctionnelLibelle { get; set; }
    public required string EjNumero { get; set; }
    public int EjPoste { get; set; }
    public required string DpNumero { get; set; }
    public int DpPoste { get; set; }
    public required string TiersCode { get; set; }
    public DateOnly DateDerniereOperation { get; set; }
    public decimal MontantPaye { get; set; }
}
