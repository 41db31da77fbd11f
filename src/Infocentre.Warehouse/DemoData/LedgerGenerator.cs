using System.Globalization;
using Infocentre.Warehouse.Facts;
using static Infocentre.Warehouse.DemoData.DemoCatalog;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// General-ledger pièces, each balanced by construction (every amount is written once as a débit and once
/// as a crédit):
/// <list type="bullet">
/// <item>journal RE, one pièce per DP: for a paid DP, débit of the charge (class 6, or class 2 for
/// investment) per poste, crédit 401 fournisseurs, then débit 401 and crédit 515 Trésor at payment; for a
/// DP only "facturée", the charge and the crédit 401;</item>
/// <item>journals DR / DA / DZ for revenue: titre issued (débit 411, crédit 7xx), cancellation (the reverse),
/// collection (débit 515, crédit 411);</item>
/// <item>journal SA: monthly payroll per ministère (débit 641, crédit 421, débit 421, crédit 515);
/// journal AM: yearly depreciation per ministère (débit 681, crédit 2813);</item>
/// <item>the opening balance, the inventory entries and the other general-accounting operations of
/// <c>LedgerGenerator.Closing.cs</c>.</item>
/// </list>
/// Third-party items (401 per DP, 411 per titre, 47x per suspense item) are lettered when they are cleared by
/// the 31 December of the line's exercice, and carried into the next exercice's balance d'entrée while open.
/// </summary>
internal sealed partial class LedgerGenerator(DemoModel model, SpendingGenerator spending, RevenueGenerator revenue)
{
    private const int SeedOffset = 3;

    private sealed class Piece(List<LedgerEntry> sink, int exercice, string societe, string ministere, string? programme,
        string numero, string journal, DateOnly date, string typeOperation = Gestion)
    {
        private int ligne;

        public LedgerEntry Line(string compte, string? tiers, string libelle, long debit, long credit)
        {
            var entry = new LedgerEntry
            {
                Exercice = exercice, Periode = date.Month, SocieteCode = societe, MinistereCode = ministere, ProgrammeCode = programme,
                PieceNumero = numero, Ligne = ++ligne, Journal = journal, DateComptable = date, CompteGeneralCode = compte,
                TiersCode = tiers, Libelle = libelle, Debit = DemoRandom.Euros(debit), Credit = DemoRandom.Euros(credit),
                TypeOperation = typeOperation,
            };
            sink.Add(entry);
            return entry;
        }
    }

    private long paymentPieces;
    private long titrePieces;
    private long cancelPieces;
    private long receiptPieces;
    private long payrollPieces;
    private long depreciationPieces;

    private static string Number(long baseNumber, long counter) =>
        (baseNumber + counter).ToString("D10", CultureInfo.InvariantCulture);

    private static long Cents(decimal euros) => (long)(euros * 100m);

    public IEnumerable<LedgerEntry> Entries()
    {
        paymentPieces = titrePieces = cancelPieces = receiptPieces = payrollPieces = depreciationPieces = 0;
        ResetClosing();
        var buffer = new List<LedgerEntry>();
        OpeningBalanceSheet(buffer);
        foreach (var entry in Flush(buffer))
        {
            yield return entry;
        }

        foreach (var batch in spending.Batches())
        {
            foreach (var dp in batch.Paiements.GroupBy(p => p.DpNumero, StringComparer.Ordinal))
            {
                Payment([.. dp], buffer);
            }

            Accrue(batch);
            foreach (var entry in Flush(buffer))
            {
                yield return entry;
            }
        }

        foreach (var titre in revenue.Titres())
        {
            Revenue(titre, buffer);
            foreach (var entry in Flush(buffer))
            {
                yield return entry;
            }
        }

        Miscellaneous(buffer);
        Closing(buffer);
        foreach (var entry in Flush(buffer))
        {
            yield return entry;
        }

        // The balances d'entrée come last: they carry the closing balances of everything above.
        Openings(buffer);
        foreach (var entry in buffer)
        {
            yield return entry;
        }

        buffer.Clear();
    }

    /// <summary>Yields the buffered lines after adding them to the balances carried forward, and empties the buffer.</summary>
    private IEnumerable<LedgerEntry> Flush(List<LedgerEntry> buffer)
    {
        foreach (var entry in buffer)
        {
            Track(entry);
            yield return entry;
        }

        buffer.Clear();
    }

