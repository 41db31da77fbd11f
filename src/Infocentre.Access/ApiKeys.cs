using System.Security.Cryptography;
using System.Text;
using Infocentre.Warehouse;
using Infocentre.Warehouse.Access;
using Microsoft.EntityFrameworkCore;

namespace Infocentre.Access;

/// <summary>
/// API keys of service accounts: "ick_&lt;prefix&gt;_&lt;secret&gt;". Shown once at creation; only the SHA-256 of
/// the secret is stored, and a presented key is checked in constant time.
/// </summary>
public static class ApiKeys
{
    public const string HeaderName = "X-Api-Key";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static async Task<(ApiKey Row, string Key)> CreateAsync(
        WarehouseDbContext db, string name, IEnumerable<string> roles, IEnumerable<string> ministeres, IEnumerable<string>? programmes,
        CancellationToken cancellationToken)
    {
        var prefix = RandomNumberGenerator.GetString(Alphabet, 8);
        var secret = RandomNumberGenerator.GetString(Alphabet, 40);
        var row = new ApiKey
        {
            Name = name,
            Prefix = prefix,
            SecretHash = Hash(secret),
            Roles = string.Join(",", roles),
            Ministeres = string.Join(",", ministeres),
            Programmes = string.Join(",", programmes ?? []),
            CreatedAt = DateTime.UtcNow,
        };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return (row, $"ick_{prefix}_{secret}");
    }

    /// <summary>The active key row matching <paramref name="presented"/>, or null.</summary>
    public static async Task<ApiKey?> FindAsync(WarehouseDbContext db, string presented, CancellationToken cancellationToken)
    {
        var parts = presented.Split('_');
        if (parts.Length != 3 || parts[0] != "ick" || parts[1].Length != 8 || parts[2].Length != 40)
        {
            return null;
        }

        var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == parts[1] && k.RevokedAt == null, cancellationToken);
        return row is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(row.SecretHash), Encoding.ASCII.GetBytes(Hash(parts[2])))
            ? row
            : null;
    }

    public static async Task<bool> RevokeAsync(WarehouseDbContext db, string prefix, CancellationToken cancellationToken) =>
        await db.ApiKeys.Where(k => k.Prefix == prefix && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, DateTime.UtcNow), cancellationToken) > 0;

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
