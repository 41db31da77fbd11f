using SpreadCheetah;

namespace Infocentre.Loading.Tests.Subsidies;

/// <summary>
/// Writes a small XLSX workbook with SpreadCheetah from rows written out in the test: strings as text cells,
/// numbers as numeric cells, <see cref="DateOnly"/> as date cells, null as an empty cell.
/// </summary>
public static class XlsxSample
{
    /// <summary>The header of the Data.Subvention extraction; "" is the label column of a code + label pair.</summary>
    public static readonly object?[] Header =
    [
        "N° EJ", "N° poste EJ", "Fournisseur payé (DP)", "Désignation de la structure", "Branche", "", "Code taxe 1",
        "No TVA 3 (COM-RIDET ou TAHITI)", "Référentiel de programmation", "", "Société", "Exercice comptable", "N° DP",
        "N° poste DP", "Date de dernière opération sur la DP", "Centre financier", "", "Domaine fonctionnel", "", "Montant payé",
    ];

    public static async Task<string> WriteAsync(string folder, string name, params (string Sheet, object?[][] Rows)[] sheets)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await using var stream = File.Create(path);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream);
        foreach (var (sheet, rows) in sheets)
        {
            await spreadsheet.StartWorksheetAsync(sheet);
            foreach (var row in rows)
            {
                await spreadsheet.AddRowAsync(row.Select(Cell).ToArray());
            }
        }

        await spreadsheet.FinishAsync();
        return path;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        string text => new Cell(text),
        int number => new Cell(number),
        long number => new Cell(number),
        decimal number => new Cell(number),
        double number => new Cell(number),
        DateOnly date => new Cell(date.ToDateTime(TimeOnly.MinValue)),
        _ => throw new ArgumentException($"No cell for {value.GetType().Name}.", nameof(value)),
    };
}
