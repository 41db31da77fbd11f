using System.Globalization;
using System.Text.RegularExpressions;
using Infocentre.Loading.Common;
using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Loading.Subsidies;

/// <summary>
/// The beneficiary fields both sheets of the extraction share: tiers, branche, SIRET (Code taxe 1), RIDET or
/// TAHITI number, RNA; and the warnings of a payment line (date outside the exercice, association without
/// SIRET, SIRET differing from the tiers').
/// </summary>
internal static partial class Beneficiary
{
    private const string AssociationBranche = "Z039";

    /// <summary>The tiers code, or null (with findings) when a beneficiary field is wrong.</summary>
    public static (string? Tiers, string? Branche, string? Siret, string? TiersSiret) Read(LineReader r, SubsidyPaymentColumns c, ReferenceCodes codes)
    {
        var tiers = r.Id<TiersCode>(c.Tiers)?.Value;
        (string Branche, string? Siret) known = default;
        if (tiers is not null && !codes.Tiers.TryGetValue(tiers, out known))
        {
            r.Error(DataQualityRules.UnknownReferentialCode, c.Tiers, tiers, $"Unknown tiers '{tiers}'.");
            tiers = null;
        }

        var branche = r.Known(r.Text(c.Branche, 4), c.Branche, codes.Branches, "branche");
        if (branche is not null && tiers is not null && !string.Equals(branche, known.Branche, StringComparison.Ordinal))
        {
            r.Error(DataQualityRules.Inconsistent, c.Branche, branche, $"The tiers referential gives branche {known.Branche} for tiers {tiers}.");
        }

        var siret = r.Id<Siret>(c.CodeTaxe1, optional: true)?.Value;
        r.Id<Rna>(c.Rna, optional: true);
        var ridet = r.Raw(c.RidetTahiti);
        if (!FrenchFormats.IsNotAssigned(ridet) && !RidetOrTahiti().IsMatch(ridet))
        {
            r.Error(DataQualityRules.MalformedIdentifier, c.RidetTahiti, ridet, "A RIDET has 9 or 10 digits, a TAHITI number a letter or digit then 8 digits.");
        }

        return (tiers, branche, siret, known.Siret);
    }

    public static void Warnings(LineReader r, SubsidyPaymentColumns c, int exercice, DateOnly derniere, string branche, string? siret, string? tiersSiret)
    {
        if (derniere.Year != exercice)
        {
            r.Warning(DataQualityRules.DateOutsideExercice, c.DateDerniereOperation, derniere.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                $"The last operation date is outside exercice {exercice}.");
        }

        if (string.Equals(branche, AssociationBranche, StringComparison.Ordinal) && siret is null && tiersSiret is null)
        {
            r.Warning(DataQualityRules.MissingSiretOnAssociation, c.CodeTaxe1, r.Raw(c.CodeTaxe1),
                "Payment to an association (branche Z039) without SIRET, in the extract or on the tiers.");
        }

        if (siret is not null && tiersSiret is not null && !string.Equals(siret, tiersSiret, StringComparison.Ordinal))
        {
            r.Warning(DataQualityRules.SiretMismatch, c.CodeTaxe1, siret, $"The tiers referential gives SIRET {tiersSiret}.");
        }
    }

    [GeneratedRegex(@"^(\d{9,10}|[A-Z0-9]\d{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex RidetOrTahiti();
}
