using Infocentre.Loading.Budget53;
using Infocentre.Loading.Common;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.Loads;

namespace Infocentre.Loading.Subsidies;

/// <summary>
/// The Data.Subvention-style XLSX payment extraction. Sheet "1. Extraction" (required): paid DP lines on
/// subsidy EJ, into fact_demande_paiement under the natural key of INF-BUD-53 (exercice + société + N° DP +
/// N° poste DP), so a payment given by both extracts is one line; what the sheet does not carry is taken from
/// the warehouse (<see cref="SubsidyPaymentCompletion"/>). Sheet "2. Extraction FEHBE" (optional):
/// European-fund payments, into fact_versement_fonds_europeens, same natural key. Both sheets publish in the
/// load's one transaction; each is reconciled with its own control totals.
/// </summary>
public sealed class SubsidyPaymentExtract : IExtractKind
{
    public const string KindName = "data-subvention-xlsx";
    public const string PaymentSheetName = "1. Extraction";
    public const string EuropeanFundSheetName = "2. Extraction FEHBE";

    private static readonly string[] NaturalKey = ["exercice", "societe_code", "dp_numero", "dp_poste"];

    public string Name => KindName;

    public bool Recognises(ExtractFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.IsXlsx;
    }

    public async Task RunAsync(LoadSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var codes = await ReferenceCodes.ReadAsync(session.Db, cancellationToken);
        var payments = new StagedFact<PaymentLine>(session, NaturalKey, "exercice", "montant");
        StagedFact<EuropeanFundPayment>? funds = null;
        IReadOnlyList<ControlTotal> paymentTotals;
        IReadOnlyList<ControlTotal> fundTotals = [];

        using (var xlsx = ChorusXlsx.Open(session.File))
        {
            var c = ExtractionSheet.Open(xlsx, session.File.FileName, PaymentSheetName);
            await payments.CreateAsync(cancellationToken);
            session.RowsLoaded = await payments.WriteAsync(
                ExtractionSheet.Rows(session, xlsx, c, r => PaymentSheet.Parse(r, c, codes), p => (p.Exercice, p.Montant)), cancellationToken);
            session.Step(LoadStep.Stage);
            await payments.RejectDuplicatesAsync(cancellationToken);
            await new SubsidyPaymentCompletion(session, payments).CompleteAsync(cancellationToken);
            paymentTotals = session.TakeTotals();

            // An extraction older than 2026 has no FEHBE sheet.
            if (ExtractionSheet.TryOpen(xlsx, session.File.FileName, EuropeanFundSheetName) is { } f)
            {
                f.RequireLabels(EuropeanFundSheetName, xlsx.Line);
                funds = new StagedFact<EuropeanFundPayment>(session, NaturalKey, "exercice", "montant_paye");
                await funds.CreateAsync(cancellationToken);
                session.RowsLoaded += await funds.WriteAsync(
                    ExtractionSheet.Rows(session, xlsx, f, r => EuropeanFundSheet.Parse(r, f, codes, session.Options), p => (p.Exercice, p.MontantPaye)),
                    cancellationToken);
                await funds.RejectDuplicatesAsync(cancellationToken);
                fundTotals = session.TakeTotals();
            }
        }

        // The file's totals stay on the session (and in load_run) whatever happens; each fact is reconciled alone.
        Restore(session, paymentTotals);
        Restore(session, fundTotals);
        session.EnforceRejectionThreshold();
        session.Step(LoadStep.Check);
        session.TakeTotals();
        long replaced = 0;
        if (funds is not null)
        {
            Restore(session, fundTotals);
            await funds.PublishAsync(cancellationToken);
            replaced = session.RowsReplaced;
            await funds.ReconcileAsync(cancellationToken);
            await funds.DropAsync(cancellationToken);
            session.TakeTotals();
        }

        Restore(session, paymentTotals);
        await payments.IndexAsync("ej", ["ej_numero", "ej_poste"], cancellationToken);
        await payments.PublishAsync(cancellationToken);
        session.RowsReplaced += replaced;
        await InfBud53Extract.PaidAboveEngagedAsync(session, cancellationToken);
        await payments.ReconcileAsync(cancellationToken);
        await payments.DropAsync(cancellationToken);
        Restore(session, fundTotals);

        session.Domains.Add(WarehouseDomains.Depenses);
        session.Domains.Add(WarehouseDomains.Subventions);
    }

    private static void Restore(LoadSession session, IReadOnlyList<ControlTotal> totals)
    {
        foreach (var total in totals)
        {
            session.AddToTotals(total.Exercice, total.Rows, total.Amount);
        }
    }
}
