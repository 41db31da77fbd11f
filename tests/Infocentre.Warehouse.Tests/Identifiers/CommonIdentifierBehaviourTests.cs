using System.Globalization;
using Infocentre.Warehouse.Identifiers;

namespace Infocentre.Warehouse.Tests.Identifiers;

/// <summary>Behaviour every identifier shares: blank input, default values, IParsable, message shape.</summary>
public class CommonIdentifierBehaviourTests
{
    [Theory]
    [InlineData(null, "is missing (null)")]
    [InlineData("", "is empty")]
    [InlineData("   ", "is empty")]
    [InlineData("\t\u00A0\r\n", "is empty")] // Excel exports carry non-breaking spaces
    public void Blank_input_is_rejected_by_every_identifier(string? input, string wording)
    {
        Check<ProgrammeCode>(input, wording);
        Check<DomaineFonctionnelCode>(input, wording);
        Check<CentreFinancierCode>(input, wording);
        Check<CentreCoutsCode>(input, wording);
        Check<ActiviteCode>(input, wording);
        Check<EjNumber>(input, wording);
        Check<DpNumber>(input, wording);
        Check<TiersCode>(input, wording);
        Check<CompteGeneralCode>(input, wording);
        Check<GroupeMarchandisesCode>(input, wording);
        Check<SocieteCode>(input, wording);
        Check<MinistereCode>(input, wording);
        Check<Siren>(input, wording);
        Check<Siret>(input, wording);
        Check<Rna>(input, wording);

        static void Check<T>(string? input, string wording)
            where T : struct, IIdentifier<T>
        {
            var ex = IdentifierAssert.Rejected<T>(input);
            Assert.Equal($"{T.Kind} {wording}: expected {T.ExpectedFormat}.", ex.Message);
        }
    }

    [Fact]
    public void Default_values_are_empty_rather_than_null()
    {
        Assert.Equal(string.Empty, default(EjNumber).Value);
        Assert.Equal(string.Empty, default(EjNumber).ToString());
        Assert.Equal(string.Empty, default(ProgrammeCode).LolfCode);
        Assert.Equal(0, default(ProgrammeCode).Number);
        Assert.Equal(string.Empty, default(DomaineFonctionnelCode).ActionCode);
        Assert.False(default(DomaineFonctionnelCode).IsSousAction);
        Assert.Equal(string.Empty, default(CentreFinancierCode).BopCode);
        Assert.Equal(string.Empty, default(CentreFinancierCode).UoCode);
        Assert.Equal(string.Empty, default(ActiviteCode).ObCode);
        Assert.Equal('\0', default(CompteGeneralCode).Classe);
        Assert.Equal(string.Empty, default(Siret).Nic);
        Assert.Equal(default, default(Siret).Siren);
    }

    [Fact]
    public void Equal_values_are_equal_identifiers()
    {
        Assert.Equal(EjNumber.Parse("2104453606"), EjNumber.Parse(" 2104453606 "));
        Assert.True(CentreFinancierCode.Parse("BG00/0354-CDMA-CDAT") == CentreFinancierCode.Parse("0354-CDMA-CDAT"));
        Assert.NotEqual(DpNumber.Parse("000195567"), DpNumber.Parse("100241599"));
        Assert.Equal(
            DomaineFonctionnelCode.Parse("0354-02").GetHashCode(),
            DomaineFonctionnelCode.Parse("0354-02").GetHashCode());
    }

    [Fact]
    public void Identifiers_are_iparsable_and_ignore_the_format_provider()
    {
        var turkish = CultureInfo.GetCultureInfo("tr-TR");

        Assert.Equal(MinistereCode.Parse("MIN10"), ParseWith<MinistereCode>("MIN10", turkish));
        Assert.Equal(CompteGeneralCode.Parse("6113110000"), ParseWith<CompteGeneralCode>("PCE/6113110000", turkish));
        Assert.False(TryParseWith<SocieteCode>("adce", turkish));

        static T ParseWith<T>(string s, IFormatProvider provider)
            where T : IParsable<T> => T.Parse(s, provider);

        static bool TryParseWith<T>(string s, IFormatProvider provider)
            where T : IParsable<T> => T.TryParse(s, provider, out _);
    }

    [Fact]
    public void Parsing_does_not_depend_on_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // Turkish casing maps 'i' and 'I' differently; Arabic uses other digits.
            foreach (var name in new[] { "tr-TR", "ar-SA", "fr-FR" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                Assert.Equal("MIN10", MinistereCode.Parse("MIN10").Value);
                Assert.False(MinistereCode.TryParse("mın10", out _));
                Assert.Equal("6113110000", CompteGeneralCode.Parse("PCE/6113110000").Value);
                Assert.Equal(163, ProgrammeCode.Parse("163").Number);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Long_values_are_cut_in_the_message_but_kept_in_the_exception()
    {
        var input = new string('9', 500);

        var ex = Assert.Throws<IdentifierFormatException>(() => EjNumber.Parse(input));

        Assert.Equal(input, ex.Value);
        Assert.Contains("'" + new string('9', 64) + "…'", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 120);
    }

    [Fact]
    public void The_exception_is_a_format_exception()
    {
        FormatException ex = new IdentifierFormatException("DP number", "12", "9 digits (leading zeros kept)");

        Assert.Equal("DP number '12' is invalid: expected 9 digits (leading zeros kept).", ex.Message);
    }
}
