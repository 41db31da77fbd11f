using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Infocentre.Warehouse.Bulk;

/// <summary>One column a bulk writer fills: its name, EF property and relational type mapping.</summary>
public sealed class BulkColumn
{
    private readonly IClrPropertyGetter getter;
    private readonly Func<object?, object?>? toProvider;

    internal BulkColumn(IProperty property, string name, RelationalTypeMapping mapping)
    {
        Property = property;
        Name = name;
        Mapping = mapping;
        getter = property.GetGetter();
        // A converter on the mapping (or on the property) turns the CLR value into what EF stores.
        var converter = property.GetValueConverter() ?? mapping.Converter;
        toProvider = converter is null ? null : converter.ConvertToProvider;
    }

    public IProperty Property { get; }

    public string Name { get; }

    public RelationalTypeMapping Mapping { get; }

    /// <summary>The value EF would send for <paramref name="entity"/>: the CLR value through the mapping's converter; null for NULL.</summary>
    public object? GetProviderValue(object entity)
    {
        var value = getter.GetClrValue(entity);
        return value is null || toProvider is null ? value : toProvider(value);
    }
}

/// <summary>
/// The table an entity type maps to and the columns a bulk load writes, read from the EF Core model only:
/// no per-table SQL is written by hand. Store-generated properties (identity keys) are left to the database.
/// </summary>
public sealed class BulkTable
{
    private BulkTable(IEntityType entityType, string name, string? schema, IReadOnlyList<BulkColumn> columns)
    {
        EntityType = entityType;
        Name = name;
        Schema = schema;
        Columns = columns;
    }

    public IEntityType EntityType { get; }

    public string Name { get; }

    public string? Schema { get; }

    public IReadOnlyList<BulkColumn> Columns { get; }

    public static BulkTable For<T>(DbContext db)
        where T : class => For(db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity type of {db.GetType().Name}."));

    public static BulkTable For(IEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var name = entityType.GetTableName()
            ?? throw new InvalidOperationException($"{entityType.DisplayName()} is not mapped to a table.");
        var schema = entityType.GetSchema();
        var table = StoreObjectIdentifier.Table(name, schema);
        var columns = new List<BulkColumn>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.ValueGenerated != ValueGenerated.Never || property.IsShadowProperty())
            {
                continue;
            }

            var column = property.GetColumnName(table)
                ?? throw new InvalidOperationException($"{entityType.DisplayName()}.{property.Name} has no column in {name}.");
            columns.Add(new BulkColumn(property, column, property.GetRelationalTypeMapping()));
        }

        return new BulkTable(entityType, name, schema, columns);
    }

    /// <summary>The same columns in another table of the same shape (a loader's staging table).</summary>
    public BulkTable WithName(string name, string? schema = null) => new(EntityType, name, schema, Columns);
}
