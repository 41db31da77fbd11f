using System.Globalization;
using Infocentre.Warehouse.Facts;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// Adds what the dépenses restitutions read beyond the spending chain itself: the marché of each EJ of type ZM*,
/// the payment details of each DP line (mode de règlement, devise, flux, rejet, délais ordonnateur and comptable,
/// intérêts moratoires, Chorus Pro invoice, service fait présumé, ageing at 31 December), the avances, retenues
/// de garantie and oppositions, and the charges à payer at each year end.
/// </summary>
/// <remarks>
/// It draws from its own <see cref="Random"/>, so the spending chain's sequence (and every existing amount) is
/// unchanged. Batches are replayed in the same order on every pass, so the enrichment is identical each time.
/// Each rare case is also forced on its first eligible line of every exercice, so that even the tiny data set
/// has one.
/// </remarks>
internal sealed class SpendingEnrichment(DemoModel model)
{
    private const int SeedOffset = 101;

    /// <summary>Reference rate of the intérêts moratoires (BCE rate + 8 points), by exercice.</summary>
    private static decimal TauxInteretsMoratoires(int exercice) => exercice switch
    {
        <= 2022 => 0.0800m,
        2023 => 0.1150m,
        _ => 0.1250m,
    };

    /// <summary>The flat indemnity for recovery costs owed with any late payment.</summary>
    private const decimal IndemniteForfaitaire = 40m;

    private static readonly (string Code, decimal Rate)[] Devises = [("USD", 1.0850m), ("GBP", 0.8550m), ("CHF", 0.9550m)];

    private const string CompteFnp = "4081000000";

    private static readonly string[] Motifs = ["R01", "R02", "R03", "R04", "R05", "R06"];

    private static readonly HashSet<string> PublicBranches = new(["Z007", "Z041", "Z044"], StringComparer.Ordinal);

    private readonly Random random = new(model.Profile.Seed + SeedOffset);
    private readonly Dictionary<string, Dimensions.Tiers> tiers = model.Tiers.ToDictionary(t => t.Code, StringComparer.Ordinal);
    private readonly HashSet<(int, string, string)> forced = [];

    /// <summary>Marché number of an EJ: one marché per ministère, type of EJ and titulaire.</summary>
    public static string? MarcheNumero(string ministere, string? typeEj, string tiersCode)
    {
        char? type = typeEj switch
        {
            "ZMBC" => 'B',
            "ZMPC" => 'C',
            "ZMU" => 'U',
            "ZMPU" => 'V',
            "ZMT" => 'T',
            "ZMPT" => 'S',
            "ZMX" => 'X',
            "ZMPX" => 'Y',
            _ => null,
        };
        return type is { } letter ? string.Create(CultureInfo.InvariantCulture, $"MP{ministere[^2..]}{letter}{tiersCode[^7..]}") : null;
    }

    public void Apply(SpendingBatch batch, int lastExercice)
    {
        foreach (var line in batch.Engagements)
        {
            line.MarcheNumero = MarcheNumero(line.MinistereCode, line.TypeEjCode, line.TiersCode);
        }

        EnrichDemandesAchat(batch);
        AddRareDemandesPaiement(batch);
        var references = new Dictionary<string, (string Tiers, string? Reference, bool Suspect)>(StringComparer.Ordinal);
        foreach (var line in batch.Paiements)
        {
            EnrichPayment(line, references);
        }

        foreach (var line in batch.ServicesFaits.GroupBy(s => (s.EjNumero, s.EjPoste)).SelectMany(Effective))
        {
            if (!line.EstSolde)
            {
                line.AncienneteJours = new DateOnly(line.Exercice, 12, 31).DayNumber - line.DateComptable.DayNumber;
            }
        }

        GenerateOperations(batch);
        GenerateAccruals(batch, lastExercice);
    }

    /// <summary>The certifications of an EJ poste that stand: positive SF lines not followed by their cancellation.</summary>
    private static List<ServiceFaitLine> Effective(IEnumerable<ServiceFaitLine> poste)
    {
        var lines = poste.ToList();
        return lines.Where((s, i) => s.Montant > 0 && (i + 1 >= lines.Count || lines[i + 1].Montant > 0)).ToList();
    }

