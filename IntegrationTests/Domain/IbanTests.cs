using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>IBANs: normalised, their country's length and the ISO 7064 mod-97 check digits; masked for readers who do not pay.</summary>
public class IbanTests
{
    [Theory]
    [InlineData("DE89370400440532013000", "DE89370400440532013000")]
    [InlineData("de89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    [InlineData(" AT61 1904 3002 3457 3201 ", "AT611904300234573201")]
    [InlineData("FR1420041010050500013M02606", "FR1420041010050500013M02606")]
    [InlineData("NL91ABNA0417164300", "NL91ABNA0417164300")]
    [InlineData("GB29 NWBK 6016 1331 9268 19", "GB29NWBK60161331926819")]
    [InlineData("NO9386011117947", "NO9386011117947")]
    [InlineData("MT84MALT011000012345MTLCAST001S", "MT84MALT011000012345MTLCAST001S")]
    // A country outside the table is held to the general 15 to 34 characters and the check digits.
    [InlineData("SA0380000000608010167519", "SA0380000000608010167519")]
    public void A_valid_IBAN_is_accepted_with_spaces_and_lower_case_and_normalised(string typed, string value)
    {
        Iban.Check(typed, out var iban).ShouldBe(IbanProblem.None);
        iban!.Value.ShouldBe(value);
        Iban.Parse(typed).ShouldBe(iban);
    }

    [Theory]
    [InlineData("", IbanProblem.Empty)]
    [InlineData("   ", IbanProblem.Empty)]
    [InlineData(null, IbanProblem.Empty)]
    [InlineData("DE89-3704-0044-0532-0130-00", IbanProblem.Characters)]
    [InlineData("DE89 3704 0044 0532 0130 0ä", IbanProblem.Characters)]
    [InlineData("1289370400440532013000", IbanProblem.Start)]
    [InlineData("DEXX370400440532013000", IbanProblem.Start)]
    [InlineData("DE", IbanProblem.Start)]
    [InlineData("DE8937040044053201300", IbanProblem.Length)]
    [InlineData("DE893704004405320130001", IbanProblem.Length)]
    [InlineData("ZZ12345678901", IbanProblem.Length)]
    // One digit mistyped, two digits swapped, wrong check digits: mod 97 catches them.
    [InlineData("DE89370400440532013001", IbanProblem.CheckDigits)]
    [InlineData("DE89370400440523013000", IbanProblem.CheckDigits)]
    [InlineData("DE88370400440532013000", IbanProblem.CheckDigits)]
    [InlineData("AT611904300234573202", IbanProblem.CheckDigits)]
    public void An_invalid_IBAN_is_refused_saying_what_is_wrong(string? typed, IbanProblem problem)
    {
        Iban.Check(typed, out var iban).ShouldBe(problem);
        iban.ShouldBeNull();
        var refusal = Should.Throw<RuleViolation>(() => Iban.Parse(typed));
        refusal.Code.ShouldBe("payee.invalid-iban");
        refusal.Message.ShouldBe(Iban.Explain(problem));
    }

    [Fact]
    public void Masked_it_shows_country_check_digits_and_the_last_four_characters_only()
    {
        var iban = Iban.Parse("DE89370400440532013000");
        iban.Formatted.ShouldBe("DE89 3704 0044 0532 0130 00");
        iban.Masked.ShouldBe("DE89 **** **** **** **30 00");
        Iban.Parse("NO9386011117947").Masked.ShouldBe("NO93 **** ***7 947");
    }
}
