using System.Globalization;
using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;
using static Infocentre.Warehouse.DemoData.DemoCatalog;

namespace Infocentre.Warehouse.DemoData;

/// <summary>The budget steering facts of one budget line, generated together from its spending.</summary>
internal sealed class BudgetSteeringData
{
    public List<CreditMovement> Movements { get; } = [];
    public List<CreditProgramming> Programmations { get; } = [];
    public List<PaymentSchedule> Schedules { get; } = [];
    public List<FunctionalTranche> Tranches { get; } = [];
    public List<BudgetControlAct> Acts { get; } = [];
    public List<PurchaseRequest> PurchaseRequests { get; } = [];
}

/// <summary>
/// Generates credit movements, programmation, CP schedules, tranches fonctionnelles, acts under budget control
/// and purchase requests from each budget line of <see cref="SpendingGenerator"/>, and emplois per UO, with a
/// random sequence of their own (the spending chain is unchanged).
/// </summary>
/// <remarks>
/// By construction, per budget line: the LFI movement equals the credit's LFI; the ouverture movements
/// (LFI, reports, LFR, décret d'avance, virements, transferts, fonds de concours, attributions de produits,
/// fongibilité) add up to the crédits ouverts; the mises à disposition add up to the credits made available.
/// </remarks>
internal sealed class BudgetSteeringGenerator(DemoModel model)
{
    private const int SeedOffset = 11;

    private static readonly HashSet<string> WorksTypes = new(["ZMT", "ZMPT", "ZMX", "ZMPX", "ZBAU", "ZMBC", "ZMPC", "ZMU", "ZMPU"], StringComparer.Ordinal);

    private static readonly HashSet<string> PurchaseTypes = new(["ZBC", "ZMBC", "ZMPC", "ZMU", "ZMPU", "ZEJ4"], StringComparer.Ordinal);

    private const long ControlThresholdCents = 50_000_00;

    private readonly DemoProfile profile = model.Profile;

    private sealed class Counters
    {
        public long Acte;
        public long Tranche;
        public long Da;
        public long Cbr;
    }

    /// <summary>The facts of each budget line, in the order of <paramref name="batches"/>; the same every time.</summary>
    public IEnumerable<BudgetSteeringData> Generate(IEnumerable<SpendingBatch> batches)
    {
        var random = new Random(profile.Seed + SeedOffset);
        var counters = new Counters();
        foreach (var batch in batches)
        {
            var combo = batch.Combo;
            var data = new BudgetSteeringData();
            Movements(random, counters, combo, batch.Credit, data.Movements);
            Programming(random, combo, batch, data);
            Schedules(random, combo, batch, data.Schedules);
            Tranches(random, counters, combo, batch, data.Tranches);
            Acts(random, counters, combo, batch, data.Acts);
            Purchases(random, counters, combo, batch, data.PurchaseRequests);
            yield return data;
        }
    }

    /// <summary>Emplois and payroll of every UO, month by month.</summary>
    public IEnumerable<Employment> Employments()
    {
        var rows = new List<Employment>();
        Employments(rows);
        return rows;
    }

    private static long Cents(decimal euros) => (long)(euros * 100m);

    private static long Part(long cents, double rate) => (long)Math.Round(cents * rate);

