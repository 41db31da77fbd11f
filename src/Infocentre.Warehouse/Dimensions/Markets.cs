namespace Infocentre.Warehouse.Dimensions;

/// <summary>
/// Marché public or accord-cadre notified by a ministère to a titulaire. EJ of types ZM* (marché unique, à
/// tranches, mixte, à bons de commande, and their MAPA variants) carry its number.
/// </summary>
public sealed class Marche
{
    public required string Numero { get; set; }
    public required string Objet { get; set; }
    /// <summary>ACBC (accord-cadre à bons de commande), MORD (marché ordinaire), MTRA (à tranches), MMIX (mixte).</summary>
    public required string NatureCode { get; set; }
    /// <summary>AOO (appel d'offres ouvert) or MAPA (procédure adaptée).</summary>
    public required string ProcedureCode { get; set; }
    public required string MinistereCode { get; set; }
    public required string TitulaireCode { get; set; }
    public DateOnly DateNotification { get; set; }
    public DateOnly DateFin { get; set; }
    public decimal MontantMaximum { get; set; }
}