    private bool Once(Imputation line, string feature) => forced.Add((line.Exercice, line.MinistereCode, feature));

    /// <summary>
    /// Once per exercice, DP without EJ of the natures a small data set may otherwise lack (fluides paid by
    /// prélèvement, a bourse, a transfer to a collectivité, an investment, an invoice paid late), imputed like
    /// the batch's first DP. They settle no service fait, so the chain's invariants are untouched.
    /// </summary>
    private void AddRareDemandesPaiement(SpendingBatch batch)
    {
        if (batch.Paiements.FirstOrDefault(p => p.Statut == "PAY") is not { } model || !Once(model, "supplements"))
        {
            return;
        }

        (string Nature, string Categorie, string Compte, string? Groupe, string Branche, int Delai, double Median)[] supplements =
        [
            ("2.2", "31", "6061000000", "17.02.01", "Z004", 12, 2_000),
            ("3.2", "61", "6512300000", null, "Z001", 9, 2_000),
            ("4.3", "63", "6531000000", null, "Z041", 21, 2_000),
            ("2.3", "51", "2183000000", "19.01.01", "Z004", 26, 2_000),
            ("2.3", "31", "6188000000", null, "Z004", 47, 2_000),
            ("2.3", "31", "6064000000", "12.01.01", "Z004", 8, 250),
            ("2.3", "31", "6064000000", "12.01.01", "Z004", -1, 900),
        ];
        var poste = 0;
        foreach (var (nature, categorie, compte, groupe, branche, delai, median) in supplements)
        {
            var candidates = model.Exercice % 2 == 0 ? Tiers(branche) : Tiers(branche).AsEnumerable().Reverse().ToList();
            // A negative delay: an invoice received and still waiting (facturée) at the date of the model's payment.
            var pending = delai < 0;
            var dateBase = model.DatePaiement!.Value.AddDays(pending ? 0 : -delai);
            batch.Paiements.Add(new PaymentLine
            {
                Exercice = model.Exercice, Periode = model.Periode, MinistereCode = model.MinistereCode, ProgrammeCode = model.ProgrammeCode,
                CentreFinancierCode = model.CentreFinancierCode, DomaineFonctionnelCode = model.DomaineFonctionnelCode,
                ActiviteCode = model.ActiviteCode, SocieteCode = model.SocieteCode,
                DpNumero = string.Create(CultureInfo.InvariantCulture, $"9{model.Exercice % 100:D2}{model.DpNumero[^6..]}"), DpPoste = ++poste,
                TypePiece = "KR", NatureDpCode = nature, Statut = pending ? "FAC" : "PAY", CentreCoutsCode = model.CentreCoutsCode,
                CompteBudgetaireCode = categorie, CompteGeneralCode = compte, GroupeMarchandisesCode = groupe,
                LocalisationCode = model.LocalisationCode, TiersCode = candidates[0].Code, ServiceExecutant = model.ServiceExecutant,
                DateBase = dateBase, DateDerniereOperation = model.DatePaiement.Value, DatePaiement = pending ? null : model.DatePaiement,
                DelaiPaiementJours = pending ? null : delai,
                Montant = DemoRandom.Euros(random.LogNormalCents(median, 0.8, 20, median * 10)),
            });
        }
    }

    private List<Dimensions.Tiers> Tiers(string branche) => model.TiersByBranche[branche];

    /// <summary>EJ of purchase types come from a demande d'achat created a few days before.</summary>
    private void EnrichDemandesAchat(SpendingBatch batch)
    {
        foreach (var group in batch.Engagements.Where(e => e.TypeEjCode is not ("ZSUB" or "ZDEC" or "ZBAU")).GroupBy(e => e.EjNumero))
        {
            var days = random.Weighted<int>([(random.Inclusive(0, 3), 40), (random.Inclusive(4, 7), 30), (random.Inclusive(8, 15), 20), (random.Inclusive(16, 45), 10)]);
            foreach (var line in group)
            {
                line.DateDemandeAchat = line.DateCreationEj.AddDays(-days);
                line.DelaiDemandeAchatJours = days;
            }
        }
    }

