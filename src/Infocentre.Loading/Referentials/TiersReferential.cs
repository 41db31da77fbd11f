using Infocentre.Loading.Common;
using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Loading.Referentials;

/// <summary>
/// Tiers: <c>Fournisseur;Raison sociale;Code taxe 1;RNA;Branche;Catégorie juridique;Commune;Département;État administratif</c>.
/// Code taxe 1 is the SIRET ("#" when there is none); the SIREN is its first 9 digits.
/// </summary>
public sealed class TiersReferential : ReferentialExtract<Tiers>
{
    private const string AssociationBranche = "Z039";

    public override string Name => "ref-tiers";

    public override string FirstColumn => "Fournisseur";

    public override IReadOnlyList<string> Headers { get; } =
        ["Fournisseur", "Raison sociale", "Code taxe 1", "RNA", "Branche", "Catégorie juridique", "Commune", "Département", "État administratif"];

    protected override string CodeOf(Tiers row) => row.Code;

    protected override Tiers? Parse(LineReader line, IReadOnlyDictionary<string, int> c, ReferenceCodes codes)
    {
        var code = line.Id<TiersCode>(Col(c, "Fournisseur"));
        var nom = line.Text(Col(c, "Raison sociale"));
        var siret = line.Id<Siret>(Col(c, "Code taxe 1"), optional: true);
        var rna = line.Id<Rna>(Col(c, "RNA"), optional: true);
        var branche = line.Known(line.Text(Col(c, "Branche"), 4), Col(c, "Branche"), codes.Branches, "branche");
        var categorie = line.Text(Col(c, "Catégorie juridique"));
        var commune = line.Text(Col(c, "Commune"));
        var departement = line.Text(Col(c, "Département"), 3);
        var etat = line.Text(Col(c, "État administratif"), 1);
        if (etat is not null and not ("A" or "F"))
        {
            line.Error(DataQualityRules.MalformedValue, Col(c, "État administratif"), etat, "État administratif must be A (active) or F (fermé).");
        }

        if (branche == AssociationBranche && siret is null)
        {
            line.Warning(DataQualityRules.MissingSiretOnAssociation, Col(c, "Code taxe 1"), line.Raw(Col(c, "Code taxe 1")),
                "An association (branche Z039) without SIRET cannot be matched by Data.Subvention.");
        }

        return code is { } t && nom is not null && branche is not null && categorie is not null && commune is not null
            && departement is not null && etat is not null
            ? new Tiers
            {
                Code = t.Value, RaisonSociale = nom, Siret = siret?.Value, Siren = siret?.Siren.Value, Rna = rna?.Value,
                BrancheCode = branche, CategorieJuridique = categorie, Commune = commune, Departement = departement, EtatAdministratif = etat,
            }
            : null;
    }
}