    private void Movements(Random random, Counters counters, DemoModel.Combo combo, Credit credit, List<CreditMovement> rows)
    {
        var e = credit.Exercice;
        var aeLfi = Cents(credit.AeLfi);
        var cpLfi = Cents(credit.CpLfi);
        var centre = combo.Centre;

        void Add(string type, DateOnly on, long ae, long cp, string? contrepartie = null, string? fonds = null, string? acte = null)
        {
            rows.Add(new CreditMovement
            {
                Exercice = e, Periode = on.Month, MinistereCode = centre.MinistereCode, ProgrammeCode = centre.ProgrammeCode,
                CentreFinancierCode = centre.Centre.Code, DomaineFonctionnelCode = combo.Action.Code, CategorieCode = combo.Categorie,
                TypeMouvementCode = type, ProgrammeContrepartieCode = contrepartie, FondsCode = fonds,
                ActeNumero = acte ?? $"{type}-{e}-{++counters.Acte:D6}", DateMouvement = on,
                Ae = DemoRandom.Euros(ae), Cp = DemoRandom.Euros(cp),
            });
        }

        // The tiny warehouse has a dozen budget lines: there every line gets every kind of movement, so that each
        // report has rows whatever the draw.
        var rare = profile.Size == DemoSize.Tiny ? 1.0 : 0.0;
        Add("LFI", new DateOnly(e, 1, 1), aeLfi, cpLfi, acte: $"LFI-{e}");
        long ae = aeLfi, cp = cpLfi;
        void Opening(string type, DateOnly on, double aeRate, double cpRate, string? contrepartie = null, string? fonds = null)
        {
            var a = Part(aeLfi, aeRate);
            var c = Part(cpLfi, cpRate);
            ae += a;
            cp += c;
            Add(type, on, a, c, contrepartie, fonds);
        }

        if (random.Chance(0.6))
        {
            Opening("REP", random.DayOfYear(e, 60, 90), random.Between(0.005, 0.04), random.Between(0.002, 0.02));
        }

        if (random.Chance(0.2))
        {
            var rate = random.Between(0.002, 0.01);
            Opening("REP", random.DayOfYear(e, 60, 90), rate, rate, fonds: random.Pick(FondsDeConcours).Code);
        }

        if (random.Chance(Math.Max(0.25, rare)))
        {
            var rate = random.Between(0.005, 0.04);
            Opening("FDC", random.DayOfYear(e, 40, 330), rate, rate, fonds: random.Pick(rare > 0 ? EuropeanFunds : FondsDeConcours).Code);
        }

        if (random.Chance(Math.Max(0.1, rare)))
        {
            var rate = random.Between(0.002, 0.02);
            Opening("ADP", random.DayOfYear(e, 40, 330), rate, rate, fonds: random.Pick(AttributionsDeProduits).Code);
        }

        var sameMinistry = model.Programmes.Where(p => p.MinistereCode == centre.MinistereCode && p.Code != centre.ProgrammeCode).ToList();
        if (sameMinistry.Count > 0 && random.Chance(Math.Max(0.12, rare)))
        {
            var rate = random.Between(0.002, 0.02) * (random.Chance(0.5) ? 1 : -1);
            Opening("VIR", random.DayOfYear(e, 120, 320), rate, rate, contrepartie: random.Pick(sameMinistry).Code);
        }

        if (random.Chance(Math.Max(0.12, rare)))
        {
            var others = model.Programmes.Where(p => p.Code != centre.ProgrammeCode).ToList();
            var rate = random.Between(0.002, 0.02) * (random.Chance(0.5) ? 1 : -1);
            Opening("TRF", random.DayOfYear(e, 120, 320), rate, rate, contrepartie: random.Pick(others).Code);
        }

        if (random.Chance(Math.Max(0.04, rare)))
        {
            Opening("DA", random.DayOfYear(e, 150, 320), random.Between(0.01, 0.03), random.Between(0.01, 0.03));
        }

        if (combo.Categorie[0] != '2' && random.Chance(Math.Max(0.06, rare)))
        {
            // Fongibilité asymétrique: titre 2 credits of the same programme used for other spending.
            var rate = random.Between(0.001, 0.01);
            Opening("FONG", random.DayOfYear(e, 280, 330), rate, rate, contrepartie: centre.ProgrammeCode);
        }

        // LFR: whatever remains between the LFI plus the movements above and the crédits ouverts.
        var restAe = Cents(credit.AeOuverts) - ae;
        var restCp = Cents(credit.CpOuverts) - cp;
        var lfr = random.Chance(0.5) ? new DateOnly(e, 7, 19) : new DateOnly(e, 12, 1);
        if (restAe >= 0 && restCp >= 0 && (restAe > 0 || restCp > 0))
        {
            Add("LFR_O", lfr, restAe, restCp, acte: $"LFR-{e}-{lfr.Month:D2}");
        }
        else if (restAe <= 0 && restCp <= 0 && (restAe < 0 || restCp < 0))
        {
            Add("LFR_A", lfr, restAe, restCp, acte: $"LFR-{e}-{lfr.Month:D2}");
        }
        else
        {
            Add("LFR_O", lfr, Math.Max(restAe, 0), Math.Max(restCp, 0), acte: $"LFR-{e}-{lfr.Month:D2}");
            Add("LFR_A", lfr, Math.Min(restAe, 0), Math.Min(restCp, 0), acte: $"LFR-{e}-{lfr.Month:D2}");
        }

        // Réserve de précaution at the start of the year, then surgel and dégel.
        var reserveRate = random.Between(0.03, 0.06);
        var reserveAe = Part(aeLfi, reserveRate);
        var reserveCp = Part(cpLfi, reserveRate);
        Add("RES", random.DayOfYear(e, 5, 25), -reserveAe, -reserveCp);
        if (random.Chance(0.3))
        {
            var rate = random.Between(0.005, 0.02);
            reserveAe += Part(aeLfi, rate);
            reserveCp += Part(cpLfi, rate);
            Add("SURG", random.DayOfYear(e, 70, 200), -Part(aeLfi, rate), -Part(cpLfi, rate));
        }

        if (random.Chance(0.5))
        {
            var rate = random.Between(0.2, 1.0);
            Add("DEG", random.DayOfYear(e, 240, 320), Part(reserveAe, rate), Part(reserveCp, rate));
        }

        // Mises à disposition (notifications to the UO).
        var count = random.Inclusive(1, 4);
        var aeParts = random.Split(Cents(credit.AeMisADisposition), count);
        var cpParts = random.Split(Cents(credit.CpMisADisposition), count);
        var day = random.DayOfYear(e, 5, 25);
        for (var i = 0; i < count; i++)
        {
            Add("MAD", day, aeParts[i], cpParts[i]);
            day = day.AddDays(random.Inclusive(40, 90));
            if (day.Year != e)
            {
                day = new DateOnly(e, 12, random.Inclusive(1, 15));
            }
        }
    }

