using Infocentre.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Schema;

internal static class DimensionModel
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<Ministere>(b => Dimension(b, "dim_ministere", x => x.Code));
        m.Entity<Mission>(b => Dimension(b, "dim_mission", x => x.Code));
        m.Entity<Programme>(b =>
        {
            Dimension(b, "dim_programme", x => x.Code);
            b.HasOne<Mission>().WithMany().HasForeignKey(x => x.MissionCode);
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
        });
        m.Entity<DomaineFonctionnel>(b =>
        {
            Dimension(b, "dim_domaine_fonctionnel", x => x.Code);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
        });
        m.Entity<Bop>(b =>
        {
            Dimension(b, "dim_bop", x => x.Code);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
        });
        m.Entity<CentreFinancier>(b =>
        {
            Dimension(b, "dim_centre_financier", x => x.Code);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
            b.HasOne<Bop>().WithMany().HasForeignKey(x => x.BopCode);
        });
        m.Entity<Activite>(b =>
        {
            Dimension(b, "dim_activite", x => x.Code);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
        });
        m.Entity<CategorieLolf>(b => Dimension(b, "dim_categorie_lolf", x => x.Code));
        m.Entity<CompteBudgetaire>(b =>
        {
            Dimension(b, "dim_compte_budgetaire", x => x.Code);
            b.HasOne<CategorieLolf>().WithMany().HasForeignKey(x => x.CategorieCode);
        });
        m.Entity<CompteGeneral>(b => Dimension(b, "dim_compte_general", x => x.Code));
        m.Entity<Societe>(b => Dimension(b, "dim_societe", x => x.Code));
        m.Entity<Calendrier>(b =>
        {
            Dimension(b, "dim_calendrier", x => x.Date);
            b.HasIndex(x => new { x.Exercice, x.Periode });
        });
        m.Entity<CentreCouts>(b =>
        {
            Dimension(b, "dim_centre_couts", x => x.Code);
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
        });
        m.Entity<GroupeMarchandises>(b => Dimension(b, "dim_groupe_marchandises", x => x.Code));
        m.Entity<Localisation>(b => Dimension(b, "dim_localisation", x => x.Code));
        m.Entity<BrancheTiers>(b => Dimension(b, "dim_branche_tiers", x => x.Code));
        m.Entity<Tiers>(b =>
        {
            Dimension(b, "dim_tiers", x => x.Code);
            b.HasOne<BrancheTiers>().WithMany().HasForeignKey(x => x.BrancheCode);
            b.HasIndex(x => x.Siret);
            b.HasIndex(x => x.Siren);
            b.HasIndex(x => x.Rna);
        });
        m.Entity<TypeEj>(b => Dimension(b, "dim_type_ej", x => x.Code));
        m.Entity<TypeMontant>(b => Dimension(b, "dim_type_montant", x => x.Code));
        m.Entity<NatureDp>(b => Dimension(b, "dim_nature_dp", x => x.Code));
        m.Entity<Client>(b => Dimension(b, "dim_client", x => x.Code));
        m.Entity<NatureRecette>(b => Dimension(b, "dim_nature_recette", x => x.Code));
    }

    private static void Dimension<T>(
        Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> b,
        string table,
        System.Linq.Expressions.Expression<Func<T, object?>> key)
        where T : class
    {
        b.ToTable(table);
        b.HasKey(key);
    }
}
