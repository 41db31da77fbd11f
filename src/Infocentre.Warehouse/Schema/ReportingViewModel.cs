using Infocentre.Warehouse.ReportingViews;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Schema;

/// <summary>Maps the flat reporting views (created by <see cref="ReportingViewSql"/>) as keyed, read-only sets.</summary>
internal static class ReportingViewModel
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<CreditView>(b => b.ToView("v_credit").HasKey(x => x.Id));
        m.Entity<EngagementView>(b => b.ToView("v_engagement").HasKey(x => x.Id));
        m.Entity<PaymentView>(b => b.ToView("v_demande_paiement").HasKey(x => x.Id));
        m.Entity<BudgetExecutionView>(b => b.ToView("v_execution_budgetaire").HasKey(x => new { x.Source, x.Id }));
        m.Entity<LedgerView>(b => b.ToView("v_ecriture_comptable").HasKey(x => x.Id));
        m.Entity<RevenueView>(b => b.ToView("v_recette_non_fiscale").HasKey(x => new { x.Source, x.Id }));
        m.Entity<SubsidyPaymentView>(b => b.ToView("v_versement_subvention").HasKey(x => x.Id));
        m.Entity<OneRow>(b => b.ToView("v_one_row").HasKey(x => x.Id));
    }
}
