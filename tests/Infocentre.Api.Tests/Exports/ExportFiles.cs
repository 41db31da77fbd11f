using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using ExcelDataReader;
using Infocentre.Api.Tests.Reports.Support;
using Sylvan.Data.Csv;

namespace Infocentre.Api.Tests.Exports;

/// <summary>A worksheet as a reader library sees it: its name and its rows of cell values (null for an empty cell).</summary>
internal sealed record Sheet(string Name, List<object?[]> Rows);

/// <summary>A column of a report as GET /api/reports/{code} describes it.</summary>
internal sealed record ColumnInfo(string Name, string Label, string Type, string? Format, string Kind);

/// <summary>A downloaded file with its response.</summary>
internal sealed record Download(HttpStatusCode Status, Dictionary<string, string> Headers, string? MediaType, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public override string ToString() => $"{(int)Status} {MediaType}: {(MediaType?.Contains("json", StringComparison.Ordinal) == true ? Text : Body.Length + " bytes")}";
}

/// <summary>Reads exports back with real reader libraries (ExcelDataReader for xlsx, Sylvan for CSV) and compares them with REST rows.</summary>
internal static class ExportFiles
{
    /// <summary>Rows of the header block above the column headers of the first sheet (title, six lines, blank).</summary>
    public const int HeaderRowIndex = 8;

