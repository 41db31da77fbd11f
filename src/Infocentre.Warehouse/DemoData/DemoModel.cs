using System.Globalization;
using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Identifiers;
using static Infocentre.Warehouse.DemoData.DemoCatalog;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// The dimensions of a demo warehouse, built deterministically from a <see cref="DemoProfile"/>, plus the
/// lookups the fact generators need (centres financiers with their société and localisation, budget
/// "combos" exercice-independent, tiers pools per branche). Dimensions are small: they are held in memory.
/// </summary>
internal sealed class DemoModel
{
    private DemoModel(DemoProfile profile) => Profile = profile;

    public DemoProfile Profile { get; }

    public List<Ministere> Ministeres { get; } = [];
    public List<Mission> Missions { get; } = [];
    public List<Programme> Programmes { get; } = [];
    public List<DomaineFonctionnel> DomainesFonctionnels { get; } = [];
    public List<Bop> Bops { get; } = [];
    public List<CentreFinancier> CentresFinanciers { get; } = [];
    public List<Activite> Activites { get; } = [];
    public List<CategorieLolf> Categories { get; } = [];
    public List<CompteBudgetaire> ComptesBudgetaires { get; } = [];
    public List<CompteGeneral> ComptesGeneraux { get; } = [];
    public List<Societe> Societes { get; } = [];
    public List<CentreCouts> CentresCouts { get; } = [];
    public List<GroupeMarchandises> GroupesMarchandises { get; } = [];
    public List<Localisation> Localisations { get; } = [];
    public List<BrancheTiers> Branches { get; } = [];
    public List<Tiers> Tiers { get; } = [];
    public List<TypeEj> TypesEj { get; } = [];
    public List<TypeMontant> TypesMontant { get; } = [];
    public List<NatureDp> NaturesDp { get; } = [];
    public List<Client> Clients { get; } = [];
    public List<NatureRecette> NaturesRecette { get; } = [];

    /// <summary>The calendar is streamed: one row per day of the exercices.</summary>
    public IEnumerable<Calendrier> Calendrier()
    {
        for (var day = Profile.FirstDate; day <= Profile.LastDate; day = day.AddDays(1))
        {
            yield return new Calendrier
            {
                Date = day,
                Exercice = day.Year,
                Periode = day.Month,
                Trimestre = ((day.Month - 1) / 3) + 1,
                JourSemaine = day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek,
            };
        }
    }

    /// <summary>Centres financiers with what the generators attach to them.</summary>
    public List<CentreInfo> Centres { get; } = [];

    /// <summary>Exercice-independent budget lines: centre financier × action × catégorie.</summary>
    public List<Combo> Combos { get; } = [];

    /// <summary>
    /// Tiny only: for a ministry without an intervention programme, one transfer line (catégorie 64) on its first
    /// centre, so that each ministry of the tiny data set pays some subsidies. Generated after the regular lines with
    /// their own random sequence and numbers, so the regular lines do not change.
    /// </summary>
    public List<Combo> SubsidyCombos { get; } = [];

    /// <summary>Tiers codes per branche (all départements) and per branche + département.</summary>
    public Dictionary<string, List<Tiers>> TiersByBranche { get; } = new(StringComparer.Ordinal);

    public Dictionary<(string Branche, string Departement), List<Tiers>> TiersByBrancheAndDepartement { get; } = [];

