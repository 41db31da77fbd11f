using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.RegularExpressions;
using Infocentre.Benchmarks.Harness;
using Infocentre.Reports;
using Infocentre.Reports.Compilation;
using Infocentre.Reports.Parameters;
using Infocentre.Warehouse;
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

        var root = BenchPaths.RepositoryRoot();
        var api = BenchPaths.FindApi(options.Api, root, "Release", "Debug");
        if (api is null)
        {
            return 2;
        }

        Console.WriteLine($"Service: {api}");
        Console.WriteLine(BenchMachine.Describe());
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

    private static Task<IReadOnlyList<Result>> SqliteAsync(Options options, string api, string root) =>
        DemoWarehouse.OnSqliteAsync(options.SqliteFile, "infocentre-report-bench-", warehouse => MeasureAsync("SQLite", warehouse, options, api, root));

    private static Task<IReadOnlyList<Result>> PostgreSqlAsync(Options options, string api, string root) =>
        DemoWarehouse.OnPostgreSqlAsync("report_bench", warehouse => MeasureAsync("PostgreSQL", warehouse, options, api, root));

    private static async Task<IReadOnlyList<Result>> MeasureAsync(string engine, WarehouseOptions warehouse, Options options, string api, string root)
    {
        await using var db = WarehouseDatabase.CreateContext(warehouse);
        // Opened through EF Core: on SQLite the connection then has EF's exact decimal functions (ef_sum, ef_add...).
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        var sum = warehouse.Provider == WarehouseProvider.Sqlite ? "ef_sum" : "SUM";
        Console.WriteLine($"{engine}: {await DemoWarehouse.EngineVersionAsync(connection, warehouse.Provider)}; {BenchMachine.LoadAverage()}");

        // 1. The command EF Core builds for each report, as the service builds it: the compiled report, the default
        //    order completed by the key, one row more than the page.
        var catalogue = ReportCatalogue.Load(Path.Combine(root, "reports"), db.Model);
        var commands = Cases.ToDictionary(c => c.Code, c => EfCommand(db, catalogue, c), StringComparer.Ordinal);

        // 2. The statement the service actually runs for each request, from its own command log: it must be the same.
        await using (var capture = await ServiceProcess.StartAsync(api, warehouse, Settings(root) with { LogSql = true }))
        {
            foreach (var c in Cases)
            {
                capture.ClearLog();
                using var response = await capture.Http.GetAsync(new Uri(c.ODataPath, UriKind.Relative));
                response.EnsureSuccessStatusCode();
                var (logged, _) = await capture.WaitForCommandAsync(ReportingView());
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
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{engine}: inside the service, medians of {options.SplitRuns} requests (SQL logging on; {BenchMachine.LoadAverage()}):"));
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
                        command.Add((await capture.WaitForCommandAsync(ReportingView())).ElapsedMs);
                    }

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {engine} | {c.Code} | {Statistics.Median(whole):0} | {Statistics.Median(command):0} | {Statistics.Median(whole) - Statistics.Median(command):0} |"));
                }

                Console.WriteLine();
            }
        }

        // 3. Interleaved measures on a fresh service (no SQL logging) and the same ADO.NET connection.
        await using var service = await ServiceProcess.StartAsync(api, warehouse, Settings(root));
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

        Console.WriteLine($"{engine}: measures done; {BenchMachine.LoadAverage()}");
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
    /// <summary>The service over the repository's reports, called by an interministerial reader.</summary>
    private static ServiceSettings Settings(string root) => new(Path.Combine(root, "reports")) { Subject = "report-benchmark" };

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
        public double OData => Statistics.Median(ODataRuns);

        public double HandSql => Statistics.Median(HandSqlRuns);

        public double EfSql => Statistics.Median(EfSqlRuns);
    }

    private sealed class Options() : DemoBenchOptions([WarehouseProvider.Sqlite, WarehouseProvider.PostgreSql], runs: 21)
    {
        public int Warmup { get; private set; } = 3;

        public bool ShowSql { get; private set; }

        /// <summary>
        /// Requests per report timed inside the service: EF's own log of the command (until the first row, which is
        /// nearly all of the work only when the ORDER BY differs from the GROUP BY) against the whole request. 0: off.
        /// </summary>
        public int SplitRuns { get; private set; }

        public static Options? Parse(string[] args)
        {
            var options = new Options();
            return options.ReadAll(args, "--provider sqlite|postgresql|all, --runs N, --warmup N, --split-runs N, --api <dll>, --sqlite-file <path> (kept and reused), --show-sql.")
                ? options : null;
        }

        protected override bool TryReadOwn(string[] args, ref int i)
        {
            switch (args[i])
            {
                case "--warmup" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var warmup) && warmup >= 0:
                    Warmup = warmup;
                    i++;
                    return true;
                case "--split-runs" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var split) && split >= 0:
                    SplitRuns = split;
                    i++;
                    return true;
                case "--show-sql":
                    ShowSql = true;
                    return true;
                default:
                    return false;
            }
        }
    }
}
