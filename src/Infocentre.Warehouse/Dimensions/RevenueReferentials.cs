namespace Infocentre.Warehouse.Dimensions;

/// <summary>
/// Ligne de recette budgétaire ("2211" Revenus du domaine public non militaire), with the budget it feeds:
/// BG (budget général), CAS (compte d'affectation spéciale), BA (budget annexe) or FDC (fonds de concours).
/// </summary>
public sealed class LigneRecette
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string BudgetCode { get; set; }
    public required string BudgetLibelle { get; set; }
}

/// <summary>Régie de recettes (cash desk collecting fines and fees for the comptable public).</summary>
public sealed class Regie
{
    public required string Code { get; set; }
    public required string Libelle { get; set; }
    public required string Departement { get; set; }
}
