using System.Globalization;
using Infocentre.Loading.Common;
using Infocentre.Warehouse.Facts;

namespace Infocentre.Loading.Subsidies;

/// <summary>
/// Completes the staged lines of a Data.Subvention extraction with what the extraction does not carry, in SQL
/// inside the load's transaction:
/// <list type="number">
/// <item>a DP line the warehouse already holds (same natural key, e.g. from INF-BUD-53) keeps every column the
/// extraction does not give (type de pièce, nature, centre de coûts, comptes, localisation, service exécutant,
/// dates de base and de paiement...); it becomes paid;</item>
/// <item>a new DP line takes the imputation of its EJ line (fact_engagement: type d'EJ, centre de coûts, comptes,
/// groupe de marchandises, localisation); type de pièce RE (DP on EJ), nature from the compte budgétaire, service
/// exécutant "#" (not assigned), date de base and de paiement = date de dernière opération, no délai;</item>
/// <item>a line with neither is rejected (DQ-004, unknown EJ line).</item>
/// </list>
/// </summary>
internal sealed class SubsidyPaymentCompletion(LoadSession session, StagedFact<PaymentLine> staged)
{
    /// <summary>Type de pièce of a DP on EJ.</summary>
    public const string DpOnEjPiece = "RE";

    /// <summary>Chorus's "not assigned".</summary>
    public const string NotAssigned = "#";

    /// <summary>Centre de coûts of a staged line not completed yet.</summary>
    public const string NotCompleted = "";

    /// <summary>The columns the extraction gives (with the id, the staged line number).</summary>
    private static readonly HashSet<string> Carried = new(StringComparer.Ordinal)
    {
        "id", "exercice", "periode", "ministere_code", "programme_code", "centre_financier_code", "domaine_fonctionnel_code",
        "activite_code", "societe_code", "dp_numero", "dp_poste", "ej_numero", "ej_poste", "statut", "tiers_code",
        "date_derniere_operation", "montant", "montant_devise",
    };

    private static readonly string[] FromEjLine =
        ["type_ej_code", "centre_couts_code", "compte_budgetaire_code", "compte_general_code", "groupe_marchandises_code", "localisation_code"];

    private string Stage => session.Quote(staged.Stage.Name);

    private string Fact => session.Quote(staged.Fact.Name);

    /// <summary>The movements of the EJ line a staged line pays.</summary>
    private string EjLine => $"FROM fact_engagement e WHERE e.ej_numero = {Stage}.ej_numero AND e.ej_poste = {Stage}.ej_poste";

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await staged.IndexAsync("ej_line", ["ej_numero", "ej_poste"], cancellationToken);
        await FromHeldLineAsync(cancellationToken);
        await FromEjLineAsync(cancellationToken);
        await RejectIncompleteAsync(cancellationToken);
    }

    private async Task FromHeldLineAsync(CancellationToken cancellationToken)
    {
        var kept = staged.Fact.Columns.Select(c => c.Name).Where(c => !Carried.Contains(c)).Select(session.Quote).ToList();
        var key = $"f.exercice = {Stage}.exercice AND f.societe_code = {Stage}.societe_code AND f.dp_numero = {Stage}.dp_numero AND f.dp_poste = {Stage}.dp_poste";
        await session.ExecuteAsync(
            $"UPDATE {Stage} SET ({string.Join(", ", kept)}) = (SELECT {string.Join(", ", kept.Select(c => "f." + c))} FROM {Fact} f WHERE {key}) "
            + $"WHERE EXISTS (SELECT 1 FROM {Fact} f WHERE {key})",
            cancellationToken);

        // A held line without EJ (a DP "sans EJ" in INF-BUD-53) gets the type of the EJ the extraction names.
        await session.ExecuteAsync(
            $"UPDATE {Stage} SET type_ej_code = (SELECT e.type_ej_code {EjLine} ORDER BY e.id DESC LIMIT 1) "
            + $"WHERE centre_couts_code <> '{NotCompleted}' AND type_ej_code IS NULL",
            cancellationToken);

        // A held line that was not paid yet becomes paid on its date de dernière opération.
        await session.ExecuteAsync(
            $"UPDATE {Stage} SET date_paiement = date_derniere_operation, delai_paiement_jours = {Days("date_derniere_operation", "date_base")}, "
            + $"anciennete_jours = NULL WHERE centre_couts_code <> '{NotCompleted}' AND date_paiement IS NULL",
            cancellationToken);
    }

    private async Task FromEjLineAsync(CancellationToken cancellationToken)
    {
        var ejLine = EjLine;
        await session.ExecuteAsync(
            $"UPDATE {Stage} SET ({string.Join(", ", FromEjLine)}) = (SELECT {string.Join(", ", FromEjLine.Select(c => "e." + c))} {ejLine} ORDER BY e.id DESC LIMIT 1) "
            + $"WHERE centre_couts_code = '{NotCompleted}' AND EXISTS (SELECT 1 {ejLine})",
            cancellationToken);

        // Nature de DP from the LOLF catégorie: transfers to households, companies, local authorities; other otherwise.
        await session.ExecuteAsync(
            $"UPDATE {Stage} SET nature_dp_code = CASE compte_budgetaire_code WHEN '61' THEN '4.1' WHEN '62' THEN '4.2' WHEN '63' THEN '4.3' ELSE '9.9' END "
            + $"WHERE nature_dp_code = '' AND centre_couts_code <> '{NotCompleted}'",
            cancellationToken);
    }

    private async Task RejectIncompleteAsync(CancellationToken cancellationToken)
    {
        await using (var command = session.Command(
            $"SELECT s.id, s.exercice, {session.SumCents("s.montant")}, s.ej_numero, s.ej_poste FROM {Stage} s "
            + $"WHERE s.centre_couts_code = '{NotCompleted}' GROUP BY s.id, s.exercice, s.ej_numero, s.ej_poste"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var ej = reader.GetString(3) + "/" + reader.GetInt32(4).ToString(CultureInfo.InvariantCulture);
                session.Reject(DataQualityRules.UnknownReferentialCode, reader.GetInt64(0), "N° EJ", ej,
                    $"Unknown EJ line {ej}: the warehouse holds neither this DP line nor the EJ line it pays (load the engagements or the INF-BUD-53 extract first).");
                session.RowsRejected++;
                session.RowsLoaded--;
                session.AddToTotals(reader.GetInt32(1), -1, -reader.GetInt64(2) / 100m);
            }
        }

        await session.ExecuteAsync($"DELETE FROM {Stage} WHERE centre_couts_code = '{NotCompleted}'", cancellationToken);
    }

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (dates are TEXT on SQLite).</summary>
    private string Days(string to, string from) => session.IsSqlite
        ? $"CAST(julianday({to}) - julianday({from}) AS INTEGER)"
        : $"({to} - {from})";
}
