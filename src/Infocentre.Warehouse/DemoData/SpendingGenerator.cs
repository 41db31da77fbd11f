using System.Globalization;
using Infocentre.Warehouse.Facts;
using static Infocentre.Warehouse.DemoData.DemoCatalog;

namespace Infocentre.Warehouse.DemoData;

/// <summary>What one budget line (exercice × centre financier × action × catégorie) produced.</summary>
internal sealed class SpendingBatch
{
    /// <summary>The budget line (combo) the batch was generated for.</summary>
    public DemoModel.Combo Combo { get; init; } = null!;

    /// <summary>The credits of the line, sized once its EJ are generated.</summary>
    public Credit Credit { get; set; } = null!;
    public List<EngagementLine> Engagements { get; } = [];
    public List<ServiceFaitLine> ServicesFaits { get; } = [];
    public List<PaymentLine> Paiements { get; } = [];
    public List<PaymentOperation> Operations { get; } = [];
    public List<AccrualLine> Accruals { get; } = [];
}

/// <summary>
/// Generates the spending chain, budget line by budget line: for each exercice and combo, EJ with 1-3 postes,
/// their whole life (original, modification, réduction, bascule into the following exercices), the services
/// faits (with some cancellations), the DP that settle them, then the credits of the line sized from what was
/// engaged. Every call replays the same <see cref="Random"/> sequence: the output is identical each time,
/// which lets each table be streamed on its own pass.
/// </summary>
/// <remarks>
/// Rules that make the invariants hold by construction:
/// <list type="bullet">
/// <item>Every DP poste on an EJ settles exactly one certified SF of the same amount, so per EJ poste
/// Σ SF (est soldé) = Σ DP (FAC or PAY), and Σ DP ≤ Σ certified ≤ engaged.</item>
/// <item>Original (100), modification (150) and réduction (200) rows are dated in the EJ's first exercice;
/// a réduction only releases what will never be consumed.</item>
/// <item>At the end of each exercice N, what is engaged and not yet paid is carried into N+1 by a row of type
/// 350 dated 1 January, with montant engagé = montant bascule = the remaining amount.</item>
/// <item>Exercice and période are those of the row's date; nothing happens after the last 31 December.</item>
/// </list>
/// </remarks>
internal sealed class SpendingGenerator(DemoModel model)
{
    private const int SeedOffset = 1;

    private readonly DemoProfile profile = model.Profile;

    private sealed class Counters
    {
        public long Ej;
        public long Sf;
        public long Dp;
        public long DpSansEj;
    }

    public IEnumerable<SpendingBatch> Batches()
    {
        var random = new Random(profile.Seed + SeedOffset);
        var counters = new Counters();
        var enrichment = new SpendingEnrichment(model);
        // DemoModel.SubsidyCombos (tiny only): their own sequence and number ranges, the regular lines are unchanged.
        var subsidyRandom = new Random(profile.Seed + SeedOffset + 100);
        var subsidyCounters = new Counters { Ej = 90_000_000, Sf = 900_000_000, Dp = 99_000_000 };
        for (var exercice = profile.FirstExercice; exercice <= profile.LastExercice; exercice++)
        {
            foreach (var combo in model.Combos)
            {
                var batch = new SpendingBatch { Combo = combo };
                long engaged = 0;
                var count = EjCount(random, combo.Categorie);
                for (var i = 0; i < count; i++)
                {
                    engaged += GenerateEj(random, counters, exercice, combo, batch);
                }

                if (combo.Categorie == "31")
                {
                    GenerateDpsWithoutEj(random, counters, exercice, combo, batch);
                }

                batch.Credit = MakeCredit(random, exercice, combo, engaged);
                enrichment.Apply(batch, profile.LastExercice);
                yield return batch;
            }

            foreach (var combo in model.SubsidyCombos)
            {
                var batch = new SpendingBatch { Combo = combo };
                long engaged = 0;
                for (var i = 0; i < 2; i++)
                {
                    engaged += GenerateEj(subsidyRandom, subsidyCounters, exercice, combo, batch);
                }

                batch.Credit = MakeCredit(subsidyRandom, exercice, combo, engaged);
                // The same DP attributes (currency, flux, delays...) as every other line.
                enrichment.Apply(batch, profile.LastExercice);
                yield return batch;
            }
        }
    }

