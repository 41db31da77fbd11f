using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.ReportingViews;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Schema;

/// <summary>Tables and views of the subsidies domain: applications, échéanciers and European-fund payments.</summary>
internal static class SubsidyModel
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<SubsidyApplication>(b =>
        {
            b.ToTable("fact_demande_subvention");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
            b.HasOne<Activite>().WithMany().HasForeignKey(x => x.ActiviteCode);
            b.HasOne<Tiers>().WithMany().HasForeignKey(x => x.TiersCode);
            b.HasIndex(x => x.DemandeNumero).IsUnique();
            // Payments find their application by EJ: unique, so the reporting views' LEFT JOIN is a key lookup.
            b.HasIndex(x => x.EjNumero).IsUnique();
            b.HasIndex(x => new { x.Exercice, x.MinistereCode });
            b.HasIndex(x => new { x.Exercice, x.ProgrammeCode });
            b.HasIndex(x => x.TiersCode);
        });
        m.Entity<SubsidyInstallment>(b =>
        {
            b.ToTable("fact_echeance_subvention");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
            b.HasOne<Tiers>().WithMany().HasForeignKey(x => x.TiersCode);
            b.HasIndex(x => new { x.EjNumero, x.Exercice }).IsUnique();
            b.HasIndex(x => new { x.Exercice, x.MinistereCode });
            b.HasIndex(x => new { x.Exercice, x.ProgrammeCode });
        });
        m.Entity<EuropeanFundPayment>(b =>
        {
            b.ToTable("fact_versement_fonds_europeens");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
            b.HasOne<Societe>().WithMany().HasForeignKey(x => x.SocieteCode);
            b.HasOne<Tiers>().WithMany().HasForeignKey(x => x.TiersCode);
            b.HasIndex(x => new { x.Exercice, x.SocieteCode, x.DpNumero, x.DpPoste }).IsUnique();
            b.HasIndex(x => new { x.Exercice, x.MinistereCode });
        });
        m.Entity<Tiers>(b => b.HasIndex(x => x.QpvCode));

        m.Entity<SubsidyFollowUpView>(b => b.ToView("v_suivi_subvention").HasKey(x => new { x.Source, x.Id }));
        m.Entity<EuropeanFundPaymentView>(b => b.ToView("v_versement_fonds_europeens").HasKey(x => x.Id));
    }
}
