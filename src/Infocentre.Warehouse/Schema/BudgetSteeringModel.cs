using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.ReportingViews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infocentre.Warehouse.Schema;

/// <summary>Tables and views of the budget steering extension (credit movements, emplois, programmation...).</summary>
internal static class BudgetSteeringModel
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<TypeMouvementCredit>(b => b.ToTable("dim_type_mouvement_credit").HasKey(x => x.Code));
        m.Entity<Fonds>(b => b.ToTable("dim_fonds").HasKey(x => x.Code));
        m.Entity<AxeAnalytique>(b =>
        {
            b.ToTable("dim_axe_analytique").HasKey(x => x.ActiviteCode);
            b.HasOne<Activite>().WithMany().HasForeignKey(x => x.ActiviteCode);
        });

        m.Entity<CreditMovement>(b =>
        {
            Fact(b, "fact_mouvement_credit");
            Imputed(b, x => x.MinistereCode, x => x.ProgrammeCode, x => x.CentreFinancierCode);
            b.HasOne<DomaineFonctionnel>().WithMany().HasForeignKey(x => x.DomaineFonctionnelCode);
            b.HasOne<CategorieLolf>().WithMany().HasForeignKey(x => x.CategorieCode);
            b.HasOne<TypeMouvementCredit>().WithMany().HasForeignKey(x => x.TypeMouvementCode);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeContrepartieCode);
            b.HasOne<Fonds>().WithMany().HasForeignKey(x => x.FondsCode);
            b.HasIndex(x => new { x.Exercice, x.TypeMouvementCode });
        });
        m.Entity<CreditProgramming>(b =>
        {
            Fact(b, "fact_programmation");
            Imputed(b, x => x.MinistereCode, x => x.ProgrammeCode, x => x.CentreFinancierCode);
            b.HasOne<Activite>().WithMany().HasForeignKey(x => x.ActiviteCode);
        });
        m.Entity<Employment>(b =>
        {
            Fact(b, "fact_emploi");
            Imputed(b, x => x.MinistereCode, x => x.ProgrammeCode, x => x.CentreFinancierCode);
        });
        m.Entity<PaymentSchedule>(b =>
        {
            Fact(b, "fact_echeancier_cp");
            b.HasOne<Tiers>().WithMany().HasForeignKey(x => x.TiersCode);
            Imputed(b, x => x.MinistereCode, x => x.ProgrammeCode, x => x.CentreFinancierCode);
            b.HasIndex(x => x.EjNumero);
        });
        m.Entity<FunctionalTranche>(b =>
        {
            Fact(b, "fact_tranche_fonctionnelle");
            Imputed(b, x => x.MinistereCode, x => x.ProgrammeCode, x => x.CentreFinancierCode);
            b.HasOne<Localisation>().WithMany().HasForeignKey(x => x.LocalisationCode);
        });
        m.Entity<BudgetControlAct>(b =>
        {
            Fact(b, "fact_acte_controle_budgetaire");
            Imputed(b, x => x.MinistereCode, x => x.ProgrammeCode, x => x.CentreFinancierCode);
        });
        m.Entity<PurchaseRequest>(b =>
        {
            Fact(b, "fact_demande_achat");
            Imputed(b, x => x.MinistereCode, x => x.ProgrammeCode, x => x.CentreFinancierCode);
            b.HasOne<CentreCouts>().WithMany().HasForeignKey(x => x.CentreCoutsCode);
            b.HasOne<Societe>().WithMany().HasForeignKey(x => x.SocieteCode);
            b.HasIndex(x => x.DaNumero).IsUnique();
        });

        m.Entity<CreditMovementView>(b => b.ToView("v_mouvement_credit").HasKey(x => x.Id));
        m.Entity<CreditSituationView>(b => b.ToView("v_situation_credits").HasKey(x => new { x.Source, x.Id }));
        m.Entity<EmploymentView>(b => b.ToView("v_emploi").HasKey(x => x.Id));
        m.Entity<PaymentScheduleView>(b => b.ToView("v_echeancier_cp").HasKey(x => x.Id));
        m.Entity<FunctionalTrancheView>(b => b.ToView("v_tranche_fonctionnelle").HasKey(x => x.Id));
        m.Entity<BudgetControlActView>(b => b.ToView("v_acte_controle_budgetaire").HasKey(x => x.Id));
        m.Entity<PurchaseRequestView>(b => b.ToView("v_demande_achat").HasKey(x => x.Id));
        m.Entity<AnalyticalExecutionView>(b => b.ToView("v_execution_analytique").HasKey(x => new { x.Source, x.Id }));
    }

    private static void Fact<T>(EntityTypeBuilder<T> b, string table)
        where T : class
    {
        b.ToTable(table);
        b.Property("Id").ValueGeneratedNever();
    }

    /// <summary>Ministère, programme and centre financier references, with the indexes every report filter uses.</summary>
    private static void Imputed<T>(
        EntityTypeBuilder<T> b, System.Linq.Expressions.Expression<Func<T, object?>> ministere,
        System.Linq.Expressions.Expression<Func<T, object?>> programme, System.Linq.Expressions.Expression<Func<T, object?>> centreFinancier)
        where T : class
    {
        b.HasOne<Ministere>().WithMany().HasForeignKey(ministere);
        b.HasOne<Programme>().WithMany().HasForeignKey(programme);
        b.HasOne<CentreFinancier>().WithMany().HasForeignKey(centreFinancier);
        b.HasIndex("Exercice", "ProgrammeCode");
        b.HasIndex("Exercice", "MinistereCode");
        b.HasIndex("CentreFinancierCode");
    }
}
