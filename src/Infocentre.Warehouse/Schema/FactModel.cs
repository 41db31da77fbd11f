using System.Linq.Expressions;
using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Infocentre.Warehouse.Schema;

internal static class FactModel
{
    public static void Configure(ModelBuilder m)
    {
        m.Entity<Credit>(b =>
        {
            Fact(b, "fact_credit");
            Refs(b, x => x.MinistereCode, x => x.ProgrammeCode, x => x.CentreFinancierCode, x => x.DomaineFonctionnelCode);
            b.HasOne<CategorieLolf>().WithMany().HasForeignKey(x => x.CategorieCode);
            CommonIndexes(b, x => x.Exercice, x => x.ProgrammeCode, x => x.MinistereCode, x => x.CentreFinancierCode);
        });
        m.Entity<EngagementLine>(b =>
        {
            ImputedFact(b, "fact_engagement");
            SpendingRefs(b, x => x.CentreCoutsCode, x => x.CompteBudgetaireCode, x => x.CompteGeneralCode,
                x => x.GroupeMarchandisesCode, x => x.LocalisationCode, x => x.TiersCode);
            b.HasOne<TypeEj>().WithMany().HasForeignKey(x => x.TypeEjCode);
            b.HasOne<TypeMontant>().WithMany().HasForeignKey(x => x.TypeMontantCode);
            b.HasIndex(x => new { x.EjNumero, x.EjPoste });
        });
        m.Entity<ServiceFaitLine>(b =>
        {
            ImputedFact(b, "fact_service_fait");
            b.HasOne<Tiers>().WithMany().HasForeignKey(x => x.TiersCode);
            b.HasOne<TypeEj>().WithMany().HasForeignKey(x => x.TypeEjCode);
            b.HasIndex(x => new { x.EjNumero, x.EjPoste });
            b.HasIndex(x => new { x.SfNumero, x.EjNumero, x.EjPoste }).IsUnique();
        });
        m.Entity<PaymentLine>(b =>
        {
            ImputedFact(b, "fact_demande_paiement");
            SpendingRefs(b, x => x.CentreCoutsCode, x => x.CompteBudgetaireCode, x => x.CompteGeneralCode,
                x => x.GroupeMarchandisesCode, x => x.LocalisationCode, x => x.TiersCode);
            b.HasOne<NatureDp>().WithMany().HasForeignKey(x => x.NatureDpCode);
            b.HasOne<TypeEj>().WithMany().HasForeignKey(x => x.TypeEjCode);
            b.HasIndex(x => new { x.EjNumero, x.EjPoste });
            b.HasIndex(x => x.TiersCode);
            b.HasIndex(x => new { x.Exercice, x.SocieteCode, x.DpNumero, x.DpPoste }).IsUnique();
        });
        m.Entity<LedgerEntry>(b =>
        {
            Fact(b, "fact_ecriture_comptable");
            b.HasOne<Societe>().WithMany().HasForeignKey(x => x.SocieteCode);
            b.HasOne<Ministere>().WithMany().HasForeignKey(x => x.MinistereCode);
            b.HasOne<Programme>().WithMany().HasForeignKey(x => x.ProgrammeCode);
            b.HasOne<CompteGeneral>().WithMany().HasForeignKey(x => x.CompteGeneralCode);
            b.HasOne<Tiers>().WithMany().HasForeignKey(x => x.TiersCode);
            b.HasIndex(x => new { x.Exercice, x.SocieteCode, x.PieceNumero, x.Ligne }).IsUnique();
            b.HasIndex(x => new { x.Exercice, x.MinistereCode });
            b.HasIndex(x => new { x.Exercice, x.CompteGeneralCode });
        });
        m.Entity<RevenueOrder>(b =>
        {
            Fact(b, "fact_titre_perception");
            RevenueRefs(b, x => x.MinistereCode, x => x.ProgrammeCode, x => x.CentreFinancierCode, x => x.SocieteCode,
                x => x.ClientCode, x => x.NatureRecetteCode);
            b.HasOne<CompteGeneral>().WithMany().HasForeignKey(x => x.CompteGeneralCode);
            b.HasIndex(x => x.TitreNumero).IsUnique();
            CommonIndexes(b, x => x.Exercice, x => x.ProgrammeCode, x => x.MinistereCode, x => x.CentreFinancierCode);
        });
        m.Entity<RevenueReceipt>(b =>
        {
            Fact(b, "fact_encaissement");
            RevenueRefs(b, x => x.MinistereCode, x => x.ProgrammeCode, x => x.CentreFinancierCode, x => x.SocieteCode,
                x => x.ClientCode, x => x.NatureRecetteCode);
            b.HasOne<RevenueOrder>().WithMany().HasForeignKey(x => x.TitreNumero).HasPrincipalKey(x => x.TitreNumero);
            b.HasIndex(x => x.TitreNumero);
            CommonIndexes(b, x => x.Exercice, x => x.ProgrammeCode, x => x.MinistereCode, x => x.CentreFinancierCode);
        });
    }

