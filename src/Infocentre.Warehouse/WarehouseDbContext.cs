using Infocentre.Warehouse.Access;
using Infocentre.Warehouse.Dimensions;
using Infocentre.Warehouse.Facts;
using Infocentre.Warehouse.Loads;
using Infocentre.Warehouse.ReportingViews;
using Infocentre.Warehouse.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Infocentre.Warehouse;

/// <summary>The star-schema warehouse: dimensions, facts, flat reporting views and the load journal.</summary>
public sealed class WarehouseDbContext(DbContextOptions<WarehouseDbContext> options) : DbContext(options)
{
    /// <summary>
    /// The caller's perimeter, applied by global query filters to every fact and reporting view. Trusted
    /// processes keep <see cref="WarehousePerimeter.Everything"/>; the API sets the caller's for each request.
    /// </summary>
    public WarehousePerimeter Perimeter { get; set; } = WarehousePerimeter.Everything;

    public DbSet<Ministere> Ministeres => Set<Ministere>();
    public DbSet<Mission> Missions => Set<Mission>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<DomaineFonctionnel> DomainesFonctionnels => Set<DomaineFonctionnel>();
    public DbSet<Bop> Bops => Set<Bop>();
    public DbSet<CentreFinancier> CentresFinanciers => Set<CentreFinancier>();
    public DbSet<Activite> Activites => Set<Activite>();
    public DbSet<CategorieLolf> CategoriesLolf => Set<CategorieLolf>();
    public DbSet<CompteBudgetaire> ComptesBudgetaires => Set<CompteBudgetaire>();
    public DbSet<CompteGeneral> ComptesGeneraux => Set<CompteGeneral>();
    public DbSet<Societe> Societes => Set<Societe>();
    public DbSet<Calendrier> Calendrier => Set<Calendrier>();
    public DbSet<CentreCouts> CentresCouts => Set<CentreCouts>();
    public DbSet<GroupeMarchandises> GroupesMarchandises => Set<GroupeMarchandises>();
    public DbSet<Localisation> Localisations => Set<Localisation>();
    public DbSet<BrancheTiers> Branches => Set<BrancheTiers>();
    public DbSet<Tiers> Tiers => Set<Tiers>();
    public DbSet<TypeEj> TypesEj => Set<TypeEj>();
    public DbSet<TypeMontant> TypesMontant => Set<TypeMontant>();
    public DbSet<NatureDp> NaturesDp => Set<NatureDp>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<NatureRecette> NaturesRecette => Set<NatureRecette>();

    public DbSet<Credit> Credits => Set<Credit>();
    public DbSet<EngagementLine> EngagementLines => Set<EngagementLine>();
    public DbSet<ServiceFaitLine> ServiceFaitLines => Set<ServiceFaitLine>();
    public DbSet<PaymentLine> PaymentLines => Set<PaymentLine>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<RevenueOrder> RevenueOrders => Set<RevenueOrder>();
    public DbSet<RevenueReceipt> RevenueReceipts => Set<RevenueReceipt>();
    public DbSet<OffBalanceCommitment> OffBalanceCommitments => Set<OffBalanceCommitment>();
    public DbSet<FullCost> FullCosts => Set<FullCost>();

    public DbSet<CreditView> CreditView => Set<CreditView>();
    public DbSet<BudgetExecutionView> BudgetExecutionView => Set<BudgetExecutionView>();
    public DbSet<EngagementView> EngagementView => Set<EngagementView>();
    public DbSet<PaymentView> PaymentView => Set<PaymentView>();
    public DbSet<LedgerView> LedgerView => Set<LedgerView>();
    public DbSet<RevenueView> RevenueView => Set<RevenueView>();
    public DbSet<SubsidyPaymentView> SubsidyPaymentView => Set<SubsidyPaymentView>();
    public DbSet<CreditMovement> CreditMovements => Set<CreditMovement>();
    public DbSet<CreditSituationView> CreditSituationView => Set<CreditSituationView>();
    public DbSet<BudgetAccrualView> BudgetAccrualView => Set<BudgetAccrualView>();
    public DbSet<AccountingAnomalyView> AccountingAnomalyView => Set<AccountingAnomalyView>();
    public DbSet<OffBalanceView> OffBalanceView => Set<OffBalanceView>();
    public DbSet<FullCostView> FullCostView => Set<FullCostView>();

    public DbSet<OneRow> OneRow => Set<OneRow>();
    public DbSet<UnmatchedReceipt> UnmatchedReceipts => Set<UnmatchedReceipt>();
    public DbSet<RevenueForecast> RevenueForecasts => Set<RevenueForecast>();
    public DbSet<AccruedRevenue> AccruedRevenues => Set<AccruedRevenue>();
    public DbSet<TitrePerceptionView> TitrePerceptionView => Set<TitrePerceptionView>();

    public DbSet<SubsidyApplication> SubsidyApplications => Set<SubsidyApplication>();
    public DbSet<SubsidyInstallment> SubsidyInstallments => Set<SubsidyInstallment>();
    public DbSet<EuropeanFundPayment> EuropeanFundPayments => Set<EuropeanFundPayment>();
    public DbSet<SubsidyFollowUpView> SubsidyFollowUpView => Set<SubsidyFollowUpView>();
    public DbSet<EuropeanFundPaymentView> EuropeanFundPaymentView => Set<EuropeanFundPaymentView>();

    public DbSet<LoadRecord> Loads => Set<LoadRecord>();

    public DbSet<SchemaInfo> SchemaInfo => Set<SchemaInfo>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Marche> Marches => Set<Marche>();
    public DbSet<PaymentOperation> PaymentOperations => Set<PaymentOperation>();
    public DbSet<AccrualLine> AccrualLines => Set<AccrualLine>();
    public DbSet<ServiceFaitView> ServiceFaitView => Set<ServiceFaitView>();
    public DbSet<PaymentOperationView> PaymentOperationView => Set<PaymentOperationView>();
    public DbSet<AccrualView> AccrualView => Set<AccrualView>();
    public DbSet<MarketExecutionView> MarketExecutionView => Set<MarketExecutionView>();

    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    public DbSet<LoadRun> LoadRuns => Set<LoadRun>();

    public DbSet<LoadFinding> LoadFindings => Set<LoadFinding>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Amounts are exact decimals everywhere: double sums were measured non-repeatable.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        // Bounded strings keep codes indexable on SQL Server.
        configurationBuilder.Properties<string>().HaveMaxLength(200);
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();
        configurationBuilder.Conventions.Add(services => new FactForeignKeyIndexConvention(
            services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        DimensionModel.Configure(modelBuilder);
        FactModel.Configure(modelBuilder);
        ReportingViewModel.Configure(modelBuilder);
        BudgetSteeringModel.Configure(modelBuilder);
        DepensesModel.Configure(modelBuilder);
        GeneralAccountingModel.Configure(modelBuilder);
        SubsidyModel.Configure(modelBuilder);
        PerimeterFilters.Configure(modelBuilder, this);
        AccessModel.Configure(modelBuilder);
        WindowFunctions.Configure(modelBuilder);
        RevenueModel.Configure(modelBuilder);
        LoadFindingViewModel.Configure(modelBuilder);
        modelBuilder.Entity<SchemaInfo>(b =>
        {
            b.ToTable("schema_info");
            b.HasKey(x => x.Key);
        });
        modelBuilder.Entity<LoadRecord>(b =>
        {
            b.ToTable("load_record");
            b.HasIndex(l => new { l.Domain, l.Status, l.FinishedAt });
        });
        LoadingModel.Configure(modelBuilder);
    }
}