    public Dictionary<string, Programme> ProgrammeByCode { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> NatureRecetteCompte { get; } = new(StringComparer.Ordinal);

    internal sealed record ActionRef(string Code, string[] DomaineCodes, string[] ActiviteCodes);

    internal sealed record CentreInfo(
        CentreFinancier Centre, ProgrammeInfo Programme, string ProgrammeCode, string MinistereCode,
        DepartementInfo? Departement, string Societe, string Localisation, string[] CentresCouts, string ServiceExecutant);

    internal sealed record Combo(CentreInfo Centre, ActionRef Action, string Categorie);

    public static string ProgrammeCodeOf(int numero) => numero.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>"075" → "75", "02A" → "2A", "971" → "971".</summary>
    private static string ShortDepartement(string code) => code.Length == 3 && code[0] == '0' ? code[1..] : code;

    public static DemoModel Build(DemoProfile profile)
    {
        var model = new DemoModel(profile);
        var random = new Random(profile.Seed);
        model.BuildNomenclature();
        model.BuildGeography();
        model.BuildStructures(random);
        model.BuildSubsidyCombos();
        model.BuildTiers(random);
        model.BuildClients(random);
        return model;
    }

    private void BuildNomenclature()
    {
        var ministries = Profile.Programmes.Select(p => p.MinistereCode).ToHashSet(StringComparer.Ordinal);
        var missions = Profile.Programmes.Select(p => p.MissionCode).ToHashSet(StringComparer.Ordinal);
        Ministeres.AddRange(DemoCatalog.Ministries.Where(m => ministries.Contains(m.Code))
            .Select(m => new Ministere { Code = m.Code, Sigle = m.Sigle, Libelle = m.Libelle }));
        Missions.AddRange(DemoCatalog.Missions.Where(m => missions.Contains(m.Code))
            .Select(m => new Mission { Code = m.Code, Libelle = m.Libelle }));

        foreach (var p in Profile.Programmes)
        {
            var code = ProgrammeCodeOf(p.Numero);
            var programme = new Programme
            {
                Code = code, Numero = p.Numero, Libelle = p.Libelle, MissionCode = p.MissionCode, MinistereCode = p.MinistereCode,
            };
            Programmes.Add(programme);
            ProgrammeByCode.Add(code, programme);
        }

        Categories.AddRange(DemoCatalog.Categories.Select(c => new CategorieLolf
        {
            Code = c.Code, Libelle = c.Libelle, Titre = c.Titre, TitreLibelle = c.TitreLibelle,
        }));
        ComptesBudgetaires.AddRange(DemoCatalog.ComptesBudgetaires.Select(c => new CompteBudgetaire
        {
            Code = c.Code, Libelle = c.Libelle, CategorieCode = c.Categorie,
        }));
        ComptesGeneraux.AddRange(DemoCatalog.ComptesGeneraux.Select(c => new CompteGeneral
        {
            Code = c.Code, Libelle = c.Libelle, Classe = c.Code[..1],
        }));
        AccountingCatalog.Complete(ComptesGeneraux);
        GroupesMarchandises.AddRange(DemoCatalog.GroupesMarchandises.Select(g => new GroupeMarchandises { Code = g.Code, Libelle = g.Libelle }));
        Branches.AddRange(DemoCatalog.Branches.Select(b => new BrancheTiers
        {
            Code = b.Code, Libelle = b.Libelle, EstSubventionnable = b.Subventionnable,
        }));
        TypesEj.AddRange(DemoCatalog.TypesEj.Select(t => new TypeEj { Code = t.Code, Libelle = t.Libelle }));
        TypesMontant.AddRange(DemoCatalog.TypesMontant.Select(t => new TypeMontant { Code = t.Code, Libelle = t.Libelle }));
        NaturesDp.AddRange(DemoCatalog.NaturesDp.Select(n => new NatureDp { Code = n.Code, Libelle = n.Libelle }));
        foreach (var n in DemoCatalog.NaturesRecette)
        {
            NaturesRecette.Add(new NatureRecette { Code = n.Code, Libelle = n.Libelle });
            NatureRecetteCompte.Add(n.Code, n.Compte);
        }
    }

    private void BuildGeography()
    {
        var societes = Profile.Departements.Select(d => d.Societe).Append(CentralSociete).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, libelle) in DemoCatalog.Societes.Where(s => societes.Contains(s.Code)))
        {
            var region = code == CentralSociete
                ? CentralRegion
                : Profile.Departements.First(d => d.Societe == code).Region;
            Societes.Add(new Societe { Code = code, Libelle = libelle, Region = region });
        }

