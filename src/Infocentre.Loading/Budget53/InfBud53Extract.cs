using System.Globalization;
using Infocentre.Loading.Common;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.Identifiers;
using Infocentre.Warehouse.Loads;

namespace Infocentre.Loading.Budget53;

/// <summary>
/// The INF-BUD-53 "Pilotage de la gestion - Vue détaillée" extract at DP-line level, loaded into
/// fact_demande_paiement. Natural key: exercice + société + N° DP + N° poste DP.
/// </summary>
public sealed class InfBud53Extract : IExtractKind
{
    public const string KindName = "inf-bud-53";

    private const string AssociationBranche = "Z039";
    private static readonly string[] Statuts = ["PRE", "FAC", "PAY"];

    public string Name => KindName;

    public bool Recognises(ExtractFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.IsChorusCsv("INF-BUD-53");
    }

    public async Task RunAsync(LoadSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var codes = await ReferenceCodes.ReadAsync(session.Db, cancellationToken);
        var staged = new StagedFact<PaymentLine>(session, ["exercice", "societe_code", "dp_numero", "dp_poste"], "exercice", "montant");
        await staged.CreateAsync(cancellationToken);

        using (var csv = ChorusCsv.Open(session.File))
        {
            if (!csv.ReadHeader(InfBud53Columns.IsColumnHeader, maxLines: 40))
            {
                throw new LoadException(
                    $"{session.File.FileName}: no column header (a line with 'Programme' and 'N° DP') in the first 40 lines.");
            }

            var pivot = PivotExercice(csv.HeaderBlock);
            var columns = InfBud53Columns.Find(csv.Columns, csv.Line, pivot is not null);
            session.RowsLoaded = await staged.WriteAsync(Lines(session, csv, columns, pivot, codes), cancellationToken);
        }

        session.Step(LoadStep.Stage);
        await staged.RejectDuplicatesAsync(cancellationToken);
        session.EnforceRejectionThreshold();

        session.Step(LoadStep.Check);
        await staged.PublishAsync(cancellationToken);
        // Only DQ-011, after publication, joins on it.
        await staged.IndexAsync("ej", ["ej_numero", "ej_poste"], cancellationToken);
        await PaidAboveEngagedAsync(session, cancellationToken);
        await staged.ReconcileAsync(cancellationToken);
        await staged.DropAsync(cancellationToken);

        session.Domains.Add(WarehouseDomains.Budget);
        session.Domains.Add(WarehouseDomains.Depenses);
        session.Domains.Add(WarehouseDomains.Subventions);
    }

