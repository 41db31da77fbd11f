namespace Infocentre.Warehouse.Facts;

/// <summary>
/// The budget imputation every spending fact carries. Ministère and programme are denormalised onto the
/// fact so that the common filters (exercice, ministère, programme) and the perimeter hit indexed fact columns.
/// </summary>
public abstract class Imputation
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public int Periode { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    public required string CentreFinancierCode { get; set; }
    public required string DomaineFonctionnelCode { get; set; }
    public required string ActiviteCode { get; set; }
    public required string SocieteCode { get; set; }
}
