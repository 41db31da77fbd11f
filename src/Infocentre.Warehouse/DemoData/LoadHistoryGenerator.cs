using System.Globalization;
using Infocentre.Warehouse.Loads;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// The journal of two earlier weekly loads of the demo warehouse, with the data-quality findings the loader
/// would have stored (docs/loading.md): an INF-BUD-53 extract loaded with a few rejected lines and warnings,
/// and a general-ledger extract refused for an unbalanced pièce. They give the findings report something to show.
/// </summary>
internal static class LoadHistoryGenerator
{
    public static async Task AddAsync(WarehouseDbContext db, int exercice, DateTime now, CancellationToken cancellationToken)
    {
        string Year(int offset) => (exercice + offset).ToString(CultureInfo.InvariantCulture);
        var budget = Run($"INF-BUD-53_{Year(0)}_S05.csv", "inf-bud-53", "succeeded", now.AddDays(-7), 1_250, 1_247, 3, null);
        var ledger = Run($"INF-CGE-03_{Year(0)}_P12.csv", "inf-cge-03", "refused", now.AddDays(-6), 40, 0, 4,
            $"INF-CGE-03_{Year(0)}_P12.csv: 4 of 40 lines rejected (10.0 %), above the threshold of 5.0 %; nothing was loaded.");
        db.LoadRuns.AddRange(budget, ledger);
        await db.SaveChangesAsync(cancellationToken);

        LoadFinding Finding(LoadRun run, string code, string severity, long? line, string? column, string? value, string message) => new()
        {
            LoadRunId = run.Id, Code = code, Severity = severity, FileName = run.FileName, Line = line, Column = column, Value = value, Message = message,
        };
        const string Error = "error";
        const string Warning = "warning";
        var unbalanced = $"Pièce 9200000017 (société ADCE, exercice {Year(0)}) is unbalanced: Σ débit 1200.00 ≠ Σ crédit 1100.00, gap 100.00; all its lines are rejected.";
        db.LoadFindings.AddRange(
            Finding(budget, "DQ-004", Error, 214, "Centre de coûts", "SJVSDAT999", "Unknown centre de coûts 'SJVSDAT999'."),
            Finding(budget, "DQ-003", Error, 587, "Code taxe 1", "16543209700238", "SIRET '16543209700238' fails the Luhn check."),
            Finding(budget, "DQ-002", Error, 902, "Date de paiement", $"31.02.{Year(0)}", "Expected a date dd.MM.yyyy or dd/MM/yyyy."),
            Finding(budget, "DQ-010", Warning, 1_033, "Date de dernière opération sur la DP", $"03.01.{Year(1)}", $"The last operation date is outside exercice {Year(0)}."),
            Finding(budget, "DQ-012", Warning, 1_188, "Code taxe 1", "#", "An association (branche Z039) without SIRET cannot be matched by Data.Subvention."),
            Finding(budget, "DQ-011", Warning, null, "N° EJ", "1300000042/1", "EJ line 1300000042/1: paid 18000.00 is above engaged 15000.00."),
            Finding(ledger, "DQ-007", Error, 12, "N° pièce", "9200000017", unbalanced),
            Finding(ledger, "DQ-007", Error, 13, "N° pièce", "9200000017", unbalanced),
            Finding(ledger, "DQ-007", Error, 14, "N° pièce", "9200000017", unbalanced),
            Finding(ledger, "DQ-004", Error, 27, "Compte général", "6999999999", "Unknown compte général (PCE) '6999999999'."));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static LoadRun Run(string file, string kind, string status, DateTime started, long read, long loaded, long rejected, string? message) => new()
    {
        FileName = file, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(file))),
        Kind = kind, Encoding = "utf-8", StartedBy = "demo", StartedAt = started, FinishedAt = started.AddMinutes(2), Status = status,
        RowsRead = read, RowsLoaded = loaded, RowsRejected = rejected, Message = message,
    };
}
