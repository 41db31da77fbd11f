using System.Globalization;
using System.Text.RegularExpressions;
using Infocentre.Loading.Budget53;
using Infocentre.Loading.Common;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.Identifiers;
using Infocentre.Warehouse.Loads;

namespace Infocentre.Loading.Subsidies;

/// <summary>
/// The Data.Subvention-style XLSX payment extraction (sheet "1. Extraction"): paid DP lines on subsidy EJ,
/// loaded into fact_demande_paiement under the same natural key as INF-BUD-53 (exercice + société + N° DP +
/// N° poste DP), so a payment given by both extracts is one line. The extraction carries only part of a DP
/// line; the rest is taken from the warehouse (<see cref="SubsidyPaymentCompletion"/>).
/// </summary>
public sealed partial class SubsidyPaymentExtract : IExtractKind
{
    public const string KindName = "data-subvention-xlsx";
    public const string PaymentSheet = "1. Extraction";
    public const string EuropeanFundSheet = "2. Extraction FEHBE";

    private const string AssociationBranche = "Z039";

    public string Name => KindName;

    public bool Recognises(ExtractFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.IsXlsx;
    }

    public async Task RunAsync(LoadSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var codes = await ReferenceCodes.ReadAsync(session.Db, cancellationToken);
        var staged = new StagedFact<PaymentLine>(session, ["exercice", "societe_code", "dp_numero", "dp_poste"], "exercice", "montant");
        await staged.CreateAsync(cancellationToken);

        using (var xlsx = ChorusXlsx.Open(session.File))
        {
            if (!xlsx.MoveToSheet(PaymentSheet))
            {
                throw new LoadException(
                    $"{session.File.FileName}: no sheet '{PaymentSheet}' in the workbook (its sheets: "
                    + string.Join(", ", xlsx.SheetNames.Select(s => "'" + s + "'")) + ").",
                    LoadRunStatus.Failed, null, PaymentSheet);
            }

            if (xlsx.SheetNames.Contains(EuropeanFundSheet, StringComparer.OrdinalIgnoreCase))
            {
                throw new LoadException(
                    $"{session.File.FileName}: the sheet '{EuropeanFundSheet}' (European-fund payments) is not loaded yet; remove it from the workbook to load '{PaymentSheet}'.",
                    LoadRunStatus.Failed, null, EuropeanFundSheet);
            }

            if (!xlsx.ReadHeader(SubsidyPaymentColumns.IsColumnHeader, maxRows: 20))
            {
                throw new LoadException(
                    $"{session.File.FileName}: no column header (a row with 'N° DP' and 'Montant payé') in the first 20 rows of sheet '{PaymentSheet}'.",
                    LoadRunStatus.Failed, null, PaymentSheet);
            }

            var columns = SubsidyPaymentColumns.Find(xlsx.Columns, PaymentSheet, xlsx.Line);
            session.RowsLoaded = await staged.WriteAsync(Lines(session, xlsx, columns, codes), cancellationToken);
        }

        session.Step(LoadStep.Stage);
        await staged.RejectDuplicatesAsync(cancellationToken);
        var completion = new SubsidyPaymentCompletion(session, staged);
        await completion.CompleteAsync(cancellationToken);
        session.EnforceRejectionThreshold();

        session.Step(LoadStep.Check);
        await staged.IndexAsync("ej", ["ej_numero", "ej_poste"], cancellationToken);
        await staged.PublishAsync(cancellationToken);
        await InfBud53Extract.PaidAboveEngagedAsync(session, cancellationToken);
        await staged.ReconcileAsync(cancellationToken);
        await staged.DropAsync(cancellationToken);

        session.Domains.Add(WarehouseDomains.Depenses);
        session.Domains.Add(WarehouseDomains.Subventions);
    }

    private static IEnumerable<PaymentLine> Lines(LoadSession session, ChorusXlsx xlsx, SubsidyPaymentColumns c, ReferenceCodes codes)
    {
        var line = new LineReader(session);
        var first = true;
        while (xlsx.Read())
        {
            if (xlsx.IsSubtotalOrBlank())
            {
                continue;
            }

            session.RowsRead++;
            if (session.RowsRead % 50_000 == 0)
            {
                session.Options.Progress?.Report(session.RowsRead);
            }

            line.Start(xlsx.Line, xlsx.Field, c.NameOf);
            var payment = Parse(line, c, codes);
            if (first)
            {
                first = false;
                session.Step(LoadStep.Parse);
            }

            if (payment is null || line.HasErrors)
            {
                session.RowsRejected++;
                continue;
            }

            session.AddToTotals(payment.Exercice, 1, payment.Montant);
            yield return payment;
        }

        session.Options.Progress?.Report(session.RowsRead);
    }

    private static PaymentLine? Parse(LineReader r, SubsidyPaymentColumns c, ReferenceCodes codes)
    {
        var exercice = r.PositiveInt(c.Exercice);
        var societe = r.Known(r.Id<SocieteCode>(c.Societe)?.Value, c.Societe, codes.Societes, "société");

        // The programme is the one of the domaine fonctionnel (Data.Subvention: DF characters 1-4).
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

        // A subsidy payment is always made on an EJ line (Data.Subvention refuses a line without EJ).
        var ej = r.Id<EjNumber>(c.EjNumero)?.Value;
        var ejPoste = r.PositiveInt(c.EjPoste);
        var dp = r.Id<DpNumber>(c.DpNumero)?.Value;
        var dpPoste = r.PositiveInt(c.DpPoste);
        var derniere = r.Date(c.DateDerniereOperation);

        var tiers = r.Id<TiersCode>(c.Tiers)?.Value;
        (string Branche, string? Siret) tiersRef = default;
        if (tiers is not null && !codes.Tiers.TryGetValue(tiers, out tiersRef))
        {
            r.Error(DataQualityRules.UnknownReferentialCode, c.Tiers, tiers, $"Unknown tiers '{tiers}'.");
            tiers = null;
        }

        var branche = r.Known(r.Text(c.Branche, 4), c.Branche, codes.Branches, "branche");
        if (branche is not null && tiers is not null && !string.Equals(branche, tiersRef.Branche, StringComparison.Ordinal))
        {
            r.Error(DataQualityRules.Inconsistent, c.Branche, branche, $"The tiers referential gives branche {tiersRef.Branche} for tiers {tiers}.");
        }

        var siret = r.Id<Siret>(c.CodeTaxe1, optional: true)?.Value;
        r.Id<Rna>(c.Rna, optional: true);
        var ridet = r.Raw(c.RidetTahiti);
        if (!FrenchFormats.IsNotAssigned(ridet) && !RidetOrTahiti().IsMatch(ridet))
        {
            r.Error(DataQualityRules.MalformedIdentifier, c.RidetTahiti, ridet, "A RIDET has 9 or 10 digits, a TAHITI number a letter or digit then 8 digits.");
        }

        var montant = r.Amount(c.Montant);
        if (r.HasErrors || exercice is null || societe is null || programme is null || centreFinancier is null || domaine is null
            || activiteCode is null || ej is null || ejPoste is null || dp is null || dpPoste is null || derniere is null
            || tiers is null || branche is null || montant is null)
        {
            return null;
        }

        Warnings(r, c, exercice.Value, derniere.Value, branche, tiersRef.Siret, siret);
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

    private static void Warnings(LineReader r, SubsidyPaymentColumns c, int exercice, DateOnly derniere, string branche, string? tiersSiret, string? siret)
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
