namespace Infocentre.Warehouse.DemoData;

/// <summary>Size of the generated demo warehouse.</summary>
public enum DemoSize
{
    /// <summary>A few hundred fact rows: 2 ministries, 3 programmes, exercices 2023-2024, about 20 EJ. Small enough to check by hand.</summary>
    Tiny,

    /// <summary>At least 1,000,000 fact rows: 15 ministries, 36 real programmes, exercices 2022-2024.</summary>
    Demo,

    /// <summary>At least 10,000,000 fact rows: the demo referential with more UOs, exercices 2020-2024.</summary>
    Large,
}

/// <summary>Parsing and description of <see cref="DemoSize"/> values ("tiny", "demo", "large").</summary>
public static class DemoSizes
{
    public static bool TryParse(string? text, out DemoSize size)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "TINY":
                size = DemoSize.Tiny;
                return true;
            case "DEMO":
                size = DemoSize.Demo;
                return true;
            case "LARGE":
                size = DemoSize.Large;
                return true;
            default:
                size = default;
                return false;
        }
    }

    public static DemoSize Parse(string text) =>
        TryParse(text, out var size)
            ? size
            : throw new ArgumentException($"Unknown demo size '{text}'. Use tiny, demo or large.", nameof(text));

    /// <summary>The lower-case name used on command lines and in load records ("demo").</summary>
    public static string Name(this DemoSize size) => size switch
    {
        DemoSize.Tiny => "tiny",
        DemoSize.Demo => "demo",
        DemoSize.Large => "large",
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };

    /// <summary>The minimum number of fact rows (all fact tables together) the size guarantees.</summary>
    public static long MinimumFactRows(this DemoSize size) => size switch
    {
        DemoSize.Tiny => 100,
        DemoSize.Demo => 1_000_000,
        DemoSize.Large => 10_000_000,
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };
}

/// <summary>The knobs behind a <see cref="DemoSize"/>.</summary>
internal sealed record DemoProfile(
    DemoSize Size,
    int Seed,
    int FirstExercice,
    int LastExercice,
    IReadOnlyList<DemoCatalog.ProgrammeInfo> Programmes,
    IReadOnlyList<DemoCatalog.DepartementInfo> Departements,
    int RegionalUosPerProgramme,
    int MaxActionsPerCentre,
    int MaxCategoriesPerAction,
    double EjPerCombo,
    int ActivitesPerAction,
    int TiersCount,
    int ClientsCount,
    int TitresPerExercice)
{
    /// <summary>The fixed seed: same size, same data, byte for byte.</summary>
    public const int DefaultSeed = 20_240_101;

    public DateOnly FirstDate => new(FirstExercice, 1, 1);

    /// <summary>The data cut-off: nothing happens after the 31 December of the last exercice.</summary>
    public DateOnly LastDate => new(LastExercice, 12, 31);

    public static DemoProfile For(DemoSize size) => size switch
    {
        DemoSize.Tiny => new(
            size, DefaultSeed, 2023, 2024,
            [.. DemoCatalog.Programmes.Where(p => DemoCatalog.TinyProgrammes.Contains(p.Numero))],
            [.. DemoCatalog.Departements.Where(d => DemoCatalog.TinyDepartements.Contains(d.Code))],
            RegionalUosPerProgramme: 1, MaxActionsPerCentre: 1, MaxCategoriesPerAction: 1, EjPerCombo: 1.0,
            ActivitesPerAction: 1, TiersCount: 18, ClientsCount: 6, TitresPerExercice: 60),
        DemoSize.Demo => new(
            size, DefaultSeed, 2022, 2024, DemoCatalog.Programmes, DemoCatalog.Departements,
            RegionalUosPerProgramme: 6, MaxActionsPerCentre: 3, MaxCategoriesPerAction: 2, EjPerCombo: 22.0,
            ActivitesPerAction: 3, TiersCount: 15_000, ClientsCount: 4_000, TitresPerExercice: 12_000),
        DemoSize.Large => new(
            size, DefaultSeed, 2020, 2024, DemoCatalog.Programmes, DemoCatalog.Departements,
            RegionalUosPerProgramme: 14, MaxActionsPerCentre: 3, MaxCategoriesPerAction: 2, EjPerCombo: 48.0,
            ActivitesPerAction: 3, TiersCount: 120_000, ClientsCount: 30_000, TitresPerExercice: 120_000),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, null),
    };
}
