using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Tables;
using SpreadCheetah.Worksheets;

namespace Infocentre.Api.Features.Exports;

/// <summary>
/// Writes a report as an xlsx workbook while its rows arrive, in constant memory (SpreadCheetah): a header block
/// as in Chorus exports, then the rows as an Excel table (bold frozen header, autofilter, typed cells, French
/// labels and formats), an optional totals row, and a "Description" sheet. A sheet never holds more rows than
/// Excel can open: the rows continue on further sheets, each with its header row.
/// </summary>
public sealed class XlsxReportWriter
{
    /// <summary>Rows of a worksheet in Excel (header rows included).</summary>
    public const int ExcelMaxRows = 1_048_576;

    /// <summary>Rows read before the first sheet starts, to size the text columns.</summary>
    private const int SampleRows = 200;

    private const int MaxWidth = 60;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private readonly ExportDocument _document;
    private readonly IReadOnlyList<ExportColumn> _columns;
    private readonly RowAccessor _accessor;
    private readonly int _maxSheetRows;
    private readonly CancellationToken _cancellationToken;
    private readonly Cell[] _cells;
    private readonly decimal[] _sums;
    private readonly string[] _headerNames;
    private Spreadsheet _spreadsheet = null!;
    private StyleId[] _dataStyles = [];
    private StyleId[] _totalStyles = [];
    private StyleId _titleStyle = null!;
    private StyleId _headerStyle = null!;
    private StyleId _sectionStyle = null!;
    private double[] _widths = [];
    private int _sheets;
    private bool _tableOpen;
    private long _rows;

    private XlsxReportWriter(ExportDocument document, int maxSheetRows, CancellationToken cancellationToken)
    {
        _document = document;
        _columns = document.Columns;
        _accessor = RowAccessor.For(document.RowType, document.Columns);
        _maxSheetRows = Math.Clamp(maxSheetRows, 16, ExcelMaxRows);
        _cancellationToken = cancellationToken;
        _cells = new Cell[_columns.Count];
        _sums = new decimal[_columns.Count];
        _headerNames = UniqueNames(_columns.Select(c => c.Label));
    }

    /// <summary>Rows of the header block above the column headers of the first sheet (title, lines, blank row).</summary>
    public static int HeaderBlockRows(ExportDocument document) => 1 + document.HeaderLines.Count + 1;

    /// <summary>Writes the workbook to <paramref name="output"/> and returns the number of data rows written.</summary>
    /// <param name="output">Any writable stream; for an HTTP response, <c>Response.BodyWriter.AsStream()</c> (see docs/exports.md).</param>
    /// <param name="maxSheetRows">Rows per sheet, header rows included (at most <see cref="ExcelMaxRows"/>).</param>
    public static async Task<long> WriteAsync(
        Stream output, ExportDocument document, IAsyncEnumerable<object> rows, int maxSheetRows = ExcelMaxRows, CancellationToken cancellationToken = default)
    {
        var writer = new XlsxReportWriter(document, maxSheetRows, cancellationToken);
        await writer.RunAsync(output, rows);
        return writer._rows;
    }

    private async Task RunAsync(Stream output, IAsyncEnumerable<object> rows)
    {
        await using var enumerator = rows.GetAsyncEnumerator(_cancellationToken);
        var sample = new List<object>(SampleRows);
        var more = true;
        while (sample.Count < SampleRows && (more = await enumerator.MoveNextAsync()))
        {
            sample.Add(enumerator.Current);
        }

        _widths = Widths(sample);
        var options = new SpreadCheetahOptions
        {
            // Leading tabs, line feeds and spaces of texts stay as they are (a reader would otherwise trim them).
            PreserveStringWhitespace = true,
            CompressionLevel = SpreadCheetahCompressionLevel.Fastest,
        };
        await using (_spreadsheet = await Spreadsheet.CreateNewAsync(output, options, _cancellationToken))
        {
            AddStyles();
            await StartDataSheetAsync(withHeaderBlock: true, withTable: sample.Count > 0);
            foreach (var row in sample)
            {
                await AddRowAsync(row);
            }

            sample.Clear();
            while (more && await enumerator.MoveNextAsync())
            {
                await AddRowAsync(enumerator.Current);
            }

            await CloseTableAsync();
            if (_document.Totals)
            {
                await AddTotalsAsync();
            }

            await WriteDescriptionAsync();
            await _spreadsheet.FinishAsync(_cancellationToken);
        }
    }