    private int EjCount(Random random, string categorie)
    {
        var factor = categorie switch
        {
            "64" => 1.4,
            "31" => 1.2,
            "61" or "62" or "63" => 0.8,
            "51" or "52" => 0.4,
            "32" => 0.15,
            _ => 1.0,
        };
        var mean = profile.EjPerCombo * factor * random.Between(0.4, 1.6);
        return Math.Max(1, (int)Math.Round(mean, MidpointRounding.AwayFromZero));
    }

    private static (string, int)[] TypeWeights(string categorie) => categorie switch
    {
        "31" => [("ZBC", 30), ("ZMBC", 15), ("ZMPC", 10), ("ZMPU", 10), ("ZMU", 8), ("ZBAU", 8), ("ZCTR", 8), ("ZEJ4", 6), ("ZDEC", 5)],
        "32" => [("ZSUB", 60), ("ZDEC", 40)],
        "51" or "52" => [("ZMT", 25), ("ZMU", 25), ("ZMPT", 20), ("ZMX", 15), ("ZMPX", 15)],
        "61" => [("ZSUB", 40), ("ZDEC", 60)],
        "62" => [("ZSUB", 70), ("ZDEC", 30)],
        "63" => [("ZSUB", 80), ("ZDEC", 20)],
        _ => [("ZSUB", 90), ("ZDEC", 10)],
    };

    private static (string, int)[] BrancheWeights(string categorie) => categorie switch
    {
        "32" => [("Z007", 1)],
        "61" => [("Z001", 70), ("Z039", 30)],
        "62" => [("Z004", 1)],
        "63" => [("Z041", 1)],
        "64" => [("Z039", 80), ("Z040", 8), ("Z044", 6), ("Z007", 6)],
        _ => [("Z004", 85), ("Z007", 7), ("Z010", 3), ("Z044", 5)],
    };

    private static (double Median, double Sigma) AmountLaw(string type, string categorie) => (type, categorie) switch
    {
        ("ZSUB", "32") => (800_000, 0.8),
        ("ZSUB", "63") => (60_000, 1.0),
        ("ZSUB", "62") => (40_000, 1.0),
        ("ZSUB", "61") => (3_000, 0.8),
        ("ZSUB", _) => (12_000, 1.1),
        ("ZDEC", "32") => (400_000, 0.8),
        ("ZDEC", _) => (15_000, 1.0),
        ("ZBC", _) => (2_500, 1.0),
        ("ZMBC" or "ZMPC", _) => (30_000, 0.9),
        ("ZMU" or "ZMPU", _) => (45_000, 1.0),
        ("ZMT" or "ZMPT" or "ZMX" or "ZMPX", _) => (250_000, 1.0),
        ("ZBAU", _) => (90_000, 0.7),
        ("ZCTR", _) => (15_000, 1.0),
        _ => (4_000, 0.8),
    };

    private static readonly string[] Purchases =
    [
        "6113110000", "6188000000", "6161000000", "6061000000", "6064000000", "6135000000", "6156000000", "6226000000",
        "6251000000", "6262000000",
    ];

    private static readonly string[] Investments = ["2135000000", "2182000000", "2183000000", "2313000000"];

    private static string CompteGeneral(Random random, string type, string categorie, string branche) => categorie switch
    {
        "31" => type == "ZBAU" ? "6132000000" : random.Pick(Purchases),
        "32" => "6541100000",
        "51" => random.Pick(Investments),
        "52" => "2051000000",
        "61" => "6512300000",
        "62" => "6522800000",
        "63" => "6531000000",
        _ => branche == "Z007" ? "6541100000" : "6574000000",
    };

