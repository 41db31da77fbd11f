using System.Globalization;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Api.Tests.Reports.Support;
using Infocentre.TestSupport;
using Infocentre.Warehouse;
using Microsoft.Data.Sqlite;

namespace Infocentre.Api.Tests.Exports;

/// <summary>
/// Dedicated warehouses for export tests: copies of the tiny SQLite warehouse (made with SQLite's backup API, so a
/// copy is consistent even while a shared service writes its audit trail) that a test may alter freely, and a
/// catalogue with one more report, INF-CGE-98, that gives one row per ledger line.
/// </summary>
internal sealed class ExportWarehouse : IAsyncDisposable
{
    public const string LedgerReport = "INF-CGE-98";

    public const string LedgerReportYaml = """
        code: INF-CGE-98
        entitySet: LignesEcrituresTest
        title: Lignes d'écritures (test des exports)
        description: Une ligne par ligne d'écriture comptable, pour éprouver les exports volumineux.
        domain: comptabilite-generale
        source: EcrituresComptables
        perimeter: MinistereCode
        parameters:
          - name: exercice
            type: int
            label: Exercice
            description: Exercice comptable (par défaut le dernier chargé).
            required: true
            default: latest
        filter: Exercice eq @exercice
        dimensions:
          - { name: Societe, property: SocieteCode, label: Société, format: text }
          - { name: Piece, property: PieceNumero, label: N° de pièce, format: text }
          - { name: NumeroLigne, property: Ligne, label: Ligne, format: integer }
          - { name: DateComptable, property: DateComptable, label: Date comptable, format: date }
          - { name: Compte, property: CompteGeneralCode, label: Compte général, format: text }
          - { name: Libelle, property: Libelle, label: Libellé, format: text }
        measures:
          - { name: Debit, aggregate: sum, property: Debit, label: Débit, format: "#,##0.00" }
          - { name: Credit, aggregate: sum, property: Credit, label: Crédit, format: "#,##0.00" }
        orderBy: [Societe, Piece, NumeroLigne]
        """;

    private static readonly Lazy<string> LazyCatalogue = new(() =>
    {
        var folder = RepositoryPaths.CopyOfReports();
        System.IO.File.WriteAllText(Path.Combine(folder, "comptabilite-generale", LedgerReport + ".yaml"), LedgerReportYaml);
        return folder;
    });

    private readonly List<InfocentreApp> _apps = [];

    private ExportWarehouse(string file)
    {
        File = file;
        Options = new WarehouseOptions { Provider = WarehouseProvider.Sqlite, ConnectionString = $"Data Source={file};Pooling=False" };
    }

    /// <summary>reports/ plus <see cref="LedgerReport"/>.</summary>
    public static string CatalogueWithLedgerReport => LazyCatalogue.Value;

    public string File { get; }

    public WarehouseOptions Options { get; }

    public static async Task<ExportWarehouse> CopyOfTinyAsync(TinyWarehouses warehouses)
    {
        var file = Path.Combine(Path.GetTempPath(), "infocentre-export-" + Guid.NewGuid().ToString("N") + ".db");
        // The shared services write their audit trail into the source: a copy taken during a write is retried.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var source = new SqliteConnection(warehouses.Sqlite.ConnectionString);
                await using var target = new SqliteConnection($"Data Source={file};Pooling=False");
                await source.OpenAsync();
                await target.OpenAsync();
                source.BackupDatabase(target);
                break;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 100)
            {
                await Task.Delay(50);
            }
        }

        return new ExportWarehouse(file);
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(Options.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Adds <paramref name="count"/> ledger lines to the latest exercice, each its own piece (so INF-CGE-98 gives one
    /// row per line), cheaply: one INSERT … WITH RECURSIVE copying the references of an existing line.
    /// </summary>
    public Task<int> AddLedgerLinesAsync(int count) => ExecuteAsync($"""
        INSERT INTO fact_ecriture_comptable
            (exercice, periode, societe_code, ministere_code, programme_code, piece_numero, ligne, journal, date_comptable,
             compte_general_code, tiers_code, libelle, debit, credit, type_operation)
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count.ToString(CultureInfo.InvariantCulture)})
        SELECT t.exercice, 1 + (n.i % 12), t.societe_code, t.ministere_code, t.programme_code, 'T' || printf('%09d', n.i), 1 + (n.i % 3), t.journal,
               date(t.exercice || '-01-01', '+' || (n.i % 365) || ' days'), t.compte_general_code, t.tiers_code,
               'Ligne de test ' || n.i, printf('%d.%02d', n.i % 100000, n.i % 100), '0', t.type_operation
        FROM n, (SELECT * FROM fact_ecriture_comptable ORDER BY exercice DESC, id LIMIT 1) t
        """);

    /// <summary>Starts the service over this warehouse (and the catalogue with INF-CGE-98) with extra settings; stopped on dispose.</summary>
    public async Task<(InfocentreApp App, HttpClient Client)> StartAsync(Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? [], StringComparer.Ordinal)
        {
            ["Limits:RequestsPerMinute"] = "1000000",
            ["Reports:Folder"] = CatalogueWithLedgerReport,
        };
#pragma warning disable CA2000 // Disposed with this warehouse.
        var app = new InfocentreApp(Options, all);
#pragma warning restore CA2000
        _apps.Add(app);
        using var ready = await app.StartAsync();
        return (app, app.ClientWith(app.Token(lifetime: TimeSpan.FromHours(1))));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.File.Delete(File);
        }
        catch (IOException)
        {
            // Still open on a slow machine: the temp folder is cleaned by the OS.
        }
    }
}
