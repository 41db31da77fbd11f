using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Warehouse.Tests.Identifiers;

/// <summary>Checks shared by every identifier test: Parse and TryParse agree, and failures explain themselves.</summary>
internal static class IdentifierAssert
{
    /// <summary>Parses <paramref name="input"/> both ways and checks the canonical value.</summary>
    public static T Accepted<T>(string input, string expectedValue)
        where T : struct, IIdentifier<T>
    {
        var parsed = T.Parse(input);
        Assert.Equal(expectedValue, parsed.Value);
        Assert.Equal(expectedValue, parsed.ToString());

        Assert.True(T.TryParse(input, out var tried));
        Assert.Equal(parsed, tried);

        // The canonical value parses to the same identifier.
        Assert.Equal(parsed, T.Parse(parsed.Value));
        return parsed;
    }

    /// <summary>Checks that <paramref name="input"/> is refused, and that the message names the kind, the value and the format.</summary>
    public static IdentifierFormatException Rejected<T>(string? input)
        where T : struct, IIdentifier<T>
    {
        Assert.False(T.TryParse(input, out var tried));
        Assert.Equal(default, tried);

        var ex = Assert.Throws<IdentifierFormatException>(() => T.Parse(input!));
        Assert.Equal(T.Kind, ex.IdentifierKind);
        Assert.Equal(T.ExpectedFormat, ex.ExpectedFormat);
        Assert.Equal(input, ex.Value);
        Assert.StartsWith(T.Kind, ex.Message, StringComparison.Ordinal);
        Assert.Contains("expected " + T.ExpectedFormat, ex.Message, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(input))
        {
            Assert.Contains($"'{input}'", ex.Message, StringComparison.Ordinal);
        }

        return ex;
    }
}