    static ExportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static async Task<Download> DownloadAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsByteArrayAsync();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return new Download(response.StatusCode, headers, response.Content.Headers.ContentType?.MediaType, body);
    }

    public static async Task<Download> DownloadOkAsync(this HttpClient client, string url)
    {
        var download = await client.DownloadAsync(url);
        Assert.True(download.Status == HttpStatusCode.OK, $"GET {url} → {download}");
        return download;
    }

    public static List<Sheet> ReadXlsx(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<Sheet>();
        do
        {
            var sheet = new Sheet(reader.Name, []);
            while (reader.Read())
            {
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.GetValue(i);
                }

                sheet.Rows.Add(values);
            }

            sheets.Add(sheet);
        }
        while (reader.NextResult());

        return sheets;
    }

    /// <summary>The text of a part of the xlsx package (e.g. xl/worksheets/sheet1.xml).</summary>
    public static string Part(byte[] file, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"No part {name} in the package: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static List<string> Parts(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>CSV records as strings (quotes removed), header included; asserts the UTF-8 byte order mark.</summary>
    public static List<string?[]> ReadCsv(byte[] file, char delimiter)
    {
        Assert.True(file.Length >= 3 && file[0] == 0xEF && file[1] == 0xBB && file[2] == 0xBF, "the CSV starts with the UTF-8 byte order mark");
        using var text = new StreamReader(new MemoryStream(file), new UTF8Encoding(true), detectEncodingFromByteOrderMarks: true);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { Delimiter = delimiter, HasHeaders = false });
        var records = new List<string?[]>();
        while (csv.Read())
        {
            var values = new string?[csv.RowFieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = csv.GetString(i);
            }

            records.Add(values);
        }

        return records;
    }

    public static async Task<List<ColumnInfo>> ColumnsAsync(HttpClient client, string code)
    {
        var report = await client.GetOkAsync($"/api/reports/{code}");
        return report.Json.GetProperty("columns").EnumerateArray()
            .Select(c => new ColumnInfo(c.GetProperty("name").GetString()!, c.GetProperty("label").GetString()!, c.GetProperty("type").GetString()!,
                c.GetProperty("format").GetString(), c.GetProperty("kind").GetString()!))
            .ToList();
    }

    /// <summary>Every row of /api/reports/{code}/rows for the query, following nextLink, only the report's columns.</summary>
    public static async Task<List<Row>> RestRowsAsync(HttpClient client, string code, string query, IReadOnlyList<ColumnInfo> columns)
    {
        var rows = new List<Row>();
        string? next = $"/api/reports/{code}/rows{query}";
        for (var page = 0; next is not null; page++)
        {
            Assert.True(page < 1000, "nextLink does not progress");
            var response = await client.GetOkAsync(next);
            rows.AddRange(Rows.From(response.Json.GetProperty("rows")).Project([.. columns.Select(c => c.Name)]));
            next = response.Json.GetProperty("nextLink").GetString();
        }

        return rows;
    }

    /// <summary>
    /// The data rows of the first sheet and the continuation sheets (not "Description"), under the header row
    /// (which must hold the labels), as rows named like REST's; the totals row, if any, is returned apart.
    /// </summary>
    public static (List<Row> Rows, object?[]? Totals) DataRows(List<Sheet> sheets, IReadOnlyList<ColumnInfo> columns, bool totals = false)
    {
        var labels = columns.Select(c => (string?)c.Label).ToList();
        var rows = new List<Row>();
        object?[]? totalsRow = null;
        var dataSheets = sheets.Where(s => s.Name != "Description").ToList();
        for (var s = 0; s < dataSheets.Count; s++)
        {
            var sheet = dataSheets[s];
            var header = s == 0 ? HeaderRowIndex : 0;
            Assert.True(sheet.Rows.Count > header, $"sheet {sheet.Name} has no header row");
            Assert.Equal(labels, sheet.Rows[header].Take(labels.Count).Select(v => v as string).ToList());
            var data = sheet.Rows.Skip(header + 1).ToList();
            if (totals && s == dataSheets.Count - 1)
            {
                totalsRow = data[^1];
                data.RemoveAt(data.Count - 1);
            }

            rows.AddRange(data.Select(values => new Row(columns.Select((c, i) => KeyValuePair.Create(c.Name, Cell(values, i))))));
        }

        return (rows, totalsRow);
    }

    /// <summary>A cell as REST's neutral form: numbers as decimals, dates as yyyy-MM-dd, texts as strings.</summary>
    private static object? Cell(object?[] values, int i) => i >= values.Length ? null : values[i] switch
    {
        null => null,
        double d => (decimal)d,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        var v => Rows.Normalize(v),
    };

    /// <summary>Each column's cells have the type of the column: text for codes and labels, numbers, dates.</summary>
    public static void AssertTyped(List<Sheet> sheets, IReadOnlyList<ColumnInfo> columns, bool totals = false)
    {
        var dataSheets = sheets.Where(s => s.Name != "Description").ToList();
        foreach (var sheet in dataSheets)
        {
            var rows = sheet.Rows.Skip(sheet == dataSheets[0] ? HeaderRowIndex + 1 : 1).ToList();
            if (totals && sheet == dataSheets[^1])
            {
                rows.RemoveAt(rows.Count - 1);
            }

            foreach (var values in rows)
            {
                for (var i = 0; i < columns.Count && i < values.Length; i++)
                {
                    var expected = columns[i].Type switch
                    {
                        "string" => typeof(string),
                        "integer" or "number" => typeof(double),
                        "date" => typeof(DateTime),
                        _ => null,
                    };
                    if (values[i] is { } value && expected is not null)
                    {
                        Assert.True(value.GetType() == expected, $"{sheet.Name}: {columns[i].Name} = {value} is a {value.GetType().Name}, not a {expected.Name}");
                    }
                }
            }
        }
    }

    /// <summary>CSV records (after the header of labels) as rows named like REST's, parsed with the dialect's conventions.</summary>
    public static List<Row> CsvRows(List<string?[]> records, IReadOnlyList<ColumnInfo> columns, bool french)
    {
        Assert.Equal(columns.Select(c => c.Label), records[0].Take(columns.Count));
        var culture = french ? CultureInfo.GetCultureInfo("fr-FR") : CultureInfo.InvariantCulture;
        var dateFormat = french ? "dd/MM/yyyy" : "yyyy-MM-dd";
        return records.Skip(1).Select(values => new Row(columns.Select((c, i) =>
        {
            var text = i < values.Length ? values[i] : null;
            object? value = string.IsNullOrEmpty(text) ? null : c.Type switch
            {
                "integer" or "number" => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, culture),
                "date" => DateOnly.ParseExact(text, dateFormat, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => text,
            };
            return KeyValuePair.Create(c.Name, value);
        }))).ToList();
    }
}
