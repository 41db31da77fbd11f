using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>
/// A validated Chorus or company identifier held as its canonical text (<see cref="Value"/>).
/// Every implementation parses culture-invariantly, trims surrounding whitespace and reports
/// a bad value with an <see cref="IdentifierFormatException"/>.
/// </summary>
/// <remarks>
/// <c>default(T)</c> is not a valid identifier: its <see cref="Value"/> is the empty string.
/// Obtain instances through <c>Parse</c> or <c>TryParse</c> only.
/// </remarks>
public interface IIdentifier<TSelf> : IParsable<TSelf>, IEquatable<TSelf>
    where TSelf : struct, IIdentifier<TSelf>
{
    /// <summary>Human-readable name of the identifier, used in error messages ("EJ number").</summary>
    static abstract string Kind { get; }

    /// <summary>The accepted format, in English, as it appears in error messages ("10 digits").</summary>
    static abstract string ExpectedFormat { get; }

    /// <summary>The canonical text of the identifier (trimmed, prefixes such as <c>BG00/</c> removed).</summary>
    string Value { get; }

    /// <summary>Parses <paramref name="value"/> or throws an <see cref="IdentifierFormatException"/>.</summary>
    static abstract TSelf Parse(string value);

    /// <summary>Parses <paramref name="value"/>; returns <see langword="false"/> instead of throwing.</summary>
    static abstract bool TryParse([NotNullWhen(true)] string? value, out TSelf result);
}