    /// <summary>The year of an "Exercice comptable;2024" line of the header block (the pivot of the infocentre export).</summary>
    internal static int? PivotExercice(IReadOnlyList<string[]> block)
    {
        foreach (var fields in block)
        {
            var values = fields.Where(f => f.Length > 0).ToArray();
            if (values.Length == 2 && string.Equals(values[0], InfBud53Columns.ExerciceHeader, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(values[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                return year;
            }
        }

        return null;
    }

    private static IEnumerable<PaymentLine> Lines(
        LoadSession session, ChorusCsv csv, InfBud53Columns c, int? pivot, ReferenceCodes codes)
    {
        foreach (var payment in ChorusLines.Parse(session, csv, c.NameOf, line => Parse(line, c, pivot, codes)))
        {
            session.AddToTotals(payment.Exercice, 1, payment.Montant);
            yield return payment;
        }
    }

    private static PaymentLine? Parse(LineReader r, InfBud53Columns c, int? pivot, ReferenceCodes codes)
    {
        int? exercice = pivot;
        if (c.Exercice >= 0)
        {
            exercice = r.PositiveInt(c.Exercice);
        }

        var societe = r.Known(r.Id<SocieteCode>(c.Societe)?.Value, c.Societe, codes.Societes, "société");
        var programme = r.Id<ProgrammeCode>(c.Programme)?.Value;
        if (programme is not null && !codes.Programmes.ContainsKey(programme))
        {
            r.Error(DataQualityRules.UnknownReferentialCode, c.Programme, programme, $"Unknown programme '{programme}'.");
            programme = null;
        }

        var cf = r.Id<CentreFinancierCode>(c.CentreFinancier);
        var df = r.Id<DomaineFonctionnelCode>(c.DomaineFonctionnel);
        var activite = r.Id<ActiviteCode>(c.Activite);
        if (programme is not null)
        {
            Consistent(r, c.CentreFinancier, cf?.Value, cf?.ProgrammeCode.Value, programme);
            Consistent(r, c.DomaineFonctionnel, df?.Value, df?.ProgrammeCode.Value, programme);
            Consistent(r, c.Activite, activite?.Value, activite?.ProgrammeCode.Value, programme);
        }

        var centreFinancier = r.Known(cf?.Value, c.CentreFinancier, codes.CentresFinanciers, "centre financier");
        var domaine = r.Known(df?.Value, c.DomaineFonctionnel, codes.DomainesFonctionnels, "domaine fonctionnel");
        var activiteCode = r.Known(activite?.Value, c.Activite, codes.Activites, "activité");
        var centreCouts = r.Known(r.Id<CentreCoutsCode>(c.CentreCouts)?.Value, c.CentreCouts, codes.CentresCouts, "centre de coûts");

        var ej = r.Id<EjNumber>(c.EjNumero, optional: true)?.Value;
        var ejPoste = r.PositiveInt(c.EjPoste, optional: true);
        if ((ej is null) != (ejPoste is null) && !r.HasErrors)
        {
            r.Error(DataQualityRules.Inconsistent, c.EjPoste, r.Raw(c.EjPoste), "N° EJ and N° poste EJ must be both given or both '#'.");
        }

        var typeEjRaw = r.Raw(c.TypeEj);
        var typeEj = FrenchFormats.IsNotAssigned(typeEjRaw) ? null : r.Known(typeEjRaw, c.TypeEj, codes.TypesEj, "type d'EJ");

        var dp = r.Id<DpNumber>(c.DpNumero)?.Value;
        var dpPoste = r.PositiveInt(c.DpPoste);
        var typePiece = r.Text(c.TypePiece, 4);
        var nature = r.Known(r.Text(c.NatureDp), c.NatureDp, codes.NaturesDp, "nature de DP");
        var statut = r.Text(c.Statut);
        if (statut is not null && !Statuts.Contains(statut, StringComparer.Ordinal))
        {
            r.Error(DataQualityRules.MalformedValue, c.Statut, statut, "Statut de la DP must be PRE, FAC or PAY.");
        }

        var dateBase = r.Date(c.DateBase);
        var derniere = r.Date(c.DateDerniereOperation);
        var paiement = r.Date(c.DatePaiement, optional: true);
        if (statut == "PAY" && paiement is null && FrenchFormats.IsNotAssigned(r.Raw(c.DatePaiement)))
        {
            r.Error(DataQualityRules.MissingValue, c.DatePaiement, r.Raw(c.DatePaiement), "A paid DP (PAY) needs its date de paiement.");
        }

        var tiers = r.Id<TiersCode>(c.Tiers)?.Value;
        (string Branche, string? Siret) tiersRef = default;
        if (tiers is not null && !codes.Tiers.TryGetValue(tiers, out tiersRef))
        {
            r.Error(DataQualityRules.UnknownReferentialCode, c.Tiers, tiers, $"Unknown tiers '{tiers}'.");
            tiers = null;
        }

        var siret = r.Id<Siret>(c.CodeTaxe1, optional: true)?.Value;
        var compteGeneral = r.Known(r.Id<CompteGeneralCode>(c.CompteGeneral)?.Value, c.CompteGeneral, codes.ComptesGeneraux, "compte général");
        var compteBudgetaire = r.Known(r.Text(c.CompteBudgetaire), c.CompteBudgetaire, codes.ComptesBudgetaires, "compte budgétaire");
        var gm = r.Known(r.Id<GroupeMarchandisesCode>(c.GroupeMarchandises, optional: true)?.Value, c.GroupeMarchandises, codes.GroupesMarchandises, "groupe de marchandises");
        var localisation = r.Known(r.Text(c.Localisation), c.Localisation, codes.Localisations, "localisation interministérielle");
        var service = r.Text(c.ServiceExecutant);
        var montant = r.Amount(c.Montant);

        if (r.HasErrors || exercice is null || societe is null || programme is null || centreFinancier is null || domaine is null
            || activiteCode is null || centreCouts is null || dp is null || dpPoste is null || typePiece is null || nature is null
            || statut is null || dateBase is null || derniere is null || tiers is null || compteGeneral is null
            || compteBudgetaire is null || localisation is null || service is null || montant is null)
        {
            return null;
        }

        Warnings(r, c, exercice.Value, derniere.Value, tiersRef, siret);
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
            EjPoste = ejPoste,
            TypeEjCode = typeEj,
            TypePiece = typePiece,
            NatureDpCode = nature,
            Statut = statut,
            CentreCoutsCode = centreCouts,
            CompteBudgetaireCode = compteBudgetaire,
            CompteGeneralCode = compteGeneral,
            GroupeMarchandisesCode = gm,
            LocalisationCode = localisation,
            TiersCode = tiers,
            ServiceExecutant = service,
            DateBase = dateBase.Value,
            DateDerniereOperation = derniere.Value,
            DatePaiement = paiement,
            DelaiPaiementJours = statut == "PAY" && paiement is { } paid ? paid.DayNumber - dateBase.Value.DayNumber : null,
            Montant = montant.Value,
        };
    }

    private static void Consistent(LineReader r, int ordinal, string? code, string? programmeOfCode, string programme)
    {
        if (code is not null && !string.Equals(programmeOfCode, programme, StringComparison.Ordinal))
        {
            r.Error(DataQualityRules.Inconsistent, ordinal, code, $"'{code}' belongs to programme {programmeOfCode}, not to the line's programme {programme}.");
        }
    }

    private static void Warnings(LineReader r, InfBud53Columns c, int exercice, DateOnly derniere, (string Branche, string? Siret) tiers, string? siret)
    {
        if (derniere.Year != exercice)
        {
            r.Warning(DataQualityRules.DateOutsideExercice, c.DateDerniereOperation, derniere.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
                $"The last operation date is outside exercice {exercice}.");
        }

        if (string.Equals(tiers.Branche, AssociationBranche, StringComparison.Ordinal) && siret is null && tiers.Siret is null)
        {
            r.Warning(DataQualityRules.MissingSiretOnAssociation, c.CodeTaxe1, r.Raw(c.CodeTaxe1),
                "Payment to an association (branche Z039) without SIRET, in the extract or on the tiers.");
        }

        if (siret is not null && tiers.Siret is not null && !string.Equals(siret, tiers.Siret, StringComparison.Ordinal))
        {
            r.Warning(DataQualityRules.SiretMismatch, c.CodeTaxe1, siret, $"The tiers referential gives SIRET {tiers.Siret}.");
        }
    }

    /// <summary>DQ-011: after publication, EJ lines of the extract whose payments exceed what was engaged on them.</summary>
    internal static async Task PaidAboveEngagedAsync(LoadSession session, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT p.ej_numero, p.ej_poste, {session.SumCents("p.montant")},
              (SELECT {session.SumCents("e.montant_engage")} FROM fact_engagement e WHERE e.ej_numero = p.ej_numero AND e.ej_poste = p.ej_poste)
            FROM fact_demande_paiement p
            WHERE p.statut = 'PAY' AND p.ej_numero IS NOT NULL
              AND EXISTS (SELECT 1 FROM stg_fact_demande_paiement s WHERE s.ej_numero = p.ej_numero AND s.ej_poste = p.ej_poste)
            GROUP BY p.ej_numero, p.ej_poste
            """;
        await using var command = session.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var paid = reader.GetInt64(2) / 100m;
            var engaged = reader.IsDBNull(3) ? 0m : reader.GetInt64(3) / 100m;
            if (paid > engaged)
            {
                var ej = reader.GetString(0) + "/" + reader.GetInt32(1).ToString(CultureInfo.InvariantCulture);
                session.Warn(DataQualityRules.PaidAboveEngaged, null, "N° EJ", ej,
                    string.Create(CultureInfo.InvariantCulture, $"EJ line {ej}: paid {paid:0.00} is above engaged {engaged:0.00}."));
            }
        }
    }
}
