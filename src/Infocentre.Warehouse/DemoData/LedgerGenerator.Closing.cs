using System.Globalization;
using Infocentre.Warehouse.Facts;
using static Infocentre.Warehouse.DemoData.AccountingCatalog;
using static Infocentre.Warehouse.DemoData.DemoCatalog;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// The general-accounting side of the ledger, every pièce balanced:
/// <list type="bullet">
/// <item>journal AN (type OUV): the opening balance sheet of the first exercice per ministère (fixed assets,
/// depreciation, stocks, provisions, against 110 report des exercices antérieurs), then each later exercice's
/// balance d'entrée: the closing balance of every balance-sheet account, open third-party items one by one
/// (tiers or débiteur, échéance), and the previous result (classes 6 and 7) carried to 110;</item>
/// <item>journal IN (type INV, 31 December): charges à payer (service fait certifié non soldé, débit of the
/// EJ's account, crédit 4081), produits à recevoir (4181), provisions (6815/1511, reprises 7815), impairment
/// (6816/2913, reprises 7816), stock variation (6032/3210); journal AM is inventory too;</item>
/// <item>journal EX (type GES, 1 January): reversal (extourne) of the previous charges à payer and produits à recevoir;</item>
/// <item>journal OD (type GES): fixed assets put into service (2313 → 2135) and sold (2135 against 2813 and 6751),
/// suspense items (4711 recettes à classer, 4721 dépenses à régulariser), most of them cleared within weeks.</item>
/// </list>
/// </summary>
internal sealed partial class LedgerGenerator
{
    internal const string Ouverture = "OUV";
    internal const string Gestion = "GES";
    internal const string Inventaire = "INV";

    private const int ClosingSeedOffset = 4;

    private readonly Dictionary<(string Societe, string Ministere, string? Programme, string Compte), long[]> balances = [];
    private readonly List<LedgerEntry> openingItems = [];
    private readonly Dictionary<(int Exercice, string Societe, string Ministere, string Programme, string? Domaine, string? CentreCouts, string Compte), long> accruals = [];
    private readonly Dictionary<string, long> ministryScale = new(StringComparer.Ordinal);
    private long items;
    private long closingPieces;
    private long openingPieces;

    private int First => model.Profile.FirstExercice;

    private int Last => model.Profile.LastExercice;

    private void ResetClosing()
    {
        balances.Clear();
        openingItems.Clear();
        accruals.Clear();
        ministryScale.Clear();
        items = closingPieces = openingPieces = 0;
    }

    private static bool IsItem(LedgerEntry e) =>
        e.TiersCode is not null || e.ClientCode is not null || e.CompteGeneralCode.StartsWith("47", StringComparison.Ordinal);

    /// <summary>Adds a line to the balances carried forward; third-party items are carried one by one by <see cref="Settle"/>.</summary>
    private void Track(LedgerEntry e)
    {
        if (IsItem(e))
        {
            return;
        }

        // The result of the exercice (classes 6 and 7) opens the next one in 110 report des exercices antérieurs.
        var compte = e.CompteGeneralCode[0] is '6' or '7' ? CompteReport : e.CompteGeneralCode;
        var key = (e.SocieteCode, e.MinistereCode, e.ProgrammeCode, compte);
        if (!balances.TryGetValue(key, out var years))
        {
            balances[key] = years = new long[Last - First + 1];
        }

        years[e.Exercice - First] += Cents(e.Debit) - Cents(e.Credit);
    }

    /// <summary>
    /// Letters the lines of one third-party item in each exercice where it ends cleared, and carries its open
    /// residual into the next exercice's balance d'entrée (a line that is itself lettered or not the same way).
    /// </summary>
    private void Settle(List<LedgerEntry> lines, DateOnly echeance)
    {
        var code = "L" + (++items).ToString("D9", CultureInfo.InvariantCulture);
        var first = lines[0];
        long residual = 0;
        LedgerEntry? opening = null;
        foreach (var line in lines)
        {
            line.DateEcheance = echeance;
        }

        for (var exercice = lines.Min(l => l.Exercice); exercice <= Last; exercice++)
        {
            var current = lines.Where(l => l.Exercice == exercice).ToList();
            residual += current.Sum(l => Cents(l.Debit) - Cents(l.Credit));
            if (opening is not null)
            {
                current.Add(opening);
            }

            foreach (var line in current)
            {
                line.Lettrage = residual == 0 ? code : null;
            }

            opening = null;
            if (residual != 0 && exercice < Last)
            {
                opening = OpeningLine(exercice + 1, first.SocieteCode, first.MinistereCode, first.ProgrammeCode, first.CompteGeneralCode, residual);
                opening.TiersCode = first.TiersCode;
                opening.ClientCode = first.ClientCode;
                opening.DateEcheance = echeance;
                openingItems.Add(opening);
            }
        }
    }

