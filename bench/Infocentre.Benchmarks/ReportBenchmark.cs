using System.Buffers.Text;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infocentre.Reports;
using Infocentre.Reports.Compilation;
using Infocentre.Reports.Parameters;
using Infocentre.TestSupport.PostgreSql;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Benchmarks;

/// <summary>
/// A report served over OData by the real service (a child process on Kestrel) against the same result computed
/// by hand-written SQL over ADO.NET on the same engine, on the <c>demo</c> warehouse, for SQLite and PostgreSQL.
/// A third column runs by hand the SQL EF Core generates for the report (the command EF would execute, with its
/// parameters, checked against the statement the service logs for the request), to tell the cost of the SQL's
/// shape from the cost of EF materialisation, OData serialisation and HTTP.
/// </summary>
/// <remarks>
/// Runs are interleaved (the order of the three variants rotates from one run to the next) after warm-up, and every
/// variant's result is checked against the others: same row count and the same exact decimal sums.
/// </remarks>
internal static partial class ReportBenchmark
{
    private const int Exercice = 2024;
    private const int PageSize = 5000;

    private static readonly Case[] Cases =
    [
        new(
            "INF-BUD-40", "ConsommationParProgramme (all rows)",
            $"/odata/ConsommationParProgramme?exercice={Exercice}",
            sum => $"""
                SELECT ministere_code AS "Ministere", programme_code AS "Programme",
                       COALESCE(programme_libelle, '#') AS "ProgrammeLibelle",
                       {sum}(montant_engage) AS "MontantEngage", {sum}(montant_bascule) AS "Bascule",
                       {sum}(montant_certifie_non_solde) AS "CertifieNonSolde", {sum}(montant_pre_enregistre) AS "PreEnregistre",
                       {sum}(montant_facture) AS "Facture", {sum}(montant_paye) AS "Paye"
                FROM v_execution_budgetaire
                WHERE exercice = @exercice
                GROUP BY ministere_code, programme_code, COALESCE(programme_libelle, '#')
                ORDER BY 1, 2, 3
                """,
            ["MontantEngage", "Bascule", "CertifieNonSolde", "PreEnregistre", "Facture", "Paye"],
            [new("AeConsommees", ["MontantEngage"], ["Bascule"]), new("CpConsommes", ["CertifieNonSolde", "PreEnregistre", "Facture", "Paye"], [])],
            Limit: null),
        new(
            "INF-DEP-56", "DelaiGlobalPaiement (all rows)",
            $"/odata/DelaiGlobalPaiement?exercice={Exercice}",
            sum => $"""
                SELECT societe_code AS "Societe", periode AS "PeriodeComptable", nature_dp_code AS "NatureSousNature",
                       COUNT(DISTINCT dp_numero) AS "NombreDp", {sum}(montant_paye) AS "MontantDp",
                       AVG(delai_paiement_jours) AS "DelaiGlobalPaiement", MAX(delai_paiement_jours) AS "DelaiMaximum"
                FROM v_demande_paiement
                WHERE exercice = @exercice AND statut = 'PAY'
                GROUP BY societe_code, periode, nature_dp_code
                ORDER BY 1, 2, 3
                """,
            ["NombreDp", "MontantDp", "DelaiMaximum"],
            [],
            Limit: null),
        new(
            "INF-BUD-53", $"PilotageGestionVueDetaillee (first page, {PageSize} rows)",
            $"/odata/PilotageGestionVueDetaillee?exercice={Exercice}",
            sum => $"""
                SELECT programme_code AS "Programme", centre_financier_code AS "CentreFinancier",
                       COALESCE(domaine_fonctionnel_code, '#') AS "DomaineFonctionnel",
                       COALESCE(activite_code, '#') AS "ReferentielProgrammation",
                       COALESCE(ej_numero, '#') AS "NumeroEj", COALESCE(ej_poste, 0) AS "PosteEj",
                       COALESCE(tiers_code, '#') AS "Fournisseur", COALESCE(tiers_raison_sociale, '#') AS "FournisseurNom",
                       {sum}(montant_engage) AS "MontantEngage", {sum}(montant_bascule) AS "BasculeEjNonSoldes",
                       {sum}(montant_certifie_non_solde) AS "CertifieNonSolde", {sum}(montant_pre_enregistre) AS "PreEnregistre",
                       {sum}(montant_facture) AS "Facture", {sum}(montant_paye) AS "Paye"
                FROM v_execution_budgetaire
                WHERE exercice = @exercice
                GROUP BY programme_code, centre_financier_code, COALESCE(domaine_fonctionnel_code, '#'),
                         COALESCE(activite_code, '#'), COALESCE(ej_numero, '#'), COALESCE(ej_poste, 0),
                         COALESCE(tiers_code, '#'), COALESCE(tiers_raison_sociale, '#')
                ORDER BY 1, 2, 5, 6, 3, 7, 8, 4
                LIMIT {PageSize}
                """,
            ["MontantEngage", "BasculeEjNonSoldes", "CertifieNonSolde", "PreEnregistre", "Facture", "Paye"],
            [new("Ae", ["MontantEngage"], ["BasculeEjNonSoldes"]), new("Cp", ["CertifieNonSolde", "PreEnregistre", "Facture", "Paye"], [])],
            Limit: PageSize),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            return 2;
        }