    private string? GroupeMarchandises(Random random, string compte, string categorie)
    {
        var transfer = categorie is "32" or "61" or "62" or "63" or "64";
        if (transfer)
        {
            return random.Chance(0.3) ? "36.01.01" : null;
        }

        return compte switch
        {
            "6132000000" => "41.01.01",
            "6061000000" => random.Chance(0.5) ? "17.02.01" : "17.03.01",
            "6262000000" => "22.01.02",
            "6251000000" => "40.01.01",
            "2182000000" => "31.01.01",
            "2183000000" or "2051000000" => "19.01.01",
            "6226000000" or "6113110000" => "12.01.01",
            _ => random.Pick(model.GroupesMarchandises).Code,
        };
    }

    private static string NatureDp(Random random, string compte, string categorie) => categorie switch
    {
        "31" => compte switch
        {
            "6132000000" => "2.1",
            "6061000000" or "6262000000" => "2.2",
            "6251000000" => "3.1",
            _ => "2.3",
        },
        "51" or "52" => "2.3",
        "61" => random.Chance(0.2) ? "3.2" : "4.1",
        "62" => "4.2",
        "63" => "4.3",
        _ => "9.9",
    };

    private sealed class Tranche
    {
        public DateOnly Date;
        public bool Cancelled;
        public DateOnly CancelDate;
        public bool Recertified;
        public DateOnly RecertDate;

        /// <summary>Date of the SF that stays (original or re-certification); null when none happens before the cut-off.</summary>
        public DateOnly? Effective;
        public string? SfNumero;
        public string? CancelNumero;
        public string? RecertNumero;

        public string? DpNumero;
        public DateOnly DateBase;
        public string Statut = "";
        public DateOnly? DatePaiement;
        public DateOnly DerniereOperation;
    }

