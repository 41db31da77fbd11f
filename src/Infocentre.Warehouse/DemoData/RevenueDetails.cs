using System.Globalization;
using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// Completes each generated titre with what the recettes non fiscales reports need: origine, ligne de
/// recette, régie, contract, later write-offs (admission en non-valeur, remise gracieuse), payment plans and the
/// situation at the date d'arrêté (encaissé, reste à recouvrer, statut, étape de recouvrement). Its own random
/// stream, so the titres and receipts drawn by <see cref="RevenueGenerator"/> keep their amounts and dates.
/// </summary>
internal sealed class RevenueDetails(DemoModel model)
{
    private const int SeedOffset = 7;

    public const string Interne = "Facturation interne";
    public const string Externe = "Facturation externe";

    /// <summary>Proposed budget revenue lines (the 2xxx lines of the budget général, CAS lines, fonds de concours).</summary>
    internal static readonly (string Code, string Libelle, string Budget, string BudgetLibelle)[] Lignes =
    [
        ("2211", "Revenus du domaine public non militaire", "BG", "Budget général"),
        ("2302", "Redevances pour services rendus", "BG", "Budget général"),
        ("2304", "Remboursements de frais", "BG", "Budget général"),
        ("2501", "Produits des amendes et condamnations pécuniaires", "BG", "Budget général"),
        ("2601", "Produits des ventes de biens et prestations de services", "BG", "Budget général"),
        ("2698", "Produits divers", "BG", "Budget général"),
        ("CAS723-01", "Produits des cessions immobilières", "CAS", "CAS Gestion du patrimoine immobilier de l'État"),
        ("CAS751-01", "Amendes perçues par la voie de systèmes automatisés de contrôle-sanction",
            "CAS", "CAS Contrôle de la circulation et du stationnement routiers"),
        ("FDC-01", "Fonds de concours et attributions de produits rattachés aux programmes", "FDC", "Fonds de concours et attributions de produits"),
    ];

