namespace Infocentre.Warehouse.Facts;

/// <summary>A titre de perception (ordre de recouvrer) issued to a client, with what was cancelled of it.</summary>
public sealed class RevenueOrder
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public required string SocieteCode { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string TitreNumero { get; set; }
    public required string ClientCode { get; set; }
    public required string NatureRecetteCode { get; set; }
    public required string CompteGeneralCode { get; set; }
    public DateOnly DateEmission { get; set; }
    public DateOnly DateEcheance { get; set; }
    public decimal MontantEmis { get; set; }
    public decimal MontantAnnule { get; set; }

    // Situation of the titre at the date d'arrêté (the extraction date), as Chorus keeps it on the titre.

    /// <summary>Facturation externe, Facturation interne, Constatation d'indu, Produits de cession, Fonds de concours, Attribution de produits, Amendes et sanctions.</summary>
    public string Origine { get; set; } = "";
    /// <summary>Budget revenue line the titre is booked to (dim_ligne_recette).</summary>
    public string LigneRecetteCode { get; set; } = "";
    /// <summary>Régie de recettes collecting the titre; null when the comptable public collects it.</summary>
    public string? RegieCode { get; set; }
    /// <summary>Buying programme of an internal invoice (facturation interne).</summary>
    public string? ProgrammeAcheteurCode { get; set; }
    /// <summary>Action of the spending an indu comes from, or receiving a fonds de concours.</summary>
    public string? DomaineFonctionnelCode { get; set; }
    /// <summary>Fonds de concours or attribution de produits ("1-2-00152").</summary>
    public string? FondsConcoursCode { get; set; }
    public string? ContratNumero { get; set; }
    public decimal ContratMontant { get; set; }
    public DateOnly? DatePriseEnCharge { get; set; }
    /// <summary>Réduction, Annulation pour erreur, Admission en non-valeur, Remise gracieuse; null if nothing was cancelled.</summary>
    public string? MotifAnnulation { get; set; }
    public DateOnly? DateAnnulation { get; set; }
    public int? ExerciceAnnulation { get; set; }
    public DateOnly? DateDernierEncaissement { get; set; }
    /// <summary>Σ encaissements of the titre up to the date d'arrêté.</summary>
    public decimal MontantEncaisse { get; set; }
    /// <summary>Σ encaissements received within the titre's own exercice.</summary>
    public decimal MontantEncaisseExercice { get; set; }
    /// <summary>Émis − annulé.</summary>
    public decimal MontantNet { get; set; }
    /// <summary>Émis − annulé − encaissé.</summary>
    public decimal MontantResteARecouvrer { get; set; }
    /// <summary>Émis, Pris en charge, Partiellement recouvré, Recouvré, Soldé par annulation.</summary>
    public string Statut { get; set; } = "";
    /// <summary>Amiable, Relance, Mise en demeure, Contentieux: the furthest stage the titre reached.</summary>
    public string EtapeRecouvrement { get; set; } = "";
    public DateOnly? EcheancierDateOctroi { get; set; }
    public int EcheancierNombreEcheances { get; set; }
    public decimal EcheancierMontant { get; set; }
    /// <summary>Date of the situation (the extraction): ages are counted to it.</summary>
    public DateOnly DateArrete { get; set; }
}

/// <summary>A collection (encaissement) against a titre de perception. Σ collected ≤ issued − cancelled per titre.</summary>
public sealed class RevenueReceipt
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public required string SocieteCode { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string TitreNumero { get; set; }
    public required string ClientCode { get; set; }
    public required string NatureRecetteCode { get; set; }
    public DateOnly DateEncaissement { get; set; }
    /// <summary>Virement, Chèque, Carte, Numéraire, Compensation.</summary>
    public required string ModeReglement { get; set; }
    public decimal Montant { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string LigneRecetteCode { get; set; } = "";
    public string? RegieCode { get; set; }
}
