namespace Infocentre.Warehouse.Facts;

/// <summary>Budget credits of a UO for one exercice, action and catégorie: LFI, ouverts, mis à disposition, in AE and CP.</summary>
public sealed class Credit
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string DomaineFonctionnelCode { get; set; }
    public required string CategorieCode { get; set; }
    public decimal AeLfi { get; set; }
    public decimal CpLfi { get; set; }
    public decimal AeOuverts { get; set; }
    public decimal CpOuverts { get; set; }
    public decimal AeMisADisposition { get; set; }
    public decimal CpMisADisposition { get; set; }
}
