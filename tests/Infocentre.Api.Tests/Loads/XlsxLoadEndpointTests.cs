using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Infocentre.Loading.Tests.Subsidies;

namespace Infocentre.Api.Tests.Loads;

/// <summary>POST /api/loads with the Data.Subvention XLSX extraction (workbooks written by the test).</summary>
public sealed class XlsxLoadEndpointTests(LoadingApp app) : IClassFixture<LoadingApp>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("infocentre-xlsx-upload-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static MultipartFormDataContent Upload(string path)
    {
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", Path.GetFileName(path) } };
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task An_xlsx_extraction_is_loaded_and_journaled()
    {
        var before = await app.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement");
        var path = await XlsxSample.WriteAsync(folder, "extraction.xlsx", (SubsidySamples.Sheet, SubsidySamples.Good[..3]));

        using var response = await app.Admin.PostAsync("/api/loads", Upload(path));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var load = await JsonAsync(response);
        Assert.Equal(("succeeded", "data-subvention-xlsx", 2L), (load.GetProperty("status").GetString(), load.GetProperty("kind").GetString(), load.GetProperty("rowsLoaded").GetInt64()));
        Assert.Equal(before + 2, await app.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement"));
    }

    [Fact]
    public async Task A_text_file_named_xlsx_is_a_400_saying_it_is_not_a_workbook()
    {
        var path = Path.Combine(folder, "extraction.xlsx");
        await File.WriteAllTextAsync(path, "N° EJ;N° DP\n1300000012;900000101\n");

        using var response = await app.Admin.PostAsync("/api/loads", Upload(path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not a readable XLSX workbook", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workbook_without_the_extraction_sheet_is_a_4xx_naming_the_sheet()
    {
        var path = await XlsxSample.WriteAsync(folder, "feuil1.xlsx", ("Feuil1", SubsidySamples.Good));

        using var response = await app.Admin.PostAsync("/api/loads", Upload(path));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("1. Extraction", problem.GetProperty("column").GetString());
        Assert.Contains("no sheet '1. Extraction'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