    private void EnrichPayment(PaymentLine line, Dictionary<string, (string Tiers, string? Reference, bool Suspect)> references)
    {
        var branche = tiers[line.TiersCode].BrancheCode;
        line.MarcheNumero = MarcheNumero(line.MinistereCode, line.TypeEjCode, line.TiersCode);
        line.Flux = line.EjNumero is null ? 1 : line.TypeEjCode == "ZEJ4" ? 4 : random.Chance(0.7) ? 3 : 2;

        // Invoices: purchases only; subsidies, travel, bourses and payments without order have none.
        var invoiced = line.NatureDpCode is "2.1" or "2.2" or "2.3" or "9.9" && line.TypeEjCode is not ("ZSUB" or "ZDEC");
        if (invoiced)
        {
            line.CanalFacture = random.Weighted([("CPP", 85), ("EDI", 10), ("PAPIER", 5)]);
            line.DateDepotFacture = line.Flux == 2 ? line.DateBase.AddDays(-random.Inclusive(0, 10)) : line.DateBase;
            line.ReferenceFacture = string.Create(CultureInfo.InvariantCulture, $"F{line.DateDepotFacture.Value.Year}-{line.DpNumero}");
        }

        // Duplicate suspicion: a DP of a tiers re-using the invoice reference of the DP just before it.
        if (references.TryGetValue(line.DpNumero, out var known))
        {
            // Another poste of a DP already seen: every poste carries the DP's reference.
            line.ReferenceFacture = known.Reference;
            line.EstDoublonSuspect = known.Suspect;
        }
        else
        {
            var number = long.Parse(line.DpNumero, CultureInfo.InvariantCulture);
            var previous = (number - 1).ToString("D9", CultureInfo.InvariantCulture);
            if (invoiced && references.TryGetValue(previous, out var before) && before.Tiers == line.TiersCode
                && before.Reference is not null && (number % 41 == 0 || Once(line, "doublon")))
            {
                line.ReferenceFacture = before.Reference;
                line.EstDoublonSuspect = true;
            }

            references.Add(line.DpNumero, (line.TiersCode, line.ReferenceFacture, line.EstDoublonSuspect));
        }

        EnrichReglement(line, branche);

        line.EstAutomatise = line.Flux switch
        {
            3 => line.CanalFacture == "CPP" && random.Chance(0.8),
            4 => random.Chance(0.6),
            1 => line.ModeReglementCode == "PRL" || random.Chance(0.3),
            _ => random.Chance(0.2),
        };
        if (random.Chance(0.04) || (line.Statut == "PAY" && Once(line, "rejet")))
        {
            line.EstRejete = true;
            line.MotifRejetCode = random.Pick(Motifs);
        }

        EnrichDelais(line);
        if (line is { Statut: "PAY", DelaiPaiementJours: > 30 and var delai } && line.NatureDpCode.StartsWith('2') && !PublicBranches.Contains(branche))
        {
            var interest = line.Montant * TauxInteretsMoratoires(line.Exercice) * (delai - 30) / 365m;
            line.InteretsMoratoires = Math.Round(interest, 2, MidpointRounding.AwayFromZero) + IndemniteForfaitaire;
        }

        if (invoiced && line.Flux == 2 && line.Montant <= 10_000m && (random.Chance(0.5) || Once(line, "sfp")))
        {
            line.StatutSfp = line.Statut != "PAY" ? "PRESUME" : random.Chance(0.9) && !Once(line, "sfp-conteste") ? "CONFIRME" : "CONTESTE";
        }
    }

