using Infocentre.Loading.Common;

namespace Infocentre.Loading.Tests.Atomicity;

/// <summary>A failure at any step leaves the warehouse as it was, and loading again then converges.</summary>
public sealed class FaultInjectionTests(TinyTemplate tiny) : IClassFixture<TinyTemplate>
{
    [Theory]
    [InlineData(LoadStep.Parse)]
    [InlineData(LoadStep.Stage)]
    [InlineData(LoadStep.Check)]
    [InlineData(LoadStep.Publish)]
    [InlineData(LoadStep.Reconcile)]
    public async Task A_fault_at_any_step_leaves_the_warehouse_unchanged_and_a_retry_converges(LoadStep failing)
    {
        var warehouse = tiny.NewSqlite();
        var before = await warehouse.SnapshotAsync();
        var options = new LoadOptions
        {
            StepHook = step =>
            {
                if (step == failing)
                {
                    throw new InvalidOperationException($"Injected fault at {step}.");
                }
            },
        };

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => warehouse.LoadAsync("inf-bud-53-good.csv", options));

        Assert.Contains(failing.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await warehouse.SnapshotAsync());
        Assert.Equal("failed", await warehouse.ScalarAsync("SELECT status FROM load_run ORDER BY id DESC LIMIT 1"));

        var retry = await warehouse.LoadAsync("inf-bud-53-good.csv");
        Assert.Equal(LoadRunStatus.Succeeded, retry.Status);
        Assert.Equal(0, retry.RowsReplaced);

        var reference = tiny.NewSqlite();
        await reference.LoadAsync("inf-bud-53-good.csv");
        Assert.Equal(
            await reference.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id"),
            await warehouse.RowsAsync("SELECT * FROM fact_demande_paiement ORDER BY id"));
    }

    [Fact]
    public async Task A_cancelled_load_leaves_the_warehouse_unchanged()
    {
        var warehouse = tiny.NewSqlite();
        var before = await warehouse.SnapshotAsync();
        using var cancellation = new CancellationTokenSource();
        var options = new LoadOptions { StepHook = step => { if (step == LoadStep.Check) { cancellation.Cancel(); } } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => warehouse.LoadAsync("inf-bud-53-good.csv", options, cancellation.Token));

        Assert.Equal(before, await warehouse.SnapshotAsync());
        Assert.Equal("The load was cancelled; nothing was loaded.", await warehouse.ScalarAsync("SELECT message FROM load_run ORDER BY id DESC LIMIT 1"));
    }
}
