using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.ReportingViews;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Schema;

/// <summary>The dépenses extensions: marchés, operations on payments, charges à payer and their reporting views.</summary>
internal static class DepensesModel
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<Marche>(b =>
        {
            b.ToTable("dim_marche");
            b.HasKey(x => x.Numero);
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
            b.HasOne<Tiers>().WithMany().HasForeignKey(x => x.TitulaireCode);
        });
        m.Entity<EngagementLine>(b =>
        {
            b.HasOne<Marche>().WithMany().HasForeignKey(x => x.MarcheNumero);
            b.HasIndex(x => x.MarcheNumero);
        });
        m.Entity<PaymentLine>(b =>
        {
            b.HasOne<Marche>().WithMany().HasForeignKey(x => x.MarcheNumero);
            b.HasIndex(x => x.MarcheNumero);
            b.HasIndex(x => new { x.Exercice, x.NatureDpCode });
        });
        m.Entity<PaymentOperation>(b =>
        {
            Fact(b, "fact_operation_paiement");
            b.HasOne<Tiers>().WithMany().HasForeignKey(x => x.TiersCode);
            b.HasOne<Marche>().WithMany().HasForeignKey(x => x.MarcheNumero);
            b.HasIndex(x => new { x.EjNumero, x.EjPoste });
        });
        m.Entity<AccrualLine>(b =>
        {
            Fact(b, "fact_charge_a_payer");
            b.HasOne<Tiers>().WithMany().HasForeignKey(x => x.TiersCode);
            b.HasOne<CompteGeneral>().WithMany().HasForeignKey(x => x.CompteGeneralCode);
        });
        m.Entity<ServiceFaitView>(b => b.ToView("v_service_fait").HasKey(x => x.Id));
        m.Entity<PaymentOperationView>(b => b.ToView("v_operation_paiement").HasKey(x => x.Id));
        m.Entity<AccrualView>(b => b.ToView("v_charge_a_payer").HasKey(x => x.Id));
        m.Entity<MarketExecutionView>(b => b.ToView("v_execution_marche").HasKey(x => new { x.Source, x.Id }));
    }

    /// <summary>Same shape as the other imputed facts: ids from the loader, exercice indexes for the perimeter.</summary>
    private static void Fact<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> b, string table)
        where T : Imputation
    {
        b.ToTable(table);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
        b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
        b.HasOne<CentreFinancier>().WithMany().HasForeignKey(x => x.CentreFinancierCode);
        b.HasOne<DomaineFonctionnel>().WithMany().HasForeignKey(x => x.DomaineFonctionnelCode);
        b.HasOne<Activite>().WithMany().HasForeignKey(x => x.ActiviteCode);
        b.HasOne<Societe>().WithMany().HasForeignKey(x => x.SocieteCode);
        b.HasIndex(x => new { x.Exercice, x.ProgrammeCode });
        b.HasIndex(x => new { x.Exercice, x.MinistereCode });
    }
}