    private void EnrichReglement(PaymentLine line, string branche)
    {
        if (branche == "Z010")
        {
            var (code, rate) = random.Pick(Devises);
            line.ModeReglementCode = "VIRI";
            line.DeviseCode = code;
            line.MontantDevise = Math.Round(line.Montant * rate, 2, MidpointRounding.AwayFromZero);
            return;
        }

        line.MontantDevise = line.Montant;
        if (line.Flux == 1 && line.NatureDpCode == "2.2" && random.Chance(0.6))
        {
            line.ModeReglementCode = "PRL";
        }
        else if (line.Flux == 1 && line.NatureDpCode == "3.1" && random.Chance(0.25))
        {
            line.ModeReglementCode = "REG";
        }
        else if ((line.Flux == 1 || line.TypeEjCode == "ZBC") && line.Montant <= 3_000m && line.NatureDpCode.StartsWith('2')
            && (random.Chance(0.3) || Once(line, "carte")))
        {
            line.ModeReglementCode = "CA";
            line.NiveauCarteAchat = line.Montant <= 300m ? "N1" : line.Montant <= 1_500m ? "N2" : "N3";
        }
    }

    /// <summary>Splits the délai global de paiement into the ordonnateur's part and the comptable's.</summary>
    private void EnrichDelais(PaymentLine line)
    {
        if (line.Statut == "PAY" && line.DatePaiement is { } paid)
        {
            var total = paid.DayNumber - line.DateBase.DayNumber;
            var ordonnateur = (int)Math.Round(total * random.Between(0.4, 0.85), MidpointRounding.AwayFromZero);
            line.DateMiseEnPaiement = line.DateBase.AddDays(ordonnateur);
            line.DelaiOrdonnateurJours = ordonnateur;
            line.DelaiComptableJours = total - ordonnateur;
            line.DelaiTraitementFactureJours = line.DateDepotFacture is { } depot ? paid.DayNumber - depot.DayNumber : null;
        }
        else
        {
            line.DateMiseEnPaiement = line.Statut == "FAC" ? line.DateDerniereOperation : null;
            line.DelaiOrdonnateurJours = line.DateMiseEnPaiement is { } sent ? sent.DayNumber - line.DateBase.DayNumber : null;
            line.AncienneteJours = new DateOnly(line.Exercice, 12, 31).DayNumber - line.DateBase.DayNumber;
        }
    }

    /// <summary>
    /// Avances (5 to 20 % of the first DP of a marché poste, recovered on the following ones), retenues de
    /// garantie (5 % of each payment on works marchés, given back a year after the last one) and oppositions or
    /// cessions de créance on a few payments.
    /// </summary>
    private void GenerateOperations(SpendingBatch batch)
    {
        var cutoff = model.Profile.LastDate;
        foreach (var poste in batch.Paiements.Where(p => p is { Statut: "PAY", EjNumero: not null }).GroupBy(p => (p.EjNumero, p.EjPoste)))
        {
            var paid = poste.OrderBy(p => p.DatePaiement).ToList();
            var first = paid[0];
            if (first.MarcheNumero is not null && paid.Count > 1 && (random.Chance(0.5) || Once(first, "avance")))
            {
                var avance = Math.Round(first.Montant * (decimal)random.Between(0.05, 0.2), 2, MidpointRounding.AwayFromZero);
                batch.Operations.Add(Operation(first, "AVA", first.DatePaiement!.Value, avance));
                var recovered = 0m;
                for (var i = 1; i < paid.Count; i++)
                {
                    var share = i == paid.Count - 1 ? avance - recovered : Math.Round(avance / (paid.Count - 1), 2, MidpointRounding.AwayFromZero);
                    recovered += share;
                    batch.Operations.Add(Operation(paid[i], "AVR", paid[i].DatePaiement!.Value, share));
                }
            }

            if (first.TypeEjCode is "ZMT" or "ZMPT" or "ZMX" or "ZMPX" || (first.MarcheNumero is not null && Once(first, "retenue")))
            {
                var retained = 0m;
                foreach (var line in paid)
                {
                    var retenue = Math.Round(line.Montant * 0.05m, 2, MidpointRounding.AwayFromZero);
                    retained += retenue;
                    batch.Operations.Add(Operation(line, "RGP", line.DatePaiement!.Value, retenue));
                }

                var release = paid[^1].DatePaiement!.Value.AddYears(1);
                if (release <= cutoff)
                {
                    batch.Operations.Add(Operation(paid[^1], "RGR", release, retained));
                }
            }

            foreach (var line in paid)
            {
                if (random.Chance(0.02) || Once(line, "opposition"))
                {
                    var type = line.MarcheNumero is not null && random.Chance(0.4) ? "CES" : "OPP";
                    var share = Math.Round(line.Montant * (decimal)random.Between(0.1, 0.6), 2, MidpointRounding.AwayFromZero);
                    batch.Operations.Add(Operation(line, type, line.DatePaiement!.Value, share));
                }
            }
        }
    }

