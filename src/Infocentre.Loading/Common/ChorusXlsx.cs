using System.Globalization;
using System.IO.Compression;
using System.Xml;
using ExcelDataReader;

namespace Infocentre.Loading.Common;

/// <summary>
/// One sheet of a Chorus XLSX extraction read row by row with ExcelDataReader (the sheet XML is streamed, never
/// loaded as a DataSet). Cells are given as text in the formats the line checks expect: numbers with a decimal
/// comma and no rounding ("1200,5"; "2104453606"), date cells as dd.MM.yyyy. <see cref="Line"/> is the sheet's
/// row number (1 = first row), as Excel shows it.
/// </summary>
public sealed class ChorusXlsx : IChorusRows, IDisposable
{
    private readonly FileStream stream;
    private readonly IExcelDataReader reader;
    private int sheet;

    private ChorusXlsx(FileStream stream, IExcelDataReader reader)
    {
        this.stream = stream;
        this.reader = reader;
    }

    /// <summary>The column header of the current sheet (empty for the label column of a code + label pair).</summary>
    public IReadOnlyList<string> Columns { get; private set; } = [];

    public long Line => reader.Depth + 1;

    /// <summary>The sheets of the workbook, in order (read from xl/workbook.xml, without scanning any sheet).</summary>
    public IReadOnlyList<string> SheetNames { get; private init; } = [];

    /// <summary>Opens <paramref name="file"/>; a file that is not an XLSX workbook fails the load with a clear message.</summary>
    public static ChorusXlsx Open(ExtractFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var names = ReadSheetNames(stream);
            stream.Position = 0;
            return new ChorusXlsx(stream, ExcelReaderFactory.CreateOpenXmlReader(stream)) { SheetNames = names };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stream.Dispose();
            throw new LoadException($"{file.FileName}: not a readable XLSX workbook ({e.Message}).", LoadRunStatus.Failed, 1, null);
        }
    }

    /// <summary>
    /// Moves to the sheet named <paramref name="name"/>; false when the workbook has none. ExcelDataReader scans a
    /// sheet when it reaches it, so the reader only moves forward unless the sheet is before the current one.
    /// </summary>
    public bool MoveToSheet(string name)
    {
        var index = SheetNames.ToList().FindIndex(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return false;
        }

        if (index < sheet)
        {
            reader.Reset();
            sheet = 0;
        }

        for (; sheet < index; sheet++)
        {
            reader.NextResult();
        }

        return true;
    }

    private static List<string> ReadSheetNames(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var entry = zip.GetEntry("xl/workbook.xml") ?? throw new InvalidDataException("no xl/workbook.xml part");
        using var xml = XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var names = new List<string>();
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.GetAttribute("name") is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Reads rows of the current sheet until <paramref name="isColumnHeader"/> recognises the header (at most <paramref name="maxRows"/>).</summary>
    public bool ReadHeader(Func<IReadOnlyList<string>, bool> isColumnHeader, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(isColumnHeader);
        for (var i = 0; i < maxRows && reader.Read(); i++)
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(Field).ToArray();
            if (isColumnHeader(fields))
            {
                Columns = fields;
                return true;
            }
        }

        return false;
    }

    public bool Read() => reader.Read();

    /// <summary>The cell of column <paramref name="ordinal"/> as text; empty when the row is shorter.</summary>
    public string Field(int ordinal)
    {
        if (ordinal < 0 || ordinal >= reader.FieldCount)
        {
            return string.Empty;
        }

        return reader.GetValue(ordinal) switch
        {
            null => string.Empty,
            string text => text.Trim(),
            DateTime date => date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
                : date.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture),
            double number => Number(number),
            bool flag => flag ? "TRUE" : "FALSE",
            var other => Convert.ToString(other, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty,
        };
    }

    /// <summary>A blank row, or a "Résultat" subtotal row.</summary>
    public bool IsSubtotalOrBlank()
    {
        var any = false;
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = Field(i);
            if (value.StartsWith("Résultat", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            any |= value.Length > 0;
        }

        return !any;
    }

    /// <summary>
    /// A numeric cell as the text of its exact decimal value (Excel stores doubles: 15 significant digits are
    /// kept, so 1200.5 gives "1200,5" and 12.345 gives "12,345", which the amount check then refuses).
    /// </summary>
    private static string Number(double number)
    {
        if (double.IsNaN(number) || double.IsInfinity(number) || Math.Abs(number) >= 1e15)
        {
            return number.ToString("R", CultureInfo.InvariantCulture);
        }

        return ((decimal)number).ToString(CultureInfo.InvariantCulture).Replace('.', ',');
    }

    public void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
    }
}
