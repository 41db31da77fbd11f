using Infocentre.Loading.Common;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Loading.Subsidies;

/// <summary>A row of the "1. Extraction" sheet: a paid DP line on a subsidy EJ, for fact_demande_paiement.</summary>
internal static class PaymentSheet
{
    public static PaymentLine? Parse(LineReader r, SubsidyPaymentColumns c, ReferenceCodes codes)
    {
        var exercice = r.PositiveInt(c.Exercice);
        var societe = r.Known(r.Id<SocieteCode>(c.Societe)?.Value, c.Societe, codes.Societes, "société");

        // The programme is the one of the domaine fonctionnel (as Data.Subvention derives it).
        var df = r.Id<DomaineFonctionnelCode>(c.DomaineFonctionnel);
        var programme = df?.ProgrammeCode.Value;
        if (programme is not null && !codes.Programmes.ContainsKey(programme))
        {
            r.Error(DataQualityRules.UnknownReferentialCode, c.DomaineFonctionnel, r.Raw(c.DomaineFonctionnel), $"Unknown programme '{programme}' of the domaine fonctionnel.");
            programme = null;
        }

        var cf = r.Id<CentreFinancierCode>(c.CentreFinancier);
        var activite = r.Id<ActiviteCode>(c.Activite);
        if (programme is not null)
        {
            Consistent(r, c.CentreFinancier, cf?.Value, cf?.ProgrammeCode.Value, programme);
            Consistent(r, c.Activite, activite?.Value, activite?.ProgrammeCode.Value, programme);
        }

        var centreFinancier = r.Known(cf?.Value, c.CentreFinancier, codes.CentresFinanciers, "centre financier");
        var domaine = r.Known(df?.Value, c.DomaineFonctionnel, codes.DomainesFonctionnels, "domaine fonctionnel");
        var activiteCode = r.Known(activite?.Value, c.Activite, codes.Activites, "activité");

        // A subsidy is always paid on an EJ line (Data.Subvention refuses a row without EJ).
        var ej = r.Id<EjNumber>(c.EjNumero)?.Value;
        var ejPoste = r.PositiveInt(c.EjPoste);
        var dp = r.Id<DpNumber>(c.DpNumero)?.Value;
        var dpPoste = r.PositiveInt(c.DpPoste);
        var derniere = r.Date(c.DateDerniereOperation);
        var (tiers, branche, siret, tiersSiret) = Beneficiary.Read(r, c, codes);
        var montant = r.Amount(c.Montant);
        if (r.HasErrors || exercice is null || societe is null || programme is null || centreFinancier is null || domaine is null
            || activiteCode is null || ej is null || ejPoste is null || dp is null || dpPoste is null || derniere is null
            || tiers is null || branche is null || montant is null)
        {
            return null;
        }

        Beneficiary.Warnings(r, c, exercice.Value, derniere.Value, branche, siret, tiersSiret);
        return new PaymentLine
        {
            Id = r.Line,
            Exercice = exercice.Value,
            Periode = derniere.Value.Month,
            MinistereCode = codes.Programmes[programme],
            ProgrammeCode = programme,
            CentreFinancierCode = centreFinancier,
            DomaineFonctionnelCode = domaine,
            ActiviteCode = activiteCode,
            SocieteCode = societe,
            DpNumero = dp,
            DpPoste = dpPoste.Value,
            EjNumero = ej,
            EjPoste = ejPoste.Value,
            Statut = "PAY",
            TiersCode = tiers,
            DateDerniereOperation = derniere.Value,
            Montant = montant.Value,
            MontantDevise = montant.Value,
            // Not in the extraction: completed from the warehouse after staging (SubsidyPaymentCompletion).
            TypePiece = SubsidyPaymentCompletion.DpOnEjPiece,
            NatureDpCode = string.Empty,
            CentreCoutsCode = SubsidyPaymentCompletion.NotCompleted,
            CompteBudgetaireCode = string.Empty,
            CompteGeneralCode = string.Empty,
            LocalisationCode = string.Empty,
            ServiceExecutant = SubsidyPaymentCompletion.NotAssigned,
            DateBase = derniere.Value,
            DatePaiement = derniere.Value,
        };
    }

    private static void Consistent(LineReader r, int ordinal, string? code, string? programmeOfCode, string programme)
    {
        if (code is not null && !string.Equals(programmeOfCode, programme, StringComparison.Ordinal))
        {
            r.Error(DataQualityRules.Inconsistent, ordinal, code, $"'{code}' belongs to programme {programmeOfCode}, not to the programme {programme} of the domaine fonctionnel.");
        }
    }
}
