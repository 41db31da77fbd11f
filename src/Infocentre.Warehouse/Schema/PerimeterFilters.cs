using System.Linq.Expressions;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.ReportingViews;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Schema;

/// <summary>
/// Global query filters restricting every fact and reporting view to the context's perimeter. EF Core reads
/// <see cref="WarehouseDbContext.Perimeter"/> when each query runs, so one context model serves every caller.
/// </summary>
internal static class PerimeterFilters
{
    public static void Configure(ModelBuilder m, WarehouseDbContext context)
    {
        Restrict<Credit>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<EngagementLine>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<ServiceFaitLine>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<PaymentLine>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<LedgerEntry>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<RevenueOrder>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<RevenueReceipt>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<CreditView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<BudgetExecutionView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<EngagementView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<PaymentView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<LedgerView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<RevenueView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<SubsidyPaymentView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<CreditMovement>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<CreditProgramming>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<Employment>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<PaymentSchedule>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<FunctionalTranche>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<BudgetControlAct>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<PurchaseRequest>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<CreditMovementView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<CreditSituationView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<EmploymentView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<PaymentScheduleView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<FunctionalTrancheView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<BudgetControlActView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<PurchaseRequestView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<AnalyticalExecutionView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<PaymentOperation>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<AccrualLine>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<ServiceFaitView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<PaymentOperationView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<AccrualView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<MarketExecutionView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<OffBalanceCommitment>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<FullCost>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<BudgetAccrualView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<AccountingAnomalyView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<OffBalanceView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<FullCostView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<UnmatchedReceipt>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<RevenueForecast>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<AccruedRevenue>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<TitrePerceptionView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<UnmatchedReceiptView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<RevenueForecastView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<AccruedRevenueView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<SubsidyApplication>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<SubsidyInstallment>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<EuropeanFundPayment>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<SubsidyFollowUpView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
        Restrict<EuropeanFundPaymentView>(m, context, x => x.MinistereCode, x => x.ProgrammeCode);
    }

    /// <summary>
    /// x => perimeter.SeesAll || (perimeter.Ministeres.Contains(x.Ministere)
    ///                            &amp;&amp; (!perimeter.RestrictsProgrammes || perimeter.Programmes.Contains(x.Programme)))
    /// </summary>
    private static void Restrict<T>(ModelBuilder m, WarehouseDbContext context, Expression<Func<T, string>> ministere, Expression<Func<T, string?>> programme)
        where T : class
    {
        var x = ministere.Parameters[0];
        var programmeBody = new ReplaceParameter(programme.Parameters[0], x).Visit(programme.Body);
        Expression<Func<WarehouseDbContext, T, bool>> template = (c, row) =>
            c.Perimeter.SeesAll
            || (c.Perimeter.Ministeres.Contains(Placeholder.Ministere)
                && (!c.Perimeter.RestrictsProgrammes || c.Perimeter.Programmes.Contains(Placeholder.Programme!)));
        var body = new PlaceholderReplacer(ministere.Body, programmeBody, template.Parameters[0], Expression.Constant(context)).Visit(template.Body);
        m.Entity<T>().HasQueryFilter(Expression.Lambda<Func<T, bool>>(body, x));
    }

    /// <summary>Stand-ins in the filter template, replaced by the entity's own columns.</summary>
    private static class Placeholder
    {
        public static string Ministere => throw new InvalidOperationException("Placeholder only.");

        public static string? Programme => throw new InvalidOperationException("Placeholder only.");
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private sealed class PlaceholderReplacer(Expression ministere, Expression programme, ParameterExpression contextParameter, Expression context) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) =>
            node.Member.DeclaringType == typeof(Placeholder)
                ? node.Member.Name == nameof(Placeholder.Ministere) ? ministere : programme
                : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) => node == contextParameter ? context : base.VisitParameter(node);
    }
}
