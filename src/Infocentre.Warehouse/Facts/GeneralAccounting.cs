namespace Infocentre.Warehouse.Facts;

/// <summary>
/// An off-balance-sheet commitment of the State (annexe du Compte général de l'État) for one exercice:
/// encours at the opening, new commitments, commitments extinguished and encours at the 31 December
/// (clôture = ouverture + nouveaux − éteints; the next exercice opens at this clôture).
/// </summary>
public sealed class OffBalanceCommitment
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public required string MinistereCode { get; set; }
    public string? ProgrammeCode { get; set; }
    /// <summary>GAR (garanties données), RAP (restes à payer sur contrats), FIN (engagements de financement), LIT (passifs éventuels).</summary>
    public required string NatureCode { get; set; }
    public decimal MontantOuverture { get; set; }
    public decimal MontantNouveaux { get; set; }
    public decimal MontantEteints { get; set; }
    public decimal MontantCloture { get; set; }
}

/// <summary>
/// Full cost of an action and centre de coûts (analyse des coûts): the direct charges booked on the programme
/// (class 6 with a programme) and the ministère's charges kept outside the programmes (payroll, depreciation,
/// provisions…) allocated ("déversées") in proportion to the direct charges.
/// </summary>
public sealed class FullCost
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public required string MinistereCode { get; set; }
    public required string ProgrammeCode { get; set; }
    /// <summary>The action (domaine fonctionnel of level 2).</summary>
    public string? ActionCode { get; set; }
    public string? CentreCoutsCode { get; set; }
    public decimal CoutDirect { get; set; }
    public decimal CoutDeverse { get; set; }
}