        var root = RepositoryRoot();
        var api = options.Api ?? FindApi(root);
        if (api is null)
        {
            Console.Error.WriteLine("Build the service first: dotnet build -c Release src/Infocentre.Api (or pass --api <Infocentre.Api.dll>).");
            return 2;
        }

        Console.WriteLine($"Service: {api}");
        Console.WriteLine(Machine());
        var results = new List<Result>();
        var failed = false;
        foreach (var provider in options.Providers)
        {
            try
            {
                var measured = provider == WarehouseProvider.Sqlite
                    ? await SqliteAsync(options, api, root)
                    : await PostgreSqlAsync(options, api, root);
                PrintSummary(measured, options);
                results.AddRange(measured);
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or DbException)
            {
                // One engine failing must not lose the other's figures.
                Console.Error.WriteLine($"{provider}: {e}");
                failed = true;
            }
        }

        if (results.Count > 0 && options.Providers.Count > 1)
        {
            PrintSummary(results, options);
        }

        return !failed && results.All(r => r.Consistent) ? 0 : 1;
    }

    private static async Task<IReadOnlyList<Result>> SqliteAsync(Options options, string api, string root)
    {
        var folder = Path.Combine(Path.GetTempPath(), "infocentre-report-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var file = options.SqliteFile ?? Path.Combine(folder, "demo.db");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        try
        {
            var warehouse = new WarehouseOptions { Provider = WarehouseProvider.Sqlite, ConnectionString = $"Data Source={Path.GetFullPath(file)}", CommandTimeoutSeconds = 3600 };
            await SeedAsync(warehouse);
            return await MeasureAsync("SQLite", warehouse, options, api, root);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<IReadOnlyList<Result>> PostgreSqlAsync(Options options, string api, string root)
    {
        await using var server = await PostgreSqlServer.StartAsync(CancellationToken.None);
        var warehouse = new WarehouseOptions
        {
            Provider = WarehouseProvider.PostgreSql,
            ConnectionString = await server.CreateDatabaseAsync("report_bench", CancellationToken.None),
            CommandTimeoutSeconds = 3600,
        };
        await SeedAsync(warehouse);
        var results = await MeasureAsync("PostgreSQL", warehouse, options, api, root);
        Npgsql.NpgsqlConnection.ClearAllPools();
        return results;
    }

    /// <summary>Seeds the demo data set unless the warehouse already holds it (a reused --sqlite-file of this schema).</summary>
    private static async Task SeedAsync(WarehouseOptions warehouse)
    {
        await using (var existing = WarehouseDatabase.CreateContext(warehouse))
        {
            if (await TableExistsAsync(existing) && await existing.Loads.AnyAsync())
            {
                try
                {
                    await WarehouseDatabase.CreateSchemaAsync(existing, CancellationToken.None);
                    Console.WriteLine($"{warehouse.Provider}: reusing the warehouse already seeded.");
                    return;
                }
                catch (Infocentre.Warehouse.Schema.WarehouseSchemaMismatchException) when (warehouse.Provider == WarehouseProvider.Sqlite)
                {
                    Console.WriteLine($"{warehouse.Provider}: the kept file has an older schema; seeding it again.");
                }
            }
        }

        if (warehouse.Provider == WarehouseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(warehouse.ConnectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
            {
                File.Delete(path);
            }
        }

        await using var db = WarehouseDatabase.CreateContext(warehouse);
        Console.WriteLine($"{warehouse.Provider}: seeding the demo warehouse…");
        var summary = await DemoSeeder.SeedAsync(db, DemoSize.Demo, null, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{warehouse.Provider}: {summary.FactRows:N0} fact rows ({summary.TotalRows:N0} rows) in {summary.Elapsed.TotalSeconds:0.0} s."));
    }

    private static async Task<bool> TableExistsAsync(WarehouseDbContext db)
    {
        try
        {
            _ = await db.Loads.AnyAsync();
            return true;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private static async Task<IReadOnlyList<Result>> MeasureAsync(string engine, WarehouseOptions warehouse, Options options, string api, string root)
    {
        await using var db = WarehouseDatabase.CreateContext(warehouse);
        // Opened through EF Core: on SQLite the connection then has EF's exact decimal functions (ef_sum, ef_add...).
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var sum = warehouse.Provider == WarehouseProvider.Sqlite ? "ef_sum" : "SUM";
        Console.WriteLine($"{engine}: {await VersionAsync(connection, warehouse.Provider)}; {LoadAverage()}");

        // 1. The command EF Core builds for each report, as the service builds it: the compiled report, the default
        //    order completed by the key, one row more than the page.
        var catalogue = ReportCatalogue.Load(Path.Combine(root, "reports"), db.Model);
        var commands = Cases.ToDictionary(c => c.Code, c => EfCommand(db, catalogue, c), StringComparer.Ordinal);

        // 2. The statement the service actually runs for each request, from its own command log: it must be the same.
        await using (var capture = await Service.StartAsync(api, root, warehouse, logSql: true))
        {
            foreach (var c in Cases)
            {
                capture.ClearLog();
                using var response = await capture.Http.GetAsync(new Uri(c.ODataPath, UriKind.Relative));
                response.EnsureSuccessStatusCode();
                var (logged, _) = await capture.WaitForReportCommandAsync();
                var same = string.Equals(Normalize(logged), Normalize(commands[c.Code].CommandText), StringComparison.Ordinal);
                Console.WriteLine($"{engine} {c.Code}: the service runs the SQL measured as \"EF's SQL\": {(same ? "yes" : "NO")}");
                if (!same || options.ShowSql)
                {
                    Console.WriteLine($"-- logged by the service:\n{logged}\n-- built here:\n{commands[c.Code].CommandText}\n");
                }
            }

            // Inside the service: EF's own timing of the command (until the reader is returned, which for a GROUP BY
            // with ORDER BY is nearly all of the database work) against the whole request seen by the client.
            if (options.SplitRuns > 0)
            {
                Console.WriteLine();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: inside the service, medians of {options.SplitRuns} requests (SQL logging on; {LoadAverage()}):"));
                Console.WriteLine();
                Console.WriteLine("| Engine | Report | Whole request (ms) | SQL command until its first row, EF's log (ms) | The rest (ms) |");
                Console.WriteLine("|---|---|---:|---:|---:|");
                foreach (var c in Cases)
                {
                    var whole = new List<double>();
                    var command = new List<double>();
                    for (var i = 0; i < options.SplitRuns; i++)
                    {
                        capture.ClearLog();
                        var stopwatch = Stopwatch.StartNew();
                        _ = await ODataAsync(capture.Http, c);
                        whole.Add(stopwatch.Elapsed.TotalMilliseconds);
                        command.Add((await capture.WaitForReportCommandAsync()).ElapsedMs);
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {engine} | {c.Code} | {Median(whole):0} | {Median(command):0} | {Median(whole) - Median(command):0} |"));
                }

                Console.WriteLine();
            }
        }

        // 3. Interleaved measures on a fresh service (no SQL logging) and the same ADO.NET connection.
        await using var service = await Service.StartAsync(api, root, warehouse, logSql: false);
        var variants = new Dictionary<(string Code, Variant Variant), List<double>>();
        var outcomes = new Dictionary<(string Code, Variant Variant), Outcome>();
        for (var run = -options.Warmup; run < options.Runs; run++)
        {
            foreach (var c in Cases)
            {
                for (var k = 0; k < 3; k++)
                {
                    var variant = (Variant)((k + run + options.Warmup) % 3);
                    var stopwatch = Stopwatch.StartNew();
                    var outcome = variant switch
                    {
                        Variant.OData => await ODataAsync(service.Http, c),
                        Variant.HandSql => await HandSqlAsync(connection, c.HandSql(sum), c),
                        _ => await ReadAsync(commands[c.Code], c),
                    };
                    var elapsed = stopwatch.Elapsed.TotalMilliseconds;
                    if (run >= 0)
                    {
                        (variants.TryGetValue((c.Code, variant), out var list) ? list : variants[(c.Code, variant)] = []).Add(elapsed);
                    }

                    outcomes[(c.Code, variant)] = outcome;
                }
            }
        }

        Console.WriteLine($"{engine}: measures done; {LoadAverage()}");
        var results = new List<Result>();
        foreach (var c in Cases)
        {
            var odata = outcomes[(c.Code, Variant.OData)];
            var consistent = odata == outcomes[(c.Code, Variant.HandSql)] && odata == outcomes[(c.Code, Variant.EfSql)];
            if (!consistent)
            {
                Console.Error.WriteLine($"{engine} {c.Code}: results differ: OData {odata}, hand SQL {outcomes[(c.Code, Variant.HandSql)]}, EF SQL {outcomes[(c.Code, Variant.EfSql)]}");
            }

            results.Add(new Result(engine, c, odata.Rows, variants[(c.Code, Variant.OData)], variants[(c.Code, Variant.HandSql)],
                variants[(c.Code, Variant.EfSql)], consistent));
        }

        return results;
    }

    /// <summary>The OData request over HTTP: whole body read, rows counted and measures summed exactly as decimals.</summary>
    private static async Task<Outcome> ODataAsync(HttpClient http, Case c)
    {
        using var response = await http.GetAsync(new Uri(c.ODataPath, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync();
        return Sum(body, c);
    }

    private static Outcome Sum(byte[] body, Case c)
    {
        var reader = new Utf8JsonReader(body);
        long rows = 0;
        decimal total = 0;
        var inValue = false;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                inValue = reader.ValueTextEquals("value"u8);
            }
            else if (inValue && reader.CurrentDepth == 2 && reader.TokenType == JsonTokenType.StartObject)
            {
                rows++;
            }
            else if (inValue && reader.CurrentDepth == 3 && reader.TokenType == JsonTokenType.PropertyName)
            {
                var summed = false;
                foreach (var name in c.Summed)
                {
                    summed |= reader.ValueTextEquals(name);
                }

                reader.Read();
                if (summed && reader.TokenType == JsonTokenType.Number)
                {
                    total += reader.GetDecimal();
                }
            }
        }

        return new Outcome(rows, total);
    }

    private static async Task<Outcome> HandSqlAsync(DbConnection connection, string sql, Case c)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@exercice";
        parameter.Value = Exercice;
        command.Parameters.Add(parameter);
        return await ReadAsync(command, c);
    }

    /// <summary>Executes the command over ADO.NET and reads every value of every row; formulas are computed here, exactly.</summary>
    private static async Task<Outcome> ReadAsync(DbCommand command, Case c)
    {
        await using var reader = await command.ExecuteReaderAsync();
        var summed = c.Summed.Select(reader.GetOrdinal).ToArray();
        var measures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var values = new object[reader.FieldCount];
        long rows = 0;
        decimal total = 0;
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            for (var i = 0; i < summed.Length; i++)
            {
                // Exact: PostgreSQL numeric arrives as decimal, SQLite's decimal TEXT is parsed, counts are integers.
                var value = Convert.ToDecimal(values[summed[i]], CultureInfo.InvariantCulture);
                measures[c.Summed[i]] = value;
                if (c.Limit is null || rows < c.Limit)
                {
                    total += value;
                }
            }

            foreach (var formula in c.Formulas)
            {
                measures[formula.Name] = formula.Plus.Sum(p => measures[p]) - formula.Minus.Sum(m => measures[m]);
            }

            rows++;
        }

        return new Outcome(c.Limit is { } limit ? Math.Min(rows, limit) : rows, total);
    }

    /// <summary>
    /// The command EF Core executes for the report's first page, built like the service builds it: the compiled
    /// report with the request's parameters, ordered by the default order then the rest of the key, limited to
    /// one row more than the page (how the OData library detects a next page).
    /// </summary>
    private static DbCommand EfCommand(WarehouseDbContext db, ReportCatalogue catalogue, Case c)
    {
        var report = catalogue.FindByCode(c.Code) ?? throw new InvalidOperationException($"{c.Code} is not in the catalogue.");
        var parameters = new BoundParameters(new Dictionary<string, object?>(StringComparer.Ordinal) { ["exercice"] = Exercice });
        var query = report.CreateQuery(db, catalogue.Model, parameters);
        var order = (report.DefaultOrderBy ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => item.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(parts => (Name: parts[0], Descending: parts.Length > 1 && parts[1] == "desc"))
            .ToList();
        // The OData library completes the order with the key properties not already in it, sorted by name.
        order.AddRange(report.KeyProperties.Where(k => order.All(o => o.Name != k)).Order(StringComparer.Ordinal).Select(k => (k, false)));
        var row = Expression.Parameter(query.ElementType, "row");
        var expression = query.Expression;
        for (var i = 0; i < order.Count; i++)
        {
            var key = Expression.Property(row, order[i].Name);
            var method = (i == 0, order[i].Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            expression = Expression.Call(typeof(Queryable), method, [query.ElementType, key.Type], expression, Expression.Quote(Expression.Lambda(key, row)));
        }

        expression = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [query.ElementType], expression, Expression.Constant(PageSize + 1));
        var command = query.Provider.CreateQuery(expression).CreateDbCommand();
        command.CommandTimeout = 3600;
        return command;
    }

    /// <summary>SQL text with parameter names replaced, to compare statements whose parameters are named differently.</summary>
    private static string Normalize(string sql) => ParameterPattern().Replace(sql, "@p").Trim();

    [GeneratedRegex(@"@[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex ParameterPattern();

    /// <summary>A statement reading a reporting view (v_…), quoted as on SQLite or not as on PostgreSQL.</summary>
    [GeneratedRegex(@"FROM ""?v_[a-z_]+")]
    private static partial Regex ReportingView();

    private static async Task<string> VersionAsync(DbConnection connection, WarehouseProvider provider)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == WarehouseProvider.Sqlite ? "SELECT 'SQLite ' || sqlite_version()" : "SELECT version()";
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static void PrintSummary(IReadOnlyList<Result> results, Options options)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Medians of {options.Runs} interleaved runs after {options.Warmup} warm-up runs (ms):"));
        Console.WriteLine();
        Console.WriteLine("| Engine | Report | Rows | OData over HTTP | Hand-written SQL | EF's SQL by hand | OData / hand SQL | EF's SQL / hand SQL | OData / EF's SQL | Same result |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Engine} | {r.Case.Code} {r.Case.Title} | {r.Rows:N0} | {r.OData:0} | {r.HandSql:0} | {r.EfSql:0} | {r.OData / r.HandSql:0.00}× | {r.EfSql / r.HandSql:0.00}× | {r.OData / r.EfSql:0.00}× | {(r.Consistent ? "yes" : "NO")} |"));
        }

        Console.WriteLine();
        Console.WriteLine("Minimum and maximum of the same runs (ms):");
        Console.WriteLine();
        Console.WriteLine("| Engine | Report | OData over HTTP | Hand-written SQL | EF's SQL by hand |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Engine} | {r.Case.Code} | {r.ODataRuns.Min():0}–{r.ODataRuns.Max():0} | {r.HandSqlRuns.Min():0}–{r.HandSqlRuns.Max():0} | {r.EfSqlRuns.Min():0}–{r.EfSqlRuns.Max():0} |"));
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"Machine: {Environment.ProcessorCount} logical CPUs, {cpu ?? "unknown CPU"}, {memory ?? "unknown"} RAM, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Infocentre.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from the repository (Infocentre.sln not found above the binaries).");
    }

    private static readonly string[] Configurations = ["Release", "Debug"];

    private static string? FindApi(string root) =>
        Configurations
            .Select(configuration => Path.Combine(root, "src", "Infocentre.Api", "bin", configuration, "net10.0", "Infocentre.Api.dll"))
            .FirstOrDefault(File.Exists);

    private enum Variant
    {
        OData,
        HandSql,
        EfSql,
    }

    /// <summary>A formula measure computed by the SQL client: sum of <paramref name="Plus"/> minus sum of <paramref name="Minus"/>.</summary>
    private sealed record Formula(string Name, string[] Plus, string[] Minus);

    /// <param name="HandSql">The hand-written SQL, given the exact decimal sum function of the engine.</param>
    /// <param name="Summed">Measures whose exact sum over the rows is the checksum of a result.</param>
    /// <param name="Limit">Rows of the page, when the request reads one page.</param>
    private sealed record Case(
        string Code, string Title, string ODataPath, Func<string, string> HandSql, string[] Summed, Formula[] Formulas, int? Limit);

    private sealed record Outcome(long Rows, decimal Total)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rows} rows, total {Total}");
    }

    private sealed record Result(string Engine, Case Case, long Rows, List<double> ODataRuns, List<double> HandSqlRuns, List<double> EfSqlRuns, bool Consistent)
    {
        public double OData => Median(ODataRuns);

        public double HandSql => Median(HandSqlRuns);

        public double EfSql => Median(EfSqlRuns);
    }

    private sealed class Options
    {
        public List<WarehouseProvider> Providers { get; private set; } = [WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql];

        public int Runs { get; private set; } = 21;

        public int Warmup { get; private set; } = 3;

        public string? Api { get; private set; }

        public string? SqliteFile { get; private set; }

        public bool ShowSql { get; private set; }

        /// <summary>
        /// Requests per report timed inside the service: EF's own log of the command (until the first row, which is
        /// nearly all of the work only when the ORDER BY differs from the GROUP BY) against the whole request. 0: off.
        /// </summary>
        public int SplitRuns { get; private set; }

        public static Options? Parse(string[] args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--provider" when i + 1 < args.Length:
                        options.Providers = args[++i].ToUpperInvariant() switch
                        {
                            "SQLITE" => [WarehouseProvider.Sqlite],
                            "POSTGRESQL" => [WarehouseProvider.PostgreSql],
                            _ => [WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql],
                        };
                        break;
                    case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var runs) && runs >= 1:
                        options.Runs = runs;
                        i++;
                        break;
                    case "--warmup" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var warmup) && warmup >= 0:
                        options.Warmup = warmup;
                        i++;
                        break;
                    case "--api" when i + 1 < args.Length:
                        options.Api = Path.GetFullPath(args[++i]);
                        break;
                    case "--sqlite-file" when i + 1 < args.Length:
                        options.SqliteFile = Path.GetFullPath(args[++i]);
                        break;
                    case "--split-runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var split) && split >= 0:
                        options.SplitRuns = split;
                        i++;
                        break;
                    case "--show-sql":
                        options.ShowSql = true;
                        break;
                    default:
                        Console.Error.WriteLine($"Unknown option '{args[i]}'. Options: --provider sqlite|postgresql|all, --runs N, --warmup N, --split-runs N, --api <dll>, --sqlite-file <path> (kept and reused), --show-sql.");
                        return null;
                }
            }

            return options;
        }
    }

    /// <summary>The real service in a child process on 127.0.0.1, over the given warehouse, as it ships (Production).</summary>
    private sealed class Service : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly List<string> _log = [];
        private readonly Lock _lock = new();

        private Service(Process process, HttpClient http)
        {
            _process = process;
            Http = http;
        }

        public HttpClient Http { get; }

        public static async Task<Service> StartAsync(string api, string root, WarehouseOptions warehouse, bool logSql)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetTempPath(),
            };
            foreach (var argument in new[] { api, "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["Warehouse__Provider"] = warehouse.Provider.ToString();
            start.Environment["Warehouse__ConnectionString"] = warehouse.ConnectionString;
            start.Environment["Warehouse__SeedOnFirstRun"] = "none";
            start.Environment["Reports__Folder"] = Path.Combine(root, "reports");
            // Callers authenticate: a bearer token signed with a key made for this run (an interministerial reader).
            var signingKey = RandomNumberGenerator.GetBytes(32);
            start.Environment["Auth__SigningKey"] = Convert.ToBase64String(signingKey);
            start.Environment["Auth__Issuer"] = TokenIssuer;
            start.Environment["Auth__Audience"] = TokenIssuer;
            if (logSql)
            {
                start.Environment["Logging__Console__FormatterName"] = "json";
                start.Environment["Logging__LogLevel__Default"] = "Warning";
                start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the service.");
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(signingKey));
            var service = new Service(process, http);
            process.OutputDataReceived += (_, e) => service.Append(e.Data);
            process.ErrorDataReceived += (_, e) => service.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await service.WaitUntilReadyAsync();
            return service;
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_lock)
            {
                _log.Add(line);
            }
        }

        public void ClearLog()
        {
            lock (_lock)
            {
                _log.Clear();
            }
        }

        /// <summary>The report statement the service ran for the last request (the one reading a reporting view).</summary>
        public async Task<(string Sql, double ElapsedMs)> WaitForReportCommandAsync()
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                string[] lines;
                lock (_lock)
                {
                    lines = [.. _log];
                }

                foreach (var line in lines.Where(l => l.StartsWith('{')))
                {
                    using var json = JsonDocument.Parse(line);
                    if (json.RootElement.TryGetProperty("State", out var state)
                        && state.TryGetProperty("commandText", out var text)
                        && text.GetString() is { } sql && ReportingView().IsMatch(sql))
                    {
                        // "3,775": EF formats the elapsed milliseconds with the invariant culture's group separator.
                        var elapsed = state.TryGetProperty("elapsed", out var e)
                            && double.TryParse(e.GetString(), NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var ms)
                            ? ms : double.NaN;
                        return (sql, elapsed);
                    }
                }

                await Task.Delay(100);
            }

            throw new InvalidOperationException("The service logged no report statement:\n" + Tail());
        }

        private async Task WaitUntilReadyAsync()
        {
            for (var attempt = 0; attempt < 1200; attempt++)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The service exited with code {_process.ExitCode}:\n{Tail()}");
                }

                try
                {
                    using var response = await Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100);
            }

            throw new TimeoutException("The service did not become ready in 2 minutes:\n" + Tail());
        }

        private string Tail()
        {
            lock (_lock)
            {
                return string.Join('\n', _log.TakeLast(40));
            }
        }

        private const string TokenIssuer = "infocentre-bench";

        /// <summary>An HS256 JWT as the service validates them: role reader, interministerial perimeter, valid one day.</summary>
        private static string Token(byte[] key)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["alg"] = "HS256", ["typ"] = "JWT" });
            var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
            {
                ["sub"] = "report-benchmark", ["name"] = "report-benchmark", ["role"] = "reader", ["perimetre"] = "interministeriel",
                ["iss"] = TokenIssuer, ["aud"] = TokenIssuer, ["iat"] = now, ["nbf"] = now, ["exp"] = now + 86_400,
            });
            var unsigned = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(payload);
            return unsigned + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned)));
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
