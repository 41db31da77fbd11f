namespace Infocentre.Warehouse.ReportingViews;

/// <summary>
/// v_service_fait: service-fait movements (101/105 certify, 102/106 cancel) with the amounts certified,
/// cancelled and certified not settled, and the age at 31 December of what stays certified and unsettled.
/// </summary>
public sealed class ServiceFaitView : SpendingColumns
{
    public string SfNumero { get; set; } = "";
    public string CodeMouvement { get; set; } = "";
    public string? MouvementLibelle { get; set; }
    public DateOnly DateComptable { get; set; }
    public bool EstSolde { get; set; }
    public decimal Montant { get; set; }
    public decimal MontantCertifie { get; set; }
    public decimal MontantAnnule { get; set; }
    public decimal MontantCertifieNonSolde { get; set; }
    public int? AncienneteJours { get; set; }
    public string? TrancheAnciennete { get; set; }
}

/// <summary>v_operation_paiement: avances, retenues de garantie, oppositions and cessions on DP of EJ lines, one amount column per type.</summary>
public sealed class PaymentOperationView : SpendingColumns
{
    public string TypeOperationCode { get; set; } = "";
    public string? TypeOperationLibelle { get; set; }
    public string? MarcheNumero { get; set; }
    public string DpNumero { get; set; } = "";
    public DateOnly DateOperation { get; set; }
    public decimal Montant { get; set; }
    public decimal AvanceVersee { get; set; }
    public decimal AvanceRecuperee { get; set; }
    public decimal RetenueGarantie { get; set; }
    public decimal RetenueRestituee { get; set; }
    public decimal MontantOpposition { get; set; }
    public decimal MontantCession { get; set; }
}

/// <summary>v_charge_a_payer: charges à payer at 31 December of the exercice (FNP on 408, invoices not paid on 401).</summary>
public sealed class AccrualView : SpendingColumns
{
    public string TypeChargeCode { get; set; } = "";
    public string? TypeChargeLibelle { get; set; }
    public string CompteTiersCode { get; set; } = "";
    public string? CompteTiersLibelle { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string? CompteGeneralLibelle { get; set; }
    public string SfNumero { get; set; } = "";
    public DateOnly DateServiceFait { get; set; }
    public decimal Montant { get; set; }
}

/// <summary>
/// v_execution_marche: EJ movements (AE engagées, bascule excluded) and DP lines (payé) of the EJ that belong
/// to a marché, with the marché's nature, procedure, titulaire, dates and maximum amount. Key: (Source, Id).
/// </summary>
public sealed class MarketExecutionView : SpendingColumns
{
    /// <summary>EJ or DP.</summary>
    public string Source { get; set; } = "";
    public string MarcheNumero { get; set; } = "";
    public string? MarcheObjet { get; set; }
    public string? MarcheNatureCode { get; set; }
    public string? MarcheNatureLibelle { get; set; }
    public string? ProcedureCode { get; set; }
    public string? TitulaireCode { get; set; }
    public string? TitulaireRaisonSociale { get; set; }
    public DateOnly? DateNotification { get; set; }
    public DateOnly? DateFin { get; set; }
    public decimal MontantMaximum { get; set; }
    public string? DpNumero { get; set; }
    public decimal MontantEngage { get; set; }
    public decimal MontantPaye { get; set; }
}
