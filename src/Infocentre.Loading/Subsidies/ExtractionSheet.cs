using Infocentre.Loading.Common;

namespace Infocentre.Loading.Subsidies;

/// <summary>One sheet of the extraction: found by name, its header located, its rows parsed one by one.</summary>
internal static class ExtractionSheet
{
    /// <summary>Moves to <paramref name="sheet"/> and reads its header; fails the load when either is missing.</summary>
    public static SubsidyPaymentColumns Open(ChorusXlsx xlsx, string fileName, string sheet) =>
        TryOpen(xlsx, fileName, sheet) ?? throw new LoadException(
            $"{fileName}: no sheet '{sheet}' in the workbook (its sheets: " + string.Join(", ", xlsx.SheetNames.Select(s => "'" + s + "'")) + ").",
            LoadRunStatus.Failed, null, sheet);

    /// <summary>Moves to <paramref name="sheet"/> and reads its header; null when there is no such sheet.</summary>
    public static SubsidyPaymentColumns? TryOpen(ChorusXlsx xlsx, string fileName, string sheet)
    {
        if (!xlsx.MoveToSheet(sheet))
        {
            return null;
        }

        if (!xlsx.ReadHeader(SubsidyPaymentColumns.IsColumnHeader, maxRows: 20))
        {
            throw new LoadException(
                $"{fileName}: no column header (a row with 'N° DP' and 'Montant payé') in the first 20 rows of sheet '{sheet}'.",
                LoadRunStatus.Failed, null, sheet);
        }

        return SubsidyPaymentColumns.Find(xlsx.Columns, sheet, xlsx.Line);
    }

    /// <summary>
    /// The parsed rows of the current sheet (<see cref="ChorusLines.Parse"/>), each good one added to the control
    /// totals.
    /// </summary>
    public static IEnumerable<T> Rows<T>(
        LoadSession session, ChorusXlsx xlsx, SubsidyPaymentColumns columns, Func<LineReader, T?> parse, Func<T, (int Exercice, decimal Amount)> total)
        where T : class
    {
        foreach (var row in ChorusLines.Parse(session, xlsx, columns.NameOf, parse))
        {
            var (exercice, amount) = total(row);
            session.AddToTotals(exercice, 1, amount);
            yield return row;
        }
    }
}
