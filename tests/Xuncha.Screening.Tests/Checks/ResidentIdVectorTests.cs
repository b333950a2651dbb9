using Xuncha.Screening.Checks;

namespace Xuncha.Screening.Tests.Checks;

/// <summary>Every row of TestData/testvectors-resident-id.csv against its `expected` column.</summary>
public sealed class ResidentIdVectorTests
{
    // A fixed as-of, so that the row born in 2978 is "after as-of" whatever today is.
    private static readonly DateOnly AsOf = new(2025, 12, 31);

    public static TheoryData<string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in TestFiles.ReadCsv("testvectors-resident-id.csv"))
        {
            data.Add(row["id"], row["expected"], row["checksum_ok_by_iso7064_mod11_2"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Vector_GivesTheExpectedKindOfResult(string id, string expected, string checksumOk)
    {
        var result = ResidentId.Validate(id, AsOf);

        Assert.Contains(result.Status, Expected(expected));
        Assert.Equal(result.Status == ResidentIdStatus.Valid, ResidentId.IsValid(id, AsOf));
        if (id[..17].All(char.IsAsciiDigit))
        {
            var computedMatches = ResidentId.ComputeCheckDigit(id.AsSpan(0, 17)) == char.ToUpperInvariant(id[17]);
            Assert.Equal(bool.Parse(checksumOk), computedMatches);
        }
    }

    [Fact]
    public void Vectors_AreAllThere()
    {
        Assert.Equal(20, Rows().Count);
    }

    private static ResidentIdStatus[] Expected(string expected) => expected switch
    {
        "valid" => [ResidentIdStatus.Valid],
        "invalid_checksum" => [ResidentIdStatus.WrongCheckDigit],
        "invalid_format" => [ResidentIdStatus.WrongFormat],

        // Month 13 and 31 February are not dates; year 2978 is a date, but after as-of.
        "invalid_date" or "invalid_date(+checksum)" => [ResidentIdStatus.BadBirthDate, ResidentIdStatus.BirthDateAfter],

        // S04 does not check the address code, so these fail on their (also wrong) check digit.
        "invalid_province(+checksum)" => [ResidentIdStatus.WrongCheckDigit],
        _ => throw new InvalidDataException($"Unknown expectation '{expected}'."),
    };
}
