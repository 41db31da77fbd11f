using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Infocentre.Api.Tests.Infrastructure;
using Infocentre.Warehouse;
using Infocentre.Warehouse.DemoData;
using Microsoft.Data.Sqlite;

namespace Infocentre.Api.Tests.Loads;

/// <summary>The service over its own tiny SQLite warehouse (loads change it, so it is not the shared one).</summary>
public sealed class LoadingApp : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "infocentre-loads-" + Guid.NewGuid().ToString("N"));

    public InfocentreApp App { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var options = new WarehouseOptions { Provider = WarehouseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "tiny.db")};Pooling=False" };
        ConnectionString = options.ConnectionString;
        await using (var db = WarehouseDatabase.CreateContext(options))
        {
            await DemoSeeder.SeedAsync(db, DemoSize.Tiny, null, CancellationToken.None);
        }

        App = new InfocentreApp(options);
        Admin = await App.StartAsync();
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

public sealed class LoadEndpointTests(LoadingApp app) : IClassFixture<LoadingApp>
{
    private static MultipartFormDataContent Upload(string sample)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Loads", "Samples", sample));
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", sample } };
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task An_admin_uploads_an_extract_then_lists_and_reads_its_load_and_freshness_moves()
    {
        var before = await app.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement");
        var startedAfter = DateTime.UtcNow.AddSeconds(-1);

        using var response = await app.Admin.PostAsync("/api/loads", Upload("inf-bud-53-good.csv"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var load = await JsonAsync(response);
        Assert.Equal("succeeded", load.GetProperty("status").GetString());
        Assert.Equal(3, load.GetProperty("rowsLoaded").GetInt64());
        Assert.Equal("inf-bud-53-good.csv", load.GetProperty("fileName").GetString());
        Assert.Equal(before + 3, await app.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement"));
        var id = load.GetProperty("id").GetInt64();
        Assert.Equal($"/api/loads/{id}", response.Headers.Location?.OriginalString);

        var list = await JsonAsync(await app.Admin.GetAsync("/api/loads"));
        Assert.Contains(list.EnumerateArray(), l => l.GetProperty("id").GetInt64() == id && l.GetProperty("sha256").GetString()!.Length == 64);
        var one = await JsonAsync(await app.Admin.GetAsync($"/api/loads/{id}"));
        Assert.Equal(12_617_971.02m, one.GetProperty("controlTotals")[0].GetProperty("amount").GetDecimal());
        Assert.Equal(0, one.GetProperty("findings").GetArrayLength());

        // The freshness cache lives 10 s at most and the upload invalidates it.
        using var rows = await app.Admin.GetAsync("/api/reports/INF-BUD-53/rows?exercice=2024&top=1");
        var lastLoaded = DateTime.Parse(rows.Headers.GetValues("X-Data-Last-Loaded").Single(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.True(lastLoaded >= startedAfter, $"X-Data-Last-Loaded {lastLoaded:O} is before the load.");
    }

    [Fact]
    public async Task Only_loaders_and_admins_may_load()
    {
        using var reader = app.App.ClientWith(app.App.Token(roles: ["reader"], subject: "reader"));
        using var analyst = app.App.ClientWith(app.App.Token(roles: ["analyst"], subject: "analyst"));
        using var loader = app.App.ClientWith(app.App.Token(roles: ["loader"], subject: "loader"));
        using var anonymous = app.App.ClientWith(null);
        var before = await app.CountAsync("SELECT COUNT(*) FROM load_run");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/loads", Upload("inf-bud-53-good.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/api/loads", Upload("inf-bud-53-good.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync("/api/loads", Upload("inf-bud-53-good.csv"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/api/loads")).StatusCode);
        Assert.Equal(before, await app.CountAsync("SELECT COUNT(*) FROM load_run"));

        using var loaded = await loader.PostAsync("/api/loads", Upload("inf-bud-53-good.csv"));
        Assert.Equal(HttpStatusCode.Created, loaded.StatusCode);
        Assert.Equal("loader", (await JsonAsync(loaded)).GetProperty("startedBy").GetString());
    }

    [Fact]
    public async Task A_file_missing_a_column_is_a_400_naming_the_line_and_the_column()
    {
        using var response = await app.Admin.PostAsync("/api/loads", Upload("inf-bud-53-missing-column.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal(7, problem.GetProperty("line").GetInt64());
        Assert.Equal("Service exécutant", problem.GetProperty("column").GetString());
    }

    [Fact]
    public async Task A_file_with_too_many_rejections_is_a_422_listing_them_and_nothing_is_loaded()
    {
        var before = await app.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement WHERE dp_numero LIKE '90000001%'");

        using var response = await app.Admin.PostAsync("/api/loads", Upload("inf-bud-53-bad-1252.csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await JsonAsync(response);
        var first = problem.GetProperty("rejections")[0];
        Assert.Equal((6, "N° EJ", "DQ-003"), (first.GetProperty("line").GetInt64(), first.GetProperty("column").GetString(), first.GetProperty("code").GetString()));
        Assert.Equal(before, await app.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement WHERE dp_numero LIKE '90000001%'"));
        var id = problem.GetProperty("loadId").GetInt64();
        var stored = await JsonAsync(await app.Admin.GetAsync($"/api/loads/{id}"));
        Assert.Equal("refused", stored.GetProperty("status").GetString());
        Assert.Equal(6, stored.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task The_load_operations_are_in_the_OpenAPI_document()
    {
        using var response = await app.Admin.GetAsync("/swagger/v1/swagger.json");
        var paths = (await JsonAsync(response)).GetProperty("paths");

        var upload = paths.GetProperty("/api/loads").GetProperty("post");
        Assert.Equal("LoadExtract", upload.GetProperty("operationId").GetString());
        Assert.True(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.True(paths.GetProperty("/api/loads").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/loads/{id}").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task Bad_requests_are_problem_details()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.Admin.GetAsync("/api/loads/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Admin.GetAsync("/api/loads?top=0")).StatusCode);
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Admin.PostAsync("/api/loads", empty)).StatusCode);
    }
}
