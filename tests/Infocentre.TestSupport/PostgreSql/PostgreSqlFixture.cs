using Xunit;

namespace Infocentre.TestSupport.PostgreSql;

/// <summary>
/// xUnit fixture holding one <see cref="PostgreSqlServer"/> shared by the tests of a class or collection.
/// Each test should take its own database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <example>
/// xUnit only finds collection definitions in the test assembly itself, so declare one there:
/// <code>
/// [CollectionDefinition(Name)]
/// public sealed class PostgreSqlCollection : ICollectionFixture&lt;PostgreSqlFixture&gt;
/// {
///     public const string Name = "PostgreSQL";
/// }
///
/// [Collection(PostgreSqlCollection.Name)]
/// public sealed class MyTests(PostgreSqlFixture postgres) { ... }
/// </code>
/// </example>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private PostgreSqlServer? server;

    /// <summary>The running server (available once xUnit has initialized the fixture).</summary>
    public PostgreSqlServer Server =>
        server ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialized.");

    /// <summary>Connection string of the server's maintenance database.</summary>
    public string ConnectionString => Server.ConnectionString;

    /// <summary>Creates a fresh, uniquely named database and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken cancellationToken = default) =>
        Server.CreateDatabaseAsync(prefix, cancellationToken);

    /// <inheritdoc />
    public async Task InitializeAsync() => server = await PostgreSqlServer.StartAsync(CancellationToken.None);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        var running = Interlocked.Exchange(ref server, null);
        if (running is not null)
        {
            await running.DisposeAsync();
        }
    }
}
