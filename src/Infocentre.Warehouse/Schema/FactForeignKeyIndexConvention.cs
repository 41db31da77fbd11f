using Infocentre.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace Infocentre.Warehouse.Schema;

/// <summary>
/// EF Core indexes every foreign key. A fact table has a dozen (programme, centre financier, compte, tiers...), and
/// every large load rebuilds each index: 15 of the 20 indexes of <c>fact_demande_paiement</c> were these, about
/// half of a million-line load (docs/performance.md). Reports reach facts by exercice (the indexes declared in the
/// model lead with it), and dimension rows are upserted, never deleted, so the child side of a foreign key is
/// never searched. Facts therefore index only their tiers (association and supplier lookups go from a SIRET to
/// its lines across exercices) and what the model declares.
/// </summary>
internal sealed class FactForeignKeyIndexConvention(ProviderConventionSetBuilderDependencies dependencies)
    : ForeignKeyIndexConvention(dependencies)
{
    private static readonly string FactNamespace = typeof(Facts.PaymentLine).Namespace!;

    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder)
    {
        var entityType = entityTypeBuilder.Metadata;
        var isFact = string.Equals(entityType.ClrType.Namespace, FactNamespace, StringComparison.Ordinal);
        var toTiers = entityType.FindForeignKeys(properties).Any(fk => fk.PrincipalEntityType.ClrType == typeof(Tiers));
        return isFact && !unique && !toTiers ? null : base.CreateIndex(properties, unique, entityTypeBuilder);
    }
}