    private static IEnumerable<EngagementLine> Commitments(SpendingBatch batch, int exercice) =>
        batch.Engagements.Where(r => r.Exercice == exercice && r.TypeMontantCode != TypeMontantBascule);

    private static void Programming(Random random, DemoModel.Combo combo, SpendingBatch batch, BudgetSteeringData data)
    {
        var e = batch.Credit.Exercice;
        var engaged = Commitments(batch, e).GroupBy(r => r.ActiviteCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(r => Cents(r.MontantEngage)), StringComparer.Ordinal);
        foreach (var activite in combo.Action.ActiviteCodes)
        {
            long ae;
            if (engaged.TryGetValue(activite, out var done) && done > 0)
            {
                ae = Part(done, random.Between(0.85, 1.15));
            }
            else if (random.Chance(0.4))
            {
                ae = random.LogNormalCents(20_000, 1.0, 1_000, 2_000_000); // programmed, not executed
            }
            else
            {
                continue;
            }

            data.Programmations.Add(new CreditProgramming
            {
                Exercice = e, MinistereCode = combo.Centre.MinistereCode, ProgrammeCode = combo.Centre.ProgrammeCode,
                CentreFinancierCode = combo.Centre.Centre.Code, DomaineFonctionnelCode = combo.Action.Code, ActiviteCode = activite,
                CategorieCode = combo.Categorie, AeProgrammees = DemoRandom.Euros(ae),
                CpProgrammees = DemoRandom.Euros(Part(ae, random.Between(0.6, 1.0))),
            });
        }
    }

