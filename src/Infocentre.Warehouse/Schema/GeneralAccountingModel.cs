using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.ReportingViews;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Schema;

/// <summary>The general-accounting additions: ledger references and indexes, the two small facts and their views.</summary>
internal static class GeneralAccountingModel
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<LedgerEntry>(b =>
        {
            b.Property(x => x.TypeOperation).HasMaxLength(3);
            b.HasOne<Client>().WithMany().HasForeignKey(x => x.ClientCode);
            b.HasOne<DomaineFonctionnel>().WithMany().HasForeignKey(x => x.DomaineFonctionnelCode);
            b.HasOne<CentreCouts>().WithMany().HasForeignKey(x => x.CentreCoutsCode);
            // Sub-ledger and open-item reports read one exercice's third-party lines.
            b.HasIndex(x => new { x.Exercice, x.TypeOperation });
            b.HasIndex(x => new { x.Exercice, x.Periode });
            b.HasIndex(x => new { x.Exercice, x.TiersCode });
            b.HasIndex(x => new { x.Exercice, x.ClientCode });
        });
        m.Entity<OffBalanceCommitment>(b =>
        {
            b.ToTable("fact_engagement_hors_bilan");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
            b.HasIndex(x => new { x.Exercice, x.MinistereCode });
        });
        m.Entity<FullCost>(b =>
        {
            b.ToTable("fact_cout_complet");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
            b.HasOne<DomaineFonctionnel>().WithMany().HasForeignKey(x => x.ActionCode);
            b.HasOne<CentreCouts>().WithMany().HasForeignKey(x => x.CentreCoutsCode);
            b.HasIndex(x => new { x.Exercice, x.MinistereCode });
            b.HasIndex(x => new { x.Exercice, x.ProgrammeCode });
        });
        m.Entity<BudgetAccrualView>(b => b.ToView("v_rapprochement_budget_compta").HasKey(x => new { x.Source, x.Id }));
        m.Entity<AccountingAnomalyView>(b => b.ToView("v_anomalie_comptable").HasKey(x => new { x.AnomalieCode, x.Id }));
        m.Entity<OffBalanceView>(b => b.ToView("v_engagement_hors_bilan").HasKey(x => x.Id));
        m.Entity<FullCostView>(b => b.ToView("v_cout_complet").HasKey(x => x.Id));
    }
}