    private async ValueTask AddRowAsync(object row)
    {
        if (_spreadsheet.NextRowNumber > _maxSheetRows)
        {
            await CloseTableAsync();
            await StartDataSheetAsync(withHeaderBlock: false, withTable: true);
        }

        _accessor.FillCells(row, _cells, _dataStyles);
        await _spreadsheet.AddRowAsync(_cells, _cancellationToken);
        _rows++;
        if (_document.Totals)
        {
            for (var i = 0; i < _sums.Length; i++)
            {
                if (_accessor.Numbers[i] is { } number && number(row) is { } value)
                {
                    _sums[i] += value;
                }
            }
        }
    }

    private async Task StartDataSheetAsync(bool withHeaderBlock, bool withTable)
    {
        _sheets++;
        var headerRow = withHeaderBlock ? HeaderBlockRows(_document) + 1 : 1;
        var options = new WorksheetOptions { FrozenRows = headerRow };
        for (var i = 0; i < _widths.Length; i++)
        {
            options.Column(i + 1).Width = _widths[i];
        }

        if (!withTable)
        {
            // No rows: a plain autofilter on the header row (an Excel table needs at least one data row).
            options.AutoFilter = new AutoFilterOptions(
                $"A{headerRow.ToString(CultureInfo.InvariantCulture)}:{SpreadsheetUtility.GetColumnName(_columns.Count)}{headerRow.ToString(CultureInfo.InvariantCulture)}");
        }

        await _spreadsheet.StartWorksheetAsync(SheetName(_sheets), options, _cancellationToken);
        if (withHeaderBlock)
        {
            await _spreadsheet.AddRowAsync([new Cell($"{_document.Code} - {_document.Title}", _titleStyle)], _cancellationToken);
            foreach (var line in _document.HeaderLines)
            {
                await _spreadsheet.AddRowAsync([new Cell(line)], _cancellationToken);
            }

            await _spreadsheet.AddRowAsync(Array.Empty<Cell>(), _cancellationToken);
        }

        if (withTable)
        {
            _spreadsheet.StartTable(new Table(TableStyle.Light1, "Donnees" + _sheets.ToString(CultureInfo.InvariantCulture)));
            _tableOpen = true;
        }

        await _spreadsheet.AddHeaderRowAsync(_headerNames, _headerStyle, _cancellationToken);
    }

    private async Task CloseTableAsync()
    {
        if (_tableOpen)
        {
            await _spreadsheet.FinishTableAsync(_cancellationToken);
            _tableOpen = false;
        }
    }

