using Xuncha.Screening.Reading;

namespace Xuncha.Screening.Tests;

internal static class TestFiles
{
    public static string DataPath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    /// <summary>The rows of a CSV in TestData as header → value maps.</summary>
    public static IEnumerable<Dictionary<string, string>> ReadCsv(string name)
    {
        var records = CsvParser.Parse(File.ReadAllText(DataPath(name))).ToList();
        var header = records[0];
        return records.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second));
    }
}
