using Sylvan.Data.Csv;

namespace Infocentre.Loading.Common;

/// <summary>
/// A Chorus CSV extract read with Sylvan.Data.Csv: <c>;</c>-separated, optionally quoted, with an optional
/// block of title and filter lines before the column header. Line numbers are the reader's record numbers
/// (the same as the file's lines unless a quoted value spans lines).
/// </summary>
public sealed class ChorusCsv : IChorusRows, IDisposable
{
    private readonly CsvDataReader reader;

    private ChorusCsv(CsvDataReader reader) => this.reader = reader;

    /// <summary>The lines before the column header, as fields.</summary>
    public IReadOnlyList<string[]> HeaderBlock { get; private set; } = [];

    /// <summary>The column header.</summary>
    public IReadOnlyList<string> Columns { get; private set; } = [];

    public long Line => reader.RowNumber;

    public int FieldCount => reader.RowFieldCount;

    public static ChorusCsv Open(ExtractFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = ';',
            OwnsReader = true,
            BufferSize = 1 << 16,
        };
        return new ChorusCsv(CsvDataReader.Create(file.OpenText(), options));
    }

    /// <summary>
    /// Reads lines until <paramref name="isColumnHeader"/> recognises the column header (at most
    /// <paramref name="maxLines"/> lines); false if it never does.
    /// </summary>
    public bool ReadHeader(Func<IReadOnlyList<string>, bool> isColumnHeader, int maxLines)
    {
        ArgumentNullException.ThrowIfNull(isColumnHeader);
        var block = new List<string[]>();
        while (block.Count < maxLines && reader.Read())
        {
            var fields = Fields();
            if (isColumnHeader(fields))
            {
                HeaderBlock = block;
                Columns = fields;
                return true;
            }

            block.Add(fields);
        }

        return false;
    }

    public bool Read() => reader.Read();

    /// <summary>The trimmed value of field <paramref name="ordinal"/>; empty when the line is shorter.</summary>
    public string Field(int ordinal) => ordinal < reader.RowFieldCount ? reader.GetString(ordinal).Trim() : string.Empty;

    public string[] Fields()
    {
        var fields = new string[reader.RowFieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = reader.GetString(i).Trim();
        }

        return fields;
    }

    /// <summary>A blank line, or a "Résultat" subtotal line that Chorus adds and consumers skip.</summary>
    public bool IsSubtotalOrBlank()
    {
        var any = false;
        for (var i = 0; i < reader.RowFieldCount; i++)
        {
            var value = reader.GetFieldSpan(i).Trim();
            if (value.StartsWith("Résultat", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            any |= !value.IsEmpty;
        }

        return !any;
    }

    public void Dispose() => reader.Dispose();
}