    private async Task AddTotalsAsync()
    {
        if (_spreadsheet.NextRowNumber > _maxSheetRows)
        {
            await StartDataSheetAsync(withHeaderBlock: false, withTable: false);
        }

        var label = _columns.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Kind == ExportValueKind.Text && !x.c.Summable);
        var cells = new Cell[_columns.Count];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = _columns[i].Summable ? new Cell(_sums[i], _totalStyles[i])
                : label.c is not null && label.i == i ? new Cell("Total", _totalStyles[i])
                : new Cell();
        }

        await _spreadsheet.AddRowAsync(cells, _cancellationToken);
    }

    private async Task WriteDescriptionAsync()
    {
        var options = new WorksheetOptions();
        double[] widths = [34, 40, 22, 16, 22, 80];
        for (var i = 0; i < widths.Length; i++)
        {
            options.Column(i + 1).Width = widths[i];
        }

        await _spreadsheet.StartWorksheetAsync("Description", options, _cancellationToken);
        var ct = _cancellationToken;
        await _spreadsheet.AddRowAsync([new Cell($"{_document.Code} - {_document.Title}", _titleStyle)], ct);
        await _spreadsheet.AddRowAsync(Array.Empty<Cell>(), ct);
        await PairAsync("Code", _document.Code);
        await PairAsync("Intitulé", _document.Title);
        await PairAsync("Description", _document.Description.Trim());
        foreach (var (label, value) in _document.About)
        {
            await PairAsync(label, value);
        }

        await PairAsync("Lignes exportées", _rows.ToString("N0", French) + (_sheets > 1 ? $" (sur {_sheets.ToString(CultureInfo.InvariantCulture)} feuilles)" : ""));
        foreach (var line in _document.HeaderLines)
        {
            var colon = line.IndexOf(" : ", StringComparison.Ordinal);
            await PairAsync(colon > 0 ? line[..colon] : line, colon > 0 ? line[(colon + 3)..] : "");
        }

        await _spreadsheet.AddRowAsync(Array.Empty<Cell>(), ct);
        await _spreadsheet.AddRowAsync([new Cell("Paramètres", _sectionStyle)], ct);
        await _spreadsheet.AddRowAsync(
            [new Cell("Nom", _headerStyle), new Cell("Libellé", _headerStyle), new Cell("Type", _headerStyle), new Cell("Valeur utilisée", _headerStyle),
                new Cell("", _headerStyle), new Cell("Description", _headerStyle)], ct);
        foreach (var p in _document.Parameters)
        {
            await _spreadsheet.AddRowAsync([new Cell(p.Name), new Cell(p.Label), new Cell(p.Type), new Cell(p.Value), new Cell(), new Cell(p.Description)], ct);
        }

        await _spreadsheet.AddRowAsync(Array.Empty<Cell>(), ct);
        await _spreadsheet.AddRowAsync([new Cell("Colonnes", _sectionStyle)], ct);
        await _spreadsheet.AddRowAsync(
            [new Cell("Colonne", _headerStyle), new Cell("Nom technique", _headerStyle), new Cell("Nature", _headerStyle), new Cell("Type", _headerStyle),
                new Cell("Format", _headerStyle), new Cell("Description", _headerStyle)], ct);
        for (var i = 0; i < _columns.Count; i++)
        {
            var c = _columns[i];
            await _spreadsheet.AddRowAsync(
                [new Cell(_headerNames[i]), new Cell(c.Name), new Cell(c.IsMeasure ? "mesure" : "dimension"), new Cell(c.KindLabel),
                    new Cell(c.ExcelFormat), new Cell((c.Description ?? "").Trim())], ct);
        }

        async ValueTask PairAsync(string label, string value) =>
            await _spreadsheet.AddRowAsync([new Cell(label, _sectionStyle), new Cell(value)], ct);
    }

    private void AddStyles()
    {
        _titleStyle = _spreadsheet.AddStyle(new Style { Font = { Bold = true, Size = 13 } });
        _headerStyle = _spreadsheet.AddStyle(new Style
        {
            Font = { Bold = true },
            Alignment = { WrapText = true, Vertical = VerticalAlignment.Top },
        });
        _sectionStyle = _spreadsheet.AddStyle(new Style { Font = { Bold = true } });
        _dataStyles = _columns.Select(c => _spreadsheet.AddStyle(new Style { Format = NumberFormatOf(c.ExcelFormat) })).ToArray();
        _totalStyles = _columns.Select(c => _spreadsheet.AddStyle(new Style { Font = { Bold = true }, Format = NumberFormatOf(c.ExcelFormat) })).ToArray();
    }

    private static NumberFormat? NumberFormatOf(string excelFormat) => excelFormat switch
    {
        "General" => null,
        "@" => NumberFormat.Standard(StandardNumberFormat.Text),
        _ => NumberFormat.Custom(excelFormat),
    };

    /// <summary>Widths from the label (wrapped beyond 24 characters), the type, and the longest text among the first rows.</summary>
    private double[] Widths(List<object> sample)
    {
        var widths = new double[_columns.Count];
        for (var i = 0; i < widths.Length; i++)
        {
            var column = _columns[i];
            var width = column.Kind switch
            {
                ExportValueKind.DecimalNumber or ExportValueKind.FloatingNumber => 16,
                ExportValueKind.WholeNumber => column.ExcelFormat.Contains(',', StringComparison.Ordinal) ? 12 : 9,
                ExportValueKind.Date => 11,
                ExportValueKind.DateTime => 16,
                ExportValueKind.Boolean => 8,
                _ => 8,
            };
            width = Math.Max(width, Math.Min(column.Label.Length, 24));
            if (column.Kind is ExportValueKind.Text or ExportValueKind.Other)
            {
                foreach (var row in sample)
                {
                    if (_accessor.Values[i](row) is { } value)
                    {
                        width = Math.Max(width, Convert.ToString(value, CultureInfo.InvariantCulture)?.Length ?? 0);
                    }
                }
            }

            widths[i] = Math.Min(width + 2, MaxWidth);
        }

        return widths;
    }

    private string SheetName(int number)
    {
        // Sheet names: at most 31 characters, none of : \ / ? * [ ].
        var name = new string(_document.Code.Select(ch => ":\\/?*[]'".Contains(ch, StringComparison.Ordinal) ? '-' : ch).ToArray()).Trim();
        if (name.Length == 0 || string.Equals(name, "Description", StringComparison.OrdinalIgnoreCase))
        {
            name = "Données";
        }

        var suffix = number == 1 ? "" : $" ({number.ToString(CultureInfo.InvariantCulture)})";
        return (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
    }

    /// <summary>Table column names must be unique (case-insensitively) and not blank.</summary>
    private static string[] UniqueNames(IEnumerable<string> labels)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var label in labels)
        {
            var name = label;
            for (var n = 2; !seen.Add(name); n++)
            {
                name = $"{label} ({n.ToString(CultureInfo.InvariantCulture)})";
            }

            names.Add(name);
        }

        return [.. names];
    }
}
