namespace Infocentre.Warehouse.ReportingViews;

/// <summary>v_credit: budget credits with their full imputation and LOLF catégorie/titre.</summary>
public sealed class CreditView : ImputationColumns
{
    public long Id { get; set; }
    public string CategorieCode { get; set; } = "";
    public string? CategorieLibelle { get; set; }
    public int? Titre { get; set; }
    public string? TitreLibelle { get; set; }
    public decimal AeLfi { get; set; }
    public decimal CpLfi { get; set; }
    public decimal AeOuverts { get; set; }
    public decimal CpOuverts { get; set; }
    public decimal AeMisADisposition { get; set; }
    public decimal CpMisADisposition { get; set; }
}

/// <summary>
/// v_execution_budgetaire: EJ, service-fait and DP lines in one flat set with the INF-BUD-53 key figures
/// (montant engagé, bascule, certifié non soldé, pré-enregistré, facturé, payé). Key: (Source, Id).
/// </summary>
public sealed class BudgetExecutionView : SpendingColumns
{
    /// <summary>EJ, SF or DP: which fact the line comes from.</summary>
    public string Source { get; set; } = "";
    public DateOnly DateComptable { get; set; }
    public string? CentreCoutsCode { get; set; }
    public string? CompteBudgetaireCode { get; set; }
    public string? CompteBudgetaireLibelle { get; set; }
    public string? CompteGeneralCode { get; set; }
    public string? GroupeMarchandisesCode { get; set; }
    public string? LocalisationCode { get; set; }
    public string? DpNumero { get; set; }
    public string? SfNumero { get; set; }
    public decimal MontantEngage { get; set; }
    public decimal MontantBascule { get; set; }
    public decimal MontantCertifieNonSolde { get; set; }
    public decimal MontantPreEnregistre { get; set; }
    public decimal MontantFacture { get; set; }
    public decimal MontantPaye { get; set; }
}