    private void Schedules(Random random, DemoModel.Combo combo, SpendingBatch batch, List<PaymentSchedule> rows)
    {
        var e = batch.Credit.Exercice;
        var paid = batch.Paiements.Where(p => p is { Statut: "PAY", EjNumero: not null }).ToList();
        foreach (var ej in Commitments(batch, e).GroupBy(r => r.EjNumero, StringComparer.Ordinal))
        {
            var engaged = ej.Sum(r => Cents(r.MontantEngage));
            var type = ej.First().TypeEjCode;
            var years = type switch
            {
                "ZMT" or "ZMPT" or "ZMX" or "ZMPX" or "ZBAU" => random.Inclusive(2, 4),
                _ => random.Inclusive(1, 2),
            };
            for (var year = e; year <= profile.LastExercice; year++)
            {
                var end = new DateOnly(year, 12, 31);
                var remaining = engaged - paid.Where(p => p.EjNumero == ej.Key && p.DatePaiement <= end).Sum(p => Cents(p.Montant));
                if (remaining <= 0)
                {
                    break;
                }

                var last = ej.Select(r => r.DateComptable)
                    .Concat(batch.ServicesFaits.Where(f => f.EjNumero == ej.Key).Select(f => f.DateComptable))
                    .Concat(batch.Paiements.Where(p => p.EjNumero == ej.Key).Select(p => p.DateDerniereOperation))
                    .Where(d => d <= end).Max();
                var parts = random.Split(remaining, years);
                for (var i = 0; i < years; i++)
                {
                    rows.Add(new PaymentSchedule
                    {
                        Exercice = year, MinistereCode = combo.Centre.MinistereCode, ProgrammeCode = combo.Centre.ProgrammeCode,
                        CentreFinancierCode = combo.Centre.Centre.Code, EjNumero = ej.Key, TypeEjCode = type,
                        TiersCode = ej.First().TiersCode, DateCreationEj = ej.First().DateCreationEj, DateDerniereOperation = last,
                        AnneeEcheance = year + 1 + i, CpPrevus = DemoRandom.Euros(parts[i]),
                    });
                }
            }
        }
    }

    private void Tranches(Random random, Counters counters, DemoModel.Combo combo, SpendingBatch batch, List<FunctionalTranche> rows)
    {
        var e = batch.Credit.Exercice;
        // On tiny, investment subsidies (ZSUB, ZDEC) are managed in tranches too, so that every programme has one.
        var tiny = profile.Size == DemoSize.Tiny;
        var works = Commitments(batch, e).Where(r => WorksTypes.Contains(r.TypeEjCode) || (tiny && r.TypeEjCode is "ZSUB" or "ZDEC")).ToList();
        if (works.Count == 0)
        {
            return;
        }

        var ejs = works.Select(r => r.EjNumero).ToHashSet(StringComparer.Ordinal);
        var engaged = works.Sum(r => Cents(r.MontantEngage));
        var affected = Part(engaged, random.Between(1.0, 1.5));
        var nature = combo.Categorie switch
        {
            "52" => "Informatique",
            "51" => random.Chance(0.6) ? "Immobilier" : "Équipement",
            _ => works.Any(r => r.TypeEjCode is "ZBAU" or "ZSUB" or "ZDEC") ? "Immobilier" : "Équipement",
        };
        var numero = $"{combo.Centre.ProgrammeCode}-{e}-TF{++counters.Tranche:D5}";
        var first = works.Min(r => r.DateCreationEj);
        var affectation = first.AddDays(-random.Inclusive(10, 60));
        if (affectation.Year != e)
        {
            affectation = new DateOnly(e, 1, 2);
        }

        var label = $"{nature} - {combo.Centre.Centre.Libelle}";
        for (var year = e; year <= profile.LastExercice; year++)
        {
            var end = new DateOnly(year, 12, 31);
            var paid = batch.Paiements.Where(p => p.Statut == "PAY" && p.EjNumero is not null && ejs.Contains(p.EjNumero) && p.DatePaiement <= end)
                .Sum(p => Cents(p.Montant));
            rows.Add(new FunctionalTranche
            {
                Exercice = year, MinistereCode = combo.Centre.MinistereCode, ProgrammeCode = combo.Centre.ProgrammeCode,
                CentreFinancierCode = combo.Centre.Centre.Code, DomaineFonctionnelCode = combo.Action.Code, TrancheNumero = numero,
                Libelle = label, Nature = nature, LocalisationCode = combo.Centre.Localisation, DateAffectation = affectation,
                AeAffectees = DemoRandom.Euros(affected), AeEngagees = DemoRandom.Euros(engaged), CpPayes = DemoRandom.Euros(paid),
            });
        }
    }

