using System.Globalization;
using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;
using static Infocentre.Warehouse.DemoData.DemoCatalog;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// The subsidies domain of the demo warehouse, derived from the spending chain so that it stays consistent
/// with it: one granted application per ZSUB EJ to an accepted branch (montant accordé = the EJ's original
/// and modified amounts), its échéancier by exercice (the DP of the EJ, plus what is still to come in the
/// last year), unsuccessful applications beside them, European-fund payments, and the beneficiary attributes
/// of the Chorus extract (NIC, RIDET/TAHITI for overseas associations, QPV). Its own seeds: the other tables
/// do not change.
/// </summary>
internal sealed class SubsidyGenerator(DemoModel model, IReadOnlySet<string> subventionnable)
{
    /// <summary>The legal threshold above which a subsidy needs a convention (décret 2001-495, art. 1).</summary>
    public const decimal SeuilConvention = 23_000m;

    private const int SeedOffset = 7;

    private readonly DemoProfile profile = model.Profile;

    private static readonly (string Code, string Prefix, int Weight)[] Sources =
    [
        ("Dauphin", "DAU", 35), ("Osiris", "OSI", 25), ("Démarches simplifiées", "DS", 25), ("Fonjep", "FON", 10), ("Subventia", "SUB", 5),
    ];

    private static readonly string[] Objets =
    [
        "Fonctionnement de l'association", "Accompagnement à la scolarité", "Emploi FONJEP : poste de coordination",
        "Actions d'insertion sociale et professionnelle", "Accès au sport des jeunes des quartiers", "Formation des bénévoles",
        "Aide alimentaire et lutte contre la précarité", "Éducation populaire et citoyenneté", "Accueil et accompagnement des réfugiés",
        "Prévention de la délinquance", "Animation de la vie locale", "Accès aux droits et médiation",
    ];

    private static readonly string[] Quartiers =
    [
        "Les Tilleuls", "La Source", "Bellevue", "Les Bosquets", "Le Mirail", "Les Hauts", "Le Grand Ensemble", "La Plaine",
        "Les Pyramides", "Le Centre Ancien",
    ];

    /// <summary>
    /// Completes the tiers with the extract's identification columns. Overseas associations (RIDET, TAHITI) and
    /// associations known without any identifier ("#") are chosen among the associations paid in the last
    /// exercice, so that every data set, even tiny, has some.
    /// </summary>
    public void EnrichTiers()
    {
        var random = new Random(profile.Seed + SeedOffset);
        foreach (var tiers in model.Tiers)
        {
            tiers.Nic = tiers.Siret?[9..];
            tiers.IdentifiantType = tiers.Siret is null ? "#" : "SIRET";
            if (tiers.BrancheCode == "Z039" && tiers.Siret is not null && random.Chance(0.25))
            {
                SetQpv(tiers, random.Inclusive(1, 3));
            }
        }

        // Beneficiaries paid in the last exercice, by ministère.
        var paidBy = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var line in new SpendingGenerator(model).Batches().SelectMany(b => b.Paiements))
        {
            if (line.Statut == "PAY" && line.Exercice == profile.LastExercice && subventionnable.Contains(line.TiersCode))
            {
                if (!paidBy.TryGetValue(line.MinistereCode, out var codes))
                {
                    paidBy[line.MinistereCode] = codes = new SortedSet<string>(StringComparer.Ordinal);
                }

                codes.Add(line.TiersCode);
            }
        }

        var paid = paidBy.Values.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
        var associations = model.Tiers.Where(t => t.BrancheCode == "Z039" && paid.Contains(t.Code))
            .OrderBy(_ => random.Next()).ToList();
        // About 1 % of each kind, never more than half of the associations (tiny has a few).
        var perKind = Math.Max(1, associations.Count / 80);
        for (var i = 0; i < associations.Count / 2 && i < 3 * perKind; i++)
        {
            Unidentify(associations[i], (i / perKind) switch { 0 => "RIDET", 1 => "TAHITI", _ => "#" }, random);
        }