/// <summary>v_engagement: EJ line movements with type d'EJ, type de montant, tiers and accounting imputation.</summary>
public sealed class EngagementView : SpendingColumns
{
    public string TypeMontantCode { get; set; } = "";
    public string? TypeMontantLibelle { get; set; }
    public DateOnly DateComptable { get; set; }
    public DateOnly DateCreationEj { get; set; }
    public string CentreCoutsCode { get; set; } = "";
    public string CompteBudgetaireCode { get; set; } = "";
    public string? CompteBudgetaireLibelle { get; set; }
    public string? CategorieCode { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string? CompteGeneralLibelle { get; set; }
    public string? GroupeMarchandisesCode { get; set; }
    public string? GroupeMarchandisesLibelle { get; set; }
    public string LocalisationCode { get; set; } = "";
    public string? LocalisationLibelle { get; set; }
    public decimal MontantEngage { get; set; }
    public decimal MontantBascule { get; set; }
    public string? MarcheNumero { get; set; }
    public DateOnly? DateDemandeAchat { get; set; }
    public int? DelaiDemandeAchatJours { get; set; }
    public string? TrancheDelaiDemandeAchat { get; set; }
}

/// <summary>v_demande_paiement: DP lines with statut, nature, dates, délai global de paiement and tiers.</summary>
public sealed class PaymentView : SpendingColumns
{
    public string DpNumero { get; set; } = "";
    public int DpPoste { get; set; }
    public string TypePiece { get; set; } = "";
    public string NatureDpCode { get; set; } = "";
    public string? NatureDpLibelle { get; set; }
    public string Statut { get; set; } = "";
    public string CentreCoutsCode { get; set; } = "";
    public string CompteBudgetaireCode { get; set; } = "";
    public string? CategorieCode { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string? CompteGeneralLibelle { get; set; }
    public string? GroupeMarchandisesCode { get; set; }
    public string LocalisationCode { get; set; } = "";
    public string? LocalisationLibelle { get; set; }
    public string ServiceExecutant { get; set; } = "";
    public string? TiersSiren { get; set; }
    public string? TiersRna { get; set; }
    public bool? BrancheEstSubventionnable { get; set; }
    public DateOnly DateBase { get; set; }
    public DateOnly DateDerniereOperation { get; set; }
    public DateOnly? DatePaiement { get; set; }
    public int? DelaiPaiementJours { get; set; }
    public decimal Montant { get; set; }
    public decimal MontantPaye { get; set; }
    /// <summary>FLUX1 (saisie Chorus), FLUX2 (Chorus Pro), FLUX3 (application ministérielle), FLUX4 (carte achat).</summary>
    public string? TypeFlux { get; set; }
    public string? MarcheNumero { get; set; }
    public string ModeReglementCode { get; set; } = "";
    public string? ModeReglementLibelle { get; set; }
    public string? NiveauCarteAchat { get; set; }
    public string DeviseCode { get; set; } = "";
    public decimal MontantDevise { get; set; }
    public int Flux { get; set; }
    public string? FluxLibelle { get; set; }
    public bool EstAutomatise { get; set; }
    public string? Automatisation { get; set; }
    /// <summary>1 for an automated DP line, 0 otherwise: summed, it counts them.</summary>
    public int LigneAutomatisee { get; set; }
    public bool EstRejete { get; set; }
    public string? MotifRejetCode { get; set; }
    public string? MotifRejetLibelle { get; set; }
    public DateOnly? DateMiseEnPaiement { get; set; }
    public int? DelaiOrdonnateurJours { get; set; }
    public int? DelaiComptableJours { get; set; }
    /// <summary>1 for a line paid within the 30-day délai global de paiement, 0 otherwise.</summary>
    public int PayeDansDelai { get; set; }
    public decimal InteretsMoratoires { get; set; }
    public string? ReferenceFacture { get; set; }
    public bool EstDoublonSuspect { get; set; }
    public string? CanalFacture { get; set; }
    public string? CanalFactureLibelle { get; set; }
    public DateOnly? DateDepotFacture { get; set; }
    public string? StatutFacture { get; set; }
    public int? DelaiTraitementFactureJours { get; set; }
    /// <summary>1 for an invoice paid within 30 days of its deposit, 0 otherwise.</summary>
    public int FactureTraiteeDansDelai { get; set; }
    public string? StatutSfp { get; set; }
    public string? StatutSfpLibelle { get; set; }
    public int? AncienneteJours { get; set; }
    public string? TrancheAnciennete { get; set; }
    public string? TiersDepartement { get; set; }
}

/// <summary>v_ecriture_comptable: general-ledger lines with the PCE account, its class and the société.</summary>
public sealed class LedgerView
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public string SocieteCode { get; set; } = "";
    public string? SocieteLibelle { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? MinistereSigle { get; set; }
    public string? ProgrammeCode { get; set; }
    public string? ProgrammeLibelle { get; set; }
    public string PieceNumero { get; set; } = "";
    public int Ligne { get; set; }
    public string Journal { get; set; } = "";
    public DateOnly DateComptable { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string? CompteGeneralLibelle { get; set; }
    public string? Classe { get; set; }
    public string? TiersCode { get; set; }
    public string Libelle { get; set; } = "";
    public decimal Debit { get; set; }
    public decimal Credit { get; set; }
    /// <summary>OUV (balance d'entrée), GES (opérations de gestion), INV (opérations de fin de gestion).</summary>
    public string TypeOperation { get; set; } = "";
    public string? TypeOperationLibelle { get; set; }
    public string? JournalLibelle { get; set; }
    public string? ClientCode { get; set; }
    public string? ClientNom { get; set; }
    public string? TiersRaisonSociale { get; set; }
    /// <summary>Tiers (40x) or débiteur (41x) of a third-party line.</summary>
    public string? TiersAuxiliaireCode { get; set; }
    public string? TiersAuxiliaireNom { get; set; }
    public DateOnly? DateEcheance { get; set; }
    public string? Lettrage { get; set; }
    /// <summary>Days from the échéance to the 31 December of the exercice, for an item still open then.</summary>
    public int? AgeJours { get; set; }
    public string? TrancheAge { get; set; }
    public string? DomaineFonctionnelCode { get; set; }
    public string? ActionCode { get; set; }
    public string? CentreCoutsCode { get; set; }
    public string? Etat { get; set; }
    public string? Rubrique { get; set; }
    public string? Poste { get; set; }
    public string? SousPoste { get; set; }
    public string? ClasseImmobilisation { get; set; }
    public decimal DebitEntree { get; set; }
    public decimal CreditEntree { get; set; }
    public decimal DebitGestion { get; set; }
    public decimal CreditGestion { get; set; }
    public decimal DebitFinGestion { get; set; }
    public decimal CreditFinGestion { get; set; }
    /// <summary>Débit of a third-party or suspense item still open (not lettré) at the 31 December.</summary>
    public decimal DebitNonLettre { get; set; }
    public decimal CreditNonLettre { get; set; }
    /// <summary>Balance-sheet side, poste and sous-poste; class 6 and 7 lines count as the situation nette's solde des opérations.</summary>
    public string? BilanRubrique { get; set; }
    public string? BilanPoste { get; set; }
    public string? BilanSousPoste { get; set; }
}

/// <summary>v_recette_non_fiscale: titres de perception (émis, annulés) and encaissements in one set. Key: (Source, Id).</summary>
public sealed class RevenueView : ImputationColumns
{
    public long Id { get; set; }
    /// <summary>TITRE or ENC.</summary>
    public string Source { get; set; } = "";
    public int Periode { get; set; }
    public string SocieteCode { get; set; } = "";
    public string TitreNumero { get; set; } = "";
    public string ClientCode { get; set; } = "";
    public string? ClientNom { get; set; }
    public string? ClientCategorie { get; set; }
    public string NatureRecetteCode { get; set; } = "";
    public string? NatureRecetteLibelle { get; set; }
    public DateOnly DateOperation { get; set; }
    public DateOnly? DateEcheance { get; set; }
    public string? ModeReglement { get; set; }
    public decimal MontantEmis { get; set; }
    public decimal MontantAnnule { get; set; }
    public decimal MontantEncaisse { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string? CompteGeneralLibelle { get; set; }
    public string LigneRecetteCode { get; set; } = "";
    public string? LigneRecetteLibelle { get; set; }
    public string? BudgetCode { get; set; }
    public string? RegieCode { get; set; }
    public string? RegieLibelle { get; set; }
    public string? ClientDepartement { get; set; }
}

/// <summary>v_versement_subvention: paid DP lines whose tiers belongs to a branch Data.Subvention accepts.</summary>
public sealed class SubsidyPaymentView : SpendingColumns
{
    public string DpNumero { get; set; } = "";
    public int DpPoste { get; set; }
    public string? TiersSiren { get; set; }
    public string? TiersRna { get; set; }
    public string? TiersCategorieJuridique { get; set; }
    public string? TiersCommune { get; set; }
    public string? TiersDepartement { get; set; }
    public string? TiersEtatAdministratif { get; set; }
    public string? SocieteRegion { get; set; }
    public DateOnly DateOperation { get; set; }
    public decimal MontantPaye { get; set; }
    public string? TiersNic { get; set; }
    /// <summary>SIRET, RIDET, TAHITI or "#": what identifies the beneficiary.</summary>
    public string? TiersIdentifiantType { get; set; }
    public string? TiersRidetTahiti { get; set; }
    public string? TiersQpvCode { get; set; }
    public string? TiersQpvLibelle { get; set; }
    /// <summary>Objet, source and numéro of the application granted on the EJ (null without one).</summary>
    public string? SubventionObjet { get; set; }
    public string? DemandeSource { get; set; }
    public string? DemandeNumero { get; set; }
}

/// <summary>v_one_row: exactly one row, so that a report without dimensions returns one row even on empty data.</summary>
public sealed class OneRow
{
    public int Id { get; set; }
}
