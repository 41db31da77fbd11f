using System.Text.RegularExpressions;
using Infocentre.Loading.Common;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Loading.Subsidies;

/// <summary>
/// A row of the "2. Extraction FEHBE" sheet: a European-fund payment outside the State budget, for
/// fact_versement_fonds_europeens. Its centre financier (a trésorerie's, "FSE0-TG75-FE75") and domaine
/// fonctionnel (the fund's programme, "FSE00-14") are not LOLF codes: they are checked for their shape and
/// stored with their labels. The fund comes from the domaine fonctionnel, the managing ministère from
/// <see cref="LoadOptions.EuropeanFundMinisteres"/>.
/// </summary>
internal static partial class EuropeanFundSheet
{
    private static readonly Dictionary<string, string> FundOfDomaine = new(StringComparer.Ordinal)
    {
        ["FSE"] = "FSE+",
        ["FED"] = "FEDER",
    };

    public static EuropeanFundPayment? Parse(LineReader r, SubsidyPaymentColumns c, ReferenceCodes codes, LoadOptions options)
    {
        var exercice = r.PositiveInt(c.Exercice);
        var societe = r.Known(r.Id<SocieteCode>(c.Societe)?.Value, c.Societe, codes.Societes, "société");
        var centreFinancier = Shaped(r, c.CentreFinancier, CentreFinancierShape(), "a trésorerie's centre financier XXXX-XXXX-XXXX (FSE0-TG75-FE75)");
        var centreFinancierLibelle = r.Text(c.LabelOf(c.CentreFinancier));
        var domaine = Shaped(r, c.DomaineFonctionnel, DomaineShape(), "a fund domaine fonctionnel AAA00-00 (FSE00-14)");
        var domaineLibelle = r.Text(c.LabelOf(c.DomaineFonctionnel));
        string? fonds = null;
        string? ministere = null;
        if (domaine is not null)
        {
            if (!FundOfDomaine.TryGetValue(domaine[..3], out fonds))
            {
                r.Error(DataQualityRules.UnknownReferentialCode, c.DomaineFonctionnel, domaine, "Not the domaine fonctionnel of a known fund (FSE…: FSE+, FED…: FEDER).");
            }
            else if (!options.EuropeanFundMinisteres.TryGetValue(fonds, out ministere) || !codes.Ministeres.Contains(ministere))
            {
                r.Error(DataQualityRules.UnknownReferentialCode, c.DomaineFonctionnel, domaine,
                    $"No known ministère manages fund {fonds}: set Loading:EuropeanFundMinisteres:{fonds} to a ministère code of the warehouse.");
                ministere = null;
            }
        }

        // The référentiel de programmation is not stored for these payments; a given one must still be well formed.
        r.Id<ActiviteCode>(c.Activite, optional: true);
        var ej = r.Id<EjNumber>(c.EjNumero)?.Value;
        var ejPoste = r.PositiveInt(c.EjPoste);
        var dp = r.Id<DpNumber>(c.DpNumero)?.Value;
        var dpPoste = r.PositiveInt(c.DpPoste);
        var derniere = r.Date(c.DateDerniereOperation);
        var (tiers, branche, siret, tiersSiret) = Beneficiary.Read(r, c, codes);
        var montant = r.Amount(c.Montant);
        if (r.HasErrors || exercice is null || societe is null || centreFinancier is null || centreFinancierLibelle is null || domaine is null
            || domaineLibelle is null || fonds is null || ministere is null || ej is null || ejPoste is null || dp is null || dpPoste is null
            || derniere is null || tiers is null || branche is null || montant is null)
        {
            return null;
        }

        Beneficiary.Warnings(r, c, exercice.Value, derniere.Value, branche, siret, tiersSiret);
        return new EuropeanFundPayment
        {
            Id = r.Line,
            Exercice = exercice.Value,
            Periode = derniere.Value.Month,
            MinistereCode = ministere,
            Fonds = fonds,
            SocieteCode = societe,
            CentreFinancierCode = centreFinancier,
            CentreFinancierLibelle = centreFinancierLibelle,
            DomaineFonctionnelCode = domaine,
            DomaineFonctionnelLibelle = domaineLibelle,
            EjNumero = ej,
            EjPoste = ejPoste.Value,
            DpNumero = dp,
            DpPoste = dpPoste.Value,
            TiersCode = tiers,
            DateDerniereOperation = derniere.Value,
            MontantPaye = montant.Value,
        };
    }

    private static string? Shaped(LineReader r, int ordinal, Regex shape, string expected)
    {
        var code = r.Text(ordinal, 20);
        if (code is not null && !shape.IsMatch(code))
        {
            r.Error(DataQualityRules.MalformedIdentifier, ordinal, code, $"Expected {expected}.");
            return null;
        }

        return code;
    }

    [GeneratedRegex("^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex CentreFinancierShape();

    [GeneratedRegex(@"^[A-Z]{3}\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DomaineShape();
}
