using Infocentre.Loading.Common;

namespace Infocentre.Loading.Tests.Referentials;

public sealed class ReferentialLoadTests(TinyTemplate tiny) : IClassFixture<TinyTemplate>
{
    [Fact]
    public async Task Programmes_are_updated_and_added_by_code()
    {
        var warehouse = tiny.NewSqlite();
        var before = await warehouse.CountAsync("SELECT COUNT(*) FROM dim_programme");

        var result = await warehouse.LoadAsync("ref-programmes.csv");

        Assert.Equal(("ref-programmes", 2L, 1L), (result.Kind, result.RowsLoaded, result.RowsReplaced));
        Assert.Equal(before + 1, await warehouse.CountAsync("SELECT COUNT(*) FROM dim_programme"));
        Assert.Equal(
            [["0163", "163", "Jeunesse et vie associative (libellé 2025)", "SJ", "MIN18"], ["0999", "999", "Programme d'essai", "SJ", "MIN18"]],
            await warehouse.RowsAsync("SELECT code, numero, libelle, mission_code, ministere_code FROM dim_programme WHERE code IN ('0163', '0999') ORDER BY code"));
    }

    [Fact]
    public async Task Tiers_get_their_siren_from_the_siret_and_an_association_without_siret_is_flagged()
    {
        var warehouse = tiny.NewSqlite();

        var result = await warehouse.LoadAsync("ref-tiers.csv");

        Assert.Equal(
            [["1000009998", "74197530400428", "741975304", "NULL"], ["1000009999", "NULL", "NULL", "W751234567"]],
            await warehouse.RowsAsync("SELECT code, siret, siren, rna FROM dim_tiers WHERE code IN ('1000009998', '1000009999') ORDER BY code"));
        var warning = Assert.Single(result.Findings);
        Assert.Equal(("DQ-012", 2L), (warning.Rule.Code, warning.Line!.Value));
    }

    [Theory]
    [InlineData("ref-domaines-fonctionnels.csv", "ref-domaines-fonctionnels", "SELECT code, programme_code, action_code, est_sous_action FROM dim_domaine_fonctionnel WHERE code = '0163-01-09'", "0163-01-09|0163|0163-01|1")]
    [InlineData("ref-activites.csv", "ref-activites", "SELECT code, programme_code, operation_strategique_code, operation_budgetee_code, sens FROM dim_activite WHERE code = '016301010199'", "016301010199|0163|016301|0163010101|D")]
    [InlineData("ref-centres-couts.csv", "ref-centres-couts", "SELECT code, ministere_code, departement FROM dim_centre_couts WHERE code = 'SJVESSA075'", "SJVESSA075|MIN18|075")]
    public async Task Each_referential_derives_its_parent_codes(string sample, string kind, string sql, string expected)
    {
        var warehouse = tiny.NewSqlite();

        var result = await warehouse.LoadAsync(sample);

        Assert.Equal((kind, 1L), (result.Kind, result.RowsLoaded));
        Assert.Equal(expected, string.Join('|', Assert.Single(await warehouse.RowsAsync(sql))));
    }

    [Fact]
    public async Task A_centre_financier_of_an_unknown_bop_is_rejected()
    {
        var warehouse = tiny.NewSqlite();

        var result = await warehouse.LoadAsync("ref-centres-financiers-bad.csv", new LoadOptions { MaxRejectionRate = 0.5 });

        Assert.Equal((1L, 1L), (result.RowsLoaded, result.RowsRejected));
        var rejection = Assert.Single(result.Findings);
        Assert.Equal(("DQ-004", 3L, "Centre financier", "0163-ZZZZ"), (rejection.Rule.Code, rejection.Line!.Value, rejection.Column, rejection.Value));
        Assert.Equal(0, await warehouse.CountAsync("SELECT COUNT(*) FROM dim_centre_financier WHERE code = '0163-ZZZZ-ZZ01'"));
    }
}