    private long GenerateEj(Random random, Counters counters, int exercice, DemoModel.Combo combo, SpendingBatch batch)
    {
        var cutoff = profile.LastDate;
        var yearEnd = new DateOnly(exercice, 12, 31);
        var centre = combo.Centre;
        var type = random.Weighted(TypeWeights(combo.Categorie));
        var branche = random.Weighted(BrancheWeights(combo.Categorie));
        var tiers = PickTiers(random, branche, centre);
        var ejNumber = ++counters.Ej;
        var ejNumero = ejNumber % 40 == 0
            ? ejNumber.ToString("D10", CultureInfo.InvariantCulture)
            : ((type == "ZSUB" ? 1_300_000_000L : 2_100_000_000L) + ejNumber).ToString(CultureInfo.InvariantCulture);
        var creation = random.DayOfYear(exercice, 2, 345);
        var postes = random.Weighted<int>([(1, 70), (2, 20), (3, 10)]);
        var (median, sigma) = AmountLaw(type, combo.Categorie);
        var total = random.LogNormalCents(median, sigma, 50, 40_000_000);
        var posteAmounts = random.Split(total, postes);

        // Échéancier shared by the postes: one SF and one DP per tranche cover every poste of the EJ.
        var trancheCount = type switch
        {
            "ZSUB" or "ZDEC" => random.Weighted<int>([(1, 35), (2, 50), (3, 15)]),
            "ZBAU" => 4,
            "ZBC" or "ZEJ4" => 1,
            "ZMBC" or "ZMPC" => random.Inclusive(2, 4),
            "ZMU" or "ZMPU" or "ZCTR" => random.Inclusive(1, 2),
            _ => random.Inclusive(3, 6),
        };
        var firstShare = type == "ZSUB" && trancheCount == 2 ? random.Between(0.5, 0.8) : 0.0;
        var consumption = type == "ZSUB"
            ? (random.Chance(0.85) ? 1.0 : random.Between(0.6, 0.97))
            : (random.Chance(0.55) ? 1.0 : random.Between(0.5, 0.99));

        var tranches = new Tranche[trancheCount];
        var date = creation;
        for (var t = 0; t < trancheCount; t++)
        {
            date = date.AddDays(t == 0
                ? type switch { "ZSUB" => random.Inclusive(15, 90), "ZBAU" => random.Inclusive(10, 30), _ => random.Inclusive(20, 120) }
                : type switch { "ZSUB" => random.Inclusive(120, 300), "ZBAU" => random.Inclusive(85, 95), _ => random.Inclusive(30, 150) });
            var tranche = new Tranche { Date = date };
            tranche.Cancelled = random.Chance(0.04);
            tranche.CancelDate = date.AddDays(random.Inclusive(1, 15));
            tranche.Recertified = random.Chance(0.7);
            tranche.RecertDate = tranche.CancelDate.AddDays(random.Inclusive(5, 30));
            var baseDelay = random.Inclusive(0, 12);
            var paymentDelay = (int)(random.LogNormalCents(18, 0.6, 2, 120) / 100);
            var pending = random.Chance(0.6) ? "FAC" : "PRE";
            var lastOperationDelay = random.Inclusive(0, 5);
            tranches[t] = tranche;

            if (date > cutoff)
            {
                continue;
            }

            tranche.SfNumero = NextSf(counters);
            if (tranche.Cancelled)
            {
                if (tranche.CancelDate > cutoff)
                {
                    // The cancellation has not happened yet: the first SF stands.
                    tranche.Cancelled = false;
                    tranche.Effective = date;
                }
                else
                {
                    tranche.CancelNumero = NextSf(counters);
                    if (tranche.Recertified && tranche.RecertDate <= cutoff)
                    {
                        tranche.RecertNumero = NextSf(counters);
                        tranche.Effective = tranche.RecertDate;
                    }
                }
            }
            else
            {
                tranche.Effective = date;
            }

            if (tranche.Effective is not { } certified)
            {
                continue;
            }

            tranche.DateBase = certified.AddDays(baseDelay);
            if (tranche.DateBase > cutoff)
            {
                continue; // certified, not yet invoiced: "certifié non soldé"
            }

            tranche.DpNumero = (100_000_000L + ++counters.Dp).ToString("D9", CultureInfo.InvariantCulture);
            var paid = tranche.DateBase.AddDays(paymentDelay);
            if (paid <= cutoff)
            {
                tranche.Statut = "PAY";
                tranche.DatePaiement = paid;
                tranche.DerniereOperation = paid;
            }
            else
            {
                tranche.Statut = pending;
                tranche.DerniereOperation = tranche.DateBase.AddDays(Math.Min(lastOperationDelay, cutoff.DayNumber - tranche.DateBase.DayNumber));
            }
        }

        // Everything about the EJ is settled within its first exercice: a réduction may release the unused part.
        var lastEvent = tranches.Max(t => t.Cancelled ? (t.Recertified ? t.RecertDate : t.CancelDate) : t.Date);
        var settledInYear = lastEvent <= yearEnd && lastEvent <= cutoff;
        var reduce = random.Chance(0.7);
        var reductionDate = Min(lastEvent.AddDays(random.Inclusive(1, 20)), yearEnd);

        long engagedTotal = 0;
        for (var p = 0; p < postes; p++)
        {
            var poste = p + 1;
            var amount = posteAmounts[p];
            var domaine = random.Pick(combo.Action.DomaineCodes);
            var activite = random.Pick(combo.Action.ActiviteCodes);
            var centreCouts = random.Pick(centre.CentresCouts);
            var compte = CompteGeneral(random, type, combo.Categorie, branche);
            var groupe = GroupeMarchandises(random, compte, combo.Categorie);
            var nature = NatureDp(random, compte, combo.Categorie);
            var modified = random.Chance(0.15);
            var delta = (long)(amount * random.Between(0.05, 0.25)) * (random.Chance(0.6) ? 1 : -1);
            var modificationDate = Min(creation.AddDays(random.Inclusive(1, 30)), yearEnd);

            // Planned consumption of the poste, split over the tranches.
            var planned = Math.Max(trancheCount, (long)Math.Round(amount * consumption));
            long[] trancheAmounts;
            if (firstShare > 0)
            {
                var first = (long)Math.Round(planned * firstShare);
                trancheAmounts = [first, planned - first];
            }
            else
            {
                trancheAmounts = random.Split(planned, trancheCount);
            }

            EngagementLine Row(string typeMontant, DateOnly on, long engage, long bascule) => new()
            {
                Exercice = on.Year, Periode = on.Month, MinistereCode = centre.MinistereCode, ProgrammeCode = centre.ProgrammeCode,
                CentreFinancierCode = centre.Centre.Code, DomaineFonctionnelCode = domaine, ActiviteCode = activite,
                SocieteCode = centre.Societe, EjNumero = ejNumero, EjPoste = poste, TypeEjCode = type, TypeMontantCode = typeMontant,
                DateComptable = on, DateCreationEj = creation, CentreCoutsCode = centreCouts, CompteBudgetaireCode = combo.Categorie,
                CompteGeneralCode = compte, GroupeMarchandisesCode = groupe, LocalisationCode = centre.Localisation,
                TiersCode = tiers.Code, MontantEngage = DemoRandom.Euros(engage), MontantBascule = DemoRandom.Euros(bascule),
            };

            batch.Engagements.Add(Row(TypeMontantOriginal, creation, modified ? amount - delta : amount, 0));
            if (modified && delta != 0)
            {
                batch.Engagements.Add(Row(TypeMontantModification, modificationDate, delta, 0));
            }

            // Services faits and DP of the poste.
            long consumed = 0;
            var paidByYear = new long[profile.LastExercice - exercice + 1];
            for (var t = 0; t < trancheCount; t++)
            {
                var tranche = tranches[t];
                var share = trancheAmounts[t];
                if (tranche.SfNumero is null)
                {
                    continue;
                }

                var settled = tranche.Statut is "PAY" or "FAC";
                var movement = type is "ZSUB" or "ZDEC" ? "105" : "101";
                var cancelMovement = type is "ZSUB" or "ZDEC" ? "106" : "102";
                if (tranche.CancelNumero is not null)
                {
                    batch.ServicesFaits.Add(Sf(tranche.SfNumero, movement, tranche.Date, share, false));
                    batch.ServicesFaits.Add(Sf(tranche.CancelNumero, cancelMovement, tranche.CancelDate, -share, false));
                    if (tranche.RecertNumero is not null)
                    {
                        batch.ServicesFaits.Add(Sf(tranche.RecertNumero, movement, tranche.RecertDate, share, settled));
                    }
                }
                else
                {
                    batch.ServicesFaits.Add(Sf(tranche.SfNumero, movement, tranche.Date, share, settled));
                }

                if (tranche.Effective is not null)
                {
                    consumed += share;
                }

                if (tranche.DpNumero is null)
                {
                    continue;
                }

                var operation = tranche.DerniereOperation;
                batch.Paiements.Add(new PaymentLine
                {
                    Exercice = operation.Year, Periode = operation.Month, MinistereCode = centre.MinistereCode,
                    ProgrammeCode = centre.ProgrammeCode, CentreFinancierCode = centre.Centre.Code, DomaineFonctionnelCode = domaine,
                    ActiviteCode = activite, SocieteCode = centre.Societe, DpNumero = tranche.DpNumero, DpPoste = poste,
                    EjNumero = ejNumero, EjPoste = poste, TypeEjCode = type, TypePiece = "RE", NatureDpCode = nature,
                    Statut = tranche.Statut, CentreCoutsCode = centreCouts, CompteBudgetaireCode = combo.Categorie,
                    CompteGeneralCode = compte, GroupeMarchandisesCode = groupe, LocalisationCode = centre.Localisation,
                    TiersCode = tiers.Code, ServiceExecutant = centre.ServiceExecutant, DateBase = tranche.DateBase,
                    DateDerniereOperation = operation, DatePaiement = tranche.DatePaiement,
                    DelaiPaiementJours = tranche.DatePaiement is { } on ? on.DayNumber - tranche.DateBase.DayNumber : null,
                    Montant = DemoRandom.Euros(share), TypeFlux = DemoFlux.Of(tranche.DpNumero, type),
                });
                if (tranche.DatePaiement is { } paidOn)
                {
                    paidByYear[paidOn.Year - exercice] += share;
                }
            }

            var engaged = amount;
            if (settledInYear && reduce && consumed < amount)
            {
                batch.Engagements.Add(Row(TypeMontantReduction, reductionDate, consumed - amount, 0));
                engaged = consumed;
            }
            else if (profile.Size == DemoSize.Tiny && exercice == profile.LastExercice && consumed < amount)
            {
                // Tiny's last exercice releases half of what its open EJ have not consumed, so that it has réductions.
                var released = (amount - consumed) / 2;
                batch.Engagements.Add(Row(TypeMontantReduction, reductionDate, -released, 0));
                engaged = amount - released;
            }

            engagedTotal += engaged;

            // Bascule of what is engaged and not yet paid into each following exercice.
            long paidSoFar = 0;
            for (var year = exercice; year < profile.LastExercice; year++)
            {
                paidSoFar += paidByYear[year - exercice];
                var remaining = engaged - paidSoFar;
                if (remaining > 0)
                {
                    batch.Engagements.Add(Row(TypeMontantBascule, new DateOnly(year + 1, 1, 1), remaining, remaining));
                }
            }

            ServiceFaitLine Sf(string numero, string movement, DateOnly on, long montant, bool solde) => new()
            {
                Exercice = on.Year, Periode = on.Month, MinistereCode = centre.MinistereCode, ProgrammeCode = centre.ProgrammeCode,
                CentreFinancierCode = centre.Centre.Code, DomaineFonctionnelCode = domaine, ActiviteCode = activite,
                SocieteCode = centre.Societe, SfNumero = numero, EjNumero = ejNumero, EjPoste = poste, TypeEjCode = type,
                CodeMouvement = movement, DateComptable = on, TiersCode = tiers.Code, Montant = DemoRandom.Euros(montant),
                EstSolde = solde, CompteBudgetaireCode = combo.Categorie,
            };
        }

        return engagedTotal;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string NextSf(Counters counters) =>
        (5_000_000_000L + ++counters.Sf).ToString(CultureInfo.InvariantCulture);

    private Dimensions.Tiers PickTiers(Random random, string branche, DemoModel.CentreInfo centre)
    {
        var local = random.Chance(0.7);
        var index = random.Next();
        if (local && centre.Departement is { } d
            && model.TiersByBrancheAndDepartement.TryGetValue((branche, d.Code), out var nearby))
        {
            return nearby[index % nearby.Count];
        }

        var all = model.TiersByBranche.TryGetValue(branche, out var list) ? list : model.TiersByBranche["Z004"];
        return all[index % all.Count];
    }

    /// <summary>DP without EJ (travel, utilities, payments without prior order) on running-cost lines.</summary>
    private void GenerateDpsWithoutEj(Random random, Counters counters, int exercice, DemoModel.Combo combo, SpendingBatch batch)
    {
        var cutoff = profile.LastDate;
        var centre = combo.Centre;
        var count = random.Inclusive(0, Math.Max(1, (int)Math.Round(profile.EjPerCombo * 0.25)));
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(10);
            var (nature, compte, groupe, branche) = kind switch
            {
                < 4 => ("3.1", "6251000000", "40.01.01", "Z030"),
                < 7 => ("2.2", random.Chance(0.5) ? "6061000000" : "6262000000", "17.02.01", "Z004"),
                _ => ("6.0", "6188000000", (string?)null, "Z004"),
            };
            var tiers = PickTiers(random, branche, centre);
            var amount = random.LogNormalCents(400, 1.0, 20, 50_000);
            var dateBase = random.DayOfYear(exercice, 1, 360);
            var paid = dateBase.AddDays((int)(random.LogNormalCents(15, 0.5, 2, 90) / 100));
            var domaine = random.Pick(combo.Action.DomaineCodes);
            var activite = random.Pick(combo.Action.ActiviteCodes);
            var centreCouts = random.Pick(centre.CentresCouts);
            var pending = random.Chance(0.5) ? "FAC" : "PRE";
            var lastOperationDelay = random.Inclusive(0, 5);
            var statut = paid <= cutoff ? "PAY" : pending;
            var operation = statut == "PAY"
                ? paid
                : dateBase.AddDays(Math.Min(lastOperationDelay, cutoff.DayNumber - dateBase.DayNumber));
            var dpNumero = (100_000L + ++counters.DpSansEj).ToString("D9", CultureInfo.InvariantCulture);
            batch.Paiements.Add(new PaymentLine
            {
                Exercice = operation.Year, Periode = operation.Month, MinistereCode = centre.MinistereCode,
                ProgrammeCode = centre.ProgrammeCode, CentreFinancierCode = centre.Centre.Code, DomaineFonctionnelCode = domaine,
                ActiviteCode = activite, SocieteCode = centre.Societe,
                DpNumero = dpNumero, DpPoste = 1,
                EjNumero = null, EjPoste = null, TypeEjCode = null, TypePiece = "KR", NatureDpCode = nature, Statut = statut,
                CentreCoutsCode = centreCouts, CompteBudgetaireCode = combo.Categorie, CompteGeneralCode = compte,
                GroupeMarchandisesCode = groupe, LocalisationCode = centre.Localisation, TiersCode = tiers.Code,
                ServiceExecutant = centre.ServiceExecutant, DateBase = dateBase, DateDerniereOperation = operation,
                DatePaiement = statut == "PAY" ? paid : null,
                DelaiPaiementJours = statut == "PAY" ? paid.DayNumber - dateBase.DayNumber : null,
                Montant = DemoRandom.Euros(amount), TypeFlux = DemoFlux.Of(dpNumero, null),
            });
        }
    }

