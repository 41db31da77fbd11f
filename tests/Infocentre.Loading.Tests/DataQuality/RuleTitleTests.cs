using Infocentre.Loading.Common;
using Infocentre.Warehouse.ReportingViews;

namespace Infocentre.Loading.Tests.DataQuality;

public sealed class RuleTitleTests(TinyTemplate tiny) : IClassFixture<TinyTemplate>
{
    [Fact]
    public void The_findings_view_knows_every_rule_with_its_title()
    {
        Assert.Equal(DataQualityRules.All.Select(r => (r.Code, r.Title)), DataQualityRuleTitles.All);
    }

    [Fact]
    public async Task The_findings_view_shows_a_load_s_findings_with_their_rule_title()
    {
        var warehouse = tiny.NewSqlite();

        var result = await warehouse.LoadAsync("inf-cge-03-bad.csv", new LoadOptions { MaxRejectionRate = 1 });

        var rows = await warehouse.RowsAsync(
            $"SELECT ligne, regle_code, gravite, regle_libelle, colonne, valeur, fichier, type_extrait, statut_chargement FROM v_constat_chargement WHERE chargement_id = {result.LoadId} AND regle_code = 'DQ-007' ORDER BY ligne");
        Assert.Equal(
            ["7", "DQ-007", "error", "Pièce comptable déséquilibrée ou incomplète", "N° pièce", "9900000012", "inf-cge-03-bad.csv", "inf-cge-03", "succeeded"],
            rows[0]);
        Assert.Equal(4, rows.Count);
    }
}
