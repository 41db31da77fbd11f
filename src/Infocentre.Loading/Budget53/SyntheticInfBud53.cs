using System.Globalization;
using System.Text;
using Infocentre.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Loading.Budget53;

/// <summary>
/// Writes a synthetic INF-BUD-53 extract of any size for benchmarks and load tests: the imputations of the
/// warehouse's own payment lines of one exercice (so every code is known), new DP numbers from 800000000,
/// no EJ, amounts that depend on <c>amountSeed</c> (a "corrected" extract of the same keys uses another).
/// A "next week" extract repeats the same keys with a few amounts changed (<c>changeEvery</c>) and adds new
/// lines after them (<c>newLines</c>), as a weekly extract of the current exercice does.
/// </summary>
public static class SyntheticInfBud53
{
    private static readonly NumberFormatInfo French = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = ",", NegativeSign = "-" };

    /// <summary>
    /// Writes <paramref name="lines"/> data lines, then <paramref name="newLines"/> lines of new keys; every
    /// <paramref name="changeEvery"/>-th line (0: none) takes its amount from the next seed. Returns their Σ amount.
    /// </summary>
    public static async Task<decimal> WriteAsync(
        WarehouseDbContext db, string path, int exercice, int lines, int amountSeed, CancellationToken cancellationToken,
        int changeEvery = 0, int newLines = 0)
    {
        ArgumentNullException.ThrowIfNull(db);
        var templates = await db.PaymentLines.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Exercice == exercice).OrderBy(p => p.Id).Take(100).ToListAsync(cancellationToken);
        if (templates.Count == 0)
        {
            throw new InvalidOperationException($"The warehouse has no payment line in {exercice} to take imputations from.");
        }

        decimal total = 0;
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteLineAsync("INF-BUD-53 : Pilotage de la gestion - Vue détaillée");
        await writer.WriteLineAsync("Dernière MàJ des données :");
        await writer.WriteLineAsync(DateTime.UtcNow.ToString("dd.MM.yyyy HH:mm:ss", CultureInfo.InvariantCulture));
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $";;;;Exercice comptable;{exercice}"));
        await writer.WriteLineAsync(
            "Société;Programme;Centre financier;Domaine fonctionnel;Centre de coûts;Référentiel de programmation;N° EJ;N° poste EJ;Type d'EJ;"
            + "N° DP;N° poste DP;Type de pièce;Nature de DP;Statut de la DP;Date de base de la DP;Date de dernière opération sur la DP;"
            + "Date de paiement;Fournisseur payé (DP);Code taxe 1;Compte général;Compte budgétaire;Groupe de marchandises;"
            + "Localisation interministérielle;Service exécutant;Montant payé");
        var line = new StringBuilder(400);
        for (var i = 0; i < lines + newLines; i++)
        {
            var t = templates[i % templates.Count];
            var seed = changeEvery > 0 && i < lines && i % changeEvery == 0 ? amountSeed + 1 : amountSeed;
            var amount = (((long)i * 7919 + seed) % 10_000_000 + 1) / 100m;
            total += amount;
            line.Clear().AppendJoin(';',
                t.SocieteCode, t.ProgrammeCode, t.CentreFinancierCode, t.DomaineFonctionnelCode, t.CentreCoutsCode, t.ActiviteCode,
                "#", "#", "#",
                (800_000_000 + (i / 10)).ToString(CultureInfo.InvariantCulture), ((i % 10) + 1).ToString(CultureInfo.InvariantCulture),
                t.TypePiece, t.NatureDpCode, t.Statut, Date(t.DateBase), Date(t.DateDerniereOperation),
                t.DatePaiement is { } paid ? Date(paid) : "#", t.TiersCode, "#", t.CompteGeneralCode, t.CompteBudgetaireCode,
                t.GroupeMarchandisesCode ?? "#", t.LocalisationCode, t.ServiceExecutant,
                "\"" + amount.ToString("#,##0.00", French) + "\"");
            await writer.WriteLineAsync(line, cancellationToken);
        }

        return total;
    }

    private static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