        // Each ministère of a small data set pays at least one association without SIRET, one in a QPV and one
        // closed beneficiary; in demo and large, chance already gives many.
        foreach (var codes in paidBy.Values)
        {
            var mine = associations.Where(t => codes.Contains(t.Code)).ToList();
            if (mine.Count > 0 && mine.All(t => t.IdentifiantType == "SIRET"))
            {
                Unidentify(mine[^1], "#", random);
            }

            if (mine.Where(t => t.IdentifiantType is "SIRET" or "#").ToList() is { Count: > 0 } local && local.All(t => t.QpvCode is null))
            {
                SetQpv(local[0], 1);
            }

            var beneficiaries = model.Tiers.Where(t => codes.Contains(t.Code)).ToList();
            if (beneficiaries.Count > 0 && beneficiaries.All(t => t.EtatAdministratif != "F"))
            {
                beneficiaries[0].EtatAdministratif = "F";
            }
        }
    }

    /// <summary>An association without SIRET: overseas (RIDET, TAHITI: no RNA either) or known by its RNA only (#).</summary>
    private static void Unidentify(Tiers tiers, string kind, Random random)
    {
        tiers.Siret = tiers.Siren = tiers.Nic = null;
        tiers.IdentifiantType = kind;
        if (kind == "#")
        {
            return; // Data.Subvention sets such lines aside.
        }

        tiers.QpvCode = tiers.QpvLibelle = tiers.Rna = null;
        tiers.Departement = kind == "RIDET" ? "988" : "987";
        tiers.Commune = kind == "RIDET" ? "NOUMEA" : "PAPEETE";
        tiers.RidetTahiti = kind == "RIDET"
            ? random.Inclusive(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture) + "001"
            : (char)('A' + random.Next(26)) + random.Inclusive(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The applications and échéanciers, budget line by budget line (replays the spending chain).</summary>
    public IEnumerable<(List<SubsidyApplication> Applications, List<SubsidyInstallment> Installments)> Grants()
    {
        var random = new Random(profile.Seed + SeedOffset + 1);
        var associations = model.TiersByBranche.TryGetValue("Z039", out var list) ? list : [];
        long applicationCounter = 0;
        foreach (var batch in new SpendingGenerator(model).Batches())
        {
            var applications = new List<SubsidyApplication>();
            var installments = new List<SubsidyInstallment>();
            var dps = batch.Paiements.Where(p => p.EjNumero is not null).ToLookup(p => p.EjNumero!, StringComparer.Ordinal);
            var grants = batch.Engagements
                .Where(e => e.TypeEjCode == "ZSUB" && subventionnable.Contains(e.TiersCode))
                .GroupBy(e => e.EjNumero, StringComparer.Ordinal);
            foreach (var ej in grants)
            {
                var first = ej.First();
                var accorde = ej.Where(e => e.TypeMontantCode is TypeMontantOriginal or TypeMontantModification).Sum(e => e.MontantEngage);
                var creation = first.DateCreationEj;
                var plan = new SortedDictionary<int, decimal>();
                foreach (var dp in dps[ej.Key])
                {
                    plan[dp.Exercice] = plan.GetValueOrDefault(dp.Exercice) + dp.Montant;
                }

                var remainder = accorde - plan.Values.Sum();
                var last = plan.Count > 0 ? plan.Keys.Max() : creation.Year;
                if (remainder > 0 || plan.Count == 0)
                {
                    plan[last] = plan.GetValueOrDefault(last) + remainder;
                }

                var years = plan.Keys.Max() - plan.Keys.Min() + 1;
                var annuel = Math.Round(accorde / years, 2, MidpointRounding.AwayFromZero);
                var obligatoire = annuel > SeuilConvention;
                var convention = obligatoire ? random.Chance(0.95) : random.Chance(0.3);
                var source = random.Weighted(Sources.Select(s => ((s.Code, s.Prefix), s.Weight)).ToArray());
                applications.Add(new SubsidyApplication
                {
                    Id = ++applicationCounter, Exercice = creation.Year, MinistereCode = first.MinistereCode,
                    ProgrammeCode = first.ProgrammeCode, DemandeNumero = Numero(source.Prefix, creation.Year, applicationCounter),
                    ActiviteCode = first.ActiviteCode, TiersCode = first.TiersCode, SourceDemande = source.Code, Statut = "Accordé",
                    Objet = random.Pick(Objets), DateDepot = creation.AddDays(-random.Inclusive(30, 150)),
                    DateDecision = creation.AddDays(-random.Inclusive(0, 10)), EjNumero = ej.Key,
                    DateConvention = convention ? creation.AddDays(-random.Inclusive(0, 5)) : null,
                    AnneeDebut = plan.Keys.Min(), AnneeFin = plan.Keys.Max(),
                    MontantDemande = random.Chance(0.4) ? accorde : Math.Round(accorde * (decimal)random.Between(1.05, 1.5), 2),
                    MontantAccorde = accorde, MontantAccordeAnnuel = annuel, ConventionObligatoire = obligatoire,
                });
                installments.AddRange(plan.Select(p => new SubsidyInstallment
                {
                    Exercice = p.Key, MinistereCode = first.MinistereCode, ProgrammeCode = first.ProgrammeCode, EjNumero = ej.Key,
                    TiersCode = first.TiersCode, MontantPrevu = p.Value,
                }));

                // Beside a granted application, sometimes one that was not (refused, ineligible, still pending).
                if (associations.Count > 0 && random.Chance(0.3))
                {
                    var statut = random.Weighted<string>([("Refusé", 50), ("Inéligible", 20), ("En instruction", 30)]);
                    var other = random.Pick(associations);
                    var deposit = creation.AddDays(-random.Inclusive(10, 120));
                    var otherSource = random.Weighted(Sources.Select(s => ((s.Code, s.Prefix), s.Weight)).ToArray());
                    applications.Add(new SubsidyApplication
                    {
                        Id = ++applicationCounter, Exercice = creation.Year, MinistereCode = first.MinistereCode,
                        ProgrammeCode = first.ProgrammeCode, DemandeNumero = Numero(otherSource.Prefix, creation.Year, applicationCounter),
                        ActiviteCode = first.ActiviteCode, TiersCode = other.Code, SourceDemande = otherSource.Code, Statut = statut,
                        Objet = random.Pick(Objets), DateDepot = deposit,
                        DateDecision = statut == "En instruction" ? null : Min(deposit.AddDays(random.Inclusive(20, 90)), profile.LastDate),
                        EjNumero = null, DateConvention = null, AnneeDebut = creation.Year, AnneeFin = creation.Year,
                        MontantDemande = DemoRandom.Euros(random.LogNormalCents(15_000, 1.0, 500, 2_000_000)),
                        MontantAccorde = 0m, MontantAccordeAnnuel = 0m, ConventionObligatoire = false,
                    });
                }
            }

            yield return (applications, installments);
        }
    }

    /// <summary>FSE+ and FEDER payments ("2. Extraction FEHBE") to associations, GIP and collectivités.</summary>
    public IEnumerable<EuropeanFundPayment> EuropeanFunds()
    {
        var random = new Random(profile.Seed + SeedOffset + 2);
        // The national FSE+ programme is managed by the employment ministry; without it, by an intervention one.
        var fseManager = (profile.Programmes.FirstOrDefault(p => p.Kind == ProgrammeKind.Employment)
            ?? profile.Programmes.FirstOrDefault(p => p.Kind == ProgrammeKind.Intervention) ?? profile.Programmes[0]).MinistereCode;
        // FEDER: the territorial cohesion ministry (programme 147) or, without it, the préfectures' (programme 354).
        var federManager = (profile.Programmes.FirstOrDefault(p => p.Numero == 147)
            ?? profile.Programmes.FirstOrDefault(p => p.Numero == 354) ?? profile.Programmes[0]).MinistereCode;
        var beneficiaries = model.Tiers.Where(t => t.IdentifiantType == "SIRET" && t.BrancheCode is "Z039" or "Z041" or "Z044").ToList();
        var departements = profile.Departements.ToDictionary(d => d.Code, StringComparer.Ordinal);
        var perYear = Math.Max(8, profile.TiersCount / 50);
        long counter = 0;
        for (var exercice = profile.FirstExercice; exercice <= profile.LastExercice; exercice++)
        {
            for (var i = 0; i < perYear; i++)
            {
                var tiers = random.Pick(beneficiaries);
                var d = departements.GetValueOrDefault(tiers.Departement) ?? random.Pick(profile.Departements);
                var fse = random.Chance(0.75);
                var dep = d.Code.TrimStart('0').PadLeft(2, '0')[..2];
                var date = random.DayOfYear(exercice, 20, 355);
                counter++;
                yield return new EuropeanFundPayment
                {
                    Id = counter, Exercice = exercice, Periode = date.Month, MinistereCode = fse ? fseManager : federManager, ProgrammeCode = null,
                    Fonds = fse ? "FSE+" : "FEDER", SocieteCode = d.Societe,
                    CentreFinancierCode = $"FSE0-TG{dep}-FE{dep}", CentreFinancierLibelle = $"TG {d.Libelle} - fonds européens",
                    DomaineFonctionnelCode = fse ? "FSE00-14" : "FED00-14",
                    DomaineFonctionnelLibelle = fse ? "Prog nat.Etat FSE+2021-27" : "Prog reg. FEDER 2021-27",
                    EjNumero = (1_400_000_000L + counter).ToString(CultureInfo.InvariantCulture), EjPoste = 1,
                    DpNumero = (500_000_000L + counter).ToString(CultureInfo.InvariantCulture), DpPoste = 1, TiersCode = tiers.Code,
                    DateDerniereOperation = date, MontantPaye = DemoRandom.Euros(random.LogNormalCents(35_000, 1.0, 1_000, 3_000_000)),
                };
            }
        }
    }

    /// <summary>QPV number 1-3 of the tiers' département: the code and its label depend on nothing else.</summary>
    private static void SetQpv(Tiers tiers, int numero)
    {
        tiers.QpvCode = "QP" + tiers.Departement + numero.ToString("D3", CultureInfo.InvariantCulture);
        tiers.QpvLibelle = $"{Quartiers[(numero + tiers.Departement[^1]) % Quartiers.Length]} ({tiers.Commune})";
    }

    private static string Numero(string prefix, int year, long counter) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}-{counter:D7}");

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
