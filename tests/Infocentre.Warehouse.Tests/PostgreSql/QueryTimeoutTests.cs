using Infocentre.TestSupport.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Warehouse.Tests.PostgreSql;

/// <summary>A query stopped by its time limit is recognised as such on PostgreSQL, and nothing else is.</summary>
public sealed class QueryTimeoutTests
{
    [Fact(Timeout = 120_000)]
    public async Task Command_timeout_statement_timeout_and_other_errors()
    {
        await using var server = await PostgreSqlServer.StartAsync(default);
        var options = new WarehouseOptions
        {
            Provider = WarehouseProvider.PostgreSql,
            ConnectionString = await server.CreateDatabaseAsync("query_timeout", default),
            CommandTimeoutSeconds = 1,
        };

        await using (var db = WarehouseDatabase.CreateContext(options))
        {
            var byClient = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\" FROM pg_sleep(5)").ToListAsync());
            Assert.True(QueryTimeout.IsTimeout(byClient), byClient.ToString());
        }

        await using (var db = WarehouseDatabase.CreateContext(options))
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("SET statement_timeout = 100");
            var byServer = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\" FROM pg_sleep(0.5)").ToListAsync());
            Assert.True(QueryTimeout.IsTimeout(byServer), byServer.ToString());

            var other = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.SqlQueryRaw<int>("SELECT 1 / 0 AS \"Value\"").ToListAsync());
            Assert.False(QueryTimeout.IsTimeout(other), other.ToString());
        }
    }
}