    /// <summary>Credits of the line sized so that what was engaged is 60 to 95 % of the AE made available.</summary>
    private static Credit MakeCredit(Random random, int exercice, DemoModel.Combo combo, long engaged)
    {
        var rate = random.Between(0.60, 0.95);
        var aeMad = (long)Math.Round(engaged / rate);
        var cpMad = (long)Math.Round(aeMad * random.Between(0.85, 1.02));
        var aeOuverts = (long)Math.Round(aeMad / random.Between(0.92, 1.0));
        var cpOuverts = (long)Math.Round(cpMad / random.Between(0.92, 1.0));
        var aeLfi = (long)Math.Round(aeOuverts / random.Between(0.97, 1.06));
        var cpLfi = (long)Math.Round(cpOuverts / random.Between(0.97, 1.06));
        return new Credit
        {
            Exercice = exercice, MinistereCode = combo.Centre.MinistereCode, ProgrammeCode = combo.Centre.ProgrammeCode,
            CentreFinancierCode = combo.Centre.Centre.Code, DomaineFonctionnelCode = combo.Action.Code, CategorieCode = combo.Categorie,
            AeLfi = DemoRandom.Euros(aeLfi), CpLfi = DemoRandom.Euros(cpLfi), AeOuverts = DemoRandom.Euros(aeOuverts),
            CpOuverts = DemoRandom.Euros(cpOuverts), AeMisADisposition = DemoRandom.Euros(aeMad),
            CpMisADisposition = DemoRandom.Euros(cpMad),
        };
    }
}
