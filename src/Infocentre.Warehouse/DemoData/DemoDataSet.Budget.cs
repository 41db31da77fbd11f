using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;

namespace Infocentre.Warehouse.DemoData;

/// <summary>The budget steering tables (credit movements, programmation, emplois...), streamed like the other facts.</summary>
public sealed partial class DemoDataSet
{
    public static IReadOnlyList<TypeMouvementCredit> TypesMouvementCredit => BudgetSteeringGenerator.MovementTypes;

    public static IReadOnlyList<Fonds> Fonds => BudgetSteeringGenerator.AllFonds;

    public IReadOnlyList<AxeAnalytique> AxesAnalytiques => new BudgetSteeringGenerator(model).Axes();

    public IEnumerable<CreditMovement> MouvementsCredits() => Number(Steering().SelectMany(b => b.Movements), (row, id) => row.Id = id);

    public IEnumerable<CreditProgramming> Programmations() => Number(Steering().SelectMany(b => b.Programmations), (row, id) => row.Id = id);

    public IEnumerable<PaymentSchedule> EcheanciersCp() => Number(Steering().SelectMany(b => b.Schedules), (row, id) => row.Id = id);

    public IEnumerable<FunctionalTranche> TranchesFonctionnelles() => Number(Steering().SelectMany(b => b.Tranches), (row, id) => row.Id = id);

    public IEnumerable<BudgetControlAct> ActesControleBudgetaire() => Number(Steering().SelectMany(b => b.Acts), (row, id) => row.Id = id);

    public IEnumerable<PurchaseRequest> DemandesAchat() => Number(Steering().SelectMany(b => b.PurchaseRequests), (row, id) => row.Id = id);

    public IEnumerable<Employment> Emplois() => Number(new BudgetSteeringGenerator(model).Employments(), (row, id) => row.Id = id);

    private IEnumerable<BudgetSteeringData> Steering() => new BudgetSteeringGenerator(model).Generate(Spending().Batches());
}
