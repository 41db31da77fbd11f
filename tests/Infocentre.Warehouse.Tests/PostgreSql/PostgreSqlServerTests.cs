using System.Globalization;
using Infocentre.TestSupport.PostgreSql;
using Npgsql;
using Xunit.Abstractions;

namespace Infocentre.Warehouse.Tests.PostgreSql;

public sealed class PostgreSqlServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Starts_a_server_and_creates_isolated_databases()
    {
        var ct = CancellationToken.None;
        await using var server = await PostgreSqlServer.StartAsync(ct);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Server ready in {server.StartupDuration.TotalSeconds:0.00} s (external: {server.IsExternal}, port: {server.Port})."));

        var first = await server.CreateDatabaseAsync("pg_first", ct);
        var second = await server.CreateDatabaseAsync("pg_second", ct);
        Assert.NotEqual(first, second);

        await using var a = new NpgsqlConnection(first);
        await using var b = new NpgsqlConnection(second);
        await a.OpenAsync(ct);
        await b.OpenAsync(ct);

        var version = (string?)await Scalar(a, "select version()");
        output.WriteLine(version);
        Assert.StartsWith("PostgreSQL", version, StringComparison.Ordinal);

        var nameA = (string?)await Scalar(a, "select current_database()");
        var nameB = (string?)await Scalar(b, "select current_database()");
        Assert.Equal(new NpgsqlConnectionStringBuilder(first).Database, nameA);
        Assert.Equal(new NpgsqlConnectionStringBuilder(second).Database, nameB);
        Assert.StartsWith("pg_first_", nameA, StringComparison.Ordinal);
        Assert.NotEqual(nameA, nameB);

        // numeric(18,2) round trip: exact decimal sums, no floating point on the way.
        decimal[] amountsA = [0.10m, 0.20m, 1234567890123456.78m, -0.05m];
        decimal[] amountsB = [99.99m, 0.01m];
        await CreateAndFill(a, amountsA);
        await CreateAndFill(b, amountsB);

        Assert.Equal(amountsA.Sum(), await Scalar(a, "select sum(amount) from ledger"));
        Assert.Equal(amountsB.Sum(), await Scalar(b, "select sum(amount) from ledger"));
        Assert.Equal(0.10m, await Scalar(a, "select amount from ledger order by id limit 1"));
        Assert.Equal((long)amountsA.Length, await Scalar(a, "select count(*) from ledger"));
        Assert.Equal((long)amountsB.Length, await Scalar(b, "select count(*) from ledger"));

        // Isolation: a table created only in the first database does not exist in the second.
        await Execute(a, "create table only_in_first (id int)");
        Assert.Equal(true, await Scalar(a, "select to_regclass('public.only_in_first') is not null"));
        Assert.Equal(true, await Scalar(b, "select to_regclass('public.only_in_first') is null"));
    }

    private static async Task CreateAndFill(NpgsqlConnection connection, decimal[] amounts)
    {
        await Execute(connection, "create table ledger (id serial primary key, amount numeric(18,2) not null)");
        foreach (var amount in amounts)
        {
            await using var insert = new NpgsqlCommand("insert into ledger (amount) values (@amount)", connection);
            insert.Parameters.AddWithValue("amount", amount);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