    private void Acts(Random random, Counters counters, DemoModel.Combo combo, SpendingBatch batch, List<BudgetControlAct> rows)
    {
        var e = batch.Credit.Exercice;
        var centre = combo.Centre;
        void Add(string type, string? ej, DateOnly sent, long amount)
        {
            var visa = sent.AddDays(random.Inclusive(1, 20));
            var statut = visa > profile.LastDate ? "ATTENTE" : random.Weighted<string>([("VISE", 90), ("RETOURNE", 7), ("REFUSE", 3)]);
            rows.Add(new BudgetControlAct
            {
                Exercice = sent.Year, Periode = sent.Month, MinistereCode = centre.MinistereCode, ProgrammeCode = centre.ProgrammeCode,
                CentreFinancierCode = centre.Centre.Code, ActeNumero = $"CBR-{sent.Year}-{++counters.Cbr:D6}", TypeActe = type,
                EjNumero = ej, StatutVisa = statut, DateTransmission = sent, DateVisa = statut == "ATTENTE" ? null : visa,
                Montant = DemoRandom.Euros(amount),
            });
        }

        Add("DPG", null, random.DayOfYear(e, 10, 45), Cents(batch.Credit.AeMisADisposition));
        foreach (var ej in Commitments(batch, e).Where(r => r.TypeMontantCode == TypeMontantOriginal).GroupBy(r => r.EjNumero, StringComparer.Ordinal))
        {
            var amount = ej.Sum(r => Cents(r.MontantEngage));
            if (amount >= ControlThresholdCents)
            {
                Add("EJ", ej.Key, ej.First().DateCreationEj.AddDays(random.Inclusive(0, 2)), amount);
            }
        }
    }

    private void Purchases(Random random, Counters counters, DemoModel.Combo combo, SpendingBatch batch, List<PurchaseRequest> rows)
    {
        var e = batch.Credit.Exercice;
        var centre = combo.Centre;
        PurchaseRequest Da(DateOnly created, string centreCouts, int postes, long amount) => new()
        {
            Exercice = created.Year, Periode = created.Month, MinistereCode = centre.MinistereCode, ProgrammeCode = centre.ProgrammeCode,
            CentreFinancierCode = centre.Centre.Code, CentreCoutsCode = centreCouts, SocieteCode = centre.Societe,
            DaNumero = (1_000_000_000L + ++counters.Da).ToString(CultureInfo.InvariantCulture), DateCreation = created,
            NombrePostes = postes, Montant = DemoRandom.Euros(amount), Statut = "En attente",
        };

        var originals = Commitments(batch, e).Where(r => r.TypeMontantCode == TypeMontantOriginal && PurchaseTypes.Contains(r.TypeEjCode))
            .GroupBy(r => r.EjNumero, StringComparer.Ordinal);
        foreach (var ej in originals)
        {
            if (!random.Chance(0.8))
            {
                continue;
            }

            var amount = ej.Sum(r => Cents(r.MontantEngage));
            var replicated = ej.First().DateCreationEj;
            var created = replicated.AddDays(-(int)(random.LogNormalCents(9, 0.8, 1, 90) / 100));
            var da = Da(created, ej.First().CentreCoutsCode, ej.Count(), amount);
            da.DateReplication = replicated;
            da.EjNumero = ej.Key;
            da.MontantPostesTraites = da.Montant;
            da.Statut = "Traitée";
            rows.Add(da);
        }

        // On tiny, every budget line has one, so that each programme has DA.
        if (random.Chance(profile.Size == DemoSize.Tiny ? 1.0 : 0.2))
        {
            // A DA not (yet) processed: created late in the year, never replicated.
            var amount = random.LogNormalCents(3_000, 1.0, 100, 200_000);
            var postes = random.Inclusive(1, 3);
            var da = Da(random.DayOfYear(e, 300, 360), random.Pick(centre.CentresCouts), postes, amount);
            if (postes > 1 && random.Chance(0.5))
            {
                // Some postes already processed into an EJ, the others still waiting.
                da.MontantPostesTraites = DemoRandom.Euros(amount / postes);
                da.DateReplication = da.DateCreation.AddDays(random.Inclusive(2, 5));
                da.Statut = "Partiellement traitée";
            }

            rows.Add(da);
        }
    }

