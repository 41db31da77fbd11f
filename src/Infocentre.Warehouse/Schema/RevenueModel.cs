using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.ReportingViews;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Schema;

/// <summary>Recettes non fiscales beyond titres and encaissements: referentials, small facts, their views and indexes.</summary>
internal static class RevenueModel
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<LigneRecette>(b => b.ToTable("dim_ligne_recette").HasKey(x => x.Code));
        m.Entity<Regie>(b => b.ToTable("dim_regie").HasKey(x => x.Code));

        m.Entity<RevenueOrder>(b =>
        {
            b.HasOne<LigneRecette>().WithMany().HasForeignKey(x => x.LigneRecetteCode);
            b.HasOne<Regie>().WithMany().HasForeignKey(x => x.RegieCode);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeAcheteurCode);
            b.HasOne<DomaineFonctionnel>().WithMany().HasForeignKey(x => x.DomaineFonctionnelCode);
            // The revenue reports select titres by origine, by year of cancellation or by statut within an exercice.
            b.HasIndex(x => new { x.Exercice, x.Origine });
            b.HasIndex(x => new { x.ExerciceAnnulation, x.MotifAnnulation });
            b.HasIndex(x => new { x.Exercice, x.Statut });
        });
        m.Entity<RevenueReceipt>(b =>
        {
            b.HasOne<CompteGeneral>().WithMany().HasForeignKey(x => x.CompteGeneralCode);
            b.HasOne<LigneRecette>().WithMany().HasForeignKey(x => x.LigneRecetteCode);
            b.HasOne<Regie>().WithMany().HasForeignKey(x => x.RegieCode);
        });
        m.Entity<UnmatchedReceipt>(b =>
        {
            Fact(b, "fact_encaissement_non_rapproche");
            b.HasOne<Societe>().WithMany().HasForeignKey(x => x.SocieteCode);
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
            b.HasOne<CentreFinancier>().WithMany().HasForeignKey(x => x.CentreFinancierCode);
            b.HasIndex(x => new { x.Exercice, x.MinistereCode });
            b.HasIndex(x => x.Reference).IsUnique();
        });
        m.Entity<RevenueForecast>(b =>
        {
            Fact(b, "fact_prevision_recette");
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
            b.HasOne<LigneRecette>().WithMany().HasForeignKey(x => x.LigneRecetteCode);
            b.HasIndex(x => new { x.Exercice, x.ProgrammeCode, x.LigneRecetteCode }).IsUnique();
            b.HasIndex(x => new { x.Exercice, x.MinistereCode });
        });
        m.Entity<AccruedRevenue>(b =>
        {
            Fact(b, "fact_produit_a_recevoir");
            b.HasOne<Societe>().WithMany().HasForeignKey(x => x.SocieteCode);
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
            b.HasOne<NatureRecette>().WithMany().HasForeignKey(x => x.NatureRecetteCode);
            b.HasOne<CompteGeneral>().WithMany().HasForeignKey(x => x.CompteGeneralCode);
            b.HasIndex(x => new { x.Exercice, x.MinistereCode });
        });

        m.Entity<TitrePerceptionView>(b => b.ToView("v_titre_perception").HasKey(x => x.Id));
        m.Entity<UnmatchedReceiptView>(b => b.ToView("v_encaissement_non_rapproche").HasKey(x => x.Id));
        m.Entity<RevenueForecastView>(b => b.ToView("v_prevision_recette").HasKey(x => new { x.Source, x.Id }));
        m.Entity<AccruedRevenueView>(b => b.ToView("v_produit_a_recevoir").HasKey(x => x.Id));
    }

    /// <summary>Fact ids are assigned by the loader, never by the database.</summary>
    private static void Fact<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> b, string table)
        where T : class
    {
        b.ToTable(table);
        b.Property("Id").ValueGeneratedNever();
    }
}