    private static PaymentOperation Operation(PaymentLine line, string type, DateOnly on, decimal montant) => new()
    {
        Exercice = on.Year, Periode = on.Month, MinistereCode = line.MinistereCode, ProgrammeCode = line.ProgrammeCode,
        CentreFinancierCode = line.CentreFinancierCode, DomaineFonctionnelCode = line.DomaineFonctionnelCode,
        ActiviteCode = line.ActiviteCode, SocieteCode = line.SocieteCode, TypeOperationCode = type,
        EjNumero = line.EjNumero!, EjPoste = line.EjPoste!.Value, TypeEjCode = line.TypeEjCode!, MarcheNumero = line.MarcheNumero,
        TiersCode = line.TiersCode, DpNumero = line.DpNumero, DateOperation = on, Montant = montant,
    };

    /// <summary>
    /// Charges à payer at each 31 December: the certified services faits of an EJ poste are settled in order by
    /// its DP lines (the generator emits one DP per certified tranche, in date order), so each SF is either
    /// without invoice at year end (FNP, 408) or invoiced and not yet paid (FPNP, 401).
    /// </summary>
    private static void GenerateAccruals(SpendingBatch batch, int lastExercice)
    {
        var comptes = batch.Engagements
            .GroupBy(e => (e.EjNumero, e.EjPoste))
            .ToDictionary(g => g.Key, g => g.First().CompteGeneralCode);
        var payments = batch.Paiements.Where(p => p.EjNumero is not null)
            .GroupBy(p => (p.EjNumero!, p.EjPoste!.Value))
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.DateBase).ToList());
        foreach (var poste in batch.ServicesFaits.GroupBy(s => (s.EjNumero, s.EjPoste)))
        {
            var effective = Effective(poste);
            var dps = payments.TryGetValue(poste.Key, out var list) ? list : [];
            for (var i = 0; i < effective.Count; i++)
            {
                var sf = effective[i];
                var dp = i < dps.Count ? dps[i] : null;
                for (var year = sf.Exercice; year <= lastExercice; year++)
                {
                    var yearEnd = new DateOnly(year, 12, 31);
                    string? type = dp is null || dp.DateBase > yearEnd ? "FNP"
                        : dp.DatePaiement is null || dp.DatePaiement > yearEnd ? "FPNP"
                        : null;
                    if (type is null)
                    {
                        break;
                    }

                    batch.Accruals.Add(new AccrualLine
                    {
                        Exercice = year, Periode = 12, MinistereCode = sf.MinistereCode, ProgrammeCode = sf.ProgrammeCode,
                        CentreFinancierCode = sf.CentreFinancierCode, DomaineFonctionnelCode = sf.DomaineFonctionnelCode,
                        ActiviteCode = sf.ActiviteCode, SocieteCode = sf.SocieteCode, TypeChargeCode = type,
                        CompteTiersCode = type == "FNP" ? CompteFnp : DemoCatalog.CompteFournisseurs,
                        CompteGeneralCode = comptes[poste.Key], EjNumero = sf.EjNumero, EjPoste = sf.EjPoste, TypeEjCode = sf.TypeEjCode,
                        SfNumero = sf.SfNumero, TiersCode = sf.TiersCode, DateServiceFait = sf.DateComptable, Montant = sf.Montant,
                    });
                }
            }
        }
    }
}