    private static readonly (string Code, double Share, double Cost)[] EmploymentCategories =
    [
        ("A+", 0.05, 95_000), ("A", 0.30, 58_000), ("B", 0.35, 42_000), ("C", 0.30, 33_000),
    ];

    private void Employments(List<Employment> rows)
    {
        var random = new Random(profile.Seed + SeedOffset + 1);
        foreach (var centre in model.Centres)
        {
            var staff = centre.Departement is null ? random.Between(60, 160) : random.Between(10, 45);
            foreach (var (categorie, share, cost) in EmploymentCategories)
            {
                var baseEtp = Math.Max(1.0, Math.Round(staff * share, 1));
                for (var e = profile.FirstExercice; e <= profile.LastExercice; e++)
                {
                    var drift = random.Between(-0.06, 0.04);
                    var ceiling = Math.Round((decimal)(baseEtp * random.Between(1.0, 1.06)) / 12m, 2);
                    for (var month = 1; month <= 12; month++)
                    {
                        var etp = Math.Round(baseEtp * (1 + (drift * month / 12.0)), 1);
                        var remuneration = (long)Math.Round(etp * cost / 12.0 * random.Between(0.98, 1.02) * 100.0);
                        var pensions = Part(remuneration, 0.52);
                        rows.Add(new Employment
                        {
                            Exercice = e, Periode = month, MinistereCode = centre.MinistereCode, ProgrammeCode = centre.ProgrammeCode,
                            CentreFinancierCode = centre.Centre.Code, CategorieEmploi = categorie, PlafondEtpt = ceiling,
                            EtptConsommes = Math.Round((decimal)etp / 12m, 2), EffectifFinMois = (decimal)etp,
                            Remunerations = DemoRandom.Euros(remuneration), CasPensions = DemoRandom.Euros(pensions),
                            Cotisations = DemoRandom.Euros(pensions + Part(remuneration, 0.13)),
                            PrestationsSociales = DemoRandom.Euros(Part(remuneration, 0.012)),
                        });
                    }
                }
            }
        }
    }

    internal static readonly TypeMouvementCredit[] MovementTypes =
    [
        new() { Code = "LFI", Libelle = "Loi de finances initiale", Nature = "OUVERTURE" },
        new() { Code = "REP", Libelle = "Report de crédits N-1 → N", Nature = "OUVERTURE" },
        new() { Code = "LFR_O", Libelle = "Loi de finances rectificative - ouverture", Nature = "OUVERTURE" },
        new() { Code = "LFR_A", Libelle = "Loi de finances rectificative - annulation", Nature = "OUVERTURE" },
        new() { Code = "DA", Libelle = "Décret d'avance", Nature = "OUVERTURE" },
        new() { Code = "VIR", Libelle = "Virement de crédits", Nature = "OUVERTURE" },
        new() { Code = "TRF", Libelle = "Transfert de crédits", Nature = "OUVERTURE" },
        new() { Code = "FDC", Libelle = "Rattachement de fonds de concours", Nature = "OUVERTURE" },
        new() { Code = "ADP", Libelle = "Rattachement d'attribution de produits", Nature = "OUVERTURE" },
        new() { Code = "FONG", Libelle = "Fongibilité asymétrique (T2 → hors T2)", Nature = "OUVERTURE" },
        new() { Code = "RES", Libelle = "Mise en réserve de précaution", Nature = "RESERVE" },
        new() { Code = "SURG", Libelle = "Surgel", Nature = "RESERVE" },
        new() { Code = "DEG", Libelle = "Dégel", Nature = "RESERVE" },
        new() { Code = "MAD", Libelle = "Mise à disposition (notification à l'UO)", Nature = "MAD" },
    ];

