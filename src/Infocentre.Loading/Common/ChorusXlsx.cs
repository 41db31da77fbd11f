using System.Globalization;
using ExcelDataReader;

namespace Infocentre.Loading.Common;

/// <summary>
/// One sheet of a Chorus XLSX extraction read row by row with ExcelDataReader (the sheet XML is streamed, never
/// loaded as a DataSet). Cells are given as text in the formats the line checks expect: numbers with a decimal
/// comma and no rounding ("1200,5"; "2104453606"), date cells as dd.MM.yyyy. <see cref="Line"/> is the sheet's
/// row number (1 = first row), as Excel shows it.
/// </summary>
public sealed class ChorusXlsx : IDisposable
{
    private readonly FileStream stream;
    private readonly IExcelDataReader reader;

    private ChorusXlsx(FileStream stream, IExcelDataReader reader)
    {
        this.stream = stream;
        this.reader = reader;
    }

    /// <summary>The sheets of the workbook, in order.</summary>
    public IReadOnlyList<string> SheetNames { get; private init; } = [];

    /// <summary>The column header of the current sheet (empty for the label column of a code + label pair).</summary>
    public IReadOnlyList<string> Columns { get; private set; } = [];

    public long Line => reader.Depth + 1;

    /// <summary>Opens <paramref name="file"/>; a file that is not an XLSX workbook fails the load with a clear message.</summary>
    public static ChorusXlsx Open(ExtractFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            var names = new List<string>();
            do
            {
                names.Add(reader.Name);
            }
            while (reader.NextResult());

            reader.Reset();
            return new ChorusXlsx(stream, reader) { SheetNames = names };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            stream.Dispose();
            throw new LoadException($"{file.FileName}: not a readable XLSX workbook ({e.Message}).", LoadRunStatus.Failed, 1, null);
        }
    }

    /// <summary>Moves to the sheet named <paramref name="name"/>; false when the workbook has none.</summary>
    public bool MoveToSheet(string name)
    {
        reader.Reset();
        do
        {
            if (string.Equals(reader.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        while (reader.NextResult());

        return false;
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
