using System.Diagnostics.CodeAnalysis;

namespace Infocentre.Warehouse.Identifiers;

/// <summary>A groupe de marchandises (purchasing category) "NN.NN.NN": domaine, segment, groupe ("12.01.01").</summary>
public readonly record struct GroupeMarchandisesCode : IIdentifier<GroupeMarchandisesCode>
{
    private readonly string? _value;

    private GroupeMarchandisesCode(string value) => _value = value;

    public static string Kind => "Groupe de marchandises";

    public static string ExpectedFormat => "NN.NN.NN (domaine, segment and groupe, 2 digits each), e.g. 12.01.01";

    public string Value => _value ?? string.Empty;

    public static GroupeMarchandisesCode Parse(string value) =>
        TryParse(value, out var result) ? result : throw new IdentifierFormatException(Kind, value, ExpectedFormat);

    public static bool TryParse([NotNullWhen(true)] string? value, out GroupeMarchandisesCode result)
    {
        if (IdentifierText.TryTrim(value, out var text)
            && text.Length == 8
            && IdentifierText.IsDigits(text.AsSpan(0, 2))
            && text[2] == '.'
            && IdentifierText.IsDigits(text.AsSpan(3, 2))
            && text[5] == '.'
            && IdentifierText.IsDigits(text.AsSpan(6, 2)))
        {
            result = new GroupeMarchandisesCode(text);
            return true;
        }

        result = default;
        return false;
    }

    static GroupeMarchandisesCode IParsable<GroupeMarchandisesCode>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<GroupeMarchandisesCode>.TryParse(
        [NotNullWhen(true)] string? s, IFormatProvider? provider, out GroupeMarchandisesCode result) =>
        TryParse(s, out result);

    public override string ToString() => Value;
}