    private static LedgerEntry OpeningLine(int exercice, string societe, string ministere, string? programme, string compte, long net) => new()
    {
        Exercice = exercice, Periode = 1, SocieteCode = societe, MinistereCode = ministere, ProgrammeCode = programme,
        PieceNumero = "", Journal = "AN", DateComptable = new DateOnly(exercice, 1, 1), CompteGeneralCode = compte,
        Libelle = "Balance d'entrée " + exercice.ToString(CultureInfo.InvariantCulture),
        Debit = DemoRandom.Euros(Math.Max(net, 0)), Credit = DemoRandom.Euros(Math.Max(-net, 0)), TypeOperation = Ouverture,
    };

    /// <summary>Service fait certifié non soldé of the batch, by the account and centre de coûts of its EJ line: the charges à payer.</summary>
    private void Accrue(SpendingBatch batch)
    {
        var lines = batch.Engagements
            .GroupBy(e => (e.EjNumero, e.EjPoste))
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var sf in batch.ServicesFaits.Where(s => !s.EstSolde))
        {
            if (!lines.TryGetValue((sf.EjNumero, sf.EjPoste), out var ej))
            {
                continue;
            }

            var key = (sf.Exercice, sf.SocieteCode, sf.MinistereCode, sf.ProgrammeCode, (string?)sf.DomaineFonctionnelCode, (string?)ej.CentreCoutsCode, ej.CompteGeneralCode);
            accruals[key] = accruals.GetValueOrDefault(key) + Cents(sf.Montant);
        }
    }

    private long Scale(string ministere, Random random)
    {
        if (!ministryScale.TryGetValue(ministere, out var scale))
        {
            ministryScale[ministere] = scale = random.LogNormalCents(40_000_000, 0.8, 2_000_000, 900_000_000);
        }

        return scale;
    }

    private static long Part(long scale, Random random, double low, double high) => (long)Math.Round(scale * random.Between(low, high));

    private Piece NewPiece(List<LedgerEntry> sink, int exercice, string? programme, string ministere, string journal, DateOnly date, string type,
        string societe = CentralSociete) =>
        new(sink, exercice, societe, ministere, programme, Number(9_200_000_000, ++closingPieces), journal, date, type);

    /// <summary>The balance sheet of each ministère at the opening of the first exercice.</summary>
    private void OpeningBalanceSheet(List<LedgerEntry> sink)
    {
        var random = new Random(model.Profile.Seed + ClosingSeedOffset);
        foreach (var ministere in model.Ministeres)
        {
            var scale = Scale(ministere.Code, random);
            var piece = new Piece(sink, First, CentralSociete, ministere.Code, null, Number(100_000_000, ++openingPieces), "AN",
                new DateOnly(First, 1, 1), Ouverture);
            var label = "Bilan d'ouverture " + First.ToString(CultureInfo.InvariantCulture);
            (string Compte, double Factor)[] lines =
            [
                ("2051000000", 0.4), (CompteInstallations, 4.0), ("2182000000", 0.3), ("2183000000", 0.5), (CompteConstructionsEnCours, 0.8),
                (CompteAmortissements, -1.5), (CompteDepreciations, -0.1), (CompteStocks, 0.2), (CompteProvisionsLitiges, -0.6),
            ];
            long net = 0;
            foreach (var (compte, factor) in lines)
            {
                var amount = Part(scale, random, Math.Abs(factor) * 0.8, Math.Abs(factor) * 1.2);
                net += factor > 0 ? amount : -amount;
                piece.Line(compte, null, label, factor > 0 ? amount : 0, factor > 0 ? 0 : amount);
            }

            piece.Line(CompteReport, null, label, Math.Max(-net, 0), Math.Max(net, 0));
        }
    }

    private void Closing(List<LedgerEntry> sink)
    {
        var random = new Random(model.Profile.Seed + ClosingSeedOffset + 1);
        ChargesAPayer(sink);
        foreach (var ministere in model.Ministeres)
        {
            var scale = Scale(ministere.Code, random);
            var provisions = Opening(ministere.Code, CompteProvisionsLitiges);
            var depreciations = Opening(ministere.Code, CompteDepreciations);
            var stock = Opening(ministere.Code, CompteStocks);
            var enCours = Opening(ministere.Code, CompteConstructionsEnCours);
            for (var exercice = First; exercice <= Last; exercice++)
            {
                var yearEnd = new DateOnly(exercice, 12, 31);
                var year = exercice.ToString(CultureInfo.InvariantCulture);

                var par = NewPiece(sink, exercice, null, ministere.Code, "IN", yearEnd, Inventaire);
                var produit = Part(scale, random, 0.02, 0.06);
                par.Line(CompteProduitsARecevoir, null, "Produits à recevoir " + year, produit, 0);
                par.Line(CompteRedevances, null, "Produits à recevoir " + year, 0, produit);
                if (exercice < Last)
                {
                    var extourne = NewPiece(sink, exercice + 1, null, ministere.Code, "EX", new DateOnly(exercice + 1, 1, 1), Gestion);
                    extourne.Line(CompteRedevances, null, "Extourne produits à recevoir " + year, produit, 0);
                    extourne.Line(CompteProduitsARecevoir, null, "Extourne produits à recevoir " + year, 0, produit);
                }

                var dotation = Part(provisions, random, 0.05, 0.2);
                var reprise = Part(provisions, random, 0.0, 0.25);
                var provision = NewPiece(sink, exercice, null, ministere.Code, "IN", yearEnd, Inventaire);
                provision.Line(CompteDotationsProvisions, null, "Dotation aux provisions pour litiges " + year, dotation, 0);
                provision.Line(CompteProvisionsLitiges, null, "Dotation aux provisions pour litiges " + year, 0, dotation);
                provision.Line(CompteProvisionsLitiges, null, "Reprise de provisions pour litiges " + year, reprise, 0);
                provision.Line(CompteReprisesProvisions, null, "Reprise de provisions pour litiges " + year, 0, reprise);
                provisions += dotation - reprise;

                var impairment = Part(scale, random, 0.01, 0.05);
                var writeBack = random.Chance(0.5) ? Part(depreciations, random, 0.1, 0.4) : 0;
                var depreciation = NewPiece(sink, exercice, null, ministere.Code, "IN", yearEnd, Inventaire);
                depreciation.Line(CompteDotationsDepreciations, null, "Dotation aux dépréciations " + year, impairment, 0);
                depreciation.Line(CompteDepreciations, null, "Dotation aux dépréciations " + year, 0, impairment);
                if (writeBack > 0)
                {
                    depreciation.Line(CompteDepreciations, null, "Reprise de dépréciations " + year, writeBack, 0);
                    depreciation.Line(CompteReprisesDepreciations, null, "Reprise de dépréciations " + year, 0, writeBack);
                }

                depreciations += impairment - writeBack;

                var final = Part(stock, random, 0.85, 1.2);
                var stocks = NewPiece(sink, exercice, null, ministere.Code, "IN", yearEnd, Inventaire);
                stocks.Line(CompteVariationStocks, null, "Annulation du stock initial " + year, stock, 0);
                stocks.Line(CompteStocks, null, "Annulation du stock initial " + year, 0, stock);
                stocks.Line(CompteStocks, null, "Stock final " + year, final, 0);
                stocks.Line(CompteVariationStocks, null, "Stock final " + year, 0, final);
                stock = final;

                var service = Math.Min(enCours, Part(scale, random, 0.05, 0.15));
                var miseEnService = NewPiece(sink, exercice, null, ministere.Code, "OD", new DateOnly(exercice, 6, 30), Gestion);
                miseEnService.Line(CompteInstallations, null, "Mise en service " + year, service, 0);
                miseEnService.Line(CompteConstructionsEnCours, null, "Mise en service " + year, 0, service);
                enCours -= service;

                var gross = Part(scale, random, 0.02, 0.08);
                var amortised = (long)Math.Round(gross * random.Between(0.5, 0.9));
                var cession = NewPiece(sink, exercice, null, ministere.Code, "OD", new DateOnly(exercice, 10, 15), Gestion);
                cession.Line(CompteAmortissements, null, "Sortie d'immobilisation " + year, amortised, 0);
                cession.Line(CompteValeurCession, null, "Sortie d'immobilisation " + year, gross - amortised, 0);
                cession.Line(CompteInstallations, null, "Sortie d'immobilisation " + year, 0, gross);

                Suspense(sink, random, ministere.Code, exercice);
            }
        }
    }

    private long Opening(string ministere, string compte) =>
        balances.TryGetValue((CentralSociete, ministere, null, compte), out var years) ? years[0] * (compte[0] == '1' || compte.StartsWith("29", StringComparison.Ordinal) ? -1 : 1) : 0;

    /// <summary>Suspense items: most are cleared within weeks, some stay open (an anomaly the comptable must clear).</summary>
    private void Suspense(List<LedgerEntry> sink, Random random, string ministere, int exercice)
    {
        var count = model.Profile.Size == DemoSize.Tiny ? 2 : 12;
        for (var i = 0; i < count; i++)
        {
            var date = random.DayOfYear(exercice);
            var amount = random.LogNormalCents(5_000, 1.0, 50, 500_000);
            var receipt = random.Chance(0.6);
            var compte = receipt ? CompteRecettesAClasser : CompteDepensesARegulariser;
            var clearing = date.AddDays(random.Inclusive(5, 60));
            var cleared = !(i == 0 && exercice == First) && !random.Chance(0.2) && clearing.Year == exercice;
            var label = (receipt ? "Recette à classer " : "Dépense à régulariser ") + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var entry = NewPiece(sink, exercice, null, ministere, "OD", date, Gestion);
            List<LedgerEntry> item = receipt
                ? [entry.Line(compte, null, label, 0, amount)]
                : [entry.Line(compte, null, label, amount, 0)];
            entry.Line(CompteTresor, null, label, receipt ? amount : 0, receipt ? 0 : amount);
            if (cleared)
            {
                var clear = NewPiece(sink, exercice, null, ministere, "OD", clearing, Gestion);
                if (receipt)
                {
                    item.Add(clear.Line(compte, null, "Apurement " + label, amount, 0));
                    clear.Line(CompteProduitsDivers, null, "Apurement " + label, 0, amount);
                }
                else
                {
                    clear.Line(CompteAutresPrestations, null, "Apurement " + label, amount, 0);
                    item.Add(clear.Line(compte, null, "Apurement " + label, 0, amount));
                }
            }

            Settle(item, date);
        }
    }

    /// <summary>Charges à payer at the 31 December per programme, reversed on the 1 January.</summary>
    private void ChargesAPayer(List<LedgerEntry> sink)
    {
        var pieces = accruals.Where(a => a.Value > 0)
            .GroupBy(a => (a.Key.Exercice, a.Key.Societe, a.Key.Ministere, a.Key.Programme))
            .OrderBy(g => g.Key.Exercice).ThenBy(g => g.Key.Societe, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Ministere, StringComparer.Ordinal).ThenBy(g => g.Key.Programme, StringComparer.Ordinal);
        foreach (var group in pieces)
        {
            var (exercice, societe, ministere, programme) = group.Key;
            var year = exercice.ToString(CultureInfo.InvariantCulture);
            var lines = group.OrderBy(a => a.Key.Compte, StringComparer.Ordinal).ThenBy(a => a.Key.Domaine, StringComparer.Ordinal)
                .ThenBy(a => a.Key.CentreCouts, StringComparer.Ordinal).ToList();
            var total = lines.Sum(a => a.Value);
            var cap = NewPiece(sink, exercice, programme, ministere, "IN", new DateOnly(exercice, 12, 31), Inventaire, societe);
            foreach (var (key, amount) in lines)
            {
                var line = cap.Line(key.Compte, null, "Charges à payer " + year, amount, 0);
                line.DomaineFonctionnelCode = key.Domaine;
                line.CentreCoutsCode = key.CentreCouts;
            }

            cap.Line(CompteFactureNonParvenues, null, "Charges à payer " + year, 0, total);
            if (exercice < Last)
            {
                var extourne = NewPiece(sink, exercice + 1, programme, ministere, "EX", new DateOnly(exercice + 1, 1, 1), Gestion, societe);
                extourne.Line(CompteFactureNonParvenues, null, "Extourne charges à payer " + year, total, 0);
                foreach (var (key, amount) in lines)
                {
                    var line = extourne.Line(key.Compte, null, "Extourne charges à payer " + year, 0, amount);
                    line.DomaineFonctionnelCode = key.Domaine;
                    line.CentreCoutsCode = key.CentreCouts;
                }
            }
        }
    }

    /// <summary>The balance d'entrée of every exercice after the first, one pièce per société, ministère and programme.</summary>
    private void Openings(List<LedgerEntry> sink)
    {
        for (var exercice = First + 1; exercice <= Last; exercice++)
        {
            var upTo = exercice - First;
            var lines = new List<LedgerEntry>();
            foreach (var ((societe, ministere, programme, compte), years) in balances)
            {
                long net = 0;
                for (var i = 0; i < upTo; i++)
                {
                    net += years[i];
                }

                if (net != 0)
                {
                    lines.Add(OpeningLine(exercice, societe, ministere, programme, compte, net));
                }
            }

            lines.AddRange(openingItems.Where(o => o.Exercice == exercice));
            var pieces = lines.GroupBy(l => (l.SocieteCode, l.MinistereCode, l.ProgrammeCode))
                .OrderBy(g => g.Key.SocieteCode, StringComparer.Ordinal).ThenBy(g => g.Key.MinistereCode, StringComparer.Ordinal)
                .ThenBy(g => g.Key.ProgrammeCode, StringComparer.Ordinal);
            foreach (var piece in pieces)
            {
                var numero = Number(100_000_000, ++openingPieces);
                var ligne = 0;
                foreach (var line in piece.OrderBy(l => l.CompteGeneralCode, StringComparer.Ordinal))
                {
                    line.PieceNumero = numero;
                    line.Ligne = ++ligne;
                    sink.Add(line);
                }
            }
        }
    }
}
