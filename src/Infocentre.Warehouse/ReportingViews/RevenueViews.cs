namespace Infocentre.Warehouse.ReportingViews;

/// <summary>
/// v_titre_perception: one row per titre de perception with its situation at the date d'arrêté: amounts
/// (émis, annulé, net, encaissé, reste à recouvrer), statut, étape de recouvrement, dates, lead time and age.
/// <see cref="ImputationColumns.Exercice"/> is the exercice d'émission (exercice d'origine).
/// </summary>
public sealed class TitrePerceptionView : ImputationColumns
{
    public long Id { get; set; }
    public int Periode { get; set; }
    public string SocieteCode { get; set; } = "";
    public string? SocieteLibelle { get; set; }
    public string TitreNumero { get; set; } = "";
    public string ClientCode { get; set; } = "";
    public string? ClientNom { get; set; }
    public string? ClientCategorie { get; set; }
    public string? ClientDepartement { get; set; }
    public string NatureRecetteCode { get; set; } = "";
    public string? NatureRecetteLibelle { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string? CompteGeneralLibelle { get; set; }
    public string Origine { get; set; } = "";
    public string LigneRecetteCode { get; set; } = "";
    public string? LigneRecetteLibelle { get; set; }
    public string? BudgetCode { get; set; }
    public string? BudgetLibelle { get; set; }
    public string? RegieCode { get; set; }
    public string? RegieLibelle { get; set; }
    public string? ProgrammeAcheteurCode { get; set; }
    public string? ProgrammeAcheteurLibelle { get; set; }
    public string? FondsConcoursCode { get; set; }
    public string? ContratNumero { get; set; }
    public decimal ContratMontant { get; set; }
    public DateOnly DateEmission { get; set; }
    public DateOnly? DatePriseEnCharge { get; set; }
    public DateOnly DateEcheance { get; set; }
    public DateOnly? DateAnnulation { get; set; }
    public int? ExerciceAnnulation { get; set; }
    public string? MotifAnnulation { get; set; }
    public DateOnly? DateDernierEncaissement { get; set; }
    public DateOnly DateArrete { get; set; }
    public decimal MontantEmis { get; set; }
    public decimal MontantAnnule { get; set; }
    public decimal MontantNet { get; set; }
    public decimal MontantEncaisse { get; set; }
    public decimal MontantEncaisseExercice { get; set; }
    public decimal MontantResteARecouvrer { get; set; }
    public string Statut { get; set; } = "";
    public string EtapeRecouvrement { get; set; } = "";
    public DateOnly? EcheancierDateOctroi { get; set; }
    public int EcheancierNombreEcheances { get; set; }
    public decimal EcheancierMontant { get; set; }
    /// <summary>Days from émission to the last receipt, for titres wholly recovered; null otherwise.</summary>
    public int? DelaiRecouvrementJours { get; set; }
    /// <summary>Days from émission to the date d'arrêté.</summary>
    public int AncienneteJours { get; set; }
    /// <summary>"1. Moins de 3 mois" … "5. Plus de 2 ans": the number keeps the buckets in order.</summary>
    public string TrancheAnciennete { get; set; } = "";
}

/// <summary>v_encaissement_non_rapproche: receipts waiting on the compte d'attente at the date d'arrêté.</summary>
public sealed class UnmatchedReceiptView
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public string SocieteCode { get; set; } = "";
    public string? SocieteLibelle { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? MinistereLibelle { get; set; }
    public string ProgrammeCode { get; set; } = "";
    public string? ProgrammeLibelle { get; set; }
    public string CentreFinancierCode { get; set; } = "";
    public string Reference { get; set; } = "";
    public DateOnly DateEncaissement { get; set; }
    public string ModeReglement { get; set; } = "";
    public string Motif { get; set; } = "";
    public decimal Montant { get; set; }
    public DateOnly DateArrete { get; set; }
    public int AncienneteJours { get; set; }
    public string TrancheAnciennete { get; set; } = "";
}

/// <summary>
/// v_prevision_recette: LFI forecasts (PREV), titres (TITRE: constaté = émis − annulé) and receipts (ENC) per
/// ministère, programme and ligne de recette, in one set. Key: (Source, Id).
/// </summary>
public sealed class RevenueForecastView
{
    public long Id { get; set; }
    /// <summary>PREV, TITRE or ENC.</summary>
    public string Source { get; set; } = "";
    public int Exercice { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? MinistereLibelle { get; set; }
    public string ProgrammeCode { get; set; } = "";
    public string? ProgrammeLibelle { get; set; }
    public string LigneRecetteCode { get; set; } = "";
    public string? LigneRecetteLibelle { get; set; }
    public string? BudgetCode { get; set; }
    public string? BudgetLibelle { get; set; }
    public decimal MontantPrevision { get; set; }
    public decimal MontantConstate { get; set; }
    public decimal MontantEncaisse { get; set; }
}

/// <summary>v_produit_a_recevoir: produits à recevoir of the inventory of 31/12.</summary>
public sealed class AccruedRevenueView
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public string SocieteCode { get; set; } = "";
    public string? SocieteLibelle { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? MinistereLibelle { get; set; }
    public string ProgrammeCode { get; set; } = "";
    public string? ProgrammeLibelle { get; set; }
    public string NatureRecetteCode { get; set; } = "";
    public string? NatureRecetteLibelle { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string? CompteGeneralLibelle { get; set; }
    public DateOnly DateInventaire { get; set; }
    public decimal Montant { get; set; }
}