        foreach (var region in Profile.Departements.GroupBy(d => d.RegionInsee))
        {
            Localisations.Add(new Localisation
            {
                Code = "N" + region.Key, Libelle = region.First().Region, Departement = "#", Region = region.First().Region,
            });
            foreach (var d in region)
            {
                Localisations.Add(new Localisation
                {
                    Code = LocalisationOf(d), Libelle = d.Libelle, Departement = d.Code, Region = d.Region,
                });
            }
        }
    }

    /// <summary>"N" + INSEE région + département: Paris is N1175, as in the interministerial referential.</summary>
    public static string LocalisationOf(DepartementInfo d) => "N" + d.RegionInsee + ShortDepartement(d.Code);

    private static readonly (string Code, string Libelle)[] Services =
    [
        ("SDAT", "Service départemental"), ("DIRE", "Direction régionale"), ("SGCM", "Secrétariat général commun"),
        ("UOSC", "Unité opérationnelle support"), ("PFCH", "Plateforme Chorus"), ("CABI", "Cabinet"),
    ];

    private void BuildStructures(Random random)
    {
        var paris = DemoCatalog.Departements.First(d => d.Code == "075");
        var centralDepartement = Profile.Departements.FirstOrDefault(d => d.Code == "075") ?? Profile.Departements[0];

        // Centres de coûts: ministry prefix (3) + service (4) + département (3), e.g. ADCSDAT075.
        var costCentres = new Dictionary<(string Ministere, string Departement), string[]>();
        foreach (var ministry in DemoCatalog.Ministries.Where(m => Ministeres.Any(x => x.Code == m.Code)))
        {
            foreach (var d in Profile.Departements)
            {
                var count = Profile.Size == DemoSize.Tiny ? 1 : 2;
                var first = random.Next(Services.Length);
                var codes = new string[count];
                for (var i = 0; i < count; i++)
                {
                    var service = Services[(first + i) % Services.Length];
                    codes[i] = ministry.CostCentrePrefix + service.Code + d.Code;
                    CentresCouts.Add(new CentreCouts
                    {
                        Code = codes[i], Libelle = $"{service.Libelle} {ministry.Sigle} - {d.Libelle}",
                        MinistereCode = ministry.Code, Departement = d.Code,
                    });
                }

                costCentres.Add((ministry.Code, d.Code), codes);
            }
        }

        var tinyIndex = 0;
        foreach (var p in Profile.Programmes)
        {
            var code = ProgrammeCodeOf(p.Numero);

            // Domaines fonctionnels and activités (PPPP + OS + OP + OB + activité, 2 digits each).
            var actions = new List<ActionRef>();
            foreach (var a in p.Actions)
            {
                var actionCode = $"{code}-{a.Numero:D2}";
                DomainesFonctionnels.Add(new DomaineFonctionnel
                {
                    Code = actionCode, Libelle = a.Libelle, ProgrammeCode = code, ActionCode = actionCode, EstSousAction = false,
                });
                var domaines = new List<string> { actionCode };
                foreach (var (numero, libelle) in a.SousActions)
                {
                    var sub = $"{actionCode}-{numero:D2}";
                    DomainesFonctionnels.Add(new DomaineFonctionnel
                    {
                        Code = sub, Libelle = libelle, ProgrammeCode = code, ActionCode = actionCode, EstSousAction = true,
                    });
                    domaines.Add(sub);
                }

                var activites = new List<string>();
                for (var i = 1; i <= Profile.ActivitesPerAction; i++)
                {
                    var os = $"{code}{a.Numero:D2}";
                    var activite = $"{os}0101{i:D2}";
                    Activites.Add(new Activite
                    {
                        Code = activite,
                        Libelle = $"{ActivityWords[(a.Numero + i) % ActivityWords.Length]} - {Shorten(a.Libelle)}",
                        ProgrammeCode = code, OperationStrategiqueCode = os, OperationProgrammeeCode = os + "01",
                        OperationBudgeteeCode = os + "0101", Sens = "D",
                    });
                    activites.Add(activite);
                }

                actions.Add(new ActionRef(actionCode, [.. domaines], [.. activites]));
            }

            var revenueOs = $"{code}99";
            Activites.Add(new Activite
            {
                Code = revenueOs + "010101", Libelle = "Recettes non fiscales - " + Shorten(p.Libelle), ProgrammeCode = code,
                OperationStrategiqueCode = revenueOs, OperationProgrammeeCode = revenueOs + "01",
                OperationBudgeteeCode = revenueOs + "0101", Sens = "R",
            });

            // BOP central + one regional BOP per région; UO central + one UO per chosen département.
            var centralBop = $"{code}-{p.CentralBop}";
            Bops.Add(new Bop { Code = centralBop, Libelle = $"BOP central {Shorten(p.Libelle)}", ProgrammeCode = code });
            var centres = new List<CentreInfo>();
            var centralCf = new CentreFinancier
            {
                Code = $"{centralBop}-{p.CentralUo}", Libelle = $"{centralBop}-{p.CentralUo}-UO niveau central",
                ProgrammeCode = code, BopCode = centralBop, Region = CentralRegion,
            };
            centres.Add(new CentreInfo(
                centralCf, p, code, p.MinistereCode, null, CentralSociete, LocalisationOf(paris),
                costCentres[(p.MinistereCode, centralDepartement.Code)], "SFACT" + CentralSociete));

            List<DepartementInfo> chosen;
            if (Profile.Size == DemoSize.Tiny)
            {
                chosen = [Profile.Departements[tinyIndex++ % Profile.Departements.Count]];
            }
            else
            {
                chosen = [.. Profile.Departements.OrderBy(_ => random.Next()).Take(Profile.RegionalUosPerProgramme).OrderBy(d => d.Code, StringComparer.Ordinal)];
            }

            foreach (var d in chosen)
            {
                var bop = $"{code}-DR{d.RegionInsee}";
                if (!Bops.Any(b => b.Code == bop))
                {
                    Bops.Add(new Bop { Code = bop, Libelle = $"BOP régional {d.Region} {Shorten(p.Libelle)}", ProgrammeCode = code });
                }

                var uo = "D" + d.Code;
                var cf = new CentreFinancier
                {
                    Code = $"{bop}-{uo}", Libelle = $"{bop}-{uo}-UO départementale {d.Libelle}",
                    ProgrammeCode = code, BopCode = bop, Region = d.Region,
                };
                centres.Add(new CentreInfo(
                    cf, p, code, p.MinistereCode, d, d.Societe, LocalisationOf(d), costCentres[(p.MinistereCode, d.Code)],
                    "SFACT" + d.Societe));
            }

            foreach (var centre in centres)
            {
                CentresFinanciers.Add(centre.Centre);
                Centres.Add(centre);

                // Budget lines of the centre: a few actions, the programme's main catégorie first.
                var actionCount = Math.Min(actions.Count, random.Inclusive(1, Profile.MaxActionsPerCentre));
                var picked = actions.OrderBy(_ => random.Next()).Take(actionCount).ToList();
                foreach (var action in picked)
                {
                    var categories = new List<string> { PrimaryCategory(p) };
                    var extra = random.Inclusive(0, Profile.MaxCategoriesPerAction - 1);
                    for (var i = 0; i < extra; i++)
                    {
                        var c = random.Weighted(SecondaryCategories(p.Kind));
                        if (!categories.Contains(c))
                        {
                            categories.Add(c);
                        }
                    }

                    foreach (var c in categories)
                    {
                        Combos.Add(new Combo(centre, action, c));
                    }
                }
            }
        }
    }

    private void BuildSubsidyCombos()
    {
        if (Profile.Size != DemoSize.Tiny)
        {
            return;
        }

        foreach (var ministry in Profile.Programmes.GroupBy(p => p.MinistereCode))
        {
            if (ministry.Any(p => PrimaryCategory(p) == "64"))
            {
                continue;
            }

            var first = Combos.First(c => c.Centre.MinistereCode == ministry.Key && c.Centre.Departement is not null);
            SubsidyCombos.Add(first with { Categorie = "64" });
        }
    }

    public static string PrimaryCategory(ProgrammeInfo p) => p.Numero switch
    {
        119 => "63",
        _ => p.Kind switch
        {
            ProgrammeKind.Intervention => "64",
            ProgrammeKind.Education => "64",
            ProgrammeKind.Employment => "62",
            _ => "31",
        },
    };

    private static (string, int)[] SecondaryCategories(ProgrammeKind kind) => kind switch
    {
        ProgrammeKind.Intervention => [("63", 3), ("61", 2), ("31", 3), ("62", 1)],
        ProgrammeKind.Education => [("32", 3), ("31", 3), ("61", 2)],
        ProgrammeKind.Employment => [("64", 4), ("32", 2), ("31", 1)],
        _ => [("51", 4), ("52", 1), ("64", 2), ("32", 1)],
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    // ---- Tiers ----

    private static readonly (string Branche, int Weight)[] BrancheWeights =
    [
        ("Z004", 36), ("Z039", 40), ("Z007", 5), ("Z040", 3), ("Z041", 6), ("Z044", 2), ("Z001", 5), ("Z010", 1), ("Z030", 2),
    ];

    private void BuildTiers(Random random)
    {
        long sirenCounter = 0;
        var count = Math.Max(Profile.TiersCount, DemoCatalog.Branches.Length);
        for (var i = 0; i < count; i++)
        {
            // The first tiers covers every branche, so that even the tiny data set has each one.
            var branche = i < DemoCatalog.Branches.Length ? DemoCatalog.Branches[i].Code : random.Weighted(BrancheWeights);
            var d = random.Pick(Profile.Departements);
            var code = (1_000_000_000L + (i * 7L) + 3).ToString(CultureInfo.InvariantCulture);
            Tiers tiers;
            if (i == DemoCatalog.Branches.Length)
            {
                // The real seed line of the domain notes: ANTS, an EPA paid on programme 354.
                branche = "Z007";
                tiers = NewTiers("1000972118", "AGENCE NATIONALE DES TITRES", "13000326200024", null, branche, "7389",
                    DemoCatalog.Departements.First(x => x.Code == "075"), "A");
            }
            else
            {
                tiers = branche switch
                {
                    "Z039" => NewTiers(code, $"{random.Pick(AssociationKinds)} {d.ChefLieu}", Siret('7', ++sirenCounter, random),
                        Rna(d, random), branche, "9220", d, Etat(random)),
                    "Z004" => NewTiers(code, $"{random.Pick(CompanyForms)} {random.Pick(CompanyWords)} {random.Pick(Surnames)}",
                        Siret(random.Chance(0.5) ? '4' : '8', ++sirenCounter, random), null, branche,
                        random.Pick(CompanyLegalForms), d, Etat(random)),
                    "Z007" => NewTiers(code, $"{random.Pick(PublicBodies)} {d.ChefLieu}", Siret('1', ++sirenCounter, random), null,
                        branche, "7389", d, "A"),
                    "Z040" => NewTiers(code, $"FONDATION {random.Pick(Surnames)} {d.ChefLieu}", Siret('7', ++sirenCounter, random),
                        null, branche, "9300", d, "A"),
                    "Z041" => NewTiers(code, random.Chance(0.8) ? $"COMMUNE DE {d.ChefLieu}" : $"DEPARTEMENT {d.Libelle.ToUpperInvariant()}",
                        Siret('2', ++sirenCounter, random), null, branche, "7210", d, "A"),
                    "Z044" => NewTiers(code, $"GIP {random.Pick(CompanyWords)} {d.ChefLieu}", Siret('1', ++sirenCounter, random), null,
                        branche, "7470", d, "A"),
                    "Z010" => NewTiers(code, $"{random.Pick(CompanyWords)} {random.Pick(ForeignCountries)} LTD", null, null, branche,
                        "3120", d, "A"),
                    _ => NewTiers(code, $"{random.Pick(Surnames)} {random.Pick(GivenNames)}", null, null, branche, "1000", d, "A"),
                };
            }

            Tiers.Add(tiers);
            if (!TiersByBranche.TryGetValue(branche, out var all))
            {
                TiersByBranche[branche] = all = [];
            }

            all.Add(tiers);
            if (!TiersByBrancheAndDepartement.TryGetValue((branche, tiers.Departement), out var local))
            {
                TiersByBrancheAndDepartement[(branche, tiers.Departement)] = local = [];
            }

            local.Add(tiers);
        }
    }

    private static readonly string[] CompanyLegalForms = ["5710", "5499", "5599", "5498"];

    private static string Etat(Random random) => random.Chance(0.03) ? "F" : "A";

    private static Tiers NewTiers(
        string code, string name, string? siret, string? rna, string branche, string categorie, DepartementInfo d, string etat) => new()
    {
        Code = code, RaisonSociale = name, Siret = siret, Siren = siret?[..9], Rna = rna, BrancheCode = branche,
        CategorieJuridique = categorie, Commune = d.ChefLieu, Departement = d.Code, EtatAdministratif = etat,
    };

    /// <summary>
    /// A valid SIRET: 8 digits (a leading digit by kind of body, then an injective scramble of the counter so
    /// that no two tiers share a SIREN), the SIREN's Luhn digit, a 4-digit NIC and the SIRET's Luhn digit.
    /// </summary>
    internal static string Siret(char leading, long counter, Random random)
    {
        // 7_654_321 is prime to 10^7: i -> (i * 7_654_321 + 1_234_567) mod 10^7 is a permutation.
        var body = ((counter * 7_654_321L) + 1_234_567L) % 10_000_000L;
        var siren8 = leading + body.ToString("D7", CultureInfo.InvariantCulture);
        var siren = siren8 + Luhn.ComputeCheckDigit(siren8);
        var nic4 = siren + random.Inclusive(1, 60).ToString("D4", CultureInfo.InvariantCulture);
        return nic4 + Luhn.ComputeCheckDigit(nic4);
    }

    /// <summary>An RNA number "W" + the département's first two characters + 7 digits (W751234567, W2A0001234).</summary>
    private static string Rna(DepartementInfo d, Random random) =>
        "W" + d.Code.TrimStart('0').PadLeft(2, '0')[..2] + random.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);

    // ---- Clients of non-tax revenue ----

    private void BuildClients(Random random)
    {
        long sirenCounter = 5_000_000;
        for (var i = 0; i < Profile.ClientsCount; i++)
        {
            var d = random.Pick(Profile.Departements);
            var code = "C" + (100_000_000 + i).ToString(CultureInfo.InvariantCulture);
            var kind = random.Weighted<string>([("Particulier", 55), ("Entreprise", 30), ("Collectivité", 8), ("Organisme public", 7)]);
            Clients.Add(kind switch
            {
                "Particulier" => new Client
                {
                    Code = code, Nom = $"{random.Pick(Surnames)} {random.Pick(GivenNames)}", Siret = null, Categorie = kind, Departement = d.Code,
                },
                "Entreprise" => new Client
                {
                    Code = code, Nom = $"{random.Pick(CompanyForms)} {random.Pick(CompanyWords)} {d.ChefLieu}",
                    Siret = Siret('3', ++sirenCounter, random), Categorie = kind, Departement = d.Code,
                },
                "Collectivité" => new Client
                {
                    Code = code, Nom = $"COMMUNE DE {d.ChefLieu}", Siret = Siret('2', ++sirenCounter, random), Categorie = kind, Departement = d.Code,
                },
                _ => new Client
                {
                    Code = code, Nom = $"{random.Pick(PublicBodies)} {d.ChefLieu}", Siret = Siret('1', ++sirenCounter, random),
                    Categorie = kind, Departement = d.Code,
                },
            });
        }
    }
}