    private void Payment(PaymentLine[] postes, List<LedgerEntry> sink)
    {
        var first = postes[0];
        if (first.Statut is not ("PAY" or "FAC"))
        {
            return;
        }

        var date = first.DatePaiement ?? first.DateDerniereOperation;
        var piece = new Piece(sink, date.Year, first.SocieteCode, first.MinistereCode, first.ProgrammeCode,
            Number(5_100_000_000, ++paymentPieces), "RE", date);
        long total = 0;
        foreach (var poste in postes)
        {
            var amount = Cents(poste.Montant);
            total += amount;
            var charge = piece.Line(poste.CompteGeneralCode, null,
                $"Charge DP {poste.DpNumero}/{poste.DpPoste.ToString(CultureInfo.InvariantCulture)}", amount, 0);
            charge.DomaineFonctionnelCode = poste.DomaineFonctionnelCode;
            charge.CentreCoutsCode = poste.CentreCoutsCode;
        }

        // The supplier's item falls due 30 days after the date de base (délai global de paiement).
        var echeance = first.DateBase.AddDays(30);
        List<LedgerEntry> item = [piece.Line(CompteFournisseurs, first.TiersCode, $"Fournisseur DP {first.DpNumero}", 0, total)];
        if (first.Statut == "PAY")
        {
            item.Add(piece.Line(CompteFournisseurs, first.TiersCode, $"Paiement DP {first.DpNumero}", total, 0));
            piece.Line(CompteTresor, null, $"Paiement DP {first.DpNumero}", 0, total);
        }

        Settle(item, echeance);
    }

    private void Revenue(RevenueBatch batch, List<LedgerEntry> sink)
    {
        var titre = batch.Titre;
        var issued = Cents(titre.MontantEmis);
        var emission = new Piece(sink, titre.DateEmission.Year, titre.SocieteCode, titre.MinistereCode, titre.ProgrammeCode,
            Number(8_700_000_000, ++titrePieces), "DR", titre.DateEmission);
        List<LedgerEntry> item = [emission.Line(CompteClients, null, $"Titre {titre.TitreNumero}", issued, 0)];
        emission.Line(titre.CompteGeneralCode, null, $"Titre {titre.TitreNumero}", 0, issued);

        if (batch.CancelledOn is { } on)
        {
            var cancelled = Cents(titre.MontantAnnule);
            var cancellation = new Piece(sink, on.Year, titre.SocieteCode, titre.MinistereCode, titre.ProgrammeCode,
                Number(8_800_000_000, ++cancelPieces), "DA", on);
            cancellation.Line(titre.CompteGeneralCode, null, $"Annulation titre {titre.TitreNumero}", cancelled, 0);
            item.Add(cancellation.Line(CompteClients, null, $"Annulation titre {titre.TitreNumero}", 0, cancelled));
        }

        foreach (var receipt in batch.Receipts)
        {
            var amount = Cents(receipt.Montant);
            var piece = new Piece(sink, receipt.DateEncaissement.Year, titre.SocieteCode, titre.MinistereCode, titre.ProgrammeCode,
                Number(1_400_000_000, ++receiptPieces), "DZ", receipt.DateEncaissement);
            piece.Line(CompteTresor, null, $"Encaissement titre {titre.TitreNumero}", amount, 0);
            item.Add(piece.Line(CompteClients, null, $"Encaissement titre {titre.TitreNumero}", 0, amount));
        }

        foreach (var line in item)
        {
            line.ClientCode = titre.ClientCode;
        }

        Settle(item, titre.DateEcheance);
    }

    private void Miscellaneous(List<LedgerEntry> sink)
    {
        var profile = model.Profile;
        var random = new Random(profile.Seed + SeedOffset);
        foreach (var ministere in model.Ministeres)
        {
            var monthly = random.LogNormalCents(20_000_000, 1.0, 500_000, 900_000_000);
            for (var exercice = profile.FirstExercice; exercice <= profile.LastExercice; exercice++)
            {
                for (var month = 1; month <= 12; month++)
                {
                    var amount = (long)Math.Round(monthly * random.Between(0.97, 1.03) * (month == 12 ? 1.1 : 1.0));
                    var date = new DateOnly(exercice, month, 27);
                    var label = $"Paie {exercice.ToString(CultureInfo.InvariantCulture)}-{month.ToString("D2", CultureInfo.InvariantCulture)} {ministere.Sigle}";
                    var piece = new Piece(sink, exercice, CentralSociete, ministere.Code, null,
                        Number(9_000_000_000, ++payrollPieces), "SA", date);
                    piece.Line(CompteRemunerations, null, label, amount, 0);
                    piece.Line(ComptePersonnel, null, label, 0, amount);
                    piece.Line(ComptePersonnel, null, label, amount, 0);
                    piece.Line(CompteTresor, null, label, 0, amount);
                }

                var depreciation = (long)Math.Round(monthly * random.Between(0.2, 0.6));
                var yearEnd = new DateOnly(exercice, 12, 31);
                var amortissement = new Piece(sink, exercice, CentralSociete, ministere.Code, null,
                    Number(9_100_000_000, ++depreciationPieces), "AM", yearEnd, Inventaire);
                amortissement.Line(CompteDotations, null, $"Dotation aux amortissements {exercice.ToString(CultureInfo.InvariantCulture)}", depreciation, 0);
                amortissement.Line(CompteAmortissements, null, $"Dotation aux amortissements {exercice.ToString(CultureInfo.InvariantCulture)}", 0, depreciation);
            }
        }
    }
}
