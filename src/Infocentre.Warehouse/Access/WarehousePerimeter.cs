namespace Infocentre.Warehouse.Access;

/// <summary>
/// What part of the warehouse a caller may see: all of it (interministerial), or the rows of some ministries,
/// optionally narrowed to some programmes. Enforced by global query filters on every fact and reporting view,
/// so every path that reads through EF Core (OData, REST, exports, deliveries) honours it without code of its own.
/// </summary>
public sealed record WarehousePerimeter
{
    private WarehousePerimeter(bool seesAll, IReadOnlyList<string> ministeres, IReadOnlyList<string> programmes)
    {
        SeesAll = seesAll;
        Ministeres = ministeres;
        Programmes = programmes;
    }

    /// <summary>Trusted processes (CLI, seeding, loading) and interministerial callers.</summary>
    public static WarehousePerimeter Everything { get; } = new(true, [], []);

    /// <summary>Sees no row at all: the default for a caller whose perimeter cannot be established.</summary>
    public static WarehousePerimeter Nothing { get; } = new(false, [], []);

    public bool SeesAll { get; }

    /// <summary>Ministère codes ("MIN10") whose rows are visible.</summary>
    public IReadOnlyList<string> Ministeres { get; }

    /// <summary>When not empty, only these programmes ("0163") of those ministries are visible.</summary>
    public IReadOnlyList<string> Programmes { get; }

    /// <summary>Whether any programme restriction applies (a plain bool keeps the SQL filter simple).</summary>
    public bool RestrictsProgrammes => Programmes.Count > 0;

    public static WarehousePerimeter Of(IEnumerable<string> ministeres, IEnumerable<string>? programmes = null)
    {
        var m = ministeres.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var p = (programmes ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return m.Count == 0 ? Nothing : new WarehousePerimeter(false, m, p);
    }

    public override string ToString() =>
        SeesAll ? "interministériel"
        : Ministeres.Count == 0 ? "aucun"
        : string.Join(", ", Ministeres) + (RestrictsProgrammes ? " (programmes " + string.Join(", ", Programmes) + ")" : "");
}
