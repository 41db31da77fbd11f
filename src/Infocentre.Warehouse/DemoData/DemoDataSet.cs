using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;

namespace Infocentre.Warehouse.DemoData;

/// <summary>
/// The deterministic demo warehouse of a given <see cref="DemoSize"/>: dimensions as small in-memory lists,
/// facts as streams generated on each enumeration (a fixed seed, no clock, no GUID: the same size always gives
/// the same rows, byte for byte). Fact ids are 1, 2, 3... in stream order.
/// </summary>
/// <remarks>
/// Each fact stream replays the generators from the start, so enumerating one table never holds another in
/// memory; the generators only keep the rows of one budget line (or one titre) at a time.
/// </remarks>
public sealed partial class DemoDataSet
{
    private readonly DemoModel model;
    private readonly HashSet<string> subventionnable;
    private readonly SubsidyGenerator subsidies;

    private DemoDataSet(DemoSize size)
    {
        Size = size;
        model = DemoModel.Build(DemoProfile.For(size));
        var branches = model.Branches.Where(b => b.EstSubventionnable).Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        subventionnable = model.Tiers.Where(t => branches.Contains(t.BrancheCode)).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        subsidies = new SubsidyGenerator(model, subventionnable);
        subsidies.EnrichTiers();
    }

    public DemoSize Size { get; }

    public int FirstExercice => model.Profile.FirstExercice;

    public int LastExercice => model.Profile.LastExercice;

    public static DemoDataSet Create(DemoSize size) => new(size);

    public IReadOnlyList<Ministere> Ministeres => model.Ministeres;
    public IReadOnlyList<Mission> Missions => model.Missions;
    public IReadOnlyList<Programme> Programmes => model.Programmes;
    public IReadOnlyList<DomaineFonctionnel> DomainesFonctionnels => model.DomainesFonctionnels;
    public IReadOnlyList<Bop> Bops => model.Bops;
    public IReadOnlyList<CentreFinancier> CentresFinanciers => model.CentresFinanciers;
    public IReadOnlyList<Activite> Activites => model.Activites;
    public IReadOnlyList<CategorieLolf> Categories => model.Categories;
    public IReadOnlyList<CompteBudgetaire> ComptesBudgetaires => model.ComptesBudgetaires;
    public IReadOnlyList<CompteGeneral> ComptesGeneraux => model.ComptesGeneraux;
    public IReadOnlyList<Societe> Societes => model.Societes;
    public IReadOnlyList<CentreCouts> CentresCouts => model.CentresCouts;
    public IReadOnlyList<GroupeMarchandises> GroupesMarchandises => model.GroupesMarchandises;
    public IReadOnlyList<Localisation> Localisations => model.Localisations;
    public IReadOnlyList<BrancheTiers> Branches => model.Branches;
    public IReadOnlyList<Tiers> Tiers => model.Tiers;
    public IReadOnlyList<TypeEj> TypesEj => model.TypesEj;
    public IReadOnlyList<TypeMontant> TypesMontant => model.TypesMontant;
    public IReadOnlyList<NatureDp> NaturesDp => model.NaturesDp;
    public IReadOnlyList<Client> Clients => model.Clients;
    public IReadOnlyList<NatureRecette> NaturesRecette => model.NaturesRecette;

    public IEnumerable<Calendrier> Calendrier() => model.Calendrier();

    public IEnumerable<Credit> Credits() => Number(Spending().Batches().Select(b => b.Credit), (row, id) => row.Id = id);

    public IEnumerable<EngagementLine> Engagements() =>
        Number(Spending().Batches().SelectMany(b => b.Engagements), (row, id) => row.Id = id);

    public IEnumerable<ServiceFaitLine> ServicesFaits() =>
        Number(Spending().Batches().SelectMany(b => b.ServicesFaits), (row, id) => row.Id = id);

    public IEnumerable<PaymentLine> Paiements() =>
        Number(Spending().Batches().SelectMany(b => b.Paiements), (row, id) => row.Id = id);

    public IEnumerable<RevenueOrder> Titres() => Number(Revenue().Titres().Select(b => b.Titre), (row, id) => row.Id = id);

    public IEnumerable<RevenueReceipt> Encaissements() =>
        Number(Revenue().Titres().SelectMany(b => b.Receipts), (row, id) => row.Id = id);

    public IReadOnlyList<LigneRecette> LignesRecette { get; } = RevenueDetails.LignesRecette();
    public IReadOnlyList<Regie> Regies => RevenueDetails.Regies(model);
    public IEnumerable<UnmatchedReceipt> EncaissementsNonRapproches() => Number(RevenueSupplements().UnmatchedReceipts(), (row, id) => row.Id = id);
    public IEnumerable<RevenueForecast> PrevisionsRecettes() => Number(RevenueSupplements().Forecasts(), (row, id) => row.Id = id);
    public IEnumerable<AccruedRevenue> ProduitsARecevoir() => Number(RevenueSupplements().Accruals(), (row, id) => row.Id = id);

    public IEnumerable<LedgerEntry> Ecritures() =>
        Number(new LedgerGenerator(model, Spending(), Revenue()).Entries(), (row, id) => row.Id = id);

    public IEnumerable<Marche> Marches() => MarketGenerator.Marches(model, Spending().Batches());

    public IEnumerable<PaymentOperation> OperationsPaiement() =>
        Number(Spending().Batches().SelectMany(b => b.Operations), (row, id) => row.Id = id);

    public IEnumerable<AccrualLine> ChargesAPayer() =>
        Number(Spending().Batches().SelectMany(b => b.Accruals), (row, id) => row.Id = id);
    public IEnumerable<OffBalanceCommitment> EngagementsHorsBilan() =>
        Number(new GeneralAccountingGenerator(model).Commitments(), (row, id) => row.Id = id);

    public IEnumerable<FullCost> CoutsComplets() =>
        Number(new GeneralAccountingGenerator(model).FullCosts(new LedgerGenerator(model, Spending(), Revenue()).Entries()), (row, id) => row.Id = id);

    /// <summary>True for a paid DP line on a subsidy EJ (ZSUB) to a tiers of a branche Data.Subvention accepts.</summary>
    public bool IsSubsidyPayment(PaymentLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line is { Statut: "PAY", TypeEjCode: "ZSUB" } && subventionnable.Contains(line.TiersCode);
    }

    public IEnumerable<SubsidyApplication> DemandesSubvention() => subsidies.Grants().SelectMany(g => g.Applications);

    public IEnumerable<SubsidyInstallment> EcheancesSubvention() =>
        Number(subsidies.Grants().SelectMany(g => g.Installments), (row, id) => row.Id = id);

    public IEnumerable<EuropeanFundPayment> VersementsFondsEuropeens() => subsidies.EuropeanFunds();

    private SpendingGenerator Spending() => new(model);

    private RevenueGenerator Revenue() => new(model);

    private RevenueSupplementGenerator RevenueSupplements() => new(model, Revenue());

    private static IEnumerable<T> Number<T>(IEnumerable<T> rows, Action<T, long> setId)
    {
        long id = 0;
        foreach (var row in rows)
        {
            setId(row, ++id);
            yield return row;
        }
    }
}
