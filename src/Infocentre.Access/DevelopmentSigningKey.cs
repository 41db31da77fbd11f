using System.Security.Cryptography;

namespace Infocentre.Access;

/// <summary>
/// The local signing key of the Development environment: random, created on first use in the user's profile
/// (never in the repository), shared by the service and the `infocentre token` verb. Refused elsewhere.
/// </summary>
public static class DevelopmentSigningKey
{
    public const string Issuer = "infocentre-development";
    public const string Audience = "infocentre";

    public static string DefaultPath => Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create),
        "infocentre", "development-signing-key");

    public static byte[] LoadOrCreate(string? path = null)
    {
        path ??= DefaultPath;
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    /// <summary>Whether the process runs in the Development environment (ASP.NET Core's or .NET's variable).</summary>
    public static bool IsDevelopment() =>
        string.Equals(Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT"), "Development", StringComparison.OrdinalIgnoreCase);
}