    private static readonly Fonds[] FondsDeConcours =
    [
        new() { Code = "1-1-00101", Libelle = "Participations des collectivités territoriales aux opérations d'investissement", Nature = "FDC" },
        new() { Code = "1-2-00452", Libelle = "Fonds européen de développement régional (FEDER)", Nature = "FDC", FondsEuropeen = "FEDER", TauxCofinancement = 60m },
        new() { Code = "1-2-00453", Libelle = "Fonds social européen (FSE+) - emploi et inclusion", Nature = "FDC", FondsEuropeen = "FSE+", TauxCofinancement = 60m },
        new() { Code = "1-2-00455", Libelle = "Fonds européen agricole pour le développement rural (FEADER)", Nature = "FDC", FondsEuropeen = "FEADER", TauxCofinancement = 80m },
        new() { Code = "1-2-00458", Libelle = "Fonds européen pour les affaires maritimes, la pêche et l'aquaculture (FEAMPA)", Nature = "FDC", FondsEuropeen = "FEAMPA", TauxCofinancement = 70m },
        new() { Code = "1-3-00210", Libelle = "Dons et legs", Nature = "FDC" },
    ];

    private static readonly Fonds[] EuropeanFunds = [.. FondsDeConcours.Where(f => f.FondsEuropeen is not null)];

    private static readonly Fonds[] AttributionsDeProduits =
    [
        new() { Code = "2-2-00351", Libelle = "Rémunération de prestations fournies par les services", Nature = "ADP" },
        new() { Code = "2-2-00360", Libelle = "Produits de cessions de biens mobiliers", Nature = "ADP" },
    ];

    internal static IReadOnlyList<Fonds> AllFonds => [.. FondsDeConcours, .. AttributionsDeProduits];

    private static readonly string[] Axes1 = ["Administration centrale", "Services déconcentrés", "Opérateurs"];
    private static readonly string[] Axes2 = ["Pilotage", "Soutien", "Métier", "Numérique"];
    private static readonly (string Code, string Axe)[] Cper =
    [
        ("CPER21-27-MOB", "Mobilités multimodales"), ("CPER21-27-ESR", "Enseignement supérieur, recherche et innovation"),
        ("CPER21-27-ECO", "Transition écologique"), ("CPER21-27-TER", "Cohésion des territoires"),
    ];

    /// <summary>Analytical axes of every spending activité; one activité in three belongs to a CPER operation.</summary>
    internal IReadOnlyList<AxeAnalytique> Axes() =>
    [
        .. model.Activites.Where(a => a.Sens == "D").Select((a, i) => new AxeAnalytique
        {
            ActiviteCode = a.Code, AxeMinisteriel1 = Axes1[i % Axes1.Length], AxeMinisteriel2 = Axes2[i / 3 % Axes2.Length],
            ProjetAnalytique = $"PA-{a.ProgrammeCode}-{(i % 5) + 1:D2}",
            CperCode = i % 3 == 0 ? Cper[i / 3 % Cper.Length].Code : null,
            CperAxe = i % 3 == 0 ? Cper[i / 3 % Cper.Length].Axe : null,
        }),
    ];
}
