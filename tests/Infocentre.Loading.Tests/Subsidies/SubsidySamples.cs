namespace Infocentre.Loading.Tests.Subsidies;

/// <summary>
/// Small Data.Subvention extractions, written out row by row. Codes are those of the tiny warehouse: EJ
/// 1300000012/1 is a ZSUB EJ line (IDF1, centre de coûts SJVSDAT075, compte budgétaire 64, compte général
/// 6574000000, localisation N1175) of tiers 1000000115 (branche Z039, SIRET 70740740900150); DP 900000001 of
/// ADCE in 2024 is the one of inf-bud-53-good.csv.
/// </summary>
public static class SubsidySamples
{
    public const string Sheet = "1. Extraction";

    /// <summary>Two new DP lines (a numeric amount and date, then French text) and one DP line held from INF-BUD-53.</summary>
    public static readonly object?[][] Good =
    [
        XlsxSample.Header,
        Row("1300000012", 1, "1000000115", "Z039", "70740740900150", "IDF1", 2024, "900000101", 1, new DateOnly(2024, 3, 15), "0163-DR11-D075", "0163-04", "016304010101", 15_000.00m),
        Row("1300000012", 1, "1000000115", "Z039", "70740740900150", "IDF1", 2024, "900000101", 2, "20/06/2024", "0163-DR11-D075", "0163-04", "016304010101", "2 500,75"),
        // The FAC line 900000001/2 of inf-bud-53-good.csv, now paid.
        Row("1300000001", 1, "1000000017", "Z007", "16543209700237", "ADCE", 2024, "900000001", 2, "15.05.2024", "0163-CJVA-CJEP", "0163-01", "016301010101", "12 615 940,52"),
    ];

    /// <summary>One good row (line 2) then one fault per row (lines 3 to 13).</summary>
    public static readonly object?[][] Bad =
    [
        XlsxSample.Header,
        Row("1300000012", 1, "1000000115", "Z039", "70740740900150", "IDF1", 2024, "900000101", 1, new DateOnly(2024, 3, 15), "0163-DR11-D075", "0163-04", "016304010101", 15_000.00m),
        Row("1300000012", 1, "1000000115", "Z039", "70740740900151", "IDF1", 2024, "900000102", 1, "15.03.2024", "0163-DR11-D075", "0163-04", "016304010101", 10m),
        Row("130000001", 1, "1000000115", "Z039", "70740740900150", "IDF1", 2024, "900000103", 1, "15.03.2024", "0163-DR11-D075", "0163-04", "016304010101", 10m),
        Row("1300000012", 1, "1000000115", "Z039", "70740740900150", "IDF1", 2024, "90000010", 1, "15.03.2024", "0163-DR11-D075", "0163-04", "016304010101", 10m),
        Row("1300000012", 1, "1000000115", "Z039", "70740740900150", "IDF1", 2024, "900000105", 1, "15.03.2024", "0163-DR11-D075", "0163-04", "016304010101", 12.345),
        Row("1300000012", 1, "1000000115", "Z039", "70740740900150", "ZZZZ", 2024, "900000106", 1, "15.03.2024", "0163-DR11-D075", "0163-04", "016304010101", 10m),
        Row("1300000012", 1, "1000000115", "Z039", "70740740900150", "IDF1", 2024, "900000107", 1, "31.02.2024", "0163-DR11-D075", "0163-04", "016304010101", 10m),
        Row("1300000012", 1, "1000000115", "Z004", "70740740900150", "IDF1", 2024, "900000108", 1, "15.03.2024", "0163-DR11-D075", "0163-04", "016304010101", 10m),
        Row("1300000012", 1, "1000000115", "Z039", "70740740900150", "IDF1", 2024, "900000109", 1, "15.03.2024", "0176-DR53-D035", "0163-04", "016304010101", 10m),
        Row("1399999999", 1, "1000000115", "Z039", "70740740900150", "IDF1", 2024, "900000110", 1, "15.03.2024", "0163-DR11-D075", "0163-04", "016304010101", 10m),
        Row("1300000012", 1, "1000000115", "Z039", "70740740900150", "IDF1", 2024, "900000101", 1, "16.03.2024", "0163-DR11-D075", "0163-04", "016304010101", 20m),
        Row("1300000012", 1, "1000000115", "Z039", "70740740900150", "IDF1", 2024, "900000112", 1, "15.03.2024", "0163-DR11-D075", "0163-04", "016304010101", "12.50"),
    ];

    /// <summary>Warnings only: an association without SIRET (tiers 1000000087 has none) and a date in another year.</summary>
    public static readonly object?[][] Warnings =
    [
        XlsxSample.Header,
        Row("1300000003", 1, "1000000087", "Z039", "#", "IDF1", 2024, "900000201", 1, "05.01.2025", "0163-DR11-D075", "0163-04", "016304010101", 300m),
    ];

    public const string FundSheet = "2. Extraction FEHBE";

    /// <summary>Two FSE+ payments and one FEDER payment of the trésorerie of Paris, then a row of an unknown fund DF (line 5).</summary>
    public static readonly object?[][] Funds =
    [
        XlsxSample.Header,
        FundRow("900000301", 1, "FSE00-14", "Prog nat.Etat FSE+2021-27", 4_000.00m),
        FundRow("900000301", 2, "FSE00-14", "Prog nat.Etat FSE+2021-27", "1 250,25"),
        FundRow("900000302", 1, "FED00-14", "Prog reg. FEDER 2021-27", 800m),
        FundRow("900000303", 1, "XYZ00-14", "Autre", 10m),
    ];

    public static object?[] FundRow(string dp, int dpPoste, string domaine, string libelle, object montant) =>
    [
        "1400900001", 1, "1000000115", "ASSOCIATION DE TEST", "Z039", "Associations", "70740740900150", "#", "#", null, "IDF1", 2024, dp, dpPoste,
        "12.09.2024", "FSE0-TG75-FE75", "TG Paris - fonds européens", domaine, libelle, montant,
    ];

    public static object?[] Row(
        string ej, int ejPoste, string tiers, string branche, string siret, string societe, int exercice, string dp, int dpPoste,
        object date, string centreFinancier, string domaine, string activite, object montant) =>
    [
        ej, ejPoste, tiers, "ASSOCIATION DE TEST", branche, "Libellé", siret, "#", activite, "Libellé", societe, exercice, dp, dpPoste,
        date, centreFinancier, "Libellé", domaine, "Libellé", montant,
    ];
}
