using Infocentre.Loading.Budget53;
using Infocentre.Loading.Common;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.Loads;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Loading.Ledger;

/// <summary>
/// The INF-CGE-03 "Grand livre" extract (general-ledger lines, écritures comptables), loaded into
/// fact_ecriture_comptable. Natural key: exercice + société + N° pièce + N° ligne. A pièce is published whole
/// and balanced, or not at all: the lines of an unbalanced or incomplete pièce are all rejected (DQ-007), and
/// the pièces of the file replace the warehouse's version of them (lines the new version no longer has go).
/// </summary>
public sealed class InfCge03Extract : IExtractKind
{
    public const string KindName = "inf-cge-03";

    public string Name => KindName;

    public bool Recognises(ExtractFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.IsChorusCsv("INF-CGE-03");
    }

    public async Task RunAsync(LoadSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var codes = await ReferenceCodes.ReadAsync(session.Db, cancellationToken);
        var clients = (await session.Db.Clients.Select(x => x.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var staged = new StagedFact<LedgerEntry>(session, LedgerPieces.KeyColumns, "exercice", "debit");
        await staged.CreateAsync(cancellationToken);
        var pieces = new LedgerPieces(session, staged);

        using (var csv = ChorusCsv.Open(session.File))
        {
            if (!csv.ReadHeader(LedgerColumns.IsColumnHeader, maxLines: 40))
            {
                throw new LoadException(
                    $"{session.File.FileName}: no column header (a line with '{LedgerColumns.PieceHeader}' and 'Compte général') in the first 40 lines.");
            }

            var pivot = InfBud53Extract.PivotExercice(csv.HeaderBlock);
            var columns = LedgerColumns.Find(csv.Columns, csv.Line, pivot is not null);
            var parser = new LedgerLineParser(columns, pivot, codes, clients);
            session.RowsLoaded = await staged.WriteAsync(Lines(session, csv, columns, parser, pieces), cancellationToken);
        }

        session.Step(LoadStep.Stage);
        await staged.RejectDuplicatesAsync(cancellationToken);
        session.EnforceRejectionThreshold();

        session.Step(LoadStep.Check);
        await pieces.RejectIncompleteAsync(cancellationToken);
        await pieces.RejectUnbalancedAsync(cancellationToken);
        session.EnforceRejectionThreshold();

        var dropped = await pieces.DropLinesNoLongerInPiecesAsync(cancellationToken);
        await staged.PublishAsync(cancellationToken);
        session.RowsReplaced += dropped;
        await staged.ReconcileAsync(cancellationToken);
        await pieces.ReconcileAsync(cancellationToken);
        await staged.DropAsync(cancellationToken);

        session.Domains.Add(WarehouseDomains.ComptabiliteGenerale);
    }

    private static IEnumerable<LedgerEntry> Lines(LoadSession session, ChorusCsv csv, LedgerColumns c, LedgerLineParser parser, LedgerPieces pieces)
    {
        foreach (var entry in ChorusLines.Parse(session, csv, c.NameOf, parser.Parse, () => pieces.LineRejected(parser.PieceKey, csv.Line)))
        {
            session.AddToTotals(entry.Exercice, 1, entry.Debit);
            yield return entry;
        }
    }
}
