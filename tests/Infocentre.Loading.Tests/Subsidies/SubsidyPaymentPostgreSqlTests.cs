using Infocentre.Loading.Common;
using Infocentre.TestSupport.PostgreSql;

namespace Infocentre.Loading.Tests.Subsidies;

public sealed class SubsidyPaymentPostgreSqlTests(PostgreSqlFixture postgres) : IClassFixture<PostgreSqlFixture>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("infocentre-xlsx-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<TestWarehouse> NewTinyAsync() => TestWarehouse.NewTinyPostgreSqlAsync(postgres, "loading");

    [Fact]
    public async Task Extraction_after_INF_BUD_53_completes_new_lines_keeps_held_ones_and_a_second_load_changes_nothing()
    {
        var warehouse = await NewTinyAsync();
        await warehouse.LoadAsync("inf-bud-53-good.csv");
        var before = await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement");
        var good = await XlsxSample.WriteAsync(folder, "extraction.xlsx", (SubsidySamples.Sheet, SubsidySamples.Good));

        var first = await warehouse.LoadFileAsync(good);
        var facts = await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id");
        var second = await warehouse.LoadFileAsync(good);

        Assert.Equal((3L, 1L), (first.RowsLoaded, first.RowsReplaced));
        Assert.Equal((3L, 3L), (second.RowsLoaded, second.RowsReplaced));
        Assert.Equal(before + 2, await warehouse.CountAsync("SELECT COUNT(*) FROM fact_demande_paiement"));
        Assert.Equal(facts, await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id"));
        // 15 000,00 + 2 500,75 + 12 615 940,52 from the sample.
        Assert.Equal(new ControlTotal(2024, 3, 12_633_441.27m), Assert.Single(second.ControlTotals));
        var held = Assert.Single(await warehouse.RowsAsync(
            "SELECT statut, type_ej_code, type_piece, to_char(date_base, 'YYYY-MM-DD'), to_char(date_paiement, 'YYYY-MM-DD'), delai_paiement_jours FROM fact_demande_paiement "
            + "WHERE exercice = 2024 AND societe_code = 'ADCE' AND dp_numero = '900000001' AND dp_poste = 2"));
        Assert.Equal(["PAY", "ZSUB", "KR", "2024-03-05", "2024-05-15", "71"], held);
        var added = await warehouse.RowsAsync(
            "SELECT centre_couts_code, compte_general_code, nature_dp_code, service_executant, delai_paiement_jours IS NULL FROM fact_demande_paiement "
            + "WHERE exercice = 2024 AND societe_code = 'IDF1' AND dp_numero = '900000101' ORDER BY dp_poste");
        Assert.Equal([["SJVSDAT075", "6574000000", "9.9", "#", "True"], ["SJVSDAT075", "6574000000", "9.9", "#", "True"]], added);
    }

    [Fact]
    public async Task Bad_rows_give_the_same_rejections_as_on_SQLite_and_too_many_refuse_the_load()
    {
        var warehouse = await NewTinyAsync();
        var before = await warehouse.SnapshotAsync();
        var bad = await XlsxSample.WriteAsync(folder, "extraction-bad.xlsx", (SubsidySamples.Sheet, SubsidySamples.Bad));

        var refused = await Assert.ThrowsAsync<LoadFailedException>(() => warehouse.LoadFileAsync(bad));
        Assert.Equal(LoadRunStatus.Refused, refused.Result.Status);
        Assert.Equal(before, await warehouse.SnapshotAsync());

        var result = await warehouse.LoadFileAsync(bad, new LoadOptions { MaxRejectionRate = 1 });
        Assert.Equal((12L, 1L, 11L), (result.RowsRead, result.RowsLoaded, result.RowsRejected));
        var lines = result.Findings.Where(f => f.Rule.Severity == Severity.Error).Select(f => f.Line!.Value).Order().ToList();
        Assert.Equal([3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L], lines);
    }

    [Fact]
    public async Task Both_sheets_publish_together_and_a_fault_at_publication_leaves_both_facts_unchanged()
    {
        var warehouse = await NewTinyAsync();
        var sample = await XlsxSample.WriteAsync(folder, "extraction-fehbe.xlsx",
            (SubsidySamples.Sheet, SubsidySamples.Good[..3]), (SubsidySamples.FundSheet, SubsidySamples.Funds[..4]));
        var options = new LoadOptions();
        options.EuropeanFundMinisteres["FSE+"] = "MIN18";
        options.EuropeanFundMinisteres["FEDER"] = "MIN09";
        var funds = "SELECT COUNT(*) FROM fact_versement_fonds_europeens";
        var before = (await warehouse.SnapshotAsync(), await warehouse.CountAsync(funds));
        options.StepHook = step =>
        {
            if (step == LoadStep.Reconcile)
            {
                throw new InvalidOperationException("Injected fault.");
            }
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => warehouse.LoadFileAsync(sample, options));
        Assert.Equal(before, (await warehouse.SnapshotAsync(), await warehouse.CountAsync(funds)));

        options.StepHook = null;
        var result = await warehouse.LoadFileAsync(sample, options);
        Assert.Equal((5L, 0L), (result.RowsLoaded, result.RowsReplaced));
        Assert.Equal(before.Item2 + 3, await warehouse.CountAsync(funds));
        // 4 000,00 + 1 250,25 + 800,00 on sheet 2, summed by the database.
        Assert.Equal(605_025, await warehouse.CountAsync(
            $"SELECT {warehouse.Cents("montant_paye")} FROM fact_versement_fonds_europeens WHERE exercice = 2024 AND societe_code = 'IDF1' AND dp_numero LIKE '9000003%'"));
    }
}