    /// <summary>Fact ids are assigned by the loader (bulk COPY and batched inserts), never by the database.</summary>
    private static void Fact<T>(EntityTypeBuilder<T> b, string table)
        where T : class
    {
        b.ToTable(table);
        b.Property("Id").ValueGeneratedNever();
    }

    private static void ImputedFact<T>(EntityTypeBuilder<T> b, string table)
        where T : Imputation
    {
        Fact(b, table);
        Refs(b, x => x.MinistereCode, x => x.ProgrammeCode, x => x.CentreFinancierCode, x => x.DomaineFonctionnelCode);
        b.HasOne<Activite>().WithMany().HasForeignKey(x => x.ActiviteCode);
        b.HasOne<Societe>().WithMany().HasForeignKey(x => x.SocieteCode);
        CommonIndexes(b, x => x.Exercice, x => x.ProgrammeCode, x => x.MinistereCode, x => x.CentreFinancierCode);
    }

    private static void Refs<T>(
        EntityTypeBuilder<T> b, Expression<Func<T, object?>> ministere, Expression<Func<T, object?>> programme,
        Expression<Func<T, object?>> centreFinancier, Expression<Func<T, object?>> domaineFonctionnel)
        where T : class
    {
        b.HasOne<Ministere>().WithMany().HasForeignKey(ministere);
        b.HasOne<Programme>().WithMany().HasForeignKey(programme);
        b.HasOne<CentreFinancier>().WithMany().HasForeignKey(centreFinancier);
        b.HasOne<DomaineFonctionnel>().WithMany().HasForeignKey(domaineFonctionnel);
    }

    private static void SpendingRefs<T>(
        EntityTypeBuilder<T> b, Expression<Func<T, object?>> centreCouts, Expression<Func<T, object?>> compteBudgetaire,
        Expression<Func<T, object?>> compteGeneral, Expression<Func<T, object?>> groupeMarchandises,
        Expression<Func<T, object?>> localisation, Expression<Func<T, object?>> tiers)
        where T : class
    {
        b.HasOne<CentreCouts>().WithMany().HasForeignKey(centreCouts);
        b.HasOne<CompteBudgetaire>().WithMany().HasForeignKey(compteBudgetaire);
        b.HasOne<CompteGeneral>().WithMany().HasForeignKey(compteGeneral);
        b.HasOne<GroupeMarchandises>().WithMany().HasForeignKey(groupeMarchandises);
        b.HasOne<Localisation>().WithMany().HasForeignKey(localisation);
        b.HasOne<Tiers>().WithMany().HasForeignKey(tiers);
    }

    private static void RevenueRefs<T>(
        EntityTypeBuilder<T> b, Expression<Func<T, object?>> ministere, Expression<Func<T, object?>> programme,
        Expression<Func<T, object?>> centreFinancier, Expression<Func<T, object?>> societe,
        Expression<Func<T, object?>> client, Expression<Func<T, object?>> natureRecette)
        where T : class
    {
        b.HasOne<Ministere>().WithMany().HasForeignKey(ministere);
        b.HasOne<Programme>().WithMany().HasForeignKey(programme);
        b.HasOne<CentreFinancier>().WithMany().HasForeignKey(centreFinancier);
        b.HasOne<Societe>().WithMany().HasForeignKey(societe);
        b.HasOne<Client>().WithMany().HasForeignKey(client);
        b.HasOne<NatureRecette>().WithMany().HasForeignKey(natureRecette);
    }

    /// <summary>The filters every report uses: exercice with programme or ministère (the perimeter), centre financier.</summary>
    private static void CommonIndexes<T>(
        EntityTypeBuilder<T> b, Expression<Func<T, object?>> exercice, Expression<Func<T, object?>> programme,
        Expression<Func<T, object?>> ministere, Expression<Func<T, object?>> centreFinancier)
        where T : class
    {
        var ex = Name(exercice);
        b.HasIndex(ex, Name(programme));
        b.HasIndex(ex, Name(ministere));
        b.HasIndex(Name(centreFinancier));
    }

    private static string Name<T>(Expression<Func<T, object?>> property) =>
        (property.Body is UnaryExpression u ? u.Operand : property.Body) is MemberExpression member
            ? member.Member.Name
            : throw new ArgumentException("Expected a property access.", nameof(property));
}
