namespace Infocentre.Warehouse.Facts;

/// <summary>
/// An operation that changes what a titulaire receives on a DP without being a DP line itself: avance versée
/// (AVA) and récupérée (AVR), retenue de garantie prélevée (RGP) and restituée (RGR), opposition (OPP) and
/// cession de créance (CES). Amounts are positive; the type says the direction.
/// </summary>
public sealed class PaymentOperation : Imputation
{
    public required string TypeOperationCode { get; set; }
    public required string EjNumero { get; set; }
    public int EjPoste { get; set; }
    public required string TypeEjCode { get; set; }
    public string? MarcheNumero { get; set; }
    public required string TiersCode { get; set; }
    /// <summary>The DP the operation is attached to (the avance is paid by its own DP).</summary>
    public required string DpNumero { get; set; }
    public DateOnly DateOperation { get; set; }
    public decimal Montant { get; set; }
}

/// <summary>
/// A charge à payer at 31 December of <see cref="Imputation.Exercice"/>: a certified service fait whose invoice
/// has not arrived (FNP, compte 408) or an invoice received and not yet paid (FPNP, compte 401).
/// </summary>
public sealed class AccrualLine : Imputation
{
    public required string TypeChargeCode { get; set; }
    public required string CompteTiersCode { get; set; }
    public required string CompteGeneralCode { get; set; }
    public required string EjNumero { get; set; }
    public int EjPoste { get; set; }
    public required string TypeEjCode { get; set; }
    public required string SfNumero { get; set; }
    public required string TiersCode { get; set; }
    public DateOnly DateServiceFait { get; set; }
    public decimal Montant { get; set; }
}
