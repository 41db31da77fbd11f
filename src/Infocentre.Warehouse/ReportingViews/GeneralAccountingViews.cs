namespace Infocentre.Warehouse.ReportingViews;

/// <summary>
/// v_rapprochement_budget_compta: paid DP lines (CP payés, budget accounting) next to class-6 ledger lines
/// (charges, accrual accounting), by programme and compte général. Key: (Source, Id); Source is DP or CG.
/// </summary>
public sealed class BudgetAccrualView
{
    public string Source { get; set; } = "";
    public long Id { get; set; }
    public int Exercice { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? MinistereSigle { get; set; }
    public string? ProgrammeCode { get; set; }
    public string? ProgrammeLibelle { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public string? CompteGeneralLibelle { get; set; }
    public string? Classe { get; set; }
    public decimal CpPayes { get; set; }
    public decimal ChargesDebit { get; set; }
    public decimal ChargesCredit { get; set; }
}

/// <summary>v_anomalie_comptable: ledger lines that fail an accounting-quality check, one row per line and check. Key: (AnomalieCode, Id).</summary>
public sealed class AccountingAnomalyView
{
    /// <summary>DESEQ, ATTENTE, CREANCE, HORSEX or SANSTIERS.</summary>
    public string AnomalieCode { get; set; } = "";
    public string? AnomalieLibelle { get; set; }
    public long Id { get; set; }
    public int Exercice { get; set; }
    public string SocieteCode { get; set; } = "";
    public string? SocieteLibelle { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? ProgrammeCode { get; set; }
    public string PieceNumero { get; set; } = "";
    public string Journal { get; set; } = "";
    public DateOnly DateComptable { get; set; }
    public string CompteGeneralCode { get; set; } = "";
    public decimal Debit { get; set; }
    public decimal Credit { get; set; }
}

/// <summary>v_engagement_hors_bilan: off-balance-sheet commitments with their nature and imputation labels.</summary>
public sealed class OffBalanceView
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? MinistereSigle { get; set; }
    public string? ProgrammeCode { get; set; }
    public string? ProgrammeLibelle { get; set; }
    public string NatureCode { get; set; } = "";
    public string? NatureLibelle { get; set; }
    public decimal MontantOuverture { get; set; }
    public decimal MontantNouveaux { get; set; }
    public decimal MontantEteints { get; set; }
    public decimal MontantCloture { get; set; }
}

/// <summary>v_cout_complet: direct and allocated costs per programme, action and centre de coûts.</summary>
public sealed class FullCostView
{
    public long Id { get; set; }
    public int Exercice { get; set; }
    public string MinistereCode { get; set; } = "";
    public string? MinistereSigle { get; set; }
    public string ProgrammeCode { get; set; } = "";
    public string? ProgrammeLibelle { get; set; }
    public string? ActionCode { get; set; }
    public string? ActionLibelle { get; set; }
    public string? CentreCoutsCode { get; set; }
    public string? CentreCoutsLibelle { get; set; }
    public decimal CoutDirect { get; set; }
    public decimal CoutDeverse { get; set; }
}
