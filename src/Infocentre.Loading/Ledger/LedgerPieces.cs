using System.Globalization;
using Infocentre.Loading.Common;
using Infocentre.Warehouse.Facts;

namespace Infocentre.Loading.Ledger;

/// <summary>
/// The pièce-level checks of a general-ledger load, on the staged lines: a pièce is published only when all
/// its lines are good and Σ débit = Σ crédit (DQ-007); the file's pièces replace the warehouse's version of
/// them; after publication every pièce of the file balances in the warehouse.
/// </summary>
internal sealed class LedgerPieces(LoadSession session, StagedFact<LedgerEntry> staged)
{
    public static readonly string[] KeyColumns = ["exercice", "societe_code", "piece_numero", "ligne"];

    /// <summary>Pièces with a line rejected while parsing → the first such line.</summary>
    private readonly Dictionary<(int Exercice, string Societe, string Piece), long> broken = [];

    private string Stage => session.Quote(staged.Stage.Name);

    private string Fact => session.Quote(staged.Fact.Name);

    private static string Match(string left, string right) =>
        $"{left}.exercice = {right}.exercice AND {left}.societe_code = {right}.societe_code AND {left}.piece_numero = {right}.piece_numero";

    public void LineRejected((int Exercice, string Societe, string Piece)? piece, long line)
    {
        if (piece is { } key)
        {
            broken.TryAdd(key, line);
        }
    }

    /// <summary>
    /// The staged lines of a pièce that lost a line while parsing are rejected with it: publishing the rest
    /// would put an unbalanced pièce in the ledger.
    /// </summary>
    public async Task RejectIncompleteAsync(CancellationToken cancellationToken)
    {
        foreach (var ((exercice, societe, piece), line) in broken.OrderBy(b => b.Value))
        {
            var where = "exercice = @e AND societe_code = @s AND piece_numero = @p";
            var parameters = new (string, object?)[] { ("e", exercice), ("s", societe), ("p", piece) };
            await using (var command = session.Command($"SELECT id, {session.SumCents("debit")} FROM {Stage} WHERE {where} GROUP BY id", parameters))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    Reject(reader.GetInt64(0), exercice, piece, reader.GetInt64(1),
                        string.Create(CultureInfo.InvariantCulture,
                            $"Pièce {piece} (société {societe}, exercice {exercice}) is incomplete: its line on file line {line} was rejected, so all its lines are."));
                }
            }

            await session.ExecuteAsync($"DELETE FROM {Stage} WHERE {where}", cancellationToken, parameters);
        }
    }

    /// <summary>DQ-007: every line of a pièce whose Σ débit differs from its Σ crédit is rejected, with the gap.</summary>
    public async Task RejectUnbalancedAsync(CancellationToken cancellationToken)
    {
        var unbalanced = $"""
            SELECT exercice, societe_code, piece_numero, {session.SumCents("debit")} AS d, {session.SumCents("credit")} AS c
            FROM {Stage} GROUP BY exercice, societe_code, piece_numero
            HAVING {session.SumCents("debit")} <> {session.SumCents("credit")}
            """;
        var sql = $"""
            SELECT s.id, s.exercice, s.societe_code, s.piece_numero, {session.SumCents("s.debit")}, u.d, u.c
            FROM {Stage} s JOIN ({unbalanced}) u ON {Match("u", "s")}
            GROUP BY s.id, s.exercice, s.societe_code, s.piece_numero, u.d, u.c
            ORDER BY s.id
            """;
        var any = false;
        await using (var command = session.Command(sql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                any = true;
                var (exercice, societe, piece) = (reader.GetInt32(1), reader.GetString(2), reader.GetString(3));
                var (debit, credit) = (reader.GetInt64(5) / 100m, reader.GetInt64(6) / 100m);
                Reject(reader.GetInt64(0), exercice, piece, reader.GetInt64(4),
                    string.Create(CultureInfo.InvariantCulture,
                        $"Pièce {piece} (société {societe}, exercice {exercice}) is unbalanced: Σ débit {debit:0.00} ≠ Σ crédit {credit:0.00}, gap {debit - credit:0.00}; all its lines are rejected."));
            }
        }

        if (any)
        {
            await session.ExecuteAsync(
                $"DELETE FROM {Stage} WHERE EXISTS (SELECT 1 FROM ({unbalanced}) u WHERE {Match("u", Stage)})", cancellationToken);
        }
    }

    /// <summary>
    /// A pièce of the file replaces the warehouse's version of it: the warehouse lines of the file's pièces
    /// whose N° ligne the file no longer has are deleted. Returns how many.
    /// </summary>
    public Task<int> DropLinesNoLongerInPiecesAsync(CancellationToken cancellationToken) =>
        session.ExecuteAsync($"""
            DELETE FROM {Fact} WHERE id IN (
              SELECT f.id FROM {Fact} f JOIN (SELECT DISTINCT exercice, societe_code, piece_numero FROM {Stage}) p ON {Match("f", "p")}
              WHERE NOT EXISTS (SELECT 1 FROM {Stage} s WHERE {Match("s", "f")} AND s.ligne = f.ligne))
            """, cancellationToken);

    /// <summary>
    /// After publication, the warehouse holds for the file's pièces exactly the kept lines (count and Σ débit
    /// per exercice, as the file says), Σ crédit = Σ débit, and each of these pièces balances.
    /// </summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var ofFile = $"{Fact} f JOIN (SELECT DISTINCT exercice, societe_code, piece_numero FROM {Stage}) p ON {Match("f", "p")}";
        var held = new Dictionary<int, (long Rows, decimal Debit, decimal Credit)>();
        await using (var command = session.Command(
            $"SELECT f.exercice, COUNT(*), {session.SumCents("f.debit")}, {session.SumCents("f.credit")} FROM {ofFile} GROUP BY f.exercice"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                held[reader.GetInt32(0)] = (reader.GetInt64(1), reader.GetInt64(2) / 100m, reader.GetInt64(3) / 100m);
            }
        }

        var expected = session.ControlTotals.Where(t => t.Rows != 0).ToDictionary(t => t.Exercice, t => (t.Rows, t.Amount, t.Amount));
        foreach (var exercice in expected.Keys.Union(held.Keys))
        {
            var want = expected.GetValueOrDefault(exercice);
            var got = held.GetValueOrDefault(exercice);
            if (want != got)
            {
                throw new LoadException(string.Create(CultureInfo.InvariantCulture,
                    $"Reconciliation failed for exercice {exercice}: the file's pièces give {want.Rows} lines, débit {want.Item2:0.00} = crédit {want.Item3:0.00}; the warehouse holds {got.Rows} lines, débit {got.Debit:0.00}, crédit {got.Credit:0.00}; nothing was loaded."));
            }
        }

        var unbalanced = await session.ScalarInt64Async(
            $"SELECT COUNT(*) FROM (SELECT f.exercice FROM {ofFile} GROUP BY f.exercice, f.societe_code, f.piece_numero HAVING {session.SumCents("f.debit")} <> {session.SumCents("f.credit")}) x",
            cancellationToken);
        if (unbalanced != 0)
        {
            throw new LoadException(string.Create(CultureInfo.InvariantCulture,
                $"Reconciliation failed: {unbalanced} pièces of the file do not balance in the warehouse; nothing was loaded."));
        }
    }

    private void Reject(long line, int exercice, string piece, long debitCents, string message)
    {
        session.Reject(DataQualityRules.UnbalancedPiece, line, LedgerColumns.PieceHeader, piece, message);
        session.RowsRejected++;
        session.RowsLoaded--;
        session.AddToTotals(exercice, -1, -debitCents / 100m);
    }
}
