namespace Infocentre.Loading.Common;

/// <summary>The data rows of an extract, one at a time, whatever the file: a CSV (<see cref="ChorusCsv"/>) or a sheet of a workbook (<see cref="ChorusXlsx"/>).</summary>
public interface IChorusRows
{
    /// <summary>The current row's number in the file (line, or sheet row).</summary>
    long Line { get; }

    bool Read();

    /// <summary>The trimmed text of field <paramref name="ordinal"/> of the current row; empty when the row is shorter.</summary>
    string Field(int ordinal);

    /// <summary>A blank row, or a "Résultat" subtotal row that Chorus adds and consumers skip.</summary>
    bool IsSubtotalOrBlank();
}
