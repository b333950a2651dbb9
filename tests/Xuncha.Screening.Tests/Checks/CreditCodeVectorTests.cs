using Xuncha.Screening.Checks;

namespace Xuncha.Screening.Tests.Checks;

/// <summary>Every row of TestData/testvectors-uscc.csv against its `expected` column.</summary>
public sealed class CreditCodeVectorTests
{
    /// <summary>
    /// Where this implementation deliberately differs from the vector's source. python-stdnum
    /// wants the first 8 characters to be digits, but GB 32100's registration authorities
    /// include A (military) and N (agriculture: village collectives carry N2… codes), so an
    /// A1… code is well formed; this one fails on its check character (K would be right).
    /// </summary>
    private static readonly Dictionary<string, CreditCodeStatus> Deviations = new()
    {
        ["A1110000600037341L"] = CreditCodeStatus.WrongCheckCharacter,
    };

    public static TheoryData<string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in TestFiles.ReadCsv("testvectors-uscc.csv"))
        {
            data.Add(row["uscc"], row["expected"], row["check_char_ok_by_gb32100"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Vector_GivesTheExpectedKindOfResult(string code, string expected, string checkCharOk)
    {
        var want = Deviations.TryGetValue(code, out var deviation) ? deviation : Expected(expected);

        var result = CreditCode.Validate(code);

        Assert.Equal(want, result.Status);
        Assert.Equal(want == CreditCodeStatus.Valid, CreditCode.IsValid(code));
        if (code.Length == CreditCode.Length && code.All(c => CreditCode.Alphabet.Contains(c)))
        {
            var computedMatches = CreditCode.ComputeCheckCharacter(code.AsSpan(0, 17)) == code[17];
            Assert.Equal(bool.Parse(checkCharOk), computedMatches);
        }
    }

    [Fact]
    public void Vectors_AreAllThere()
    {
        Assert.Equal(207, Rows().Count);
    }

    private static CreditCodeStatus Expected(string expected) => expected switch
    {
        "valid" => CreditCodeStatus.Valid,
        "invalid_checksum" => CreditCodeStatus.WrongCheckCharacter,
        "invalid_format" => CreditCodeStatus.WrongFormat,
        "invalid_length" => CreditCodeStatus.WrongLength,
        _ => throw new InvalidDataException($"Unknown expectation '{expected}'."),
    };
}