    private readonly Random random = new(model.Profile.Seed + SeedOffset);
    private readonly Dictionary<string, DemoModel.CentreInfo> centres =
        model.Centres.ToDictionary(c => c.Centre.Code, StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> actions = model.DomainesFonctionnels
        .GroupBy(d => d.ProgrammeCode, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(d => d.Code).ToArray(), StringComparer.Ordinal);
    private readonly Dictionary<string, Client> clients = model.Clients.ToDictionary(c => c.Code, StringComparer.Ordinal);
    private readonly Dictionary<(string Client, string Programme, string Nature), (string Numero, decimal Montant)> contracts = [];

    public static IReadOnlyList<LigneRecette> LignesRecette() =>
        [.. Lignes.Select(l => new LigneRecette { Code = l.Code, Libelle = l.Libelle, BudgetCode = l.Budget, BudgetLibelle = l.BudgetLibelle })];

    public static IReadOnlyList<Regie> Regies(DemoModel model) =>
    [
        new Regie { Code = RegieCentrale, Libelle = "Régie de recettes centrale", Departement = "075" },
        .. model.Profile.Departements.Select(d => new Regie
        {
            Code = "RR" + d.Code, Libelle = "Régie de recettes de la préfecture - " + d.Libelle, Departement = d.Code,
        }),
    ];

    private const string RegieCentrale = "RR000";

    public void Complete(RevenueBatch batch)
    {
        var t = batch.Titre;
        var cutoff = model.Profile.LastDate;
        var centre = centres[t.CentreFinancierCode];
        var client = clients[t.ClientCode];
        var issued = Cents(t.MontantEmis);

        t.Origine = t.NatureRecetteCode switch
        {
            "AMD" => "Amendes et sanctions",
            "IND" => "Constatation d'indu",
            "CES" => "Produits de cession",
            "FDC" => "Fonds de concours",
            "RBF" => random.Chance(0.5) ? "Attribution de produits" : Interne,
            "PSV" or "RSR" => random.Chance(0.15) ? Interne : Externe,
            _ => Externe,
        };
        if (t.Origine == Interne)
        {
            var others = model.Programmes.Where(p => p.Code != t.ProgrammeCode).ToArray();
            t.ProgrammeAcheteurCode = others.Length > 0 ? random.Pick(others).Code : null;
        }

        if (t.Origine is "Constatation d'indu" or "Fonds de concours" or "Attribution de produits"
            && actions.TryGetValue(t.ProgrammeCode, out var dfs))
        {
            t.DomaineFonctionnelCode = random.Pick(dfs);
        }

        var numero = centre.Programme.Numero.ToString("D3", CultureInfo.InvariantCulture);
        t.FondsConcoursCode = t.Origine switch
        {
            "Fonds de concours" => "1-2-00" + numero,
            "Attribution de produits" => "2-2-00" + numero,
            _ => null,
        };
        t.LigneRecetteCode = t.NatureRecetteCode switch
        {
            "AMD" => centre.Programme.Numero == 207 ? "CAS751-01" : "2501",
            "RDP" => "2211",
            "RSR" => "2302",
            "PSV" => "2601",
            "CES" => "CAS723-01",
            "IND" => "2698",
            _ when t.FondsConcoursCode is not null => "FDC-01",
            _ => "2304",
        };
        if (t.NatureRecetteCode is "AMD" or "RSR" or "PSV" && random.Chance(0.45))
        {
            t.RegieCode = centre.Departement is { } d ? "RR" + d.Code : RegieCentrale;
        }

        if (t.NatureRecetteCode == "RDP"
            || (t.NatureRecetteCode == "RSR" && client.Categorie is "Entreprise" or "Collectivité" && random.Chance(0.3)))
        {
            var key = (t.ClientCode, t.ProgrammeCode, t.NatureRecetteCode);
            if (!contracts.TryGetValue(key, out var contract))
            {
                contract = ("CR" + (contracts.Count + 1).ToString("D8", CultureInfo.InvariantCulture),
                    DemoRandom.Euros(issued * random.Inclusive(3, 9)));
                contracts.Add(key, contract);
            }

            // A titre larger than the contract is not billed under it (the contract was sized on its first titre).
            if (contract.Montant >= t.MontantEmis)
            {
                t.ContratNumero = contract.Numero;
                t.ContratMontant = contract.Montant;
            }
        }

        var pec = t.DateEmission.AddDays(random.Inclusive(1, 4));
        t.DatePriseEnCharge = pec <= cutoff ? pec : null;

        var collected = batch.Receipts.Sum(r => Cents(r.Montant));
        DateOnly? last = batch.Receipts.Count > 0 ? batch.Receipts.Max(r => r.DateEncaissement) : null;
        var cancelled = Cents(t.MontantAnnule);
        if (cancelled > 0)
        {
            t.MotifAnnulation = random.Weighted<string>([("Réduction", 55), ("Annulation pour erreur", 45)]);
        }
        else
        {
            WriteOff(batch, client, issued - collected, last, cutoff);
            cancelled = Cents(t.MontantAnnule);
        }

        if (batch.CancelledOn is { } on)
        {
            t.DateAnnulation = on;
            t.ExerciceAnnulation = on.Year;
        }

        var net = issued - cancelled;
        var rest = net - collected;
        t.MontantNet = DemoRandom.Euros(net);
        t.MontantEncaisse = DemoRandom.Euros(collected);
        t.MontantEncaisseExercice = DemoRandom.Euros(batch.Receipts.Where(r => r.DateEncaissement.Year == t.Exercice).Sum(r => Cents(r.Montant)));
        t.MontantResteARecouvrer = DemoRandom.Euros(rest);
        t.DateDernierEncaissement = last;
        t.DateArrete = cutoff;
        t.Statut = rest > 0
            ? collected > 0 ? "Partiellement recouvré" : t.DatePriseEnCharge is null ? "Émis" : "Pris en charge"
            : collected > 0 ? "Recouvré" : "Soldé par annulation";
        var reference = rest > 0 ? cutoff : last ?? t.DateAnnulation ?? t.DateEcheance;
        var overdue = reference.DayNumber - t.DateEcheance.DayNumber;
        t.EtapeRecouvrement = overdue switch
        {
            <= 0 => "Amiable",
            <= 45 => "Relance",
            <= 120 => "Mise en demeure",
            _ => "Contentieux",
        };
        PaymentPlan(batch, net, rest, collected, overdue, cutoff);

        foreach (var receipt in batch.Receipts)
        {
            receipt.CompteGeneralCode = t.CompteGeneralCode;
            receipt.LigneRecetteCode = t.LigneRecetteCode;
            receipt.RegieCode = t.RegieCode;
        }
    }

    /// <summary>Admission en non-valeur of what a debtor never paid, or remise gracieuse of part of it (particuliers, entreprises).</summary>
    private void WriteOff(RevenueBatch batch, Client client, long unpaid, DateOnly? lastReceipt, DateOnly cutoff)
    {
        var t = batch.Titre;
        if (unpaid <= 0)
        {
            return;
        }

        var draw = random.NextDouble();
        var (motif, amount, date) = draw switch
        {
            < 0.3 => ("Admission en non-valeur", unpaid, t.DateEcheance.AddDays(random.Inclusive(240, 700))),
            < 0.5 when client.Categorie is "Particulier" or "Entreprise" =>
                ("Remise gracieuse", Math.Max(1, (long)Math.Round(unpaid * random.Between(0.3, 1.0))), t.DateEcheance.AddDays(random.Inclusive(60, 200))),
            _ => ((string?)null, 0L, t.DateEcheance),
        };
        if (lastReceipt is { } paid && date <= paid)
        {
            date = paid.AddDays(1);
        }

        if (motif is null || date > cutoff)
        {
            return;
        }

        t.MotifAnnulation = motif;
        t.MontantAnnule = DemoRandom.Euros(amount);
        batch.CancelledOn = date;
    }

    /// <summary>Échéancier granted after the due date to a debtor paying in instalments.</summary>
    private void PaymentPlan(RevenueBatch batch, long net, long rest, long collected, int overdue, DateOnly cutoff)
    {
        var t = batch.Titre;
        var granted = batch.Receipts.Count >= 2 ? random.Chance(0.5) : rest > 0 && collected > 0 && overdue > 45 && random.Chance(0.4);
        if (!granted)
        {
            return;
        }

        var octroi = t.DateEcheance.AddDays(random.Inclusive(5, 30));
        var before = batch.Receipts.Where(r => r.DateEncaissement < octroi).Sum(r => Cents(r.Montant));
        if (octroi > cutoff || net - before <= 0)
        {
            return;
        }

        t.EcheancierDateOctroi = octroi;
        t.EcheancierNombreEcheances = Math.Max(batch.Receipts.Count, random.Inclusive(3, 12));
        t.EcheancierMontant = DemoRandom.Euros(net - before);
    }

    private static long Cents(decimal euros) => (long)(euros * 100m);
}
